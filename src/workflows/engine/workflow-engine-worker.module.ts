import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '../../queue/queue-names';
import { WorkflowEngineModule } from './workflow-engine.module';
import { WorkflowTimersProcessor } from './workflow-timers.processor';

export const SWEEP_EVERY_MS = 30_000;

/** The engine's worker side: the timers processor and the recovery sweep's job scheduler. */
@Module({
  imports: [WorkflowEngineModule],
  providers: [WorkflowTimersProcessor],
})
export class WorkflowEngineWorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkflowEngineWorkerModule.name);
  private refresh?: NodeJS.Timeout;

  constructor(@InjectQueue(QUEUES.workflowTimers) private readonly timers: Queue) {}

  onApplicationBootstrap(): void {
    this.scheduleSweep();
    // Redis may lose its data (a restart without persistence): upserting again, idempotently, brings the scheduler back.
    this.refresh = setInterval(() => this.scheduleSweep(), SWEEP_EVERY_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  private scheduleSweep(): void {
    this.timers
      .upsertJobScheduler('engine.sweep', { every: SWEEP_EVERY_MS }, { name: 'engine.sweep', data: {} })
      .catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule engine.sweep'));
  }
}
