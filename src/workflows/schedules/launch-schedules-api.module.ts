import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { LaunchSchedulesController } from './launch-schedules.controller';
import { LaunchSchedulesModule } from './launch-schedules.module';
import { SchedulePagesController } from './web/schedule-pages.controller';
import { SCHEDULE_WEB_TEXTS } from './web/schedule-web-texts';

/** The HTTP side of scheduled launches: the API under /api/v1/launch-schedules and the page /admin/schedules. */
@Module({
  imports: [LaunchSchedulesModule, IdempotencyModule, WebModule],
  controllers: [LaunchSchedulesController, SchedulePagesController],
  providers: [WorkflowPageShell],
})
export class LaunchSchedulesApiModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/schedules', label: SCHEDULE_WEB_TEXTS.navSchedules, roles: ['admin'] });
  }
}
