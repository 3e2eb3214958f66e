import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import { CommendationDto, CommendationListQueryDto, CommendationPageDto, RecordedDecisionDto, CommendationDecisionDto } from './dto/commendation.dto';
import { CommendationDecision } from './entities/commendation-decision.entity';
import { AwardKind, AwardLabel, CommendationRecord } from './entities/commendation-record.entity';

/** One commendation a decision makes: to a unit or a person. */
export interface AwardInput {
  recipient: { unitId: string } | { personId: string };
  kind: AwardKind;
  titleCode: string;
  titleLabel: AwardLabel;
}

export interface RecordDecisionInput {
  number: string;
  signedOn: string;
  issuer: string;
  year: number;
  campaignId?: string | null;
  campaignName?: string | null;
  stageRunId?: string | null;
  recordedBy: string;
  recordedAt: Date;
  awards: AwardInput[];
}

const recipientKeyOf = (award: AwardInput) => ('unitId' in award.recipient ? `unit:${award.recipient.unitId}` : `person:${award.recipient.personId}`);

/**
 * The commendation register (sổ khen thưởng): decisions and the commendations they make, and the register's reads.
 * Writing happens inside the caller's transaction (a workflow's decision stage), so the decision commits with the stage.
 */
@Injectable()
export class CommendationsService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Stores a decision and its commendations in `em`'s transaction. The decision is unique per stage run and each
   * commendation per (decision, recipient, title): a second recording fails on the database, never doubles.
   */
  async recordDecision(em: EntityManager, input: RecordDecisionInput): Promise<CommendationDecision> {
    const decision = em.create(CommendationDecision, {
      number: input.number,
      signedOn: input.signedOn,
      issuer: input.issuer,
      campaignId: input.campaignId ?? null,
      campaignName: input.campaignName ?? null,
      stageRunId: input.stageRunId ?? null,
      recordedBy: em.getReference(Person, input.recordedBy),
      recordedAt: input.recordedAt,
    });
    for (const award of input.awards) {
      em.create(CommendationRecord, {
        decision,
        recipientKey: recipientKeyOf(award),
        unit: 'unitId' in award.recipient ? em.getReference(Unit, award.recipient.unitId) : null,
        person: 'personId' in award.recipient ? em.getReference(Person, award.recipient.personId) : null,
        kind: award.kind,
        titleCode: award.titleCode,
        titleLabel: award.titleLabel,
        year: input.year,
        campaignId: input.campaignId ?? null,
      });
    }
    await em.flush();
    return decision;
  }

  /** The decision a stage run recorded, if any (read in the caller's transaction when given). */
  findByStageRun(stageRunId: string, em: EntityManager = this.em.fork()): Promise<CommendationDecision | null> {
    return em.findOne(CommendationDecision, { stageRunId });
  }

  /** A decision with its commendations. */
  async decision(id: string): Promise<RecordedDecisionDto> {
    const em = this.em.fork();
    const decision = await em.findOneOrFail(CommendationDecision, id);
    const records = await em.find(CommendationRecord, { decision }, { populate: ['unit', 'person', 'decision'], orderBy: { createdAt: 'asc', id: 'asc' } });
    return { ...CommendationDecisionDto.from(decision), commendations: records.map((record) => CommendationDto.from(record)) };
  }

  /** The register, newest decision first, then by recipient name. */
  async list(query: CommendationListQueryDto): Promise<CommendationPageDto> {
    const where: FilterQuery<CommendationRecord> = {};
    if (query.year !== undefined) where.year = query.year;
    if (query.unitId) where.unit = query.unitId;
    if (query.personId) where.person = query.personId;
    if (query.campaignId) where.campaignId = query.campaignId;
    if (query.title) where.titleCode = query.title;
    const [records, total] = await this.em.fork().findAndCount(CommendationRecord, where, {
      populate: ['unit', 'person', 'decision'],
      orderBy: { decision: { signedOn: 'desc', number: 'asc' }, recipientKey: 'asc', titleCode: 'asc' },
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return { items: records.map((record) => CommendationDto.from(record)), total };
  }

  /**
   * Annuls an award (thu hồi): the entry stays in the register, marked revoked with its reason and decision, and
   * counts as never held from then on. A second revocation is refused rather than overwriting the first.
   * @throws AppError COMMENDATION_NOT_FOUND, REVOCATION_REASON_REQUIRED, COMMENDATION_ALREADY_REVOKED.
   */
  async revoke(id: string, reason: string | undefined, decisionNumber: string | undefined, now = new Date()): Promise<CommendationDto> {
    const text = reason?.trim();
    const em = this.em.fork();
    const record = await em.findOne(CommendationRecord, id, { populate: ['unit', 'person', 'decision'] });
    if (!record) throw new AppError('COMMENDATION_NOT_FOUND', { id });
    if (!text) throw new AppError('REVOCATION_REASON_REQUIRED');
    // Conditional on not yet revoked: of two concurrent revocations, one writes and the other is told.
    const changed = await em.nativeUpdate(
      CommendationRecord,
      { id, revokedAt: null },
      { revokedAt: now, revocationReason: text, revocationDecision: decisionNumber?.trim() || null },
    );
    if (!changed) {
      const stored = await this.em.fork().findOneOrFail(CommendationRecord, id);
      throw new AppError('COMMENDATION_ALREADY_REVOKED', { decision: stored.revocationDecision ?? '—' });
    }
    return this.get(id);
  }

  /** @throws AppError COMMENDATION_NOT_FOUND. */
  async get(id: string): Promise<CommendationDto> {
    const record = await this.em.fork().findOne(CommendationRecord, id, { populate: ['unit', 'person', 'decision'] });
    if (!record) throw new AppError('COMMENDATION_NOT_FOUND', { id });
    return CommendationDto.from(record);
  }
}
