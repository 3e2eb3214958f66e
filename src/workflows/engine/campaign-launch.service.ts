import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import { Clock } from '../../modules/calendar/clock';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Person } from '../../modules/org/entities/person.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { Assignee, assigneeKey } from './assignee-resolver.service';
import { CampaignHistoryService, chainEvents, EventActor } from './campaign-history.service';
import { pinnedVersions } from './campaign-pins';
import { deferringWrites, WriteNotDeferred, writeDeferred } from './deferred-writes';
import { DirectLaunch } from './direct-launch';
import { EnteredRun } from './direct-rows';
import { Campaign } from './entities/campaign.entity';
import { Task } from './entities/task.entity';
import { WorkflowVersion } from './entities/workflow-version.entity';
import { KeptTaskReads } from './kept-task-reads';
import { columnsOf } from './locked-task.statement';
import { OutboxService } from './outbox.service';
import { PublishedDocuments, PublishedVersion } from './published-documents';
import { SUBJECT_WORDS } from './refusal-words';
import { RunContext, stageEnteredEvent, WorkflowRunner } from './workflow-runner.service';

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

/**
 * Launching campaigns: one (the API, a schedule), or several all or none (the wizard, the cascade), or a rehearsal of
 * them rolled back (the wizard's preview). The campaign, its launch event and its first stage commit together; the
 * outbox is relayed after the commit.
 */
