import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../../modules/org/entities/person.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { Campaign } from '../engine/entities/campaign.entity';

/** What the campaign page shows about the pinned version and the subject, beyond the API's DTO. */
export interface CampaignPinning {
  versionId: string;
  document: WorkflowDocument;
  subject: { kind: 'cluster'; name: string; year: number } | { kind: 'unit'; code: string; name: string } | null;
}

/**
 * Read-only lookups the pages need and the API's DTOs leave out: the pinned document (for stage
 * names in English and the next stages), the subject's name, and people and units by id.
 */
@Injectable()
export class CampaignPageReader {
  constructor(private readonly em: EntityManager) {}

  async pinning(campaignId: string): Promise<CampaignPinning> {
    const campaign = await this.em.fork().findOne(Campaign, campaignId, { populate: ['workflowVersion', 'subjectCluster', 'subjectUnit'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    const cluster = campaign.subjectCluster;
    const unit = campaign.subjectUnit;
    return {
      versionId: campaign.workflowVersion.id,
      document: campaign.workflowVersion.document,
      subject: cluster ? { kind: 'cluster', name: cluster.name, year: cluster.year } : unit ? { kind: 'unit', code: unit.code, name: unit.name } : null,
    };
  }

  /** The pinned documents of these campaigns, by campaign id. */
  async documentsOf(campaignIds: string[]): Promise<Map<string, WorkflowDocument>> {
    const ids = [...new Set(campaignIds)];
    if (!ids.length) return new Map();
    const campaigns = await this.em.fork().find(Campaign, { id: { $in: ids } }, { populate: ['workflowVersion'] });
    return new Map(campaigns.map((c) => [c.id, c.workflowVersion.document]));
  }

  async unitsById(unitIds: string[]): Promise<Map<string, { code: string; name: string }>> {
    const ids = [...new Set(unitIds)];
    if (!ids.length) return new Map();
    const units = await this.em.fork().find(Unit, { id: { $in: ids } });
    return new Map(units.map((u) => [u.id, { code: u.code, name: u.name }]));
  }

  async peopleById(personIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(personIds)];
    if (!ids.length) return new Map();
    const people = await this.em.fork().find(Person, { id: { $in: ids } });
    return new Map(people.map((p) => [p.id, p.fullName]));
  }
}
