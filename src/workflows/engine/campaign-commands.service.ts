import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import { Clock } from '../../modules/calendar/clock';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Person } from '../../modules/org/entities/person.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { FormVersion } from '../../modules/forms/entities/form-version.entity';
import { ScoringTableVersion } from '../../modules/scoring/entities/scoring-table-version.entity';
import { sheetFormKeyOf } from '../../modules/scoring/scoring-tables.service';
import { localText, WorkflowDocument } from '../definitions/workflow-document';
import { formSettingsOf } from '../stages/form/form.stage';
import { scoreSettingsOf } from '../stages/score/score.stage';
import { StageRegistry } from '../stages/stage-registry';
import { CampaignLock, retryOnConflict } from './campaign-lock.service';
import { CampaignHistoryService, eventActor, EventActor } from './campaign-history.service';
import { Campaign } from './entities/campaign.entity';
import { Notification } from './entities/notification.entity';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';
import { WorkflowVersion } from './entities/workflow-version.entity';
import { lockedTaskStatement, splitLockedTaskRow } from './locked-task.statement';
import { OutboxService } from './outbox.service';
import { PublishedDocuments } from './published-documents';
import { RunContext, WorkflowRunner } from './workflow-runner.service';

export interface LaunchInput {
  workflowVersionId: string;
  name: string;
  year: number;
  clusterId?: string;
  unitId?: string;
  /** The campaign's start day (YYYY-MM-DD, Vietnam): due dates count from it while it is still ahead. */
  startsOn?: string;
}

/** One subject of `launchAll`: its campaign (launched, or rehearsed and rolled back) and first tasks, or why it was refused. */
export interface LaunchAttempt {
  input: LaunchInput;
  campaign?: Campaign;
  /** A rehearsal's campaign: never committed, read it only for its id-free fields. */
  rehearsed?: Campaign;
  problem?: AppError;
  firstTasks: FirstTask[];
}

export interface FirstTask {
  stageKey: string;
  unit: { id: string; name: string } | null;
  person: { id: string; fullName: string } | null;
  dueAt: Date | null;
}

const firstTaskOf = (task: Task): FirstTask => ({
  stageKey: task.stageRun.stageKey,
  unit: task.assigneeUnit ? { id: task.assigneeUnit.id, name: task.assigneeUnit.name } : null,
  person: task.assigneePerson ? { id: task.assigneePerson.id, fullName: task.assigneePerson.fullName } : null,
  dueAt: task.dueAt,
});

/** Why a campaign on `current` cannot move to `target` (empty when it can), in both languages. */
export function migrationProblems(current: WorkflowVersion, target: WorkflowVersion, activeStages: string[]): Array<{ vi: string; en: string }> {
  if (target.definition.id !== current.definition.id) {
    return [{ vi: `phiên bản thuộc quy trình khác (“${target.definition.key}”)`, en: `the version belongs to another workflow (“${target.definition.key}”)` }];
  }
  if (target.number <= current.number) {
    return [{ vi: `phiên bản ${target.number} không mới hơn phiên bản ${current.number} đang dùng`, en: `version ${target.number} is not newer than version ${current.number} in use` }];
  }
  const problems: Array<{ vi: string; en: string }> = [];
  for (const key of activeStages) {
    const was = current.document.stages[key];
    const now = target.document.stages[key];
    const name = localText(was?.name, key, 'vi');
    if (!now) problems.push({ vi: `bước đang diễn ra “${name}” không có trong phiên bản ${target.number}`, en: `the active stage “${localText(was?.name, key, 'en')}” is not in version ${target.number}` });
    else if (was && now.type !== was.type) problems.push({ vi: `bước “${name}” đổi loại (${was.type} → ${now.type})`, en: `the stage “${localText(was?.name, key, 'en')}” changes type (${was.type} → ${now.type})` });
  }
  return problems;
}

