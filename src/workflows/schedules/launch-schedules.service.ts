import { EntityManager, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { catalogMessage, ERROR_CATALOG, ErrorCode } from '../../common/errors/error-catalog';
import { Language } from '../../common/i18n/language';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { Person } from '../../modules/org/entities/person.entity';
import { WorkflowDefinition } from '../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { SUBJECT_WORDS, workflowNameText } from '../engine/refusal-words';
import { startOfVietnamDay } from '../../modules/calendar/dates';
import { dateInYear, runDate, unknownPlaceholders } from './date-rule';
import { Text } from '../../common/i18n/language';
import { CreateLaunchScheduleDto, LaunchScheduleDto, RunNowResultDto, ScheduledLaunchDto, ScheduledLaunchListDto, UpdateLaunchScheduleDto } from './dto/launch-schedule.dto';
import { LaunchSchedule, ScheduleShift, ScheduleSubjectKind } from './entities/launch-schedule.entity';
import { ScheduledLaunch } from './entities/scheduled-launch.entity';
import { ScheduleFlows } from './schedule-flows.service';
import { parseSubjectKey, scheduleSubjects, subjectNames, UNIT_TYPES } from './schedule-subjects';
import type { WorkingCalendar } from '../../modules/calendar/working-calendar';

/** What a schedule needs, as the API and the demo seeder give it. */
export interface LaunchScheduleInput {
  workflowKey: string;
  year: number;
  subjectKind: ScheduleSubjectKind;
  unitType?: string;
  date: string;
  shift?: ScheduleShift;
  nameTemplate?: string;
  enabled?: boolean;
}

/** A schedule's subjects as a refusal says them. */
const SCHEDULE_SUBJECT_WORDS: Record<string, Text> = {
  'every-active-cluster': { vi: 'mọi cụm thi đua đang hoạt động', en: 'every active cluster' },
  'units-of-type': { vi: 'các đơn vị cùng loại', en: 'units of a type' },
};

/** Checks a schedule against its workflow and rule; throws the coded 4xx of the first problem. */
export async function validatedSchedule(
  em: EntityManager,
  input: LaunchScheduleInput,
): Promise<{ definition: WorkflowDefinition; workflowName: Text; nameTemplate: string; unitType: string }> {
  const definition = await em.findOne(WorkflowDefinition, { key: input.workflowKey, archivedAt: null });
  if (!definition) throw new AppError('SCHEDULE_WORKFLOW_NOT_FOUND', { key: input.workflowKey });
  const latest = await em.findOne(WorkflowVersion, { definition }, { orderBy: { number: 'desc' } });
  if (!latest) throw new AppError('SCHEDULE_WORKFLOW_NOT_PUBLISHED', { workflow: definition.name });
  const workflowName = workflowNameText(latest.document, definition.name);
  const expected = latest.document.subject ?? 'cluster';
  if ((expected === 'cluster') !== (input.subjectKind === 'every-active-cluster')) {
    throw new AppError('SCHEDULE_SUBJECT_MISMATCH', {
      workflow: workflowName,
      expected: SUBJECT_WORDS[expected],
      subject: SCHEDULE_SUBJECT_WORDS[input.subjectKind] ?? input.subjectKind,
    }, [{ path: 'subjectKind', message: `expected ${expected === 'cluster' ? 'every-active-cluster' : 'units-of-type'}` }]);
  }
  const unitType = input.subjectKind === 'units-of-type' ? (input.unitType ?? '') : '';
  if (input.subjectKind === 'units-of-type' && !(UNIT_TYPES as readonly string[]).includes(unitType)) {
    throw new AppError('SCHEDULE_UNIT_TYPE_REQUIRED', { types: UNIT_TYPES.join(', ') }, [{ path: 'unitType', message: `one of ${UNIT_TYPES.join(', ')}` }]);
  }
  checkDate(input.date, input.year);
  const nameTemplate = input.nameTemplate ?? `${definition.name} năm {year} — {subject}`;
  checkTemplate(nameTemplate);
  return { definition, workflowName, nameTemplate, unitType };
}

function checkDate(date: string, year: number): void {
  if (!dateInYear(date, year)) throw new AppError('SCHEDULE_DATE_RULE_INVALID', { date, year }, [{ path: 'date', message: 'expected --MM-DD, a day of the year' }]);
}

function checkTemplate(template: string): void {
  const unknown = unknownPlaceholders(template);
  if (unknown.length) throw new AppError('SCHEDULE_NAME_TEMPLATE_INVALID', { allowed: '{year}, {subject}', placeholder: `{${unknown[0]}}` }, [{ path: 'nameTemplate', message: 'only {year} and {subject}' }]);
}

/**
 * The demo seeder's way to a schedule: creates it unless one for the same workflow, year and subject exists
 * (idempotent; an existing one is left as it is). Launches are made as `createdBy`.
 */
export async function ensureLaunchSchedule(em: EntityManager, input: LaunchScheduleInput & { createdBy: Person }): Promise<LaunchSchedule> {
  const { definition, nameTemplate, unitType } = await validatedSchedule(em, input);
  const existing = await em.findOne(LaunchSchedule, { workflow: definition, year: input.year, subjectKind: input.subjectKind, unitType });
  if (existing) return existing;
  const schedule = em.create(LaunchSchedule, {
    workflow: definition,
    year: input.year,
    subjectKind: input.subjectKind,
    unitType,
    date: input.date,
    shift: input.shift ?? 'none',
    nameTemplate,
    enabled: input.enabled ?? true,
    createdBy: input.createdBy,
  });
  await em.flush();
  return schedule;
}

/**
 * A recorded refusal in the reader's language; the stored Vietnamese text when its code left the catalogue or its
 * message now takes params the row did not record.
 */
function refusalMessage(row: ScheduledLaunch, language: Language): string | null {
  if (!row.errorCode || !Object.hasOwn(ERROR_CATALOG, row.errorCode)) return row.errorMessage;
  const code = row.errorCode as ErrorCode;
  const params = row.errorParams ?? {};
  const needed = [...ERROR_CATALOG[code].message[language].matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return needed.every((name) => name in params) ? catalogMessage(code, params, language) : row.errorMessage;
}

/** Administrators' schedules: CRUD, their runs per subject and "run now". */
@Injectable()
export class LaunchSchedulesService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
    private readonly flows: ScheduleFlows,
  ) {}

  async list(): Promise<LaunchScheduleDto[]> {
    const em = this.em.fork();
    const schedules = await em.find(LaunchSchedule, {}, { populate: ['workflow'], orderBy: { year: 'desc', createdAt: 'asc' } });
    const calendar = await this.calendar.workingCalendar(em);
    const views: LaunchScheduleDto[] = [];
    for (const schedule of schedules) views.push(await this.view(em, schedule, calendar));
    return views;
  }

  async get(id: string): Promise<LaunchScheduleDto> {
    const em = this.em.fork();
    return this.view(em, await this.find(em, id));
  }

  async create(input: CreateLaunchScheduleDto, personId: string): Promise<LaunchScheduleDto> {
    const em = this.em.fork();
    const { definition, workflowName, nameTemplate, unitType } = await validatedSchedule(em, input);
    const schedule = em.create(LaunchSchedule, {
      workflow: definition,
      year: input.year,
      subjectKind: input.subjectKind,
      unitType,
      date: input.date,
      shift: input.shift ?? 'none',
      nameTemplate,
      enabled: input.enabled ?? true,
      createdBy: em.getReference(Person, personId),
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new AppError('LAUNCH_SCHEDULE_EXISTS', { workflow: workflowName, year: input.year });
      throw error;
    }
    return this.view(em, schedule);
  }

  async update(id: string, input: UpdateLaunchScheduleDto): Promise<LaunchScheduleDto> {
    const em = this.em.fork();
    const schedule = await this.find(em, id);
    if (input.version !== undefined && input.version !== schedule.version) throw new AppError('LAUNCH_SCHEDULE_CHANGED');
    if (input.date !== undefined) checkDate(input.date, schedule.year);
    if (input.nameTemplate !== undefined) checkTemplate(input.nameTemplate);
    if (input.enabled !== undefined) schedule.enabled = input.enabled;
    if (input.date !== undefined) schedule.date = input.date;
    if (input.shift !== undefined) schedule.shift = input.shift;
    if (input.nameTemplate !== undefined) schedule.nameTemplate = input.nameTemplate;
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw new AppError('LAUNCH_SCHEDULE_CHANGED');
      throw error;
    }
    return this.view(em, schedule);
  }

  /** Removes the schedule and its per-subject records; campaigns it launched stay. */
  async remove(id: string): Promise<void> {
    const em = this.em.fork();
    const schedule = await this.find(em, id);
    await em.transactional(async (tx) => {
      await tx.nativeDelete(ScheduledLaunch, { schedule: schedule.id });
      await tx.nativeDelete(LaunchSchedule, { id: schedule.id });
    });
  }

  /** The schedule's current subjects, each with its record (or `pending`), by name; refusals in `language`. */
  async runs(id: string, language: Language = 'vi'): Promise<ScheduledLaunchListDto> {
    const em = this.em.fork();
    const schedule = await this.find(em, id);
    const rows = await em.find(ScheduledLaunch, { schedule, year: schedule.year }, { populate: ['campaign'] });
    const byKey = new Map(rows.map((row) => [row.subjectKey, row]));
    const keys = [...new Set([...(await scheduleSubjects(em, schedule)).map((s) => s.key), ...rows.map((r) => r.subjectKey)])];
    const names = await subjectNames(em, keys);
    const items: ScheduledLaunchDto[] = keys.map((key) => {
      const row = byKey.get(key);
      const subject = parseSubjectKey(key)!;
      return {
        subjectKey: key,
        subjectKind: subject.kind,
        subjectId: subject.id,
        subjectName: names.get(key) ?? subject.id,
        status: row?.status ?? 'pending',
        campaign: row?.campaign ? { id: row.campaign.id, name: row.campaign.name } : null,
        errorCode: row?.errorCode ?? null,
        errorMessage: row ? refusalMessage(row, language) : null,
        attempts: row?.attempts ?? 0,
        lastOutcome: row?.lastOutcome ?? null,
        lastAttemptAt: row?.lastAttemptAt?.toISOString() ?? null,
      };
    });
    items.sort((a, b) => a.subjectName.localeCompare(b.subjectName, 'vi'));
    return { lastRun: schedule.lastRun, items };
  }

  /** Adds a run of every subject now, whatever the date; subjects already launched answer `existed`. */
  async runNow(id: string): Promise<RunNowResultDto> {
    const em = this.em.fork();
    const schedule = await this.find(em, id);
    const subjects = await scheduleSubjects(em, schedule);
    const jobId = await this.flows.addRun(schedule.id, schedule.year, subjects.map((s) => s.key));
    return { jobId, subjects: subjects.length };
  }

  private async find(em: EntityManager, id: string): Promise<LaunchSchedule> {
    const schedule = await em.findOne(LaunchSchedule, id, { populate: ['workflow'] });
    if (!schedule) throw new AppError('LAUNCH_SCHEDULE_NOT_FOUND', { id });
    return schedule;
  }

  private async view(em: EntityManager, schedule: LaunchSchedule, calendar?: WorkingCalendar): Promise<LaunchScheduleDto> {
    const workingCalendar = calendar ?? (await this.calendar.workingCalendar(em));
    const subjects = await scheduleSubjects(em, schedule);
    const rows = await em.find(ScheduledLaunch, { schedule, year: schedule.year }, { fields: ['subjectKey', 'status'] });
    const statusOf = new Map(rows.map((row) => [row.subjectKey, row.status]));
    const count = (status: string) => subjects.filter((s) => statusOf.get(s.key) === status).length;
    const results = { subjects: subjects.length, launched: count('launched'), existed: count('existed'), failed: count('failed'), pending: subjects.filter((s) => !statusOf.has(s.key)).length };
    const day = runDate(schedule.date, schedule.shift, schedule.year, workingCalendar);
    const open = results.pending + results.failed > 0;
    return {
      id: schedule.id,
      workflowKey: schedule.workflow.key,
      workflowName: schedule.workflow.name,
      year: schedule.year,
      subjectKind: schedule.subjectKind,
      unitType: schedule.unitType || null,
      date: schedule.date,
      shift: schedule.shift,
      nameTemplate: schedule.nameTemplate,
      enabled: schedule.enabled,
      runDate: day,
      nextRunAt: schedule.enabled && open && day ? startOfVietnamDay(day).toISOString() : null,
      lastRun: schedule.lastRun,
      results,
      version: schedule.version,
      createdAt: schedule.createdAt.toISOString(),
    };
  }
}
