import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../modules/calendar/clock';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { Person } from '../../modules/org/entities/person.entity';
import { StageRegistry } from '../stages/stage-registry';
import { CampaignLock } from './campaign-lock.service';
import { CampaignHistoryService, eventActor } from './campaign-history.service';
import { Campaign } from './entities/campaign.entity';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';
import { stageNameIn } from './refusal-words';
import { taskCompletedEvent, WorkflowRunner } from './workflow-runner.service';

/**
 * The changes of a running campaign that are not an assignee's command on an open task (CampaignCommandsService's):
 * additions to a done task, a stage type's own records, ballots cast at a meeting, cancellation. Each runs under the
 * campaign's lock, in one transaction that bumps its version, so history stays in order.
 */
@Injectable()
export class CampaignRecordsService {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly history: CampaignHistoryService,
    private readonly registry: StageRegistry,
    private readonly clock: Clock,
    private readonly metrics: EngineMetrics,
    private readonly lock: CampaignLock,
  ) {}

  /**
   * An assignee's addition to their task after it is done, while its stage is still open (a changed ballot):
   * recorded under the campaign lock so that history stays in order; the task itself does not change.
   */
  recordOnTask<T>(taskId: string, name: string, principal: Principal, actingFor: ActingFor | undefined, record: (em: EntityManager, task: Task, campaign: Campaign) => Promise<T>): Promise<T> {
    return this.metrics.countCommand(`task.${name}`, async () => {
      const campaignId = await this.lock.campaignIdOfTask(taskId);
      const actor = eventActor(principal, actingFor);
      return this.lock.run(campaignId, actor, async (ctx) => {
        const task = await ctx.em.findOneOrFail(Task, taskId, { populate: ['stageRun', 'assigneeUnit', 'assigneePerson'] });
        if (task.stageRun.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: stageNameIn(ctx.document, task.stageRun.stageKey) });
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
    return this.metrics.countCommand(name, () => this.lock.run(campaignId, actor, (ctx) => record(ctx.em, ctx.campaign)));
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
      await this.lock.run(run.campaign.id, { personId: principal.personId }, async (ctx) => {
        const current = await ctx.em.findOneOrFail(StageRun, stageRunId);
        if (current.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: stageNameIn(ctx.document, current.stageKey) });
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
          await this.history.append(ctx.em, ctx.campaign, 'task.completed', taskCompletedEvent(current, task, 'meeting'), { personId: principal.personId });
        }
        await this.runner.settle(ctx, current);
      });
    });
  }

  cancel(campaignId: string, reason: string, principal: Principal): Promise<Campaign> {
    return this.metrics.countCommand('cancel', () => this.cancelCampaign(campaignId, reason, principal));
  }

  private async cancelCampaign(campaignId: string, reason: string, principal: Principal): Promise<Campaign> {
    return this.lock.run(campaignId, { personId: principal.personId }, async (ctx) => {
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
}
