import { EntityManager } from '@mikro-orm/core';
import { chunks } from '../../org/csv-row-check';
import { Person } from '../../org/entities/person.entity';
import { UnitEvaluation } from '../../org/entities/unit-evaluation.entity';
import { CommendationProposal } from '../entities/commendation-proposal.entity';
import { CommendationRecord } from '../entities/commendation-record.entity';
import { Initiative } from '../entities/initiative.entity';
import { StaffAbsence } from '../entities/staff-absence.entity';
import { StaffDiscipline } from '../entities/staff-discipline.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { EligibilityRecords, PersonRecord, UnitRecord } from '../rules/eligibility';
import { TASK_RESULTS, TaskResult } from '../rules/rule-pack';

/** Whose records to read, up to which year (later years cannot matter to it). */
export interface RecordsRequest {
  personIds: string[];
  unitIds: string[];
  year: number;
}


const taskResultOf = (value: string | null): TaskResult | undefined => (TASK_RESULTS as readonly string[]).includes(value ?? '') ? (value as TaskResult) : undefined;

/**
 * Reads the records eligibility needs (evaluateEligibility's plain data) for some people and units, set-based: a
 * few queries whatever their number. A unit's members of each year come along, since collective titles count them.
 * A revoked award is read as revoked, so it counts as never held; a title proposed for the year and not yet decided
 * is read as pending, and counts.
 */
export async function loadEligibilityRecords(em: EntityManager, request: RecordsRequest): Promise<EligibilityRecords> {
  const upTo = { $lte: request.year };
  const units: Record<string, UnitRecord> = Object.fromEntries(request.unitIds.map((id) => [id, { titles: [], initiatives: [], taskResults: {}, membersByYear: {} }]));
  const personIds = new Set(request.personIds);
  for (const part of chunks(request.unitIds)) {
    for (const row of await em.find(StaffYear, { unit: { $in: part }, year: upTo }, { fields: ['person', 'unit', 'year'] })) {
      const members = (units[row.unit.id].membersByYear![row.year] ??= []);
      members.push(row.person.id);
      personIds.add(row.person.id);
    }
    for (const row of await em.find(UnitEvaluation, { unit: { $in: part }, year: upTo })) {
      const result = taskResultOf(row.taskResult);
      if (result) units[row.unit.id].taskResults![row.year] = result;
    }
  }
  const people: Record<string, PersonRecord> = {};
  const ids = [...personIds];
  for (const part of chunks(ids)) {
    for (const person of await em.find(Person, { id: { $in: part } }, { fields: ['fullName', 'recruitedOn'] })) {
      people[person.id] = { name: person.fullName, startDate: person.recruitedOn ?? undefined, titles: [], initiatives: [], taskResults: {}, absences: [], disciplines: [] };
    }
  }
  const known = (id: string) => people[id] !== undefined;
  for (const part of chunks(ids.filter(known))) {
    for (const row of await em.find(StaffYear, { person: { $in: part }, year: upTo }, { fields: ['person', 'year', 'taskResult'] })) {
      const result = taskResultOf(row.taskResult);
      if (result) people[row.person.id].taskResults![row.year] = result;
    }
    for (const row of await em.find(StaffAbsence, { person: { $in: part } })) people[row.person.id].absences!.push({ from: row.fromDate, to: row.toDate });
    for (const row of await em.find(StaffDiscipline, { person: { $in: part } })) {
      people[row.person.id].disciplines!.push({ level: row.level, violationDate: row.violationDate, decisionDate: row.decisionDate ?? undefined });
    }
  }
  const recipients = [...ids.filter(known).map((id) => ({ person: id })), ...request.unitIds.map((id) => ({ unit: id }))];
  for (const part of chunks(ids.filter(known))) {
    // The year's proposals not yet decided count as pending titles (proposed together at year end); once decided,
    // an award is in the register and a refusal counts for nothing.
    for (const proposal of await em.find(CommendationProposal, { person: { $in: part }, year: request.year, status: { $in: ['proposed', 'in-vote'] } }, { fields: ['person', 'titleCode', 'year'] })) {
      const titles = people[proposal.person!.id].titles!;
      titles.push({ title: proposal.titleCode, year: proposal.year, decisionNumber: '', revoked: false, pending: true });
    }
  }
  for (const part of chunks(recipients)) {
    const persons = part.flatMap((r) => ('person' in r ? [r.person] : []));
    const unitsOfPart = part.flatMap((r) => ('unit' in r ? [r.unit] : []));
    const who = [...(persons.length ? [{ person: { $in: persons } }] : []), ...(unitsOfPart.length ? [{ unit: { $in: unitsOfPart } }] : [])];
    const awards = await em.find(CommendationRecord, { $or: who, year: upTo, kind: 'title' }, { populate: ['decision'] });
    for (const award of awards) {
      const holder = award.person ? people[award.person.id] : units[award.unit!.id];
      holder?.titles!.push({ title: award.titleCode, year: award.year, decisionNumber: award.decision.number, revoked: award.revokedAt !== null });
    }
    for (const initiative of await em.find(Initiative, { $or: who, year: upTo })) {
      const holder = initiative.person ? people[initiative.person.id] : units[initiative.unit!.id];
      holder?.initiatives!.push({ scope: initiative.scope, year: initiative.year, name: initiative.name });
    }
  }
  return { people, units };
}
