import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import type { DiscussionGate } from '../../../modules/discussion/discussion-gate';
import { Document } from '../../../modules/documents/entities/document.entity';
import { Campaign } from '../../engine/entities/campaign.entity';
import { activeDiscussion } from './active-discussion';

/**
 * The discussion module's gate: a document outside any campaign is always open to discussion; a campaign's document
 * only while a discussion stage of that campaign is active on it (closed, voted on, adopted: nothing more is
 * accepted). Read with plain queries in the caller's transaction, so that no partly loaded entity stays behind.
 */
@Injectable()
export class CampaignDiscussionGate implements DiscussionGate {
  async assertOpen(em: EntityManager, documentId: string): Promise<void> {
    const sql = em as SqlEntityManager;
    const document = await sql.createQueryBuilder(Document, 'd').select(['d.title', 'd.campaignId']).where({ id: documentId }).execute<{ title: string; campaignId: string | null } | undefined>('get');
    if (!document?.campaignId) return;
    const campaign = await sql.createQueryBuilder(Campaign, 'c').select(['c.name', 'c.context']).where({ id: document.campaignId }).execute<{ name: string; context: Record<string, unknown> | string } | undefined>('get');
    // A campaign id no campaign has (documents may name one before it exists) constrains nothing.
    if (!campaign) return;
    const context = typeof campaign.context === 'string' ? (JSON.parse(campaign.context) as Record<string, unknown>) : campaign.context;
    const discussing = context.documentId === documentId && (await activeDiscussion(em, { id: document.campaignId, context })) !== null;
    if (!discussing) throw new AppError('DISCUSSION_CLOSED', { document: document.title, campaign: campaign.name });
  }
}
