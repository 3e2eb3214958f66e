import { EntityManager, raw } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { applyCaps, CapBases } from '../rules/caps';
import { Candidate, EligibilityRecords, evaluateEligibility } from '../rules/eligibility';
import { RulePack, TitleDefinition } from '../rules/rule-pack';
import { EligibilityCandidateDto, EligibilityListDto, EligibilityQueryDto } from './records.dto';
import { loadEligibilityRecords } from './eligibility-records';
import { EVERY_UNIT_ROLES, mandatedFor, mandatedUnits } from './mandated';
import { RulePacksService } from './rule-packs.service';


/**
 * Who may be proposed for a title in a year, and why (điều kiện khen thưởng): for a person's title, every member of
 * the unit's staff that year; for a collective title, the unit itself. Each candidate's reasons cite their rule, and
 * the caps say how many of the eligible the unit may propose.
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly em: EntityManager,
    private readonly packs: RulePacksService,
  ) {}

  async list(query: EligibilityQueryDto, principal: Principal, language: Language): Promise<EligibilityListDto> {
    const em = this.em.fork();
    const unit = await em.findOne(Unit, query.unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: query.unitId });
    await this.assertMaySee(em, unit, principal);
    const { pack, title } = this.packs.title(query.year, query.title);

    const staff = await em.find(StaffYear, { unit, year: query.year }, { populate: ['person'], orderBy: { person: { fullName: 'asc', id: 'asc' } } });
    let people = staff.map((row) => row.person);
    if (query.personId) {
      people = people.filter((person) => person.id === query.personId);
      if (!people.length) throw new AppError('CANDIDATE_NOT_IN_UNIT', { person: await this.personName(em, query.personId), unit: unit.name, year: query.year });
    }
    const records = await loadEligibilityRecords(em, { personIds: people.map((p) => p.id), unitIds: [unit.id], year: query.year });
    const candidates: Candidate[] = title.subject === 'person' ? people.map((person) => ({ subject: 'person', id: person.id })) : [{ subject: 'unit', id: unit.id }];
    const names = new Map([...people.map((person) => [person.id, person.fullName] as const), [unit.id, unit.name]]);
    const rows: EligibilityCandidateDto[] = candidates.map((candidate) => {
      const result = evaluateEligibility(pack, records, candidate, title.code, query.year);
      return {
        subject: candidate.subject,
        id: candidate.id,
        name: names.get(candidate.id) ?? '',
        eligible: result.eligible,
        pendingVote: result.reasons.some((reason) => reason.met === 'pending-vote'),
        reasons: result.reasons.map((reason) => ({ rule: reason.rule, source: reason.source, met: reason.met, text: reason.text[language] })),
      };
    });
    return {
      year: query.year,
      pack: { key: pack.key, name: pack.name[language], effectiveFrom: pack.effectiveFrom },
      title: { code: title.code, name: title.name[language], subject: title.subject },
      unit: { unitId: unit.id, code: unit.code, name: unit.name },
      candidates: rows,
      caps: this.caps(pack, title, records, unit.id, query.year, rows, language),
    };
  }

  /**
   * The units a person may look at, with the latest year their staff is on record: the council and administrators
   * every unit with staff records, an officer the units they are mandated for today.
   */
  async unitsFor(principal: Principal): Promise<Array<{ id: string; name: string; latestYear: number | null }>> {
    const em = this.em.fork() as SqlEntityManager;
    let units: Unit[];
    if (principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role))) {
      const ids = (await em.createQueryBuilder(StaffYear, 's').select('s.unit', true).execute<Array<{ unit: string }>>('all')).map((row) => row.unit);
      units = ids.length ? await em.find(Unit, { id: { $in: ids }, archivedAt: null }) : [];
    } else {
      units = await mandatedUnits(em, principal.personId);
    }
    const latest = new Map<string, number>();
    if (units.length) {
      const rows = await em
        .createQueryBuilder(StaffYear, 's')
        .select(['s.unit', raw('max(s.year) as latest')])
        .where({ unit: { $in: units.map((u) => u.id) } })
        .groupBy('s.unit')
        .execute<Array<{ unit: string; latest: number }>>('all');
      for (const row of rows) latest.set(row.unit, Number(row.latest));
    }
    return units.map((unit) => ({ id: unit.id, name: unit.name, latestYear: latest.get(unit.id) ?? null })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** The caps on proposing every eligible candidate, counted against the unit's members that year. */
  private caps(pack: RulePack, title: TitleDefinition, records: EligibilityRecords, unitId: string, year: number, rows: EligibilityCandidateDto[], language: Language): string[] {
    const proposals = rows.filter((row) => row.eligible).map((row) => ({ candidateId: row.id, title: title.code }));
    return (applyCaps(pack, { [unitId]: proposals }, { [unitId]: capBasesOf(pack, records, unitId, year) })[unitId] ?? []).map((outcome) => outcome.text[language]);
  }

  private async assertMaySee(em: EntityManager, unit: Unit, principal: Principal): Promise<void> {
    if (principal.roles.some((role) => EVERY_UNIT_ROLES.includes(role))) return;
    if (!(await mandatedFor(em, principal.personId, [unit.id]))) throw new AppError('ELIGIBILITY_FORBIDDEN', { unit: unit.name });
  }

  /** @throws AppError PERSON_NOT_FOUND. */
  private async personName(em: EntityManager, id: string): Promise<string> {
    const person = await em.findOne(Person, id);
    if (!person) throw new AppError('PERSON_NOT_FOUND', { id });
    return person.fullName;
  }
}

/** What the pack's caps are measured against in a unit's year: its headcount, and how many of its members hold each base title (not revoked). */
export function capBasesOf(pack: RulePack, records: EligibilityRecords, unitId: string, year: number): CapBases {
  const members = records.units[unitId]?.membersByYear?.[year] ?? [];
  const holders: Record<string, number> = {};
  for (const cap of pack.caps) {
    if (cap.base === 'headcount') continue;
    const base = cap.base.title;
    holders[base] = members.filter((id) => records.people[id]?.titles?.some((held) => held.title === base && held.year === year && !held.revoked)).length;
  }
  return { headcount: members.length, holders };
}
