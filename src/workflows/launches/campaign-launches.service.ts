import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { catalogMessage } from '../../common/errors/error-catalog';
import { dayText } from '../../common/i18n/date-text';
import { Language } from '../../common/i18n/language';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { Clock } from '../../modules/calendar/clock';
import { startOfVietnamDay, vietnamDate } from '../../modules/calendar/dates';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { ScoringTableVersion } from '../../modules/scoring/entities/scoring-table-version.entity';
import { localText, ROLE_ASSIGNEES, WorkflowDocument } from '../definitions/workflow-document';
import { CampaignLaunchService, LaunchInput } from '../engine/campaign-launch.service';
import { Campaign } from '../engine/entities/campaign.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { SUBJECT_WORDS } from '../engine/refusal-words';
import { countedFrom } from '../engine/workflow-runner.service';
import { campaignName } from '../schedules/date-rule';
import { scheduleSubjects, ScheduleSubject, UnitType } from '../schedules/schedule-subjects';
import { ROLE_ASSIGNEE_TEXTS } from '../web/workflow-web-texts';
import { DryRunner } from '../simulation/dry-run';
import type { SimulationBehaviour, SimulationReport } from '../simulation/simulation.types';
import { stageTimetable } from './stage-timetable';

/** Whom a wizard launch is for: one cluster, every active cluster of the year (the cascade), one unit, or the units of a type. */
export type LaunchSubjectKind = 'cluster' | 'every-cluster' | 'unit' | 'units-of-type';
export const LAUNCH_SUBJECT_KINDS: readonly LaunchSubjectKind[] = ['cluster', 'every-cluster', 'unit', 'units-of-type'];

export interface LaunchRequest {
  workflowVersionId: string;
  year: number;
  subjectKind: LaunchSubjectKind;
  clusterId?: string;
  unitId?: string;
  unitType?: UnitType;
  /** YYYY-MM-DD in the year; by default today when the year is this year, else its first day. */
  startsOn?: string;
  /** `{subject}` and `{year}` are filled in; by default "<workflow> năm {year} – {subject}". */
  nameTemplate?: string;
}

export type SubjectOutcome = 'ready' | 'launched' | 'skipped' | 'refused';

export interface LaunchPlan {
  workflow: { key: string; name: string; version: number; versionId: string };
  year: number;
  startsOn: string;
  /** When the first stage's time starts: the start day, or now when that day has passed. */
  countedFrom: string;
  launched: boolean;
  schedule: Array<{ stageKey: string; name: string; type: string; startsAt: string; dueAt: string | null; reminders: string[] }>;
  pinned: { forms: Array<{ key: string; name: string; version: number }>; scoringTables: Array<{ key: string; name: string; version: number }> };
  subjects: Array<{
    kind: 'cluster' | 'unit';
    id: string;
    name: string;
    outcome: SubjectOutcome;
    campaignName: string;
    campaign: { id: string; name: string } | null;
    problem: { code: string; message: string } | null;
    firstTasks: Array<{ stage: string; assignee: string; dueAt: string | null }>;
  }>;
}

/** What the wizard offers: the latest published version of each workflow, the clusters and the units. */
export interface LaunchChoices {
  workflows: Array<{ versionId: string; key: string; name: string; version: number }>;
  clusters: Array<{ id: string; name: string; year: number }>;
  units: Array<{ id: string; name: string; code: string }>;
  /** The latest year with a cluster, else this year. */
  defaultYear: number;
}

/**
 * The launch wizard's work: the subjects of a request, a rehearsal of the launch (the engine's own launch, rolled back)
 * that shows each subject's first tasks or why it cannot start, the stages' timetable, and the launch itself, all or none.
 */
@Injectable()
export class CampaignLaunchesService {
  constructor(
    private readonly em: EntityManager,
    private readonly launcher: CampaignLaunchService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly dryRuns: DryRunner,
  ) {}