/** Ends a launch transaction without keeping anything (a rehearsal, or a launch with a refused subject). */
class RolledBack extends Error {}

export interface LaunchOptions {
  /**
   * Runs inside the launch's transaction right after the campaign row is written: what the caller stores here
   * commits with the campaign or not at all. A scheduled launch inserts its unique (schedule, year, subject) row
   * here, so a duplicate delivery fails on the database's unique key and launches nothing.
   */
  within?: (em: EntityManager, campaign: Campaign) => Promise<void>;
}

export interface TaskCommandInput {
  command: string;
  comment?: string;
  /**
   * Stores what the command carries (a form submission) in the command's own transaction, after the
   * task is found open and the caller's, and before it is completed: both commit or neither does.
   */
  record?: (em: EntityManager, task: Task) => Promise<void>;
}

/**
 * Every change to a campaign, each in one transaction that first bumps the campaign's `version`
 * (compare-and-set): a concurrent change of the same campaign gets 409 CAMPAIGN_CHANGED and can retry (task
 * commands are tried again here first: retryOnConflict). After commit the outbox is relayed, so deadlines reach BullMQ
 * only for committed work.
 */
@Injectable()
export class CampaignCommandsService {
  private lockedTaskSql?: string;

  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly history: CampaignHistoryService,
    private readonly outbox: OutboxService,
    private readonly registry: StageRegistry,
    private readonly clock: Clock,
    private readonly metrics: EngineMetrics,
    private readonly lock: CampaignLock,
    private readonly documents: PublishedDocuments,
  ) {}

  launch(input: LaunchInput, principal: Principal, options: LaunchOptions = {}): Promise<Campaign> {
    return this.metrics.countCommand('launch', () => this.launchCampaign(input, principal, options));
  }

  /**
   * Launches one campaign per input in one transaction, all or none: each subject is tried inside its own savepoint,
   * so a refused subject (no cluster head, a form not published…) is reported with the others' results and then
   * nothing is kept. `rehearse` runs the very same launch and rolls it back: the wizard's preview is what the launch
   * would do, first tasks included.
   */
  async launchAll(inputs: LaunchInput[], principal: Principal, { rehearse = false } = {}): Promise<LaunchAttempt[]> {
    const attempts: LaunchAttempt[] = [];
    const committed: RunContext[] = [];
    try {
      await this.em.fork().transactional(async (em) => {
        for (const input of inputs) {
          try {
            await em.transactional(async (savepoint) => {
              const ctx = await this.launchIn(savepoint, input, principal, {});
              const tasks = await savepoint.find(Task, { campaign: ctx.campaign }, { populate: ['assigneeUnit', 'assigneePerson', 'stageRun'], orderBy: { createdAt: 'asc' } });
              attempts.push({ input, campaign: ctx.campaign, firstTasks: tasks.map(firstTaskOf) });
              committed.push(ctx);
            });
          } catch (error) {
            if (!(error instanceof AppError) || error.kind === 'operational' || error.kind === 'unexpected') throw error;
            attempts.push({ input, problem: error, firstTasks: [] });
          }
        }
        if (rehearse || attempts.some((attempt) => attempt.problem)) throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      return attempts.map((attempt) => ({ ...attempt, campaign: undefined, rehearsed: attempt.campaign }));
    }
    this.metrics.stagesCompleted(committed.flatMap((c) => c.transitions));
    this.outbox.kick();
    return attempts;
  }

  private async launchCampaign(input: LaunchInput, principal: Principal, options: LaunchOptions): Promise<Campaign> {
    const ctx = await this.em.fork().transactional((em) => this.launchIn(em, input, principal, options));
    this.metrics.stagesCompleted(ctx.transitions);
    this.outbox.kick();
    return ctx.campaign;
  }

  /** The launch itself, in the caller's transaction: the campaign, its launch event and its first stage. */
  private async launchIn(em: EntityManager, input: LaunchInput, principal: Principal, options: LaunchOptions): Promise<RunContext> {
    const version = await em.findOne(WorkflowVersion, { id: input.workflowVersionId }, { populate: ['definition'] });
    if (!version) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: input.workflowVersionId });
    const expected = version.document.subject ?? 'cluster';
    const cluster = input.clusterId ? await em.findOne(Cluster, { id: input.clusterId, archivedAt: null }) : null;
    const unit = input.unitId ? await em.findOne(Unit, { id: input.unitId, archivedAt: null }) : null;
    if ((expected === 'cluster' && !cluster) || (expected === 'unit' && !unit) || (input.clusterId && input.unitId)) {
      throw new AppError('CAMPAIGN_SUBJECT_INVALID', { expected: expected === 'cluster' ? 'cụm thi đua / cluster' : 'đơn vị / unit' });
    }
    const created = em.create(Campaign, {
      name: input.name,
      workflowVersion: version,
      subjectCluster: cluster,
      subjectUnit: unit,
      year: input.year,
      launchedBy: em.getReference(Person, principal.personId),
      context: { ...(await this.pinnedForms(em, version.document)), ...(input.startsOn ? { startsOn: input.startsOn } : {}) },
    });
    await em.flush();
    await options.within?.(em, created);
    const actor: EventActor = { personId: principal.personId };
    const ctx = await this.runner.context(em, created, actor);
    await this.history.append(em, created, 'campaign.launched', {
      workflow: version.definition.key,
      workflowVersion: version.number,
      workflowHash: version.contentHash,
      subject: cluster ? { clusterId: cluster.id } : { unitId: unit!.id },
      year: input.year,
      ...(input.startsOn ? { startsOn: input.startsOn } : {}),
    }, actor);
    await this.runner.enterStage(ctx, version.document.start);
    return ctx;
  }

  /**
   * The latest published version of every form the workflow's form stages use, kept in the campaign's
   * context (`formVersions`: key → version id) so its tasks keep that version when a newer one is published.
   */
  private async pinnedForms(em: EntityManager, document: WorkflowDocument): Promise<Record<string, unknown>> {
    const keys = [...new Set(Object.values(document.stages).filter((s) => s.type === 'form').map((s) => formSettingsOf(s).form))];
    const formVersions: Record<string, string> = {};
    for (const key of keys) {
      const latest = await em.findOne(FormVersion, { definition: { key } }, { orderBy: { number: 'desc' } });
      if (!latest) throw new AppError('FORM_NOT_FOUND', { id: key });
      formVersions[key] = latest.id;
    }
    const scoringTables = await this.pinnedScoringTables(em, document, formVersions);
    return { ...(Object.keys(formVersions).length ? { formVersions } : {}), ...(scoringTables ? { scoringTables } : {}) };
  }

  /**
   * The latest version of every scoring table the workflow's score stages name (`scoringTables`: key → version id),
   * and its sheet form in `formVersions` under `scoring/<key>`, so that sheets keep them when newer ones are published.
   */
  private async pinnedScoringTables(em: EntityManager, document: WorkflowDocument, formVersions: Record<string, string>): Promise<Record<string, string> | null> {
    const keys = [...new Set(Object.values(document.stages).filter((s) => s.type === 'score').map((s) => scoreSettingsOf(s).table))];
    if (!keys.length) return null;
    const scoringTables: Record<string, string> = {};
    for (const key of keys) {
      const latest = await em.findOne(ScoringTableVersion, { definition: { key } }, { orderBy: { number: 'desc' } });
      if (!latest?.sheetForm) throw new AppError('SCORING_TABLE_NOT_FOUND', { key });
      scoringTables[key] = latest.id;
      formVersions[sheetFormKeyOf(key)] = latest.sheetForm.id;
    }
    return scoringTables;
  }

  /** An assignee's command on a task (approve, return, acknowledge…). */
  commandTask(taskId: string, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): Promise<Task> {
    return this.metrics.countCommand(`task.${input.command}`, () => retryOnConflict(() => this.runTaskCommand(taskId, input, principal, actingFor)));
  }

  private async runTaskCommand(taskId: string, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): Promise<Task> {
    const actor = eventActor(principal, actingFor);
    const task = await this.lock.runForTask(taskId, actor, async (ctx) => {
      const task = await this.lockedTask(ctx, taskId);
      const run = task.stageRun;
      if (run.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: run.stageKey });
      // Whose task it is before its state: a stranger must not learn whether another unit's (secret) vote task is done.
      const mine = task.assigneeUnit ? actingFor?.unitId === task.assigneeUnit.id : task.assigneePerson?.id === principal.personId;
      if (!mine) throw new AppError('NOT_TASK_ASSIGNEE');
      if (task.status !== 'open') throw new AppError('TASK_CLOSED');

      const stage = this.runner.stageDefinition(ctx, run.stageKey);
      // `withRecord` lets a stage type (form) accept a command only when it carries its record.
      const commandInput: { comment?: string; withRecord: boolean } = { comment: input.comment, withRecord: input.record !== undefined };
      const result = this.registry.get(stage.type).taskOutcome(stage, input.command, commandInput);
      if ('problem' in result) throw new AppError(result.problem, { command: input.command });
      await input.record?.(ctx.em, task);
      const now = this.clock.now();
      task.status = 'done';
      task.outcome = result.outcome;
      task.comment = input.comment?.trim() || null;
      task.completedBy = ctx.em.getReference(Person, principal.personId);
      task.completedMandateId = task.assigneeUnit ? actingFor!.mandateId : null;
      task.completedAt = now;
      task.late = task.late || (task.dueAt !== null && now > task.dueAt);
      // Written with the event by settle's flush.
      await this.history.append(ctx.em, ctx.campaign, 'task.completed', {
        stage: run.stageKey,
        iteration: run.iteration,
        taskId: task.id,
        assignee: task.assigneeKey,
        command: input.command,
        outcome: result.outcome,
        late: task.late,
      }, actor);
      await this.runner.settle(ctx, run);
      return task;
    });
    return task;
  }

  /**
   * The task, its stage run and the campaign's chain head in one statement, mapped into the command's transaction: the
   * hot path of every command, where building and hydrating queries through the ORM cost more than the database. Its
   * assignee stays a reference; its campaign is the locked one.
   */
  private async lockedTask(ctx: RunContext, taskId: string): Promise<Task> {
    this.lockedTaskSql ??= lockedTaskStatement(ctx.em);
    const [row] = await sqlRows<Record<string, unknown>>(ctx.em, this.lockedTaskSql, [taskId]);
    if (!row) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    const { task, run, head } = splitLockedTaskRow(row);
    if (head) this.history.rememberHead(ctx.em, ctx.campaign.id, head);
    ctx.em.map(StageRun, run);
    return ctx.em.map(Task, task);
  }

  /**
   * An assignee's addition to their task after it is done, while its stage is still open (a changed ballot):
   * recorded under the campaign lock so that history stays in order; the task itself does not change.
   */
  recordOnTask<T>(taskId: string, name: string, principal: Principal, actingFor: ActingFor | undefined, record: (em: EntityManager, task: Task, campaign: Campaign) => Promise<T>): Promise<T> {
    return this.metrics.countCommand(`task.${name}`, async () => {
      const campaignId = await this.campaignIdOfTask(taskId);
      const actor = eventActor(principal, actingFor);
      return this.locked(campaignId, actor, async (ctx) => {
        const task = await ctx.em.findOneOrFail(Task, taskId, { populate: ['stageRun', 'assigneeUnit', 'assigneePerson'] });
        if (task.stageRun.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: task.stageRun.stageKey });
        const mine = task.assigneeUnit ? actingFor?.unitId === task.assigneeUnit.id : task.assigneePerson?.id === principal.personId;
        if (!mine) throw new AppError('NOT_TASK_ASSIGNEE');
        return record(ctx.em, task, ctx.campaign);
      });
    });
  }

  /**
   * A stage type's own change of a running campaign that is not a task command (an amendment proposed during a
   * discussion): run under the campaign lock, like every other change, so history stays in order.
   */
  recordOnCampaign<T>(campaignId: string, name: string, principal: Principal, actingFor: ActingFor | undefined, record: (em: EntityManager, campaign: Campaign) => Promise<T>): Promise<T> {
    const actor = eventActor(principal, actingFor);
    return this.metrics.countCommand(name, () => this.locked(campaignId, actor, (ctx) => record(ctx.em, ctx.campaign)));
  }

  /**
   * Ballots cast at a physical meeting: `record` stores them in this transaction and answers the units it recorded;
   * their open tasks in the vote stage run are completed as a ballot through the task would complete them, by the
   * secretary who recorded them, and the stage settles (everyone voted: it closes with the count).
   */
  recordMeeting(stageRunId: string, principal: Principal, record: (em: EntityManager) => Promise<string[]>): Promise<void> {
    return this.metrics.countCommand('task.meeting', async () => {
      const run = await this.em.fork().findOne(StageRun, stageRunId);
      if (!run) throw new AppError('STAGE_CLOSED', { stage: stageRunId });
      await this.locked(run.campaign.id, { personId: principal.personId }, async (ctx) => {
        const current = await ctx.em.findOneOrFail(StageRun, stageRunId);
        if (current.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: current.stageKey });
        const unitIds = await record(ctx.em);
        const stage = this.runner.stageDefinition(ctx, current.stageKey);
        const result = this.registry.get(stage.type).taskOutcome(stage, 'vote', { withRecord: true });
        if ('problem' in result) throw new AppError(result.problem, { command: 'vote' });
        const tasks = unitIds.length ? await ctx.em.find(Task, { stageRun: current, status: 'open', assigneeUnit: { $in: unitIds } }) : [];
        const now = this.clock.now();
        for (const task of tasks) {
          task.status = 'done';
          task.outcome = result.outcome;
          task.completedBy = ctx.em.getReference(Person, principal.personId);
          task.completedAt = now;
          task.late = task.late || (task.dueAt !== null && now > task.dueAt);
        }
        await ctx.em.flush();
        for (const task of tasks) {
          await this.history.append(ctx.em, ctx.campaign, 'task.completed', {
            stage: current.stageKey,
            iteration: current.iteration,
            taskId: task.id,
            assignee: task.assigneeKey,
            command: 'meeting',
            outcome: result.outcome,
            late: task.late,
          }, { personId: principal.personId });
        }
        await this.runner.settle(ctx, current);
      });
    });
  }

  /**
   * The due time of a stage run arrived (job or sweeper). Idempotent: a closed run or an early call changes nothing.
   * Tried again when another change of the campaign came first, as task commands are: everything it does is re-read
   * inside its transaction.
   */
  async onDue(stageRunId: string): Promise<'stale' | 'early' | 'handled'> {
    const run = await this.em.fork().findOne(StageRun, stageRunId);
    if (!run || run.status !== 'active' || run.overdue) return 'stale';
    if (run.dueAt && run.dueAt > this.clock.now()) return 'early';
    return retryOnConflict(() => this.locked(run.campaign.id, null, async (ctx) => {
      const current = await ctx.em.findOneOrFail(StageRun, stageRunId);
      if (current.status !== 'active' || current.overdue) return 'stale';
      const stage = this.runner.stageDefinition(ctx, current.stageKey);
      const handler = this.registry.get(stage.type);
      const timed = handler.onDue?.(stage);
      if (timed?.complete) {
        await this.runner.completeStage(ctx, current, timed.outcome);
        return 'handled';
      }
      current.overdue = true;
      await ctx.em.nativeUpdate(Task, { stageRun: current, status: 'open' }, { late: true, updatedAt: this.clock.now() });
      await this.history.append(ctx.em, ctx.campaign, 'stage.overdue', { stage: current.stageKey, iteration: current.iteration, stageRunId: current.id, policy: stage.onDeadline ?? 'mark-late' });
      if (stage.onDeadline === 'close') {
        await this.runner.completeStage(ctx, current, 'timeout');
      } else {
        await this.notifyOpenTasks(ctx, current, stage.onDeadline === 'escalate' ? 'escalation' : 'deadline', `deadline-${current.id}`);
      }
      return 'handled';
    }));
  }

  /** A reminder before the due time: one in-app notice per open task; redelivery creates nothing new. */
  async onReminder(stageRunId: string, index: number): Promise<number> {
    const em = this.em.fork();
    const run = await em.findOne(StageRun, stageRunId, { populate: ['campaign'] });
    if (!run || run.status !== 'active') return 0;
    return this.notify(em, run, 'reminder', `reminder-${run.id}-${index}`);
  }

  cancel(campaignId: string, reason: string, principal: Principal): Promise<Campaign> {
    return this.metrics.countCommand('cancel', () => this.cancelCampaign(campaignId, reason, principal));
  }

  private async cancelCampaign(campaignId: string, reason: string, principal: Principal): Promise<Campaign> {
    return this.locked(campaignId, { personId: principal.personId }, async (ctx) => {
      const now = this.clock.now();
      await ctx.em.nativeUpdate(StageRun, { campaign: ctx.campaign, status: 'active' }, { status: 'cancelled', closedAt: now, updatedAt: now });
      await ctx.em.nativeUpdate(Task, { campaign: ctx.campaign, status: 'open' }, { status: 'cancelled', updatedAt: now });
      ctx.campaign.status = 'cancelled';
      ctx.campaign.cancelReason = reason;
      ctx.campaign.endedAt = now;
      ctx.campaign.activeStages = [];
      await this.history.append(ctx.em, ctx.campaign, 'campaign.cancelled', { reason }, ctx.actor);
      return ctx.campaign;
    });
  }

  /**
   * Moves a running campaign to another published version of its workflow (instance migration): refused with every
   * reason unless the target is a newer version of the same definition in which each active stage exists with the
   * same type. Open tasks, deadlines and the forms already pinned stay; forms only the new version uses are pinned.
   */
  migrate(campaignId: string, targetVersionId: string, principal: Principal): Promise<Campaign> {
    return this.locked(campaignId, { personId: principal.personId }, async (ctx) => {
      const current = ctx.campaign.workflowVersion;
      await ctx.em.populate(current, ['definition']);
      const target = await ctx.em.findOne(WorkflowVersion, targetVersionId, { populate: ['definition'] });
      if (!target) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: targetVersionId });
      const reasons = migrationProblems(current, target, ctx.campaign.activeStages);
      if (reasons.length) {
        throw new AppError('CAMPAIGN_MIGRATION_REFUSED', { campaign: ctx.campaign.name, from: current.number, to: target.number, reasons: reasons.map((r) => r.vi).join('; '), reasonsEn: reasons.map((r) => r.en).join('; ') }, { reasons });
      }
      const pinned = await this.pinnedForms(ctx.em, target.document);
      const formVersions = { ...((pinned.formVersions as Record<string, string> | undefined) ?? {}), ...((ctx.campaign.context.formVersions as Record<string, string> | undefined) ?? {}) };
      const scoringTables = { ...((pinned.scoringTables as Record<string, string> | undefined) ?? {}), ...((ctx.campaign.context.scoringTables as Record<string, string> | undefined) ?? {}) };
      ctx.campaign.context = {
        ...ctx.campaign.context,
        ...(Object.keys(formVersions).length ? { formVersions } : {}),
        ...(Object.keys(scoringTables).length ? { scoringTables } : {}),
      };
      ctx.campaign.workflowVersion = target;
      this.documents.remember(target.id, target.document);
      await this.history.append(ctx.em, ctx.campaign, 'campaign.migrated', {
        workflow: target.definition.key,
        fromVersion: current.number,
        toVersion: target.number,
        workflowHash: target.contentHash,
        activeStages: ctx.campaign.activeStages,
      }, ctx.actor);
      return ctx.campaign;
    });
  }

  private campaignIdOfTask(taskId: string): Promise<string> {
    return this.lock.campaignIdOfTask(taskId);
  }

  private locked<T>(campaignId: string, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>): Promise<T> {
    return this.lock.run(campaignId, actor, work);
  }

  private async notifyOpenTasks(ctx: RunContext, run: StageRun, kind: 'deadline' | 'escalation', dedupePrefix: string): Promise<void> {
    await this.notify(ctx.em, run, kind, dedupePrefix);
    const head = ctx.campaign.subjectCluster?.headUnit;
    if (kind === 'escalation' && head && !(await ctx.em.count(Notification, { dedupeKey: `escalation-${run.id}` }))) {
      ctx.em.create(Notification, {
        dedupeKey: `escalation-${run.id}`,
        unit: head,
        campaign: ctx.campaign,
        kind,
        message: await this.noticeMessage(ctx.em, run, 'escalation-head'),
      });
      await ctx.em.flush();
    }
  }

  private async notify(em: EntityManager, run: StageRun, kind: 'reminder' | 'deadline' | 'escalation', dedupePrefix: string): Promise<number> {
    const tasks = await em.find(Task, { stageRun: run, status: 'open' });
    if (!tasks.length) return 0;
    const message = await this.noticeMessage(em, run, kind);
    // Redelivered: the notices already made are found in one read, not one per task.
    const made = new Set((await em.find(Notification, { dedupeKey: { $in: tasks.map((task) => `${dedupePrefix}-${task.id}`) } }, { fields: ['dedupeKey'] })).map((notice) => notice.dedupeKey));
    let created = 0;
    for (const task of tasks) {
      const dedupeKey = `${dedupePrefix}-${task.id}`;
      if (made.has(dedupeKey)) continue;
      em.create(Notification, { dedupeKey, unit: task.assigneeUnit, person: task.assigneePerson, campaign: run.campaign, task, kind, message });
      created++;
    }
    await em.flush();
    return created;
  }
  /** A notice names the stage and the campaign as people know them (the stage's name in each language), never a key. */
  private async noticeMessage(em: EntityManager, run: StageRun, kind: 'reminder' | 'deadline' | 'escalation' | 'escalation-head'): Promise<{ vi: string; en: string }> {
    const campaign = await em.findOneOrFail(Campaign, run.campaign.id);
    const name = (await this.documents.get(em, campaign.workflowVersion.id)).stages[run.stageKey]?.name;
    const stage = { vi: localText(name, run.stageKey, 'vi'), en: localText(name, run.stageKey, 'en') };
    const messages = {
      reminder: { vi: `Nhắc việc: "${stage.vi}" (${campaign.name}) sắp đến hạn.`, en: `Reminder: "${stage.en}" (${campaign.name}) is due soon.` },
      deadline: { vi: `"${stage.vi}" (${campaign.name}) đã quá hạn.`, en: `"${stage.en}" (${campaign.name}) is overdue.` },
      escalation: { vi: `"${stage.vi}" (${campaign.name}) quá hạn và đã báo cụm trưởng.`, en: `"${stage.en}" (${campaign.name}) is overdue and was escalated to the cluster head.` },
      'escalation-head': {
        vi: `"${stage.vi}" (${campaign.name}) đã quá hạn; đề nghị cụm trưởng đôn đốc.`,
        en: `"${stage.en}" (${campaign.name}) is overdue; the cluster head is asked to follow up.`,
      },
    };
    return messages[kind];
  }
}
