import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { FormsModule } from '../../modules/forms/forms.module';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { FormTaskService } from '../stages/form/form-task.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';
import { FormSubmissionsController } from './form-submissions.controller';
import { NotificationsController } from './notifications.controller';
import { TasksController } from './tasks.controller';

/** HTTP side of the engine: campaigns, the inbox, task commands and form tasks. */
@Module({
  imports: [WorkflowEngineModule, AuthModule, IdempotencyModule, FormsModule],
  controllers: [CampaignsController, TasksController, NotificationsController, FormSubmissionsController],
  providers: [CampaignQueriesService, FormTaskService],
  exports: [CampaignQueriesService, FormTaskService],
})
export class WorkflowApiModule {}
