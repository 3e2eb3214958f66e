import { EntityManager, wrap } from '@mikro-orm/core';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import { CalendarService } from '../../modules/calendar/calendar.service';
import { Clock } from '../../modules/calendar/clock';
import { WorkingCalendar } from '../../modules/calendar/working-calendar';
import type { StageDefinition, WorkflowDocument } from '../definitions/workflow-document';
import { STAGE_EFFECTS, StageEffectContext, StageEffects } from '../stages/stage-effects';
import type { TaskView } from '../stages/stage-handler';
import { StageRegistry } from '../stages/stage-registry';
import { Assignee, AssigneeResolver, assigneeKey, CampaignSubject } from './assignee-resolver.service';
import { CampaignHistoryService, EventActor } from './campaign-history.service';
import { dueAt, reminderAt } from './due-date';
import { startOfVietnamDay } from '../../modules/calendar/dates';
import { Campaign } from './entities/campaign.entity';
import { StageRun } from './entities/stage-run.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { Task } from './entities/task.entity';
import { PublishedDocuments } from './published-documents';
import { OutboxService } from './outbox.service';
import { stageNameIn } from './refusal-words';
import { nextStage } from './stage-transitions';

/** Due dates count from the campaign's start day while it is still ahead (a launch ahead of its start), else from now. */
export function countedFrom(campaign: Pick<Campaign, 'context'>, now: Date): Date {
  const startsOn = campaign.context.startsOn;
  const start = typeof startsOn === 'string' ? startOfVietnamDay(startsOn) : null;
  return start && start > now ? start : now;
}

/** A stage of a pinned document; a key it lacks is a bug, not a user's error. */
export function stageOf(document: WorkflowDocument, key: string): StageDefinition {
  const stage = document.stages[key];
  if (!stage) throw new Error(`Stage "${key}" is not in the pinned workflow version`);
  return stage;
}

/** The campaign's facts once a stage ended with `outcome`: what later conditions read of it. */
export function contextAfterStage(context: Record<string, unknown>, stageKey: string, outcome: string, iteration: number): Record<string, unknown> {
  const stages = { ...((context.stages as Record<string, unknown>) ?? {}), [stageKey]: { outcome, iteration } };
  return { ...context, stages, lastOutcome: outcome };
}

/** The history's records of a stage run ended, entered, and of the end stage that completed the campaign. */
type RunOfEvent = { id: string; stageKey: string; iteration: number; dueAt?: Date | null };
export const stageCompletedEvent = (run: RunOfEvent, outcome: string) => ({ stage: run.stageKey, iteration: run.iteration, stageRunId: run.id, outcome });
export const stageEnteredEvent = (run: RunOfEvent, assignees: string[]) => ({ stage: run.stageKey, iteration: run.iteration, stageRunId: run.id, dueAt: run.dueAt?.toISOString() ?? null, assignees });
export const campaignCompletedEvent = (run: Pick<RunOfEvent, 'stageKey'>) => ({ stage: run.stageKey });

/** The history's record of a completed task. */
export const taskCompletedEvent = (run: Pick<RunOfEvent, 'stageKey' | 'iteration'>, task: { id: string; assigneeKey: string; outcome: string | null; late: boolean }, command: string) => ({
  stage: run.stageKey,
  iteration: run.iteration,
  taskId: task.id,
  assignee: task.assigneeKey,
  command,
  outcome: task.outcome,
  late: task.late,
});

/** A stage's completion written by hand: the stage it enters, and the campaign's context with the outcome recorded. */
export interface DirectTransition {
  key: string;
  type: string;
  /** The stage entered is the end: the campaign completes with it. */
  ends: boolean;
  context: Record<string, unknown>;
}

/** Guards against a definition whose transitions loop without waiting for anyone. */
const MAX_AUTOMATIC_STEPS = 100;

/** What every change of a campaign needs: its transaction, the document, the calendar and who acts. */
export interface RunContext {
  em: EntityManager;
  campaign: Campaign;
  document: WorkflowDocument;
  /** Loaded on first use: only stages with a day-based due rule need it. */
  calendar: () => Promise<WorkingCalendar>;
  actor: EventActor | null;
  /** Whether the campaign's workflow version and subject cluster are loaded (stage effects read them). */
  loaded: boolean;
  /** The last iteration of each stage entered in this transaction, or of every stage run so far when `allIterations`. */
  iterations: Map<string, number>;
  /** `iterations` holds every stage that has run (a stage missing from it has not): no query to number a new run. */
  allIterations: boolean;
  steps: number;
  /** Stage runs ended in this transaction, counted by the caller once it commits (EngineMetrics). */
  transitions: Array<{ stageType: string; outcome: string }>;
}

