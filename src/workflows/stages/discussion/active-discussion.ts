import type { EntityManager } from '@mikro-orm/core';
import { StageRun } from '../../engine/entities/stage-run.entity';

/**
 * The campaign's discussion stage run while its discussion is open on its document (context.documentId), else null:
 * what both the amendments and the discussion gate ask before taking anything on the campaign's document.
 */
export async function activeDiscussion(em: EntityManager, campaign: { id: string; context: Record<string, unknown> }): Promise<StageRun | null> {
  if (typeof campaign.context.documentId !== 'string') return null;
  return em.findOne(StageRun, { campaign: campaign.id, stageType: 'discussion', status: 'active' }, { orderBy: { createdAt: 'desc' } });
}
