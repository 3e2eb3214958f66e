import { Module } from '@nestjs/common';
import { CommendationsModule } from '../../modules/commendations/commendations.module';
import { DiscussionModule } from '../../modules/discussion/discussion.module';
import { DocumentsModule } from '../../modules/documents/documents.module';
import { RankingService } from '../../modules/scoring/ranking/ranking.service';
import { VotingModule } from '../../modules/voting/voting.module';
import { DecisionStageEffects } from './decision/decision.effects';
import { AmendmentDecisionService } from './discussion/amendment-decision.service';
import { DiscussionStageEffects } from './discussion/discussion.effects';
import { ProposeStageEffects } from './propose/propose.effects';
import { RankStageEffects } from './rank/rank.effects';
import { ScoreStageEffects } from './score/score.effects';
import { SignStageEffects } from './sign/sign.effects';
import { STAGE_EFFECTS, StageEffects } from './stage-effects';
import { VoteStageEffects } from './vote/vote.effects';

/**
 * The stage types' effects, listed explicitly as the handlers are: the engine (in the API and in the worker)
 * injects STAGE_EFFECTS and runs each type's hooks inside its transactions.
 */
@Module({
  imports: [VotingModule, DocumentsModule, DiscussionModule, CommendationsModule],
  providers: [
    AmendmentDecisionService,
    VoteStageEffects,
    DiscussionStageEffects,
    SignStageEffects,
    ScoreStageEffects,
    DecisionStageEffects,
    RankingService,
    RankStageEffects,
    ProposeStageEffects,
    {
      provide: STAGE_EFFECTS,
      useFactory: (
        vote: VoteStageEffects,
        discussion: DiscussionStageEffects,
        sign: SignStageEffects,
        score: ScoreStageEffects,
        decision: DecisionStageEffects,
        rank: RankStageEffects,
        propose: ProposeStageEffects,
      ): StageEffects[] => [vote, discussion, sign, score, decision, rank, propose],
      inject: [VoteStageEffects, DiscussionStageEffects, SignStageEffects, ScoreStageEffects, DecisionStageEffects, RankStageEffects, ProposeStageEffects],
    },
  ],
  exports: [STAGE_EFFECTS, AmendmentDecisionService, RankingService],
})
export class StageEffectsModule {}