  async choices(language: Language): Promise<LaunchChoices> {
    const em = this.em.fork();
    // Numbers first, then only the latest version of each definition with its document (documents are large).
    const numbers = await em.find(WorkflowVersion, { definition: { archivedAt: null } }, { fields: ['number', 'definition'] });
    const latestNumber = new Map<string, number>();
    for (const v of numbers) latestNumber.set(v.definition.id, Math.max(latestNumber.get(v.definition.id) ?? 0, v.number));
    const latest = latestNumber.size
      ? await this.em.fork().find(WorkflowVersion, { $or: [...latestNumber].map(([definition, number]) => ({ definition, number })) }, { populate: ['definition'] })
      : [];
    const clusters = await em.find(Cluster, { archivedAt: null }, { orderBy: { year: 'desc', name: 'asc' } });
    const units = await em.find(Unit, { archivedAt: null }, { fields: ['id', 'name', 'code'], orderBy: { name: 'asc' } });
    return {
      workflows: latest
        .map((v) => ({ versionId: v.id, key: v.definition.key, name: localText(v.document.name, v.definition.name, language), version: v.number }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      clusters: clusters.map((c) => ({ id: c.id, name: c.name, year: c.year })),
      units: units.map((u) => ({ id: u.id, name: u.name, code: u.code })),
      defaultYear: clusters[0]?.year ?? Number(vietnamDate(this.clock.now()).slice(0, 4)),
    };
  }

  preview(request: LaunchRequest, principal: Principal, language: Language): Promise<LaunchPlan> {
    return this.run(request, principal, language, true);
  }

  /** Launches every ready subject, or none: a refused subject refuses the whole launch with each subject's reason. */
  async launch(request: LaunchRequest, principal: Principal, language: Language): Promise<LaunchPlan> {
    const plan = await this.run(request, principal, language, false);
    const refused = plan.subjects.filter((s) => s.outcome === 'refused');
    if (refused.length) {
      throw new AppError(
        'LAUNCH_REFUSED',
        { count: refused.length, names: refused.map((s) => s.name).join(', ') },
        { subjects: refused.map((s) => ({ name: s.name, code: s.problem!.code, message: s.problem!.message })) },
      );
    }
    return plan;
  }

  /**
   * Rehearses the launch on a virtual clock against a throwaway copy of the data (DryRunner): the campaign of the first
   * subject (a cascade's first cluster) runs its whole year with synthetic actors; nothing of it is kept.
   */
  async simulate(request: LaunchRequest, behaviour: SimulationBehaviour, principal: Principal, language: Language): Promise<SimulationReport> {
    const { subjects, inputOf, startsOn } = await this.planned(this.em.fork(), request, language);
    if (behaviour.until && (behaviour.until < startsOn || Number.isNaN(startOfVietnamDay(behaviour.until).getTime()))) {
      throw new AppError('SIMULATION_UNTIL_INVALID', { until: dayText(behaviour.until), startsOn: dayText(startsOn) });
    }
    return this.dryRuns.run({ ...inputOf(subjects[0]), behaviour }, principal);
  }

  /** The version, the subjects and each subject's launch input: what a launch, its preview and a dry run share. */
  private async planned(em: EntityManager, request: LaunchRequest, language: Language) {
    const version = await em.findOne(WorkflowVersion, { id: request.workflowVersionId }, { populate: ['definition'] });
    if (!version) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: request.workflowVersionId });
    const document = version.document;
    const workflowName = localText(document.name, version.definition.name, language);
    const startsOn = this.startDay(request);
    const subjects = await this.subjects(em, request, document, workflowName);
    const template = request.nameTemplate ?? `${localText(document.name, version.definition.name, 'vi')} năm {year} – {subject}`;
    const inputOf = (s: ScheduleSubject): LaunchInput => ({
      workflowVersionId: version.id,
      name: campaignName(template, request.year, s.name),
      year: request.year,
      startsOn,
      ...(s.kind === 'cluster' ? { clusterId: s.id } : { unitId: s.id }),
    });
    return { version, workflowName, startsOn, subjects, inputOf };
  }

