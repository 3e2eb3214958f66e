import { Module } from '@nestjs/common';
import { CommendationsModule } from '../../modules/commendations/commendations.module';
import { DiscussionModule } from '../../modules/discussion/discussion.module';
import { DocumentsModule } from '../../modules/documents/documents.module';
import { VotingModule } from '../../modules/voting/voting.module';
import { DecisionStageEffects } from './decision/decision.effects';
import { AmendmentDecisionService } from './discussion/amendment-decision.service';
import { DiscussionStageEffects } from './discussion/discussion.effects';
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
    {
      provide: STAGE_EFFECTS,
      useFactory: (vote: VoteStageEffects, discussion: DiscussionStageEffects, sign: SignStageEffects, score: ScoreStageEffects, decision: DecisionStageEffects): StageEffects[] => [
        vote,
        discussion,
        sign,
        score,
        decision,
      ],
      inject: [VoteStageEffects, DiscussionStageEffects, SignStageEffects, ScoreStageEffects, DecisionStageEffects],
    },
  ],
  exports: [STAGE_EFFECTS, AmendmentDecisionService],
})
export class StageEffectsModule {}
