import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { WebhookDeliveriesService } from '../../modules/webhooks/webhook-deliveries.service';
import { WEBHOOK_DELIVER_JOB, WEBHOOK_SWEEP_EVERY_MS, WEBHOOK_SWEEP_JOB, webhookJobId } from '../../modules/webhooks/webhook-jobs';
import { QUEUES } from '../../queue/queue-names';

/** How late a pending delivery may be before its job counts as lost: queue latency and a busy worker fit well within. */
export const WEBHOOK_SWEEP_GRACE_MS = 2 * 60_000;

/**
 * Gives a pending delivery whose job is gone its job again, under the same deterministic id: a job still waiting or
 * delayed makes the add a no-op; a finished one (it ran out of attempts while another run held the delivery) is
 * removed first. The delivery's lease still keeps two runs from sending at once.
 */
@Injectable()
export class WebhookSweeper {
  private readonly logger = new Logger(WebhookSweeper.name);

  constructor(
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: Queue,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  schedule(): Promise<unknown> {
    return this.webhooks.upsertJobScheduler(WEBHOOK_SWEEP_JOB, { every: WEBHOOK_SWEEP_EVERY_MS }, { name: WEBHOOK_SWEEP_JOB, data: {} });
  }

  /** Returns how many jobs it added again. */
  async sweep(graceMs = WEBHOOK_SWEEP_GRACE_MS): Promise<number> {
    let added = 0;
    for (const { id, generation } of await this.deliveries.overdue(graceMs)) {
      const jobId = webhookJobId(id, generation);
      const existing = await this.webhooks.getJob(jobId);
      if (existing && ((await existing.isCompleted()) || (await existing.isFailed()))) await existing.remove();
      else if (existing) continue;
      await this.webhooks.add(WEBHOOK_DELIVER_JOB, { deliveryId: id }, { jobId });
      added++;
    }
    if (added) this.logger.warn({ added }, 'Webhook deliveries whose job was lost were queued again');
    return added;
  }
}
