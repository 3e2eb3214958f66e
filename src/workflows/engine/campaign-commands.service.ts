import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { KeyedTurns } from '../../common/concurrency/keyed-turns';
import { AppError } from '../../common/errors/app-error';
import { preparedRows } from '../../database/prepared-rows';
import { RowUpsert } from '../../database/row-upsert';
import { Clock } from '../../modules/calendar/clock';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Person } from '../../modules/org/entities/person.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { StageDefinition, WorkflowDocument } from '../definitions/workflow-document';
import { StageRegistry } from '../stages/stage-registry';
import { Assignee, assigneeKey } from './assignee-resolver.service';
import { CampaignLock, retryOnConflict } from './campaign-lock.service';
import { CampaignHistoryService, chainEvents, eventActor, EventActor } from './campaign-history.service';
import { EnteredRun } from './direct-rows';
import { DirectTaskCompletion, StageAdvance } from './direct-task-completion';
import { KeptTaskReads } from './kept-task-reads';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';
import type { TaskView } from '../stages/stage-handler';
import { LockedTaskRows, lockedTaskStatement, splitLockedTaskRow, taskView } from './locked-task.statement';
import { PublishedDocuments } from './published-documents';
import { COMMAND_TEXTS } from '../web/workflow-web-texts';
import { stageNameIn } from './refusal-words';
import { campaignCompletedEvent, RunContext, stageCompletedEvent, stageEnteredEvent, stageOf, taskCompletedEvent, WorkflowRunner } from './workflow-runner.service';

/** A JSON column's value as read: parsed on PostgreSQL, text on SQLite. */
const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** What judging a command needs of its task and stage run: from their entities, or from the rows read for the direct write. */
interface TaskState {
  runStatus: string;
  stageKey: string;
  status: string;
  assigneeUnitId: string | null;
  assigneePersonId: string | null;
}

const stateOf = (run: StageRun, task: Task): TaskState => ({
  runStatus: run.status,
  stageKey: run.stageKey,
  status: task.status,
  assigneeUnitId: task.assigneeUnit?.id ?? null,
  assigneePersonId: task.assigneePerson?.id ?? null,
});

const stateOfRows = ({ run, task }: LockedTaskRows): TaskState => ({
  runStatus: String(run.status),
  stageKey: String(run.stage_key),
  status: String(task.status),
  assigneeUnitId: (task.assignee_unit_id as string | null) ?? null,
  assigneePersonId: (task.assignee_person_id as string | null) ?? null,
});

/** A task as its command left it. */
export interface CommandedTask {
  id: string;
  status: string;
  outcome: string | null;
  /** Its stage run's status: `completed` when the command completed the stage. */
  stageRunStatus: string;
}

const commanded = (task: Task): CommandedTask => ({ id: task.id, status: task.status, outcome: task.outcome, stageRunStatus: task.stageRun.status });

export interface TaskCommandInput {
  command: string;
  comment?: string;
  /**
   * Stores what the command carries (a form submission) in the command's own transaction, after the
   * task is found open and the caller's, and before it is completed: both commit or neither does.
   */
  record?: (em: EntityManager, task: Task) => Promise<void>;
  /**
   * The record only stages changes in `em`'s unit of work (no flush, no statement of its own): the command may then run
   * without the campaign's lock, its record written at once with the task and the event, conditioned on the version.
   */
  deferrable?: boolean;
  /**
   * The record as the one row it stores: a command that leaves its stage open then writes it with its task and event
   * in the direct write (DirectTaskCompletion); the other paths run `record`, which must store the same row.
   */
  recordRow?: RowUpsert;
}

/**
 * An assignee's command on a task (approve, return, acknowledge…), in one transaction that first bumps the campaign's
 * `version` (compare-and-set): a concurrent change of the same campaign gets 409 CAMPAIGN_CHANGED, and the command is
 * tried again here first (retryOnConflict). After commit the outbox is relayed, so deadlines reach BullMQ only for
 * committed work. Changes of a campaign that are not task commands are CampaignRecordsService's.
 */
