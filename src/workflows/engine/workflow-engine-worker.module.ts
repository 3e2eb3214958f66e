import { InjectQueue } from '@nestjs/bullmq';
import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
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
export class WorkflowEngineWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkflowEngineWorkerModule.name);

  constructor(@InjectQueue(QUEUES.workflowTimers) private readonly timers: Queue) {}

  onApplicationBootstrap(): void {
    this.timers
      .upsertJobScheduler('engine.sweep', { every: SWEEP_EVERY_MS }, { name: 'engine.sweep', data: {} })
      .catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule engine.sweep'));
  }
}
