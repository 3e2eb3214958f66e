import { EntityManager } from '@mikro-orm/core';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock } from '../../modules/calendar/clock';
import { logQueueErrors } from '../../queue/log-queue-errors';
import { QUEUES } from '../../queue/queue-names';
import { OutboxMessage } from './entities/outbox-message.entity';

export interface OutboxJob {
  /** The engine's timers unless said otherwise. */
  queue?: typeof QUEUES.workflowTimers | typeof QUEUES.webhooks;
  jobName: 'stage.deadline' | 'stage.reminder' | 'webhook.deliver';
  /** Deterministic: the same logical job always has the same id, so a second relay is a no-op. */
  jobId: string;
  payload: Record<string, string | number>;
  runAt: Date | null;
}

/**
 * Jobs that must follow a commit: written as rows in the command's transaction, relayed to BullMQ
 * after it commits. Losing Redis loses nothing: unsent rows wait for the next relay.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private relaying: Promise<number> | null = null;
  /** Rows were added in this process since the last relay began: a kick after a commit only then queries. */
  private added = false;

  constructor(
    @InjectQueue(QUEUES.workflowTimers) private readonly timers: Queue,
    @InjectQueue(QUEUES.webhooks) private readonly webhooks: Queue,
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {
    logQueueErrors(this.timers, this.logger, QUEUES.workflowTimers);
    logQueueErrors(this.webhooks, this.logger, QUEUES.webhooks);
  }

  add(em: EntityManager, job: OutboxJob): void {
    this.added = true;
    em.create(OutboxMessage, { queue: job.queue ?? QUEUES.workflowTimers, jobName: job.jobName, jobId: job.jobId, payload: job.payload, runAt: job.runAt });
  }

  /** Relays unsent rows; concurrent calls in one process share one pass. Returns how many were sent. */
  relay(): Promise<number> {
    this.relaying ??= this.relayPending().finally(() => {
      this.relaying = null;
      if (this.added) this.kick(); // rows added while this pass ran
    });
    return this.relaying;
  }

  /** Starts a relay without waiting, right after a commit that may have added rows; a no-op otherwise. */
  kick(): void {
    if (!this.added || this.relaying) return;
    this.relay().catch((error: Error) => this.logger.warn({ err: error }, 'Outbox relay failed; the sweeper will retry'));
  }

  private async relayPending(): Promise<number> {
    this.added = false;
    const em = this.em.fork();
    let sent = 0;
    for (;;) {
      const batch = await em.find(OutboxMessage, { sentAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 100 });
      if (!batch.length) return sent;
      for (const message of batch) {
        const delay = message.runAt ? Math.max(0, message.runAt.getTime() - this.clock.now().getTime()) : 0;
        try {
          const queue = message.queue === QUEUES.webhooks ? this.webhooks : this.timers;
          await queue.add(message.jobName, message.payload, { jobId: message.jobId, delay });
        } catch (error) {
          message.attempts += 1;
          message.lastError = String((error as Error).message ?? error).slice(0, 1000);
          await em.flush();
          throw error;
        }
        message.sentAt = this.clock.now();
        sent++;
      }
      await em.flush();
    }
  }
}
