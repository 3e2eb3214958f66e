import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';
import { NotificationsController } from './notifications.controller';
import { TasksController } from './tasks.controller';

/** HTTP side of the engine: campaigns, the inbox and task commands. */
@Module({
  imports: [WorkflowEngineModule, AuthModule, IdempotencyModule],
  controllers: [CampaignsController, TasksController, NotificationsController],
  providers: [CampaignQueriesService],
  exports: [CampaignQueriesService],
})
export class WorkflowApiModule {}
