import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Person } from '../../org/entities/person.entity';
import { CommendationDto } from '../dto/commendation.dto';
import { AdvancedExample } from '../entities/advanced-example.entity';
import { CommendationRecord } from '../entities/commendation-record.entity';
import { Initiative } from '../entities/initiative.entity';
import { StaffAbsence } from '../entities/staff-absence.entity';
import { StaffDiscipline } from '../entities/staff-discipline.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { EVERY_UNIT_ROLES, mandatedFor } from './mandated';
import { ExampleRecordDto, PersonRecordDto } from './records.dto';

/** A person's record (hồ sơ thi đua): years on staff with their results, titles and commendations, initiatives, absences, discipline. */
@Injectable()
export class PersonRecordService {
  constructor(private readonly em: EntityManager) {}

  /** @throws AppError PERSON_NOT_FOUND, PERSON_RECORD_FORBIDDEN. */
  async get(personId: string, principal: Principal): Promise<PersonRecordDto> {
    const em = this.em.fork();
    const person = await em.findOne(Person, personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id: personId });
    const years = await em.find(StaffYear, { person }, { populate: ['unit'], orderBy: { year: 'asc' } });
    await this.assertMaySee(em, person, years, principal);
    const [awards, initiatives, absences, disciplines, examples] = await Promise.all([
      em.find(CommendationRecord, { person }, { populate: ['person', 'decision'], orderBy: { year: 'asc', titleCode: 'asc' } }),
      em.find(Initiative, { person }, { orderBy: { year: 'asc', name: 'asc' } }),
      em.find(StaffAbsence, { person }, { orderBy: { fromDate: 'asc' } }),
      em.find(StaffDiscipline, { person }, { orderBy: { violationDate: 'asc' } }),
      em.find(AdvancedExample, { person, status: 'accepted' }, { populate: ['person'], orderBy: { year: 'asc', createdAt: 'asc' } }),
    ]);
    return {
      person: { personId: person.id, fullName: person.fullName, position: person.position, recruitedOn: person.recruitedOn },
      years: years.map((row) => ({ year: row.year, unit: { unitId: row.unit.id, code: row.unit.code, name: row.unit.name }, taskResult: row.taskResult })),
      commendations: awards.map((award) => CommendationDto.from(award)),
      initiatives: initiatives.map((row) => ({ name: row.name, year: row.year, scope: row.scope, decisionNumber: row.decisionNumber })),
      absences: absences.map((row) => ({ from: row.fromDate, to: row.toDate, note: row.note })),
      disciplines: disciplines.map((row) => ({ level: row.level, violationDate: row.violationDate, decisionDate: row.decisionDate, decisionNumber: row.decisionNumber })),
      examples: examples.map((example) => ExampleRecordDto.from(example)),
    };
  }

  /** The council and administrators, the person, and officers mandated for a unit the person served in. */
  private async assertMaySee(em: EntityManager, person: Person, years: StaffYear[], principal: Principal): Promise<void> {
    if (principal.personId === person.id || principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role))) return;
    if (!(await mandatedFor(em, principal.personId, [...new Set(years.map((row) => row.unit.id))]))) throw new AppError('PERSON_RECORD_FORBIDDEN', { person: person.fullName });
  }
}
