import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MaintenanceProcessor } from './jobs/maintenance.processor';
import { RefreshTokenModule } from './modules/auth/refresh-token.module';
import { ObservabilityModule } from './modules/observability/observability.module';
import { logQueueErrors } from './queue/log-queue-errors';
import { QUEUES } from './queue/queue-names';
import { WorkflowEngineWorkerModule } from './workflows/engine/workflow-engine-worker.module';
import { MailWorkerModule } from './workflows/mail/mail-worker.module';
import { LaunchSchedulesWorkerModule } from './workflows/schedules/launch-schedules-worker.module';
import { WebhooksWorkerModule } from './workflows/webhooks/webhooks-worker.module';

/** The worker role: queue processors and the job schedulers they own. */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.maintenance }), RefreshTokenModule, WorkflowEngineWorkerModule, ObservabilityModule, LaunchSchedulesWorkerModule, WebhooksWorkerModule, MailWorkerModule],
  providers: [MaintenanceProcessor],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerModule.name);

  constructor(@InjectQueue(QUEUES.maintenance) private readonly maintenance: Queue) {
    logQueueErrors(maintenance, this.logger, QUEUES.maintenance);
  }

  onApplicationBootstrap(): void {
    // Idempotent, so every worker may upsert at start; not awaited so that a Redis outage delays it without blocking boot.
    this.maintenance
      .upsertJobScheduler('refresh-token.purge', { every: 6 * 3600 * 1000 }, { name: 'refresh-token.purge', data: {} })
      .catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule refresh-token.purge'));
  }
}
