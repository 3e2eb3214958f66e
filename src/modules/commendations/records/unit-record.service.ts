import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { UnitEvaluation } from '../../org/entities/unit-evaluation.entity';
import { Unit } from '../../org/entities/unit.entity';
import { CommendationDto } from '../dto/commendation.dto';
import { AdvancedExample } from '../entities/advanced-example.entity';
import { CommendationRecord } from '../entities/commendation-record.entity';
import { Initiative } from '../entities/initiative.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { EVERY_UNIT_ROLES, mandatedFor } from './mandated';
import { ExampleRecordDto, TitleCountDto, UnitRecordDto, UnitYearDto } from './records.dto';

/**
 * A unit's record (hồ sơ thi đua của tập thể): its results year by year, its own titles and commendations, its
 * initiatives, and what its people received while serving in it. One query per kind of fact, whatever the staff.
 */
@Injectable()
export class UnitRecordService {
  constructor(private readonly em: EntityManager) {}

  /** @throws AppError UNIT_NOT_FOUND, UNIT_RECORD_FORBIDDEN. */
  async get(unitId: string, principal: Principal): Promise<UnitRecordDto> {
    const em = this.em.fork();
    const unit = await em.findOne(Unit, unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
    if (!principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role)) && !(await mandatedFor(em, principal.personId, [unit.id]))) {
      throw new AppError('UNIT_RECORD_FORBIDDEN', { unit: unit.name });
    }
    const [evaluations, staffYears, awards, initiatives, examples] = await Promise.all([
      em.find(UnitEvaluation, { unit }, { orderBy: { year: 'asc' } }),
      em.find(StaffYear, { unit }, { populate: ['person'], orderBy: { year: 'asc' } }),
      em.find(CommendationRecord, { unit }, { populate: ['unit', 'decision'], orderBy: { year: 'asc', titleCode: 'asc' } }),
      em.find(Initiative, { unit, person: null }, { orderBy: { year: 'asc', name: 'asc' } }),
      em.find(AdvancedExample, { unit, status: 'accepted' }, { populate: ['person'], orderBy: { year: 'asc', createdAt: 'asc' } }),
    ]);
    const personIds = [...new Set(staffYears.map((row) => row.person.id))];
    const personal = personIds.length
      ? await em.find(CommendationRecord, { person: { $in: personIds }, revokedAt: null }, { orderBy: { year: 'asc', titleCode: 'asc' } })
      : [];
    // An award counts for the unit the person served in that year.
    const served = new Set(staffYears.map((row) => `${row.person.id} ${row.year}`));
    const titlesByYear = new Map<number, Map<string, TitleCountDto>>();
    for (const award of personal) {
      if (!served.has(`${award.person!.id} ${award.year}`)) continue;
      const titles = titlesByYear.get(award.year) ?? new Map<string, TitleCountDto>();
      titlesByYear.set(award.year, titles);
      const counted = titles.get(award.titleCode) ?? { code: award.titleCode, label: { ...award.titleLabel }, count: 0 };
      counted.count += 1;
      titles.set(award.titleCode, counted);
    }
    const evaluationOf = new Map(evaluations.map((row) => [row.year, row]));
    const staffCount = new Map<number, number>();
    for (const row of staffYears) staffCount.set(row.year, (staffCount.get(row.year) ?? 0) + 1);
    const years = [...new Set([...evaluationOf.keys(), ...staffCount.keys(), ...awards.map((award) => award.year), ...titlesByYear.keys(), ...examples.map((example) => example.year)])].sort((a, b) => a - b);
    const staff = new Map<string, { personId: string; fullName: string; years: number[] }>();
    for (const row of staffYears) {
      const entry = staff.get(row.person.id) ?? { personId: row.person.id, fullName: row.person.fullName, years: [] };
      entry.years.push(row.year);
      staff.set(row.person.id, entry);
    }
    return {
      unit: { unitId: unit.id, code: unit.code, name: unit.name },
      years: years.map(
        (year): UnitYearDto => ({
          year,
          evaluated: evaluationOf.get(year)?.evaluated ?? null,
          taskResult: evaluationOf.get(year)?.taskResult ?? null,
          staff: staffCount.get(year) ?? 0,
          personalTitles: [...(titlesByYear.get(year)?.values() ?? [])],
        }),
      ),
      commendations: awards.map((award) => CommendationDto.from(award)),
      initiatives: initiatives.map((row) => ({ name: row.name, year: row.year, scope: row.scope, decisionNumber: row.decisionNumber })),
      staff: [...staff.values()].sort((a, b) => collator.compare(a.fullName, b.fullName)),
      examples: examples.map((example) => ExampleRecordDto.from(example)),
    };
  }
}

const collator = new Intl.Collator('vi');
