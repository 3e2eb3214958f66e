import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/app-config';
import { VotingModule } from '../../modules/voting/voting.module';
import { webhookJobOptions } from '../../modules/webhooks/webhook-jobs';
import { WebhooksModule } from '../../modules/webhooks/webhooks.module';
import { QUEUES } from '../../queue/queue-names';
import { StageEffectsModule } from '../stages/stage-effects.module';
import { StagesModule } from '../stages/stages.module';
import { AssigneeResolver } from './assignee-resolver.service';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignRecordsService } from './campaign-records.service';
import { StageDeadlinesService } from './stage-deadlines.service';
import { DirectLaunch } from './direct-launch';
import { DirectTaskCompletion } from './direct-task-completion';
import { KeptTaskReads } from './kept-task-reads';
import { CampaignLaunchService } from './campaign-launch.service';
import { CampaignMigrationService } from './campaign-migration.service';
import { CampaignLock } from './campaign-lock.service';
import { CampaignHistoryService } from './campaign-history.service';
import { CampaignEvent } from './entities/campaign-event.entity';
import { Campaign } from './entities/campaign.entity';
import { Notification } from './entities/notification.entity';
import { OutboxMessage } from './entities/outbox-message.entity';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';
import { WorkflowVersion } from './entities/workflow-version.entity';
import { OutboxService } from './outbox.service';
import { RecoverySweeper } from './recovery-sweeper.service';
import { TaskReviewService } from './task-review.service';
import { PublishedDocuments } from './published-documents';
import { VoteNoticesListener } from '../mail/vote-notices.listener';
import { WebhookEventsListener } from '../webhooks/webhook-events.listener';
import { WorkflowRunner } from './workflow-runner.service';

/** The engine for every role: the runner, commands, history, outbox (a producer), the sweeper, campaign events to webhook deliveries, and vote notices. */
@Module({
  imports: [
    StagesModule,
    StageEffectsModule,
    VotingModule,
    WebhooksModule,
    MikroOrmModule.forFeature([Campaign, StageRun, Task, OutboxMessage, CampaignEvent, Notification, WorkflowVersion]),
    BullModule.registerQueue({ name: QUEUES.workflowTimers }),
    // The outbox relays webhook deliveries: the queue's jobs get their attempts and backoff from the configuration.
    BullModule.registerQueueAsync({
      name: QUEUES.webhooks,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({ defaultJobOptions: webhookJobOptions(config.get('webhooks', { infer: true })) }),
    }),
  ],
  providers: [
    AssigneeResolver,
    CampaignHistoryService,
    OutboxService,
    WorkflowRunner,
    PublishedDocuments,
    CampaignLock,
    DirectTaskCompletion,
    DirectLaunch,
    KeptTaskReads,
    CampaignCommandsService,
    CampaignRecordsService,
    StageDeadlinesService,
    CampaignLaunchService,
    CampaignMigrationService,
    TaskReviewService,
    RecoverySweeper,
    WebhookEventsListener,
    VoteNoticesListener,
  ],
  exports: [BullModule, PublishedDocuments, StagesModule, CampaignCommandsService, CampaignRecordsService, StageDeadlinesService, CampaignLaunchService, CampaignMigrationService, TaskReviewService, CampaignHistoryService, OutboxService, RecoverySweeper],
})
export class WorkflowEngineModule {}
