import { Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EvaluationSchedulesProcessor } from './evaluation-schedules.processor';
import { LaunchSchedulesModule } from './launch-schedules.module';
import { SCHEDULE_TICK_EVERY_MS } from './schedule-jobs';
import { ScheduleFlows } from './schedule-flows.service';

/** The worker side of scheduled launches: the queue's processor, its tick scheduler, and a tick at start (catch-up). */
@Module({
  imports: [LaunchSchedulesModule],
  providers: [EvaluationSchedulesProcessor],
})
export class LaunchSchedulesWorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LaunchSchedulesWorkerModule.name);
  private refresh?: NodeJS.Timeout;

  constructor(private readonly flows: ScheduleFlows) {}

  onApplicationBootstrap(): void {
    this.schedule(true);
    // A Redis that lost its data loses the scheduler too: upserting again (idempotent) brings it back.
    this.refresh = setInterval(() => this.schedule(false), SCHEDULE_TICK_EVERY_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** Not awaited: a Redis outage delays the ticks without blocking the worker's start. */
  private schedule(atStart: boolean): void {
    this.flows
      .scheduleTicks(SCHEDULE_TICK_EVERY_MS)
      .then(() => (atStart ? this.flows.addTick() : undefined))
      .catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule schedule.tick'));
  }
}