/**
 * The one place that decides what happens next in a campaign: entering stages (tasks, deadlines
 * and reminders through the outbox), closing them with an outcome, and following `on`.
 * Callers provide the transaction; see CampaignCommandService for locking.
 */
@Injectable()
export class WorkflowRunner {
  private readonly effects: Map<string, StageEffects>;
  constructor(
    private readonly registry: StageRegistry,
    private readonly assignees: AssigneeResolver,
    private readonly history: CampaignHistoryService,
    private readonly outbox: OutboxService,
    private readonly calendarService: CalendarService,
    private readonly clock: Clock,
    private readonly documents: PublishedDocuments,
    @Optional() @Inject(STAGE_EFFECTS) effects: StageEffects[] = [],
  ) {
    this.effects = new Map(effects.map((effect) => [effect.type, effect]));
  }

  /**
   * `lean`: see CampaignLock.runForTask; what a stage needs of the campaign is loaded when it is entered or completed.
   * `created`: the campaign was created in this transaction (a launch; lean too, its subject is loaded).
   */
  async context(em: EntityManager, campaign: Campaign, actor: EventActor | null, { lean = false, created = false } = {}): Promise<RunContext> {
    const full = !lean && !created;
    if (full) await this.load(em, campaign);
    if (created) this.history.startChain(em, campaign.id);
    let calendar: Promise<WorkingCalendar> | undefined;
    const lazyCalendar = () => (calendar ??= this.calendarService.workingCalendar(em));
    const document = full ? campaign.workflowVersion.document : await this.documents.get(em, campaign.workflowVersion.id);
    return { em, campaign, document, calendar: lazyCalendar, actor, loaded: full, iterations: new Map(), allIterations: created, steps: 0, transitions: [] };
  }

  private async load(em: EntityManager, campaign: Campaign): Promise<void> {
    await em.populate(campaign, ['workflowVersion', 'subjectCluster']);
    this.documents.remember(campaign.workflowVersion.id, campaign.workflowVersion.document);
  }

  /** Stage effects read the campaign's workflow version and subject: loaded before they run. */
  private async loaded(ctx: RunContext): Promise<void> {
    if (ctx.loaded) return;
    await this.load(ctx.em, ctx.campaign);
    ctx.loaded = true;
  }

  /** Assignees are found from the campaign's subject cluster (a launch has it already: populating it again costs a tenth of the launch). */
  private async subjectLoaded(ctx: RunContext): Promise<void> {
    const cluster = ctx.campaign.subjectCluster;
    if (!ctx.loaded && cluster && !wrap(cluster).isInitialized()) await ctx.em.populate(ctx.campaign, ['subjectCluster']);
  }


  /**
   * Where completing a stage with `outcome` leads when that transition is written by hand from the rows a command read
   * (DirectTaskCompletion), as completeStage and enterStage (and finishCampaign) would write it: neither stage has
   * effects or a due date to schedule, no listener heeds the events, and the stage entered is the end (no tasks) or a
   * stage of one task per assignee. Undefined for any other transition, which they then make.
   */
  directTransition(document: WorkflowDocument, stageKey: string, outcome: string, iteration: number, context: Record<string, unknown>): DirectTransition | undefined {
    const stage = stageOf(document, stageKey);
    if (this.effects.has(stage.type) || this.history.isListenedTo('stage.completed', stage.type)) return undefined;
    const after = contextAfterStage(context, stageKey, outcome, iteration);
    const key = nextStage(stage, stageKey, outcome, after);
    const entered = key ? this.enteredByHand(document, key) : undefined;
    return entered && { key: key!, ...entered, context: after };
  }

  /**
   * The first stage of a launch written by hand (DirectLaunch): entered as directTransition enters a stage of one task
   * per assignee, and no listener heeds the launch. Undefined for any other launch, which enterStage then makes.
   */
  directEntry(document: WorkflowDocument): { key: string; type: string } | undefined {
    if (this.history.isListenedTo('campaign.launched')) return undefined;
    const entered = this.enteredByHand(document, document.start);
    return entered && !entered.ends ? { key: document.start, type: entered.type } : undefined;
  }

  /** Whether entering the stage may be written by hand: no effects, no due date, no listener; the end, or one task per assignee. */
  private enteredByHand(document: WorkflowDocument, key: string): { type: string; ends: boolean } | undefined {
    const next = document.stages[key];
    if (!next || next.due || this.effects.has(next.type) || this.history.isListenedTo('stage.entered', next.type)) return undefined;
    const handler = this.registry.get(next.type);
    if (handler.terminal) return !handler.hasTasks && !this.history.isListenedTo('campaign.completed', next.type) ? { type: next.type, ends: true } : undefined;
    return handler.hasTasks && !handler.taskSubjects ? { type: next.type, ends: false } : undefined;
  }