  private async run(request: LaunchRequest, principal: Principal, language: Language, rehearse: boolean): Promise<LaunchPlan> {
    const em = this.em.fork();
    const { version, workflowName, startsOn, subjects, inputOf } = await this.planned(em, request, language);
    const document = version.document;
    const existing = await this.existingCampaigns(em, version, request.year, subjects);
    const inputs = subjects.filter((s) => !existing.has(s.key)).map(inputOf);
    const attempts = inputs.length ? await this.launcher.launchAll(inputs, principal, { rehearse }) : [];
    const attemptOf = new Map(attempts.map((a) => [a.input.clusterId ?? a.input.unitId, a]));
    const refusedAll = !rehearse && attempts.some((a) => a.problem);

    const now = this.clock.now();
    const from = countedFrom({ context: { startsOn } }, now);
    const calendar = await this.calendar.workingCalendar(em);
    const sample = attempts.find((a) => a.campaign ?? a.rehearsed);
    return {
      workflow: { key: version.definition.key, name: workflowName, version: version.number, versionId: version.id },
      year: request.year,
      startsOn,
      countedFrom: from.toISOString(),
      launched: !rehearse && !refusedAll && attempts.length > 0,
      schedule: stageTimetable(document, from, calendar, request.year).map((row) => ({
        stageKey: row.stageKey,
        name: localText(document.stages[row.stageKey]?.name, row.stageKey, language),
        type: row.type,
        startsAt: row.startsAt.toISOString(),
        dueAt: row.dueAt?.toISOString() ?? null,
        reminders: row.reminders.map((r) => r.toISOString()),
      })),
      pinned: await this.pinned(em, (sample?.campaign ?? sample?.rehearsed)?.context ?? {}),
      subjects: subjects.map((subject) => {
        const before = existing.get(subject.key);
        const attempt = attemptOf.get(subject.id);
        const explicit = request.subjectKind === 'cluster' || request.subjectKind === 'unit';
        const problem = before && explicit
          ? this.problemOf(new AppError('LAUNCH_ALREADY_LAUNCHED', { subject: subject.name, campaign: before.name, year: request.year }), document, language)
          : attempt?.problem ? this.problemOf(attempt.problem, document, language) : null;
        const outcome: SubjectOutcome = problem ? 'refused' : before ? 'skipped' : rehearse || refusedAll ? 'ready' : 'launched';
        return {
          kind: subject.kind,
          id: subject.id,
          name: subject.name,
          outcome,
          campaignName: before?.name ?? inputOf(subject).name,
          campaign: before ? { id: before.id, name: before.name } : attempt?.campaign ? { id: attempt.campaign.id, name: attempt.campaign.name } : null,
          problem,
          firstTasks: (attempt?.firstTasks ?? []).map((task) => ({
            stage: localText(document.stages[task.stageKey]?.name, task.stageKey, language),
            assignee: task.unit?.name ?? task.person?.fullName ?? '—',
            dueAt: task.dueAt?.toISOString() ?? null,
          })),
        };
      }),
    };
  }

  /** The start day: given (and in the year), or today in this year, or the year's first day. */
  private startDay(request: LaunchRequest): string {
    const today = vietnamDate(this.clock.now());
    const startsOn = request.startsOn ?? (today.startsWith(`${request.year}-`) ? today : `${request.year}-01-01`);
    if (!startsOn.startsWith(`${request.year}-`) || Number.isNaN(startOfVietnamDay(startsOn).getTime())) {
      throw new AppError('LAUNCH_START_OUTSIDE_YEAR', { startsOn: dayText(startsOn), year: request.year });
    }
    return startsOn;
  }

