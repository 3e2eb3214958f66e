import { Module } from '@nestjs/common';
import { AuthModule } from '../../modules/auth/auth.module';
import { CommendationsModule } from '../../modules/commendations/commendations.module';
import { DiscussionModule } from '../../modules/discussion/discussion.module';
import { FormsModule } from '../../modules/forms/forms.module';
import { IdempotencyModule } from '../../modules/idempotency/idempotency.module';
import { ScoringModule } from '../../modules/scoring/scoring.module';
import { SigningModule } from '../../modules/signing/signing.module';
import { StorageModule } from '../../modules/storage/storage.module';
import { VotingModule } from '../../modules/voting/voting.module';
import { CampaignBundleModule } from '../bundle/campaign-bundle.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { MinutesController } from '../evaluation/minutes/minutes.controller';
import { MinutesService } from '../evaluation/minutes/minutes.service';
import { CampaignAmendmentsService } from '../stages/discussion/campaign-amendments.service';
import { StageEffectsModule } from '../stages/stage-effects.module';
import { DecisionTaskService } from '../stages/decision/decision-task.service';
import { ProposeTaskService } from '../stages/propose/propose-task.service';
import { FormTaskService } from '../stages/form/form-task.service';
import { RankingAdjustmentService } from '../stages/rank/ranking-adjustment.service';
import { RankingExportService } from '../stages/rank/ranking-export.service';
import { RankingQueriesService } from '../stages/rank/ranking-queries.service';
import { ScoreMatrixReader } from '../stages/score/score-matrix.reader';
import { ScoreTaskService } from '../stages/score/score-task.service';
import { SignTaskService } from '../stages/sign/sign-task.service';
import { BallotTaskService } from '../stages/vote/ballot-task.service';
import { BallotsController } from './ballots.controller';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignsController } from './campaigns.controller';
import { DecisionsController } from './decisions.controller';
import { DeliberationController } from './deliberation.controller';
import { DocumentAmendmentsController } from './document-amendments.controller';
import { FormSubmissionsController } from './form-submissions.controller';
import { NotificationsController } from './notifications.controller';
import { RankingsController } from './rankings.controller';
import { ScoreSheetsController } from './score-sheets.controller';
import { SigningController } from './signing.controller';
import { TaskProposalsController } from './task-proposals.controller';
import { TasksController } from './tasks.controller';

/** HTTP side of the engine: campaigns, the inbox, task commands, form tasks, ballots, the deliberation of a campaign and its signing. */
@Module({
  imports: [WorkflowEngineModule, StageEffectsModule, AuthModule, IdempotencyModule, FormsModule, VotingModule, DiscussionModule, SigningModule, CampaignBundleModule, CommendationsModule, ScoringModule, StorageModule],
  controllers: [CampaignsController, TasksController, NotificationsController, FormSubmissionsController, BallotsController, DeliberationController, DocumentAmendmentsController, SigningController, DecisionsController, MinutesController, RankingsController, ScoreSheetsController, TaskProposalsController],
  providers: [CampaignQueriesService, FormTaskService, BallotTaskService, CampaignAmendmentsService, SignTaskService, DecisionTaskService, ProposeTaskService, MinutesService, RankingQueriesService, RankingAdjustmentService, RankingExportService, ScoreTaskService, ScoreMatrixReader],
  exports: [CampaignQueriesService, FormTaskService, BallotTaskService, ProposeTaskService, CampaignAmendmentsService, SignTaskService, ScoreTaskService, ScoreMatrixReader, RankingQueriesService, VotingModule, DiscussionModule],
})
export class WorkflowApiModule {}
