import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { MAIL_TICK_JOB } from '../../modules/mail/mail-jobs';
import { MailModule } from '../../modules/mail/mail.module';
import { logQueueErrors } from '../../queue/log-queue-errors';
import { QUEUES } from '../../queue/queue-names';
import { MailExpander } from './mail-expander.service';
import { MailProcessor } from './mail.processor';

/** The worker side of e-mail notices: the tick (a job scheduler every MAIL_POLL_MS) and the sending. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.mail }), MailModule],
  providers: [MailExpander, MailProcessor],
})
export class MailWorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorkerModule.name);
  private readonly pollMs: number;
  private refresh?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pollMs = config.get('mail', { infer: true }).pollMs;
    logQueueErrors(this.queue, this.logger, QUEUES.mail);
  }

  onApplicationBootstrap(): void {
    this.schedule();
    // A Redis that lost its data loses the scheduler too: upserting again (idempotent) brings it back.
    this.refresh = setInterval(() => this.schedule(), 60_000);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** Not awaited: a Redis outage delays the mail without blocking the worker's start. */
  private schedule(): void {
    this.queue
      .upsertJobScheduler(MAIL_TICK_JOB, { every: this.pollMs }, { name: MAIL_TICK_JOB, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } })
      .catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule mail.tick'));
  }
}
