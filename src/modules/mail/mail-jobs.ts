import type { MailConfig } from '../../config/app-config';

/** The tick (a job scheduler): turns new notices into mail, gathers due digests, queues what waits to be sent. */
export const MAIL_TICK_JOB = 'mail.tick';

/** Sends one message. Its payload is the message's id only. */
export const MAIL_SEND_JOB = 'mail.send';

export interface MailSendJob {
  messageId: string;
}

/** Deterministic per message: queueing the same one again while its job waits or retries is a no-op. */
export const mailJobId = (messageId: string): string => `mail-${messageId}`;

/** The send job's options: attempts and exponential backoff from the configuration (BullMQ waits delay × 2^(n−1)). */
export const mailJobOptions = (config: MailConfig) => ({
  attempts: config.maxAttempts,
  backoff: { type: 'exponential' as const, delay: config.retryDelayMs },
  removeOnComplete: 1000,
  removeOnFail: 5000,
});
