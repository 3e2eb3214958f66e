import { Processor, WorkerHost } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { Job, UnrecoverableError } from 'bullmq';
import type { AppConfig, WebhooksConfig } from '../../config/app-config';
import { WebhookDeliveriesService } from '../../modules/webhooks/webhook-deliveries.service';
import { retryDelayMs, WEBHOOK_DELIVER_JOB, WEBHOOK_SWEEP_JOB, WebhookDeliverJob } from '../../modules/webhooks/webhook-jobs';
import { QUEUES } from '../../queue/queue-names';
import { WebhookPayloads } from './webhook-payloads.service';
import { WebhookSweeper } from './webhook-sweeper.service';

/**
 * The `webhooks` queue: one attempt per job run. A failed attempt throws, and BullMQ tries again after its
 * exponential backoff; the delivery row records every attempt, and its lease keeps a job run twice from sending twice.
 */
@Processor(QUEUES.webhooks, { concurrency: 8 })
export class WebhooksProcessor extends WorkerHost {
  private readonly config: WebhooksConfig;

  constructor(
    private readonly deliveries: WebhookDeliveriesService,
    private readonly payloads: WebhookPayloads,
    private readonly sweeper: WebhookSweeper,
    config: ConfigService<AppConfig, true>,
  ) {
    super();
    this.config = config.get('webhooks', { infer: true });
  }

  async process(job: Job<WebhookDeliverJob>): Promise<string | number> {
    if (job.name === WEBHOOK_SWEEP_JOB) return this.sweeper.sweep();
    if (job.name !== WEBHOOK_DELIVER_JOB) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const attemptsAllowed = job.opts.attempts ?? 1;
    const outcome = await this.deliveries.attempt(job.data.deliveryId, {
      final: job.attemptsMade + 1 >= attemptsAllowed,
      retryInMs: retryDelayMs(this.config, job.attemptsMade + 1),
      build: (delivery) => this.payloads.build(delivery),
    });
    if (outcome === 'retry') throw new Error(`Webhook delivery ${job.data.deliveryId} not accepted; retrying`);
    // Another run holds it now; this one tries again later, in case that run dies before recording its attempt.
    if (outcome === 'busy') throw new Error(`Webhook delivery ${job.data.deliveryId} is being sent by another run`);
    return outcome;
  }
}
