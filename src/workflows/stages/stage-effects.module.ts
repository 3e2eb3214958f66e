import { Module } from '@nestjs/common';
import { DiscussionModule } from '../../modules/discussion/discussion.module';
import { DocumentsModule } from '../../modules/documents/documents.module';
import { VotingModule } from '../../modules/voting/voting.module';
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
  imports: [VotingModule, DocumentsModule, DiscussionModule],
  providers: [
    AmendmentDecisionService,
    VoteStageEffects,
    DiscussionStageEffects,
    SignStageEffects,
    ScoreStageEffects,
    {
      provide: STAGE_EFFECTS,
      useFactory: (vote: VoteStageEffects, discussion: DiscussionStageEffects, sign: SignStageEffects, score: ScoreStageEffects): StageEffects[] => [vote, discussion, sign, score],
      inject: [VoteStageEffects, DiscussionStageEffects, SignStageEffects, ScoreStageEffects],
    },
  ],
  exports: [STAGE_EFFECTS, AmendmentDecisionService],
})
export class StageEffectsModule {}