  /**
   * The assignees of a stage entered by hand (directTransition), found from the campaign's subject as enterStage finds
   * them and refused as it refuses them; undefined when the stage would be complete at once (settle then closes it).
   */
  async enteredAssignees(em: EntityManager, subject: CampaignSubject, document: WorkflowDocument, key: string): Promise<Assignee[] | undefined> {
    const stage = stageOf(document, key);
    const assignees = await this.assignees.resolve(em, subject, key, stage);
    if (!assignees.length) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameIn(document, key), assignee: '—' });
    const open = assignees.map((): TaskView => ({ status: 'open', outcome: null }));
    return this.registry.get(stage.type).evaluate(stage, open).complete ? undefined : assignees;
  }

  stageDefinition(ctx: RunContext, key: string): StageDefinition {
    return stageOf(ctx.document, key);
  }

  /** Enters a stage: a new iteration, its tasks, its deadline and reminders; then settles it if it is already complete. */
  async enterStage(ctx: RunContext, key: string): Promise<void> {
    if (++ctx.steps > MAX_AUTOMATIC_STEPS) throw new AppError('WORKFLOW_LOOP', { stage: stageNameIn(ctx.document, key) });
    const { em, campaign } = ctx;
    const stage = this.stageDefinition(ctx, key);
    const handler = this.registry.get(stage.type);
    const effects = this.effects.get(stage.type);
    if (effects) await this.loaded(ctx);
    else if (handler.hasTasks) await this.subjectLoaded(ctx);
    const now = this.clock.now();
    const iteration = (await this.lastIteration(ctx, key)) + 1;
    ctx.iterations.set(key, iteration);
    const run = em.create(StageRun, {
      campaign,
      stageKey: key,
      iteration,
      stageType: stage.type,
      dueAt: stage.due ? dueAt(stage.due, countedFrom(campaign, now), await ctx.calendar(), campaign.year) : null,
      // The engine's time, not the process's: the overview's "assigned" days follow a moved clock (tests, dry runs).
      createdAt: now,
      updatedAt: now,
    });
    campaign.activeStages = [...campaign.activeStages.filter((k) => k !== key), key];

    const assignees = handler.hasTasks ? await this.assignees.resolve(em, campaign, key, stage) : [];
    if (handler.hasTasks && !assignees.length) throw new AppError('ASSIGNEE_NOT_FOUND', { stage: stageNameIn(ctx.document, key), assignee: '—' });
    const members = handler.taskSubjects ? await this.assignees.members(em, campaign) : [];
    let tasks = 0;
    for (const assignee of assignees) {
      const base = { campaign, stageRun: run, assigneeUnit: assignee.unit ?? null, assigneePerson: assignee.person ?? null, dueAt: run.dueAt, createdAt: now, updatedAt: now };
      if (!handler.taskSubjects) {
        em.create(Task, { ...base, assigneeKey: assigneeKey(assignee) });
        tasks++;
        continue;
      }
      // One task per (assignee, unit it is about): a score sheet per scorer and scored unit.
      for (const aboutId of handler.taskSubjects(stage, { unitId: assignee.unit?.id, personId: assignee.person?.id }, members)) {
        em.create(Task, { ...base, assigneeKey: `${assigneeKey(assignee)}>${aboutId}`, aboutUnit: em.getReference(Unit, aboutId) });
        tasks++;
      }
    }
    // Effects and the listeners of their events may query the new rows; otherwise they are written with the rest.
    if (effects) await em.flush();
    await this.scheduleTimers(ctx, run, stage);
    await this.history.append(em, campaign, 'stage.entered', stageEnteredEvent(run, assignees.map(assigneeKey)), ctx.actor);
    if (effects?.onEnter) {
      await effects.onEnter(await this.effectContext(ctx, run, stage));
      await em.flush();
    }

    if (handler.terminal) {
      await this.finishCampaign(ctx, run);
      return;
    }
    // Without effects the new tasks are all open, as created: nothing to read.
    await this.settle(ctx, run, effects?.onEnter ? undefined : Array.from({ length: tasks }, () => ({ status: 'open', outcome: null })));
  }

  /** The iteration a stage last ran in (none for a campaign launched in this transaction). */
  private async lastIteration(ctx: RunContext, key: string): Promise<number> {
    const known = ctx.iterations.get(key);
    if (known !== undefined || ctx.allIterations) return known ?? 0;
    const [row] = await sqlRows<{ iteration: number | string }>(ctx.em, 'select max(iteration) as iteration from stage_run where campaign_id = ? and stage_key = ?', [ctx.campaign.id, key]);
    return Number(row?.iteration ?? 0);
  }

  /**
   * Closes the stage if its handler says it is complete, and moves on. `known`: the run's tasks as the caller knows
   * them (just created, or read under the lock with the one a command completes), else they are read.
   */
  async settle(ctx: RunContext, run: StageRun, known?: TaskView[]): Promise<void> {
    const stage = this.stageDefinition(ctx, run.stageKey);
    let tasks = known;
    if (!tasks) {
      // Flushed first: the tasks are read as rows (a handler needs only their status and outcome), which sees only written changes.
      await ctx.em.flush();
      tasks = await sqlRows<TaskView>(ctx.em, 'select status, outcome from task where stage_run_id = ?', [run.id]);
    }
    const verdict = this.registry.get(stage.type).evaluate(stage, tasks);
    if (verdict.complete) await this.completeStage(ctx, run, verdict.outcome, tasks.filter((task) => task.status === 'open').length);
  }

  /**
   * Ends a stage run with an outcome (the stage type's effects may turn the handler's outcome into the final one,
   * e.g. a vote's count), cancels its open tasks, records it in the context and follows `on`.
   */
  async completeStage(ctx: RunContext, run: StageRun, proposed: string, openTasks?: number): Promise<void> {
    const { em, campaign } = ctx;
    const stage = this.stageDefinition(ctx, run.stageKey);
    const effects = this.effects.get(stage.type);
    if (effects) {
      // Effects may read what this transaction wrote so far (a completed task, a ballot) as rows.
      await em.flush();
      await this.loaded(ctx);
    }
    const outcome = effects?.onComplete ? await effects.onComplete(await this.effectContext(ctx, run, stage), proposed) : proposed;
    const now = this.clock.now();
    run.status = 'completed';
    run.outcome = outcome;
    run.closedAt = now;
    ctx.transitions.push({ stageType: run.stageType, outcome });
    if (openTasks !== 0) {
      // The run's tasks may not be written yet (entered in this transaction): the update must see them.
      await em.flush();
      await em.nativeUpdate(Task, { stageRun: run, status: 'open' }, { status: 'cancelled', updatedAt: now });
    }
    campaign.activeStages = campaign.activeStages.filter((k) => k !== run.stageKey);
    campaign.context = contextAfterStage(campaign.context, run.stageKey, outcome, run.iteration);
    await this.history.append(em, campaign, 'stage.completed', stageCompletedEvent(run, outcome), ctx.actor);

    const target = nextStage(this.stageDefinition(ctx, run.stageKey), run.stageKey, outcome, campaign.context);
    if (!target) throw new AppError('NO_TRANSITION', { stage: stageNameIn(ctx.document, run.stageKey), outcome });
    await this.enterStage(ctx, target);
  }

  private async effectContext(ctx: RunContext, run: StageRun, stage: StageDefinition): Promise<StageEffectContext> {
    return {
      em: ctx.em,
      campaign: ctx.campaign,
      run,
      stage,
      tasks: await ctx.em.find(Task, { stageRun: run }, { populate: ['assigneeUnit', 'assigneePerson'] }),
      record: async (type, data) => void (await this.history.append(ctx.em, ctx.campaign, type, data, ctx.actor)),
    };
  }

  private async finishCampaign(ctx: RunContext, run: StageRun): Promise<void> {
    const { em, campaign } = ctx;
    const now = this.clock.now();
    run.status = 'completed';
    run.outcome = 'end';
    run.closedAt = now;
    ctx.transitions.push({ stageType: run.stageType, outcome: 'end' });
    campaign.activeStages = [];
    campaign.status = 'completed';
    campaign.endedAt = now;
    await this.history.append(em, campaign, 'campaign.completed', campaignCompletedEvent(run), ctx.actor);
  }

  /** Deadline and reminder jobs go through the outbox, keyed by the stage run so redelivery changes nothing. */
  private async scheduleTimers(ctx: RunContext, run: StageRun, stage: StageDefinition): Promise<void> {
    if (!run.dueAt) return;
    const calendar = stage.reminders?.length ? await ctx.calendar() : undefined;
    this.outbox.add(ctx.em, { jobName: 'stage.deadline', jobId: `deadline-${run.id}`, payload: { stageRunId: run.id }, runAt: run.dueAt });
    const now = this.clock.now();
    (stage.reminders ?? []).forEach((reminder, index) => {
      const at = reminderAt(reminder.before, run.dueAt!, calendar!);
      if (at && at > now) {
        this.outbox.add(ctx.em, { jobName: 'stage.reminder', jobId: `reminder-${run.id}-${index}`, payload: { stageRunId: run.id, index }, runAt: at });
      }
    });
  }
}
