import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import { EventActor } from './campaign-history.service';
import { Campaign } from './entities/campaign.entity';
import { Task } from './entities/task.entity';
import { OutboxService } from './outbox.service';
import { RunContext, WorkflowRunner } from './workflow-runner.service';

/**
 * Every change to a campaign runs here: in one transaction that first bumps the campaign's `version`
 * (compare-and-set), so a concurrent change of the same campaign gets 409 CAMPAIGN_CHANGED and can retry.
 * After commit the stage transitions are counted and the outbox is relayed, so deadlines reach BullMQ only for
 * committed work.
 */
@Injectable()
export class CampaignLock {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly outbox: OutboxService,
    private readonly metrics: EngineMetrics,
  ) {}

  async run<T>(campaignId: string, actor: EventActor | null, work: (ctx: RunContext) => Promise<T>): Promise<T> {
    const committed: RunContext[] = [];
    const result = await this.em.fork().transactional(async (em) => {
      const seen = await em.findOne(Campaign, campaignId);
      if (!seen) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
      if (seen.status !== 'running') throw new AppError('CAMPAIGN_NOT_RUNNING', { status: seen.status });
      const bumped = await em.nativeUpdate(Campaign, { id: campaignId, version: seen.version }, { version: seen.version + 1 });
      if (bumped !== 1) throw new AppError('CAMPAIGN_CHANGED');
      await em.refresh(seen);
      const ctx = await this.runner.context(em, seen, actor);
      committed.push(ctx);
      return work(ctx);
    });
    this.metrics.stagesCompleted(committed.flatMap((c) => c.transitions));
    this.outbox.kick();
    return result;
  }

  async campaignIdOfTask(taskId: string): Promise<string> {
    const task = await this.em.fork().findOne(Task, taskId);
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    return task.campaign.id;
  }
}
