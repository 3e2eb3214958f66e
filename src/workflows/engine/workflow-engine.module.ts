import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { VotingModule } from '../../modules/voting/voting.module';
import { QUEUES } from '../../queue/queue-names';
import { StageEffectsModule } from '../stages/stage-effects.module';
import { StagesModule } from '../stages/stages.module';
import { AssigneeResolver } from './assignee-resolver.service';
import { CampaignCommandsService } from './campaign-commands.service';
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
import { WorkflowRunner } from './workflow-runner.service';

/** The engine for every role: the runner, commands, history, outbox (a producer) and the sweeper. */
@Module({
  imports: [
    StagesModule,
    StageEffectsModule,
    VotingModule,
    MikroOrmModule.forFeature([Campaign, StageRun, Task, OutboxMessage, CampaignEvent, Notification, WorkflowVersion]),
    BullModule.registerQueue({ name: QUEUES.workflowTimers }),
  ],
  providers: [
    AssigneeResolver,
    CampaignHistoryService,
    OutboxService,
    WorkflowRunner,
    PublishedDocuments,
    CampaignLock,
    CampaignCommandsService,
    TaskReviewService,
    RecoverySweeper,
  ],
  exports: [BullModule, PublishedDocuments, StagesModule, CampaignCommandsService, TaskReviewService, CampaignHistoryService, OutboxService, RecoverySweeper],
})
export class WorkflowEngineModule {}
