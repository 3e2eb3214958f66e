import { Injectable } from '@nestjs/common';
import { CommendationsService } from '../../../modules/commendations/commendations.service';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import { StageEffectContext, StageEffects } from '../stage-effects';

/**
 * When a decision stage completes, the decision it recorded goes into the campaign's context (`decision`), so that
 * later stages' conditions and pages can name it without reading the commendation module's tables.
 */
@Injectable()
export class DecisionStageEffects implements StageEffects {
  readonly type = 'decision';

  constructor(private readonly commendations: CommendationsService) {}

  async onComplete({ em, campaign, run }: StageEffectContext, outcome: string): Promise<string> {
    // Read in the engine's transaction: the decision was stored in it a moment ago (and SQLite has one connection).
    const decision = await this.commendations.findByStageRun(run.id, em);
    if (decision) {
      const recorded: EvaluationContext['decision'] = { decisionId: decision.id, number: decision.number, signedOn: decision.signedOn, stageRunId: run.id };
      campaign.context = { ...campaign.context, decision: recorded };
    }
    return outcome;
  }
}