@Injectable()
export class CampaignLaunchService {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly history: CampaignHistoryService,
    private readonly outbox: OutboxService,
    private readonly metrics: EngineMetrics,
    private readonly documents: PublishedDocuments,
    private readonly kept: KeptTaskReads,
    private readonly directLaunch: DirectLaunch,
    private readonly clock: Clock,
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
    const direct = options.within ? undefined : await this.launchDirectly(input, principal);
    if (direct) return direct;
    const ctx = (await this.launchDeferred(input, principal, options)) ?? (await this.em.fork().transactional((em) => this.launchIn(em, input, principal, options)));
    this.metrics.stagesCompleted(ctx.transitions);
    this.outbox.kick();
    return ctx.campaign;
  }

  /**
   * A launch of a cluster's campaign whose first stage is entered by hand (WorkflowRunner.directEntry), written without
   * the unit of work (DirectLaunch): the campaign as the ORM creates it, the stage's run and tasks, and the launch's and
   * the entry's events, as launchIn and enterStage write them. Undefined, having written nothing, when the launch is
   * the unit of work's to make or to refuse.
   */
  private async launchDirectly(input: LaunchInput, principal: Principal): Promise<Campaign | undefined> {
    const em = this.em.fork();
    const version = await this.documents.version(em, input.workflowVersionId);
    const entry = version && this.runner.directEntry(version.document);
    if (!version || !entry || (version.document.subject ?? 'cluster') !== 'cluster' || !input.clusterId || input.unitId) return undefined;
    const clusterRow = await liveClusterRow(em, input.clusterId);
    if (!clusterRow) return undefined;
    const campaign = await this.created(em, version, input, principal, em.map(Cluster, { ...clusterRow }), null);
    let assignees: Assignee[] | undefined;
    try {
      assignees = await this.runner.enteredAssignees(em, campaign, version.document, entry.key);
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
    if (!assignees) return undefined;
    const now = this.clock.now();
    campaign.activeStages = [entry.key];
    const tasks = assignees.map((assignee) => ({ id: randomUUID(), assigneeKey: assigneeKey(assignee), unitId: assignee.unit?.id ?? null, personId: assignee.person?.id ?? null }));
    const entered: EnteredRun = { id: randomUUID(), stageKey: entry.key, iteration: 1, stageType: entry.type, ends: false, tasks };
    const events = chainEvents(campaign.id, undefined, [
      { type: 'campaign.launched', data: launchedEvent(version, input, campaign) },
      { type: 'stage.entered', data: stageEnteredEvent({ ...entered, dueAt: null }, tasks.map((task) => task.assigneeKey)) },
    ], { personId: principal.personId }, now);
    const row = columnsOf(em, campaign);
    await this.directLaunch.write({ campaign: row, entered, at: now, events });
    const head = events[events.length - 1];
    this.kept.keepWritten({
      campaign: row,
      cluster: clusterRow,
      run: entered,
      tasks: tasks.map((task) => ({ ...task, dueAt: null })),
      head: { seq: head.seq, hash: head.hash },
      iterations: new Map([[entry.key, 1]]),
    });
    return campaign;
  }

  /**
   * A launch whose first stages need no write before the end (no effects) is computed without a transaction and
   * written at once (writeDeferred: one statement on PostgreSQL): the campaign, its runs, tasks, events and outbox rows
   * commit together or not at all. Undefined, having written nothing, when it cannot be: the transaction then does it.
   * A refusal is the same either way, and is thrown.
   */
  private async launchDeferred(input: LaunchInput, principal: Principal, options: LaunchOptions): Promise<RunContext | undefined> {
    if (options.within) return undefined;
    const em = deferringWrites(this.em);
    try {
      const ctx = await this.launchIn(em, input, principal, options);
      if (!(await writeDeferred(em))) return undefined;
      this.keepLaunched(em, ctx);
      return ctx;
    } catch (error) {
      if (error instanceof WriteNotDeferred) return undefined;
      throw error;
    }
  }

  /** What a launch wrote, kept for the first commands on its tasks (KeptTaskReads). */
  private keepLaunched(em: EntityManager, ctx: RunContext): void {
    const head = this.history.headIn(em, ctx.campaign.id);
    const tasks = [...em.getUnitOfWork().getPersistStack()].filter((entity): entity is Task => entity instanceof Task);
    const run = tasks[0]?.stageRun;
    if (!head || !run || tasks.some((task) => task.stageRun !== run)) return;
    const { campaign } = ctx;
    this.kept.keepWritten({
      campaign: columnsOf(em, campaign),
      cluster: campaign.subjectCluster ? columnsOf(em, campaign.subjectCluster) : undefined,
      run,
      tasks: tasks.map((task) => ({ id: task.id, assigneeKey: task.assigneeKey, unitId: task.assigneeUnit?.id ?? null, personId: task.assigneePerson?.id ?? null, dueAt: task.dueAt })),
      head,
      iterations: ctx.iterations,
    });
  }

  /** The launch itself, in the caller's transaction: the campaign, its launch event and its first stage. */
  private async launchIn(em: EntityManager, input: LaunchInput, principal: Principal, options: LaunchOptions): Promise<RunContext> {
    const version = await this.documents.version(em, input.workflowVersionId);
    if (!version) throw new AppError('WORKFLOW_VERSION_NOT_FOUND', { id: input.workflowVersionId });
    const expected = version.document.subject ?? 'cluster';
    const cluster = input.clusterId ? await em.findOne(Cluster, { id: input.clusterId, archivedAt: null }) : null;
    const unit = input.unitId ? await em.findOne(Unit, { id: input.unitId, archivedAt: null }) : null;
    if ((expected === 'cluster' && !cluster) || (expected === 'unit' && !unit) || (input.clusterId && input.unitId)) {
      throw new AppError('CAMPAIGN_SUBJECT_INVALID', { expected: SUBJECT_WORDS[expected] });
    }
    const created = await this.created(em, version, input, principal, cluster, unit);
    // Written with its first stage when the transaction ends, unless the caller's rows must refer to it first.
    if (options.within) {
      await em.flush();
      await options.within(em, created);
    }
    const actor: EventActor = { personId: principal.personId };
    const ctx = await this.runner.context(em, created, actor, { created: true });
    await this.history.append(em, created, 'campaign.launched', launchedEvent(version, input, created), actor);
    await this.runner.enterStage(ctx, version.document.start);
    return ctx;
  }

  /** The campaign a launch creates, with the form versions (and scoring tables) it pins. */
  private async created(em: EntityManager, version: PublishedVersion, input: LaunchInput, principal: Principal, cluster: Cluster | null, unit: Unit | null): Promise<Campaign> {
    return em.create(Campaign, {
      name: input.name,
      workflowVersion: em.getReference(WorkflowVersion, version.id),
      subjectCluster: cluster,
      subjectUnit: unit,
      year: input.year,
      launchedBy: em.getReference(Person, principal.personId),
      context: { ...(await pinnedVersions(em, version.document)), ...(input.startsOn ? { startsOn: input.startsOn } : {}) },
    });
  }
}

/** The history's record of a launch. */
const launchedEvent = (version: PublishedVersion, input: LaunchInput, campaign: Campaign) => ({
  workflow: version.key,
  workflowVersion: version.number,
  workflowHash: version.contentHash,
  subject: campaign.subjectCluster ? { clusterId: campaign.subjectCluster.id } : { unitId: campaign.subjectUnit!.id },
  year: input.year,
  ...(input.startsOn ? { startsOn: input.startsOn } : {}),
});

/** The row of the cluster a launch is for, unless archived: one plain statement, where the ORM's findOne cost a launch a tenth of its CPU. */
async function liveClusterRow(em: EntityManager, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await sqlRows<Record<string, unknown>>(em, 'select * from cluster where id = ? and archived_at is null', [id]);
  return row;
}