@Injectable()
export class CampaignCommandsService {
  private lockedTaskSql?: string;
  private readonly inTurn = new KeyedTurns();

  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly history: CampaignHistoryService,
    private readonly registry: StageRegistry,
    private readonly clock: Clock,
    private readonly metrics: EngineMetrics,
    private readonly lock: CampaignLock,
    private readonly documents: PublishedDocuments,
    private readonly direct: DirectTaskCompletion,
    private readonly kept: KeptTaskReads,
  ) {}

  /** An assignee's command on a task (approve, return, acknowledge…). */
  commandTask(taskId: string, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): Promise<CommandedTask> {
    return this.metrics.countCommand(`task.${input.command}`, () => retryOnConflict(() => this.runTaskCommand(taskId, input, principal, actingFor)));
  }

  private async runTaskCommand(taskId: string, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): Promise<CommandedTask> {
    if (input.record && !input.deferrable) return this.runReadCommand(taskId, undefined, input, principal, actingFor);
    // Read before any lock (unless a reading of its run is kept), to be written without it or, if the campaign has not
    // changed since, used under the lock.
    const since = this.inTurn.mark();
    const keptIn = this.kept.campaignOf(taskId);
    const read = keptIn === undefined ? await this.readKept(taskId) : undefined;
    const campaignId = keptIn ?? (read && String(read.task.campaign_id));
    if (campaignId === undefined) return this.runReadCommand(taskId, undefined, input, principal, actingFor);
    // Commands on one campaign in this process take turns: at once they would only refuse each other on its version.
    return this.inTurn.run(campaignId, async (stale) => {
      // As the command before it in this process left it (kept, or waited for): written directly, or read afresh.
      const kept = keptIn === undefined && !stale ? undefined : this.kept.get(taskId);
      if (kept?.campaign.status === 'running') {
        const written = await this.writeWithoutLock(kept, input, principal, actingFor, eventActor(principal, actingFor), { directOnly: true });
        if (written) return written;
      }
      const fresh = stale || keptIn !== undefined ? await this.readKept(taskId) : read;
      return this.runReadCommand(taskId, fresh, input, principal, actingFor);
    }, since);
  }

  private async runReadCommand(taskId: string, read: LockedTaskRows | undefined, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): Promise<CommandedTask> {
    const actor = eventActor(principal, actingFor);
    if (read?.campaign.status === 'running') {
      const written = await this.writeWithoutLock(read, input, principal, actingFor, actor);
      if (written) return written;
    }
    // The unit of work's paths change more than the kept reading knows.
    if (read) this.kept.forget(String(read.task.campaign_id));
    const campaignRead = read && { campaignId: String(read.task.campaign_id), version: read.campaign.version };
    return this.lock.runForTask(taskId, actor, async (ctx) => {
      const stillAsRead = campaignRead && ctx.campaign.id === campaignRead.campaignId && ctx.campaign.version === campaignRead.version + 1;
      const rows = stillAsRead ? read : await this.readTask(ctx.em, taskId);
      if (!rows) throw new AppError('TASK_NOT_FOUND', { id: taskId });
      return commanded(await this.apply(ctx, rows, input, principal, actingFor, actor));
    }, campaignRead);
  }

  /** The command in its campaign's context: judged, its record stored, its task completed and its stage settled. */
  private async apply(ctx: RunContext, rows: LockedTaskRows, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined, actor: EventActor): Promise<Task> {
    const { task, siblings } = this.mapTask(ctx, rows);
    const run = task.stageRun;
    const { outcome } = this.judge(ctx.document, stateOf(run, task), input, principal, actingFor);
    await input.record?.(ctx.em, task);
    const now = this.clock.now();
    task.status = 'done';
    task.outcome = outcome;
    task.comment = input.comment?.trim() || null;
    task.completedBy = ctx.em.getReference(Person, principal.personId);
    task.completedMandateId = task.assigneeUnit ? actingFor!.mandateId : null;
    task.completedAt = now;
    task.late = task.late || (task.dueAt !== null && now > task.dueAt);
    // Written with the event when the transaction ends.
    await this.history.append(ctx.em, ctx.campaign, 'task.completed', taskCompletedEvent(run, task, input.command), actor);
    // The run's other tasks as read with it (a command's `record` writes its own rows, never another task).
    await this.runner.settle(ctx, run, [...siblings, { status: task.status, outcome: task.outcome }]);
    return task;
  }

  /**
   * Whether the command may be given, and the outcome it gives its task; refusals in the order a person should hear
   * them: whose task it is before its state, so that a stranger does not learn whether another unit's (secret) vote
   * task is done.
   */
  private judge(document: WorkflowDocument, task: TaskState, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined): { stage: StageDefinition; outcome: string } {
    if (task.runStatus !== 'active') throw new AppError('STAGE_CLOSED', { stage: stageNameIn(document, task.stageKey) });
    const mine = task.assigneeUnitId ? actingFor?.unitId === task.assigneeUnitId : task.assigneePersonId === principal.personId;
    if (!mine) throw new AppError('NOT_TASK_ASSIGNEE');
    if (task.status !== 'open') throw new AppError('TASK_CLOSED');
    const stage = stageOf(document, task.stageKey);
    // `withRecord` lets a stage type (form) accept a command only when it carries its record.
    const result = this.registry.get(stage.type).taskOutcome(stage, input.command, { comment: input.comment, withRecord: input.record !== undefined });
    if ('problem' in result) throw new AppError(result.problem, { command: COMMAND_TEXTS[input.command] ?? input.command });
    return { stage, outcome: result.outcome };
  }

  /**
   * The hot path, without the campaign's lock: a command that completes its task and nothing else (no record, its
   * stage stays open, no listener of the event) is one read and one hand-written write conditioned on the campaign's
   * version (DirectTaskCompletion); one that completes its stage runs on the campaign as read and is written at once,
   * conditioned on that version (CampaignLock.runOptimistic). A refusal, a stage with effects or a campaign changed
   * since the read answer undefined: the locked path then decides, from the state under the lock.
   */
  private async writeWithoutLock(read: LockedTaskRows, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined, actor: EventActor, { directOnly = false } = {}): Promise<CommandedTask | undefined> {
    const document = this.documents.cached(read.campaign.workflowVersionId) ?? (await this.documents.get(this.em.fork(), read.campaign.workflowVersionId));
    let judged: { stage: StageDefinition; outcome: string };
    try {
      // On the rows as read: entities are built only on the paths that change more than the task.
      judged = this.judge(document, stateOfRows(read), input, principal, actingFor);
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
    // The direct write carries a record only as its row.
    if ((!input.record || input.recordRow !== undefined) && !this.history.isListenedTo('task.completed')) {
      const tasks = [...read.siblingRows.map(taskView), { status: 'done' as const, outcome: judged.outcome }];
      const verdict = this.registry.get(judged.stage.type).evaluate(judged.stage, tasks);
      if (!verdict.complete) return this.completeDirectly(read, judged.outcome, input, principal, actingFor, actor);
      // A run left with open tasks has them cancelled by the unit of work's path.
      const advance = tasks.every((task) => task.status !== 'open') ? await this.advanceOf(read, document, verdict.outcome) : undefined;
      if (advance) return this.completeDirectly(read, judged.outcome, input, principal, actingFor, actor, advance);
    }
    if (directOnly) return undefined;
    // The unit of work's write changes more than a kept reading would know.
    this.kept.forget(String(read.task.campaign_id));
    const campaignRead = { campaignId: String(read.task.campaign_id), version: read.campaign.version, row: { ...read.campaign.row } };
    const written = await this.lock.runOptimistic(campaignRead, actor, (ctx) => this.apply(ctx, read, input, principal, actingFor, actor));
    return written && commanded(written.value);
  }

  /**
   * What the stage's transition changes when the stage the command completes moves the campaign on by hand
   * (WorkflowRunner.directTransition): into the end, or into a stage whose assignees are found as enterStage finds
   * them. Undefined when the unit of work must make it, or refuse it (an assignee not found).
   */
  private async advanceOf(read: LockedTaskRows, document: WorkflowDocument, stageOutcome: string): Promise<StageAdvance | undefined> {
    const stageKey = String(read.run.stage_key);
    const row = read.campaign.row;
    const transition = this.runner.directTransition(document, stageKey, stageOutcome, Number(read.run.iteration), jsonOf<Record<string, unknown>>(row.context));
    if (!transition) return undefined;
    const { key, ends } = transition;
    const entered = { id: randomUUID(), stageKey: key, iteration: (read.iterations.get(key) ?? 0) + 1, stageType: transition.type, ends, tasks: [] as EnteredRun['tasks'] };
    if (!ends) {
      const em = this.em.fork();
      const subject = { subjectCluster: read.cluster ? em.map(Cluster, { ...read.cluster }) : null, subjectUnit: row.subject_unit_id ? em.getReference(Unit, String(row.subject_unit_id)) : null };
      let assignees: Assignee[] | undefined;
      try {
        assignees = await this.runner.enteredAssignees(em, subject, document, key);
      } catch (error) {
        if (error instanceof AppError) return undefined;
        throw error;
      }
      if (!assignees) return undefined;
      entered.tasks = assignees.map((assignee) => ({ id: randomUUID(), assigneeKey: assigneeKey(assignee), unitId: assignee.unit?.id ?? null, personId: assignee.person?.id ?? null }));
    }
    // As completeStage and enterStage leave them: the stage completed gone, the one entered last.
    const activeStages = ends ? [] : [...jsonOf<string[]>(row.active_stages).filter((active) => active !== stageKey && active !== key), key];
    return { stageRunId: String(read.run.id), stageOutcome, context: transition.context, activeStages, entered };
  }

  /**
   * The direct write (DirectTaskCompletion) of a command that completes its task, from the rows read: it leaves its
   * stage open, or (`advance`) moves the campaign on, with the events completeStage, enterStage and finishCampaign append.
   */
  private async completeDirectly(read: LockedTaskRows, outcome: string, input: TaskCommandInput, principal: Principal, actingFor: ActingFor | undefined, actor: EventActor, advance?: StageAdvance): Promise<CommandedTask | undefined> {
    const now = this.clock.now();
    const dueAt = read.task.due_at === null || read.task.due_at === undefined ? null : this.em.getPlatform().parseDate(read.task.due_at as string | number);
    const task = {
      id: String(read.task.id),
      assigneeKey: String(read.task.assignee_key),
      outcome,
      late: Boolean(read.task.late) || (dueAt !== null && now > dueAt),
    };
    const campaignId = String(read.task.campaign_id);
    const run = { id: String(read.run.id), stageKey: String(read.run.stage_key), iteration: Number(read.run.iteration) };
    const appended: Array<{ type: string; data: Record<string, unknown> }> = [{ type: 'task.completed', data: taskCompletedEvent(run, task, input.command) }];
    const entered = advance?.entered;
    if (advance && entered) {
      const enteredRun = { ...entered, dueAt: null };
      appended.push({ type: 'stage.completed', data: stageCompletedEvent(run, advance.stageOutcome) }, { type: 'stage.entered', data: stageEnteredEvent(enteredRun, entered.tasks.map((row) => row.assigneeKey)) });
      if (entered.ends) appended.push({ type: 'campaign.completed', data: campaignCompletedEvent(enteredRun) });
    }
    const events = chainEvents(campaignId, read.head, appended, actor, now);
    const written = await this.direct.write({
      campaignId,
      campaignVersion: read.campaign.version,
      taskId: task.id,
      outcome,
      comment: input.comment?.trim() || null,
      completedById: principal.personId,
      completedMandateId: read.task.assignee_unit_id ? actingFor!.mandateId : null,
      completedAt: now,
      late: task.late,
      events,
      record: input.recordRow,
      advance,
    });
    const last = events[events.length - 1];
    if (!written || entered?.ends) this.kept.forget(campaignId);
    else if (advance) this.keepEntered(read, advance, last, now);
    else this.kept.completed(read, task, last);
    if (!written) return undefined;
    if (advance && entered) this.metrics.stagesCompleted([{ stageType: String(read.run.stage_type), outcome: advance.stageOutcome }, ...(entered.ends ? [{ stageType: entered.stageType, outcome: 'end' }] : [])]);
    return { id: task.id, status: 'done', outcome, stageRunStatus: advance ? 'completed' : String(read.run.status) };
  }

  /** The stage a command entered by hand, kept for the commands on its tasks as the write left the campaign. */
  private keepEntered(read: LockedTaskRows, { entered, context, activeStages }: StageAdvance, head: { seq: number; hash: string }, now: Date): void {
    const version = read.campaign.version + 1;
    this.kept.keepWritten({
      campaign: { ...read.campaign.row, version, context, active_stages: activeStages, updated_at: now },
      cluster: read.cluster,
      run: entered,
      tasks: entered.tasks.map((row) => ({ ...row, dueAt: null })),
      head,
      iterations: new Map([...read.iterations, [entered.stageKey, entered.iteration]]),
    });
  }

  /** The task's reading before any lock, kept for the commands that follow on its run (KeptTaskReads). */
  private async readKept(taskId: string): Promise<LockedTaskRows | undefined> {
    const read = await this.readTask(this.em.fork(), taskId);
    if (read) this.kept.keep(read);
    return read;
  }

  /** The task, its stage run, the campaign's chain head and stage iterations, and its version, in one statement. */
  private async readTask(em: EntityManager, taskId: string): Promise<LockedTaskRows | undefined> {
    this.lockedTaskSql ??= lockedTaskStatement(em);
    const [row] = (await preparedRows<Record<string, unknown>>(em, this.lockedTaskSql, [taskId])).rows;
    return row && splitLockedTaskRow(row);
  }

  /**
   * The task and its stage run mapped into the command's context, as read under the lock or before it (when the
   * campaign's version shows nothing changed since): the hot path of every command, where building and hydrating
   * queries through the ORM cost more than the database. Its assignee stays a reference; its campaign is the
   * context's. The chain's head and the stages' iterations are remembered, so appending and entering need no read.
   */
  private mapTask(ctx: RunContext, rows: LockedTaskRows): { task: Task; siblings: TaskView[] } {
    if (rows.head) this.history.rememberHead(ctx.em, ctx.campaign.id, rows.head);
    for (const [stage, iteration] of rows.iterations) ctx.iterations.set(stage, iteration);
    ctx.allIterations = true;
    if (rows.cluster) ctx.em.map(Cluster, { ...rows.cluster });
    ctx.em.map(StageRun, { ...rows.run });
    return { task: ctx.em.map(Task, { ...rows.task }), siblings: rows.siblingRows.map(taskView) };
  }
}
