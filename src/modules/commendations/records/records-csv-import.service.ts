import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { Language, Text } from '../../../common/i18n/language';
import { ROW_PROBLEM_TEXT, RowProblem, throwIfProblems } from '../../org/csv-problems';
import { chunks, RowCheck } from '../../org/csv-row-check';
import { readCsvTable } from '../../org/csv-table';
import { Person } from '../../org/entities/person.entity';
import { UnitEvaluation } from '../../org/entities/unit-evaluation.entity';
import { Unit } from '../../org/entities/unit.entity';
import { UNIT_CODE_PATTERN, USERNAME_PATTERN } from '../../org/org-formats';
import { CommendationDecision } from '../entities/commendation-decision.entity';
import { CommendationRecord } from '../entities/commendation-record.entity';
import { Initiative } from '../entities/initiative.entity';
import { StaffAbsence } from '../entities/staff-absence.entity';
import { StaffDiscipline } from '../entities/staff-discipline.entity';
import { StaffYear } from '../entities/staff-year.entity';
import { DISCIPLINE_LEVELS, DisciplineLevel, INITIATIVE_SCOPES, InitiativeScope, TASK_RESULTS, TaskResult, titleOf } from '../rules/rule-pack';
import { RulePacksService } from './rule-packs.service';

/** The kinds of line a records file holds: one fact each. */
export const RECORD_KINDS = ['staff', 'unit-result', 'title', 'initiative', 'absence', 'discipline'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const COLUMNS = {
  required: ['record'],
  optional: ['username', 'unitCode', 'year', 'title', 'taskResult', 'scope', 'name', 'from', 'to', 'level', 'recruitedOn', 'decisionNumber', 'signedOn', 'issuer', 'note'],
} as const;

/** Which columns each kind reads (required first, then optional); any other filled column is reported. */
const FIELDS: Record<RecordKind, { required: string[]; optional: string[] }> = {
  staff: { required: ['username', 'unitCode', 'year'], optional: ['taskResult', 'recruitedOn'] },
  'unit-result': { required: ['unitCode', 'year', 'taskResult'], optional: [] },
  title: { required: ['year', 'title', 'decisionNumber', 'signedOn', 'issuer'], optional: ['username', 'unitCode'] },
  initiative: { required: ['year', 'scope', 'name'], optional: ['username', 'unitCode', 'decisionNumber'] },
  absence: { required: ['username', 'from', 'to'], optional: ['note'] },
  discipline: { required: ['username', 'level', 'from'], optional: ['signedOn', 'decisionNumber'] },
};

/** Problems of a records file beyond the shared ones of every import. */
const RECORD_PROBLEM_TEXT = {
  ...ROW_PROBLEM_TEXT,
  INVALID_RECORD_KIND: { vi: 'Loại bản ghi "{value}" không hợp lệ; chọn một trong: {allowed}.', en: 'Record kind "{value}" is invalid; use one of: {allowed}.' },
  INVALID_CHOICE: { vi: 'Giá trị "{value}" không hợp lệ; chọn một trong: {allowed}.', en: 'Value "{value}" is invalid; use one of: {allowed}.' },
  INVALID_YEAR: { vi: 'Năm "{value}" không hợp lệ: cần một năm từ 1945 đến 2100.', en: 'Year "{value}" is invalid: give a year from 1945 to 2100.' },
  NOT_FOR_KIND: { vi: 'Cột này không dùng cho bản ghi loại "{kind}"; hãy để trống.', en: 'This column is not used by a "{kind}" record; leave it empty.' },
  ONE_RECIPIENT: { vi: 'Ghi đúng một trong hai cột username (cá nhân) hoặc unitCode (tập thể).', en: 'Fill in exactly one of username (a person) or unitCode (a unit).' },
  UNKNOWN_PERSON: { vi: 'Không tìm thấy cán bộ có tên đăng nhập {value}.', en: 'No person has the username {value}.' },
  UNKNOWN_TITLE: { vi: 'Bộ quy định năm {year} không có danh hiệu "{value}" (có: {titles}).', en: 'The rules for {year} have no title "{value}" (they have: {titles}).' },
  NO_RULE_PACK: { vi: 'Chưa có bộ quy định thi đua, khen thưởng nào áp dụng cho năm {year}.', en: 'No commendation rule pack applies to {year}.' },
  TITLE_SUBJECT: { vi: 'Danh hiệu {value} dành cho {subject}.', en: 'Title {value} is for {subject}.' },
  DATES_REVERSED: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end date is before the start date.' },
  ALREADY_RECORDED: { vi: 'Đã có trong hồ sơ: {what}.', en: 'Already on the record: {what}.' },
  DUPLICATE_LINE: { vi: 'Trùng với dòng {line}.', en: 'Repeats line {line}.' },
  RESULT_DIFFERS: { vi: 'Hồ sơ đã ghi kết quả năm {year} là "{stored}".', en: 'The record already has "{stored}" for {year}.' },
} satisfies Record<string, Text>;

/** A checked line: its kind and the values it was found to have (null where absent or faulty). */
interface RecordRow {
  check: RowCheck;
  kind: RecordKind | null;
  username: string | null;
  unitCode: string | null;
  year: number | null;
  title: string | null;
  taskResult: TaskResult | null;
  scope: InitiativeScope | null;
  level: DisciplineLevel | null;
  name: string | null;
  from: string | null;
  to: string | null;
  recruitedOn: string | null;
  decisionNumber: string | null;
  signedOn: string | null;
  issuer: string | null;
  note: string | null;
}

export interface RecordsImportResult {
  rows: number;
  created: Record<RecordKind, number>;
  dryRun: boolean;
}

/**
 * Imports past years' records (hồ sơ thi đua) from CSV, one fact a line (`record` = staff, unit-result, title,
 * initiative, absence, discipline): all lines or none, every problem reported with its line. A line already on the
 * record is refused rather than written twice, so importing a file again changes nothing.
 */
@Injectable()
export class RecordsCsvImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly packs: RulePacksService,
  ) {}

  async import(body: unknown, dryRun: boolean, importerId: string, language: Language): Promise<RecordsImportResult> {
    const table = readCsvTable(body, COLUMNS);
    const problems: RowProblem[] = [...table.problems];
    const rows = table.records.map((record) => this.checkFields(new RowCheck(record, problems)));
    const em = this.em.fork();
    const people = await this.byKey(em, Person, 'username', rows.map((row) => row.username));
    const units = await this.byKey(em, Unit, 'code', rows.map((row) => row.unitCode));
    for (const row of rows) this.checkReferences(row, people, units);
    await this.checkAgainstRecord(em, rows, people, units);
    throwIfProblems(problems, language, RECORD_PROBLEM_TEXT);

    const created = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
    if (dryRun) return { rows: rows.length, created, dryRun: true };
    await this.write(rows, people, units, importerId);
    for (const row of rows) created[row.kind!] += 1;
    return { rows: rows.length, created, dryRun: false };
  }

  private checkFields(check: RowCheck): RecordRow {
    const kind = check.oneOf('record', RECORD_KINDS, 'INVALID_RECORD_KIND', true);
    const row: RecordRow = {
      check,
      kind,
      username: check.matching('username', USERNAME_PATTERN, 'INVALID_USERNAME'),
      unitCode: check.matching('unitCode', UNIT_CODE_PATTERN, 'INVALID_UNIT_CODE'),
      year: yearOf(check),
      title: check.text('title', { max: 64 }),
      taskResult: check.oneOf('taskResult', TASK_RESULTS, 'INVALID_CHOICE'),
      scope: check.oneOf('scope', INITIATIVE_SCOPES, 'INVALID_CHOICE'),
      level: check.oneOf('level', DISCIPLINE_LEVELS, 'INVALID_CHOICE'),
      name: check.text('name', { max: 500 }),
      from: check.date('from'),
      to: check.date('to'),
      recruitedOn: check.date('recruitedOn'),
      decisionNumber: check.text('decisionNumber', { max: 60 }),
      signedOn: check.date('signedOn'),
      issuer: check.text('issuer', { max: 255 }),
      note: check.text('note', { max: 255 }),
    };
    if (!kind) return row;
    const fields = FIELDS[kind];
    for (const field of fields.required) if (check.value(field) === '') check.report(field, 'REQUIRED');
    for (const field of COLUMNS.optional) {
      if (check.value(field) !== '' && !fields.required.includes(field) && !fields.optional.includes(field)) check.report(field, 'NOT_FOR_KIND', { kind });
    }
    if ((kind === 'title' || kind === 'initiative') && (check.value('username') === '') === (check.value('unitCode') === '')) check.report('username', 'ONE_RECIPIENT');
    if (row.from && row.to && row.to < row.from) check.report('to', 'DATES_REVERSED');
    return row;
  }

  private checkReferences(row: RecordRow, people: Map<string, Person>, units: Map<string, Unit>): void {
    const { check } = row;
    if (row.username && !people.has(row.username)) check.report('username', 'UNKNOWN_PERSON', { value: row.username });
    if (row.unitCode && !units.has(row.unitCode)) check.report('unitCode', 'UNKNOWN_UNIT', { code: row.unitCode });
    if (row.kind !== 'title' || row.year === null || row.title === null) return;
    const pack = this.packs.inForce(row.year);
    if (!pack) {
      check.report('year', 'NO_RULE_PACK', { year: row.year });
      return;
    }
    const title = titleOf(pack, row.title);
    if (!title) check.report('title', 'UNKNOWN_TITLE', { value: row.title, year: row.year, titles: pack.titles.map((t) => t.code).join(', ') });
    else if ((title.subject === 'person') !== (check.value('username') !== '')) {
      check.report('title', 'TITLE_SUBJECT', { value: row.title, subject: title.subject === 'person' ? 'cá nhân (username) / a person' : 'tập thể (unitCode) / a unit' });
    }
  }

  /** Lines repeating each other or what the record already holds. */
  private async checkAgainstRecord(em: EntityManager, rows: RecordRow[], people: Map<string, Person>, units: Map<string, Unit>): Promise<void> {
    const firstLine = new Map<string, number>();
    const keyOf = (row: RecordRow): string | null => {
      if (row.kind === 'staff' && row.username && row.year) return `staff ${row.username} ${row.year}`;
      if (row.kind === 'unit-result' && row.unitCode && row.year) return `unit-result ${row.unitCode} ${row.year}`;
      if (row.kind === 'title' && row.year && row.title) return `title ${row.username ?? row.unitCode} ${row.title} ${row.year}`;
      return null;
    };
    for (const row of rows) {
      const key = keyOf(row);
      if (key === null) continue;
      const line = firstLine.get(key);
      if (line === undefined) firstLine.set(key, row.check.line);
      else row.check.report(null, 'DUPLICATE_LINE', { line });
    }
    const staffYears = await findEach(
      em,
      StaffYear,
      rows.flatMap((row) => (row.kind === 'staff' && row.year && people.has(row.username ?? '') ? [{ person: people.get(row.username!)!.id, year: row.year }] : [])),
    );
    const unitYears = await findEach(
      em,
      UnitEvaluation,
      rows.flatMap((row) => (row.kind === 'unit-result' && row.year && units.has(row.unitCode ?? '') ? [{ unit: units.get(row.unitCode!)!.id, year: row.year }] : [])),
    );
    const staffKey = (personId: string, year: number) => `${personId} ${year}`;
    const storedStaff = new Set(staffYears.map((s) => staffKey(s.person.id, s.year)));
    const storedResults = new Map(unitYears.map((e) => [staffKey(e.unit.id, e.year), e.taskResult]));
    const titleHolders = rows.filter((row) => row.kind === 'title' && row.year);
    const personIds = titleHolders.flatMap((row) => (row.username && people.has(row.username) ? [people.get(row.username)!.id] : []));
    const unitIds = titleHolders.flatMap((row) => (row.unitCode && units.has(row.unitCode) ? [units.get(row.unitCode)!.id] : []));
    const storedTitles = new Set<string>();
    for (const part of chunks([...new Set([...personIds.map((id) => `person:${id}`), ...unitIds.map((id) => `unit:${id}`)])])) {
      for (const award of await em.find(CommendationRecord, { recipientKey: { $in: part } }, { fields: ['recipientKey', 'titleCode', 'year'] })) {
        storedTitles.add(`${award.recipientKey} ${award.titleCode} ${award.year}`);
      }
    }
    for (const row of rows) {
      const person = row.username ? people.get(row.username) : undefined;
      const unit = row.unitCode ? units.get(row.unitCode) : undefined;
      if (row.kind === 'staff' && person && row.year && storedStaff.has(staffKey(person.id, row.year))) {
        row.check.report(null, 'ALREADY_RECORDED', { what: `${person.fullName} (${row.year})` });
      }
      if (row.kind === 'unit-result' && unit && row.year) {
        const stored = storedResults.get(staffKey(unit.id, row.year));
        if (stored && stored !== row.taskResult) row.check.report('taskResult', 'RESULT_DIFFERS', { year: row.year, stored });
      }
      if (row.kind === 'title' && row.year && row.title) {
        const key = person ? `person:${person.id}` : unit ? `unit:${unit.id}` : null;
        if (key && storedTitles.has(`${key} ${row.title} ${row.year}`)) {
          row.check.report('title', 'ALREADY_RECORDED', { what: `${row.title} ${row.year} – ${person?.fullName ?? unit?.name}` });
        }
      }
    }
  }

  private async byKey<T extends Person | Unit>(em: EntityManager, entity: new () => T, key: 'username' | 'code', values: (string | null)[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    for (const part of chunks([...new Set(values.filter((v): v is string => v !== null))])) {
      for (const item of await em.find(entity, { [key]: { $in: part } } as never)) found.set((item as Record<string, unknown>)[key] as string, item);
    }
    return found;
  }

  private async write(rows: RecordRow[], people: Map<string, Person>, units: Map<string, Unit>, importerId: string): Promise<void> {
    try {
      await this.em.fork().transactional(async (em) => {
        const person = (row: RecordRow) => (row.username ? em.getReference(Person, people.get(row.username)!.id) : null);
        const unit = (row: RecordRow) => (row.unitCode ? em.getReference(Unit, units.get(row.unitCode)!.id) : null);
        const decisions = new Map<string, CommendationDecision>();
        for (const row of rows) {
          switch (row.kind!) {
            case 'staff':
              em.create(StaffYear, { person: person(row)!, unit: unit(row)!, year: row.year!, taskResult: row.taskResult });
              if (row.recruitedOn) await em.nativeUpdate(Person, { id: people.get(row.username!)!.id }, { recruitedOn: row.recruitedOn });
              break;
            case 'unit-result': {
              const stored = await em.findOne(UnitEvaluation, { unit: units.get(row.unitCode!)!.id, year: row.year! });
              if (stored) stored.taskResult = row.taskResult;
              else em.create(UnitEvaluation, { unit: unit(row)!, year: row.year!, evaluated: true, taskResult: row.taskResult });
              break;
            }
            case 'title': {
              const decision = await this.decisionFor(em, decisions, row, importerId);
              const pack = this.packs.forYear(row.year!);
              const recipient = person(row) ? { person: person(row), recipientKey: `person:${people.get(row.username!)!.id}` } : { unit: unit(row), recipientKey: `unit:${units.get(row.unitCode!)!.id}` };
              em.create(CommendationRecord, { decision, ...recipient, kind: 'title', titleCode: row.title!, titleLabel: { ...titleOf(pack, row.title!)!.name }, year: row.year! });
              break;
            }
            case 'initiative':
              em.create(Initiative, { name: row.name!, person: person(row), unit: unit(row), year: row.year!, scope: row.scope!, decisionNumber: row.decisionNumber });
              break;
            case 'absence':
              em.create(StaffAbsence, { person: person(row)!, fromDate: row.from!, toDate: row.to!, note: row.note });
              break;
            case 'discipline':
              em.create(StaffDiscipline, { person: person(row)!, level: row.level!, violationDate: row.from!, decisionDate: row.signedOn, decisionNumber: row.decisionNumber });
              break;
          }
        }
      });
    } catch (error) {
      // Another import wrote one of these facts between the checks and the commit; the transaction rolled back.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('IMPORT_CONFLICT');
      throw error;
    }
  }

  /** The decision a title line names: one already recorded with that number and date, else one made once per file. */
  private async decisionFor(em: EntityManager, made: Map<string, CommendationDecision>, row: RecordRow, importerId: string): Promise<CommendationDecision> {
    const key = `${row.decisionNumber} ${row.signedOn}`;
    let decision = made.get(key) ?? (await em.findOne(CommendationDecision, { number: row.decisionNumber!, signedOn: row.signedOn! }));
    decision ??= em.create(CommendationDecision, { number: row.decisionNumber!, signedOn: row.signedOn!, issuer: row.issuer!, recordedBy: em.getReference(Person, importerId), recordedAt: new Date() });
    made.set(key, decision);
    return decision;
  }
}

/** The stored rows matching any of the keys, a few hundred keys a query. */
async function findEach<T extends object>(em: EntityManager, entity: new () => T, keys: Record<string, unknown>[]): Promise<T[]> {
  const found: T[] = [];
  for (const part of chunks(keys, 200)) found.push(...(await em.find(entity, { $or: part } as never)));
  return found;
}

function yearOf(check: RowCheck): number | null {
  const value = check.value('year');
  if (value === '') return null;
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  return year >= 1945 && year <= 2100 ? year : check.report('year', 'INVALID_YEAR', { value });
}
