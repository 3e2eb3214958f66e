import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sqlRows } from '../../database/sql-rows';
import { Clock } from '../../modules/calendar/clock';
import { localText } from '../definitions/workflow-document';
import { StageRegistry } from '../stages/stage-registry';
import { CampaignHistoryService } from './campaign-history.service';
import { CampaignLock, retryOnConflict } from './campaign-lock.service';
import { Campaign } from './entities/campaign.entity';
import { Notification } from './entities/notification.entity';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';
import { dueRunStatement, splitDueRunRows } from './locked-task.statement';
import { PublishedDocuments } from './published-documents';
import { RunContext, WorkflowRunner } from './workflow-runner.service';

/**
 * What the timers ask of a stage run: its deadline (the stage completed, or its open tasks marked late and their
 * assignees told) and its reminders. Each change of a campaign goes through its CampaignLock, as commands do.
 */
@Injectable()
export class StageDeadlinesService {
  private dueRunSql?: string;

  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly history: CampaignHistoryService,
    private readonly registry: StageRegistry,
    private readonly clock: Clock,
    private readonly lock: CampaignLock,
    private readonly documents: PublishedDocuments,
  ) {}

  /**
   * The due time of a stage run arrived (job or sweeper). Idempotent: a closed run, an overdue one or an early call
   * changes nothing. Under the lock it is tried again when another change of the campaign came first, as task commands
   * are: everything it does is re-read inside its transaction.
   */
  async onDue(stageRunId: string): Promise<'stale' | 'early' | 'handled'> {
    const em = this.em.fork();
    const rows = await sqlRows<Record<string, unknown>>(em, (this.dueRunSql ??= dueRunStatement(em)), [stageRunId]);
    if (!rows.length) return 'stale';
    const read = splitDueRunRows(rows);
    const run = em.map(StageRun, { ...read.run });
    if (run.status !== 'active' || run.overdue) return 'stale';
    if (run.dueAt && run.dueAt > this.clock.now()) return 'early';
    // Thousands fall due in the same minute, and most only mark tasks late and notify: written at once, without the
    // lock, conditioned on the version read; a stage to complete with effects, or a campaign changed since, takes the
    // locked path, which decides again from the state under the lock.
    if (read.campaign.status === 'running') {
      const campaignRead = { campaignId: run.campaign.id, version: read.campaign.version, row: read.campaign.row };
      const written = await this.lock.runOptimistic(campaignRead, null, (ctx) => {
        if (read.head) this.history.rememberHead(ctx.em, ctx.campaign.id, read.head);
        return this.handleDue(ctx, ctx.em.map(StageRun, { ...read.run }), read.openTasks.map((task) => ctx.em.map(Task, { ...task })));
      });
      if (written) return written.value;
    }
    return retryOnConflict(() => this.lock.run(run.campaign.id, null, async (ctx) => this.handleDue(ctx, await ctx.em.findOneOrFail(StageRun, stageRunId)), { lean: true }));
  }

  /**
   * A stage run's deadline: its stage completed if its type says so, else its open tasks (`open`, as read with the
   * run, or read here) marked late and their assignees told.
   */
  private async handleDue(ctx: RunContext, run: StageRun, open?: Task[]): Promise<'stale' | 'handled'> {
    if (run.status !== 'active' || run.overdue) return 'stale';
    const stage = this.runner.stageDefinition(ctx, run.stageKey);
    const timed = this.registry.get(stage.type).onDue?.(stage);
    if (timed?.complete) {
      await this.runner.completeStage(ctx, run, timed.outcome);
      return 'handled';
    }
    const tasks = open ?? (await ctx.em.find(Task, { stageRun: run, status: 'open' }));
    const now = this.clock.now();
    run.overdue = true;
    for (const task of tasks) Object.assign(task, { late: true, updatedAt: now });
    await this.history.append(ctx.em, ctx.campaign, 'stage.overdue', { stage: run.stageKey, iteration: run.iteration, stageRunId: run.id, policy: stage.onDeadline ?? 'mark-late' });
    if (stage.onDeadline === 'close') {
      await this.runner.completeStage(ctx, run, 'timeout');
    } else {
      await this.notifyOpenTasks(ctx, run, tasks, stage.onDeadline === 'escalate' ? 'escalation' : 'deadline', `deadline-${run.id}`);
    }
    return 'handled';
  }

  /** A reminder before the due time: one in-app notice per open task; redelivery creates nothing new. */
  async onReminder(stageRunId: string, index: number): Promise<number> {
    const em = this.em.fork();
    const run = await em.findOne(StageRun, stageRunId, { populate: ['campaign'] });
    if (!run || run.status !== 'active') return 0;
    const tasks = await em.find(Task, { stageRun: run, status: 'open' });
    const prefix = `reminder-${run.id}-${index}`;
    // Redelivered: the notices already made are found in one read, not one per task.
    const made = new Set((await em.find(Notification, { dedupeKey: { $in: tasks.map((task) => `${prefix}-${task.id}`) } }, { fields: ['dedupeKey'] })).map((notice) => notice.dedupeKey));
    const created = await this.notify(em, run, tasks, 'reminder', prefix, made);
    await em.flush();
    return created;
  }

  /**
   * The deadline's notices: one per open task and, when escalated, one to the cluster's head unit. None can exist
   * yet: they are written with the run's `overdue`, which was still false (and each dedupe key is unique).
   */
  private async notifyOpenTasks(ctx: RunContext, run: StageRun, open: Task[], kind: 'deadline' | 'escalation', dedupePrefix: string): Promise<void> {
    await this.notify(ctx.em, run, open, kind, dedupePrefix);
    if (kind !== 'escalation') return;
    await ctx.em.populate(ctx.campaign, ['subjectCluster']);
    const head = ctx.campaign.subjectCluster?.headUnit;
    if (head) ctx.em.create(Notification, { dedupeKey: `escalation-${run.id}`, unit: head, campaign: ctx.campaign, kind, message: await this.noticeMessage(ctx.em, run, 'escalation-head') });
  }

  /** One notice per task, each once: `made`, the dedupe keys of the notices already made, are skipped. Written by the caller. */
  private async notify(em: EntityManager, run: StageRun, tasks: Task[], kind: 'reminder' | 'deadline' | 'escalation', dedupePrefix: string, made: ReadonlySet<string> = new Set()): Promise<number> {
    if (!tasks.length) return 0;
    const message = await this.noticeMessage(em, run, kind);
    let created = 0;
    for (const task of tasks) {
      const dedupeKey = `${dedupePrefix}-${task.id}`;
      if (made.has(dedupeKey)) continue;
      em.create(Notification, { dedupeKey, unit: task.assigneeUnit, person: task.assigneePerson, campaign: run.campaign, task, kind, message });
      created++;
    }
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
