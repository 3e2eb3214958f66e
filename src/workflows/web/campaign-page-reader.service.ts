import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../../modules/org/entities/person.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { Signature, SignatureMethod } from '../../modules/signing/entities/signature.entity';
import { EnvelopeStatus, SigningEnvelope } from '../../modules/signing/entities/signing-envelope.entity';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { Campaign } from '../engine/entities/campaign.entity';
import { Task } from '../engine/entities/task.entity';
import { WorkflowVersion } from '../engine/entities/workflow-version.entity';
import { DECLINED } from '../stages/sign/sign.stage';

/** What the campaign page shows about the pinned version and the subject, beyond the API's DTO. */
export interface CampaignPinning {
  versionId: string;
  document: WorkflowDocument;
  subject: { kind: 'cluster'; name: string; year: number } | { kind: 'unit'; code: string; name: string } | null;
}

/** Where one member unit stands in a signing. */
export interface UnitSigningState {
  unit: { code: string; name: string };
  state: 'signed' | 'awaiting-confirmation' | 'not-yet' | 'declined';
  /** Signed or awaiting confirmation: who signed (their job title when known), how and when. */
  signature?: { fullName: string; position: string | null; method: SignatureMethod; signedAt: string };
  /** Declined: the unit's reason. */
  reason?: string;
}

/** One signing of the pact (a sign stage run's envelope) as the campaign and document pages show it. */
export interface PactSigning {
  stageRunId: string;
  status: EnvelopeStatus;
  inForceAt: string | null;
  document: { id: string; versionNumber: number };
  /** Units whose signature counts, out of the units that must sign. */
  signed: number;
  total: number;
  /** Every unit that must sign, by unit code. */
  units: UnitSigningState[];
}

/**
 * Read-only lookups the pages need and the API's DTOs leave out: the pinned document (for stage
 * names in English and the next stages), the subject's name, and people and units by id.
 */
@Injectable()
export class CampaignPageReader {
  constructor(private readonly em: EntityManager) {}

  /** The published versions of a campaign's workflow newer than the one it runs, newest first (where it may migrate). */
  async newerVersions(campaignId: string): Promise<Array<{ id: string; number: number }>> {
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, campaignId, { populate: ['workflowVersion'] });
    if (!campaign) return [];
    const versions = await em.find(
      WorkflowVersion,
      { definition: campaign.workflowVersion.definition, number: { $gt: campaign.workflowVersion.number } },
      { fields: ['id', 'number'], orderBy: { number: 'desc' } },
    );
    return versions.map((v) => ({ id: v.id, number: v.number }));
  }

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

  /** The signings of a campaign (one per sign stage run that opened an envelope), oldest first. */
  async signingsOf(campaignId: string): Promise<PactSigning[]> {
    const em = this.em.fork();
    const envelopes = await em.find(SigningEnvelope, { campaignId }, { populate: ['documentVersion.document'], orderBy: { createdAt: 'asc', id: 'asc' } });
    return Promise.all(envelopes.map((envelope) => this.signingOf(em, envelope)));
  }

  /** The signing of a document version to show on its page: the one that put it in force, else the latest; null if never signed. */
  async signingOfVersion(documentVersionId: string): Promise<PactSigning | null> {
    const em = this.em.fork();
    const envelopes = await em.find(SigningEnvelope, { documentVersion: documentVersionId }, { populate: ['documentVersion.document'], orderBy: { createdAt: 'desc', id: 'asc' } });
    const envelope = envelopes.find((candidate) => candidate.status === 'in-force') ?? envelopes[0];
    return envelope ? this.signingOf(em, envelope) : null;
  }

  /** Each unit of the stage run's tasks with its signature, or its decline and reason, or nothing yet. */
  private async signingOf(em: EntityManager, envelope: SigningEnvelope): Promise<PactSigning> {
    const [signatures, tasks] = await Promise.all([
      em.find(Signature, { envelope: envelope.id }, { populate: ['unit', 'signer'] }),
      // Cancelled tasks too: a decline ends the stage and cancels the units' tasks that were still open, and they did not sign.
      em.find(Task, { stageRun: envelope.stageRunId, assigneeUnit: { $ne: null } }, { populate: ['assigneeUnit'] }),
    ]);
    const byUnit = new Map(signatures.map((signature) => [signature.unit.id, signature]));
    const units: UnitSigningState[] = tasks.map((task) => {
      const unit = task.assigneeUnit!;
      const signature = byUnit.get(unit.id);
      const state = { unit: { code: unit.code, name: unit.name } };
      if (signature) {
        return {
          ...state,
          state: signature.status === 'valid' ? 'signed' : 'awaiting-confirmation',
          signature: { fullName: signature.signer.fullName, position: signature.signer.position, method: signature.method, signedAt: signature.signedAt.toISOString() },
        };
      }
      if (task.status === 'done' && task.outcome === DECLINED) return { ...state, state: 'declined', reason: task.comment ?? '' };
      return { ...state, state: 'not-yet' };
    });
    units.sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
    return {
      stageRunId: envelope.stageRunId,
      status: envelope.status,
      inForceAt: envelope.inForceAt?.toISOString() ?? null,
      document: { id: envelope.documentVersion.document.id, versionNumber: envelope.documentVersion.number },
      signed: units.filter((unit) => unit.state === 'signed').length,
      total: units.length,
      units,
    };
  }
}
