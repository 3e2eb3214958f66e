import type { WebhooksConfig } from '../../config/app-config';

/** The one job of the `webhooks` queue: send a delivery. Its payload is the delivery's id only. */
export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';

/** The sweep (a job scheduler): finds pending deliveries whose job was lost and adds it again. */
export const WEBHOOK_SWEEP_JOB = 'webhook.sweep';

export const WEBHOOK_SWEEP_EVERY_MS = 60_000;

export interface WebhookDeliverJob {
  deliveryId: string;
}

/** Deterministic per delivery and redelivery: a second relay of the same one is a no-op. */
export const webhookJobId = (deliveryId: string, generation: number): string => `webhook-${deliveryId}-${generation}`;

/** The queue's job options: attempts and exponential backoff from the configuration (BullMQ waits delay × 2^(n−1)). */
export const webhookJobOptions = (config: WebhooksConfig) => ({
  attempts: config.maxAttempts,
  backoff: { type: 'exponential' as const, delay: config.retryDelayMs },
  removeOnComplete: 1000,
  removeOnFail: 5000,
});

/** When BullMQ will try again after `attemptsMade` failed attempts of the job. */
export const retryDelayMs = (config: WebhooksConfig, attemptsMade: number): number => config.retryDelayMs * 2 ** Math.max(0, attemptsMade - 1);
