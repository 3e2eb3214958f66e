import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '../../queue/queue-names';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { LaunchSchedule } from './entities/launch-schedule.entity';
import { ScheduledLaunch } from './entities/scheduled-launch.entity';
import { LaunchSchedulesService } from './launch-schedules.service';
import { ScheduleFlows } from './schedule-flows.service';
import { ScheduledLauncher } from './scheduled-launcher.service';

/** Scheduled launches for every role: the schedules, the launcher and the queue's producer (api adds runs, workers run them). */
@Module({
  imports: [
    WorkflowEngineModule,
    MikroOrmModule.forFeature([LaunchSchedule, ScheduledLaunch]),
    BullModule.registerQueue({ name: QUEUES.evaluationSchedules }),
    // close() already quits or disconnects; the extra forced disconnect first awaits a connection that, with Redis
    // down, never comes, and the app's shutdown hung on it.
    BullModule.registerFlowProducer({ name: QUEUES.evaluationSchedules, forceDisconnectOnShutdown: false }),
  ],
  providers: [LaunchSchedulesService, ScheduleFlows, ScheduledLauncher],
  exports: [LaunchSchedulesService, ScheduleFlows, ScheduledLauncher],
})
export class LaunchSchedulesModule {}