  private async subjects(em: EntityManager, request: LaunchRequest, document: WorkflowDocument, workflow: string): Promise<ScheduleSubject[]> {
    const expected = document.subject ?? 'cluster';
    const wantsCluster = request.subjectKind === 'cluster' || request.subjectKind === 'every-cluster';
    if (wantsCluster !== (expected === 'cluster')) {
      throw new AppError('LAUNCH_SUBJECT_MISMATCH', { workflow, expected: SUBJECT_WORDS[expected] });
    }
    if (request.subjectKind === 'cluster') {
      if (!request.clusterId) throw new AppError('LAUNCH_SUBJECT_REQUIRED', { field: SUBJECT_WORDS.cluster });
      const cluster = await em.findOne(Cluster, { id: request.clusterId, archivedAt: null });
      if (!cluster) throw new AppError('CLUSTER_NOT_FOUND', { id: request.clusterId });
      if (cluster.year !== request.year) throw new AppError('LAUNCH_CLUSTER_OTHER_YEAR', { cluster: cluster.name, clusterYear: cluster.year, year: request.year });
      return [{ key: `cluster:${cluster.id}`, kind: 'cluster', id: cluster.id, name: cluster.name }];
    }
    if (request.subjectKind === 'unit') {
      if (!request.unitId) throw new AppError('LAUNCH_SUBJECT_REQUIRED', { field: SUBJECT_WORDS.unit });
      const unit = await em.findOne(Unit, { id: request.unitId, archivedAt: null });
      if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: request.unitId });
      return [{ key: `unit:${unit.id}`, kind: 'unit', id: unit.id, name: unit.name }];
    }
    if (request.subjectKind === 'units-of-type' && !request.unitType) throw new AppError('LAUNCH_SUBJECT_REQUIRED', { field: { vi: 'loại đơn vị', en: 'unit type' } });
    const found = await scheduleSubjects(em, {
      subjectKind: request.subjectKind === 'every-cluster' ? 'every-active-cluster' : 'units-of-type',
      year: request.year,
      unitType: request.unitType ?? '',
    });
    if (!found.length) {
      throw new AppError('LAUNCH_NO_SUBJECTS', { year: request.year, subjects: request.subjectKind === 'every-cluster' ? { vi: 'cụm thi đua', en: 'clusters' } : { vi: 'đơn vị', en: 'units' } });
    }
    return found;
  }

  /** Campaigns of this workflow (any version) and year already running or done for the subjects, by subject key. */
  private async existingCampaigns(em: EntityManager, version: WorkflowVersion, year: number, subjects: ScheduleSubject[]): Promise<Map<string, Campaign>> {
    const clusters = subjects.filter((s) => s.kind === 'cluster').map((s) => s.id);
    const units = subjects.filter((s) => s.kind === 'unit').map((s) => s.id);
    const campaigns = await em.find(Campaign, {
      workflowVersion: { definition: version.definition },
      year,
      status: { $ne: 'cancelled' },
      $or: [{ subjectCluster: { $in: clusters } }, { subjectUnit: { $in: units } }],
    });
    return new Map(campaigns.map((c) => [c.subjectCluster ? `cluster:${c.subjectCluster.id}` : `unit:${c.subjectUnit!.id}`, c]));
  }

  /** The forms and scoring tables the launch pins, by name and version number. */
  private async pinned(em: EntityManager, context: Record<string, unknown>): Promise<LaunchPlan['pinned']> {
    const formIds = Object.values((context.formVersions as Record<string, string> | undefined) ?? {});
    const tableIds = Object.values((context.scoringTables as Record<string, string> | undefined) ?? {});
    const forms = formIds.length ? await em.find(FormVersion, { id: { $in: formIds } }, { populate: ['definition'] }) : [];
    const tables = tableIds.length ? await em.find(ScoringTableVersion, { id: { $in: tableIds } }, { populate: ['definition'] }) : [];
    const row = (v: FormVersion | ScoringTableVersion) => ({ key: v.definition.key, name: v.definition.name, version: v.number });
    return { forms: forms.map(row).sort((a, b) => a.key.localeCompare(b.key)), scoringTables: tables.map(row).sort((a, b) => a.key.localeCompare(b.key)) };
  }

  /** A refusal in the viewer's language, naming the stage and the role rather than their keys. */
  private problemOf(error: AppError, document: WorkflowDocument, language: Language): { code: string; message: string } {
    const params: Record<string, unknown> = { ...error.params };
    if (typeof params.stage === 'string') params.stage = localText(document.stages[params.stage]?.name, params.stage, language);
    if (typeof params.assignee === 'string' && (ROLE_ASSIGNEES as readonly string[]).includes(params.assignee)) params.assignee = ROLE_ASSIGNEE_TEXTS[params.assignee][language];
    return { code: error.code, message: catalogMessage(error.code, params, language) };
  }
}
