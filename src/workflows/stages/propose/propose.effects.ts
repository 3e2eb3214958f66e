import { Injectable } from '@nestjs/common';
import { CommendationProposal } from '../../../modules/commendations/entities/commendation-proposal.entity';
import { Consultation } from '../../../modules/commendations/entities/consultation.entity';
import { StageEffectContext, StageEffects } from '../stage-effects';

/**
 * A propose stage ends `none` when nobody was proposed. Entered again (its proposals were returned for correction by a review) starts clean: the campaign's
 * proposals no vote has taken yet are withdrawn, so each unit proposes afresh and nothing returned reaches the council.
 * Their ids stay in the history, with the event that made them.
 */
@Injectable()
export class ProposeStageEffects implements StageEffects {
  readonly type = 'propose';

  async onEnter({ em, campaign, run, record }: StageEffectContext): Promise<void> {
    const waiting = await em.find(CommendationProposal, { campaignId: campaign.id, status: 'proposed' }, { fields: ['id'] });
    // One already put to public consultation keeps its place (and its objections): it is not the unit's to redo.
    const consulted = new Set((await em.find(Consultation, { proposal: { $in: waiting.map((row) => row.id) } }, { fields: ['proposal'] })).map((row) => row.proposal.id));
    const returned = waiting.filter((row) => !consulted.has(row.id));
    if (!returned.length) return;
    await em.nativeDelete(CommendationProposal, { id: { $in: returned.map((row) => row.id) }, status: 'proposed' });
    await record('proposals.withdrawn', { stage: run.stageKey, proposalIds: returned.map((row) => row.id) });
  }

  /** `none` when the units proposed nobody, so that the workflow can end instead of opening a vote on nothing. */
  async onComplete({ em, campaign }: StageEffectContext, outcome: string): Promise<string> {
    // Read in the engine's transaction: the last unit's proposals were written in it.
    const proposed = await em.count(CommendationProposal, { campaignId: campaign.id, status: 'proposed' });
    return proposed ? outcome : 'none';
  }
}
