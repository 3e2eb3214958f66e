import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import type { ActingFor } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { mergeInputOf } from '../documents/content/amendment-merge';
import { normaliseLine, normaliseParagraphs } from '../documents/content/document-content';
import { DocumentsService } from '../documents/documents.service';
import { DocumentVersionDto } from '../documents/dto/document-response.dto';
import { Document } from '../documents/entities/document.entity';
import { Cluster } from '../org/entities/cluster.entity';
import { Mandate } from '../org/entities/mandate.entity';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import { AMENDMENT_KIND_WORDS, numberingMergeRefusal, proposalBy } from './amendment-refusals';
import { AmendmentDecision, AmendmentListQueryDto, ProposeAmendmentDto } from './dto/amendment-request.dto';
import { AmendmentPageDto, ProposedAmendmentDto } from './dto/amendment-response.dto';
import { Amendment, AmendmentStatus } from './entities/amendment.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AMENDMENT_RELATIONS = ['proposedBy', 'unit', 'decidedBy', 'withdrawnBy'] as const;
const MAX_NUMBERING_ATTEMPTS = 25;

/** What the lead's vote stage (or an administrator) passes along with a decision. */
export interface DecisionOptions {
  /** The poll that decided the amendment. */
  pollId?: string;
  /** The administrator who recorded the decision; absent or null when a stage decided. */
  personId?: string | null;
}


/**
 * Amendments (đề xuất sửa đổi): member units propose changes to one clause of the latest version; the lead's vote
 * stage decides each (`decide`), and `mergeAccepted` turns the accepted ones into the next version through the
 * documents module. Rejected and withdrawn amendments stay on record.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: DocumentsService,
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

  /**
   * A unit's proposal against the latest version; the record keeps the unit, the person and the mandate. On a
   * cluster's document (a pact) only the cluster's member units propose.
   * @throws AppError AMENDMENT_UNIT_NOT_MEMBER (403); AMENDMENT_JUSTIFICATION_REQUIRED, AMENDMENT_CLAUSE_REQUIRED, AMENDMENT_TEXT_REQUIRED, AMENDMENT_TARGET_MISSING (422);
   *   AMENDMENT_VERSION_STALE (409) when `baseVersion` is not the latest; DOCUMENT_NOT_FOUND, DOCUMENT_VERSION_NOT_FOUND (404).
   */
  async propose(documentId: string, body: ProposeAmendmentDto, personId: string, actingFor: ActingFor): Promise<ProposedAmendmentDto> {
    const document = await this.documents.get(documentId);
    const latest = document.latest;
    if (document.clusterId && !(await this.em.count(Cluster, { id: document.clusterId, members: actingFor.unitId }))) {
      throw new AppError('AMENDMENT_UNIT_NOT_MEMBER', { unit: actingFor.unitName });
    }
    const justification = normaliseParagraphs(body.justification);
    if (!justification) throw new AppError('AMENDMENT_JUSTIFICATION_REQUIRED');
    if (body.kind !== 'insert' && body.clauseId === null) throw new AppError('AMENDMENT_CLAUSE_REQUIRED', { kind: AMENDMENT_KIND_WORDS[body.kind] });
    const text = body.kind === 'delete' ? null : normaliseParagraphs(body.text ?? '');
    if (text === '') throw new AppError('AMENDMENT_TEXT_REQUIRED', { kind: AMENDMENT_KIND_WORDS[body.kind] });
    if (body.baseVersion > latest.number) throw new AppError('DOCUMENT_VERSION_NOT_FOUND', { title: document.title, number: body.baseVersion });
    if (body.baseVersion !== latest.number) {
      throw new AppError('AMENDMENT_VERSION_STALE', { base: body.baseVersion, latest: latest.number }, { baseVersion: body.baseVersion, latestVersion: latest.number });
    }
    if (body.clauseId !== null && !latest.content.clauses.some((clause) => clause.id === body.clauseId)) {
      throw new AppError('AMENDMENT_TARGET_MISSING', { amendment: proposalBy(actingFor.unitName), clause: body.clauseId }, { clause: body.clauseId, baseVersion: latest.number });
    }
    const fields = {
      baseVersion: latest.number,
      kind: body.kind,
      clauseId: body.clauseId,
      heading: body.kind === 'delete' || body.heading === undefined ? null : normaliseLine(body.heading),
      text,
      justification,
    };
    // The next number per document; a proposal racing for the same number loses on the unique constraint and takes the
    // next. With n proposals racing, one may lose n - 1 times: the bound is generous, and a short random pause keeps
    // the losers from colliding again in step.
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.em.transactional(async (em) => {
          const last = await em.findOne(Amendment, { document: documentId }, { orderBy: { number: 'desc' }, fields: ['number'] });
          const now = this.clock.now();
          const amendment = em.create(Amendment, {
            ...fields,
            document: em.getReference(Document, documentId),
            number: (last?.number ?? 0) + 1,
            unit: em.getReference(Unit, actingFor.unitId),
            proposedBy: em.getReference(Person, personId),
            mandate: em.getReference(Mandate, actingFor.mandateId),
            createdAt: now,
            updatedAt: now,
          });
          await em.flush();
          return amendment.id;
        });
        return this.get(id);
      } catch (cause) {
        if (!(cause instanceof UniqueConstraintViolationException) || attempt >= MAX_NUMBERING_ATTEMPTS) throw cause;
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(Math.random() * 20)));
      }
    }
  }

  /** A document's amendments in the order they were proposed, rejected and withdrawn ones included. */
  async list(documentId: string, query: AmendmentListQueryDto = {}): Promise<AmendmentPageDto> {
    await this.documents.get(documentId);
    const amendments = await this.em.find(Amendment, { document: documentId, ...(query.status && { status: query.status }) }, { populate: AMENDMENT_RELATIONS, orderBy: { number: 'asc' } });
    return { items: amendments.map(ProposedAmendmentDto.from), total: amendments.length };
  }

  async get(id: string): Promise<ProposedAmendmentDto> {
    return ProposedAmendmentDto.from(await this.find(id));
  }

  /**
   * Withdraws a proposal that is still undecided, by someone holding a mandate for the proposing unit.
   * Withdrawing again answers the amendment as it is.
   * @throws AppError NOT_AMENDMENT_PROPOSER (403); AMENDMENT_NOT_OPEN (409) once decided.
   */
  async withdraw(id: string, personId: string, units: ActingFor[]): Promise<ProposedAmendmentDto> {
    const amendment = await this.find(id);
    const actingFor = units.find((unit) => unit.unitId === amendment.unit.id);
    if (!actingFor) throw new AppError('NOT_AMENDMENT_PROPOSER');
    if (amendment.status === 'withdrawn') return ProposedAmendmentDto.from(amendment);
    const now = this.clock.now();
    const changed = await this.em.nativeUpdate(Amendment, { id, status: 'proposed' }, { status: 'withdrawn', withdrawnAt: now, withdrawnBy: personId, withdrawnMandate: actingFor.mandateId, updatedAt: now });
    const current = await this.reload(amendment);
    if (!changed && current.status !== 'withdrawn') throw new AppError('AMENDMENT_NOT_OPEN', amendmentStatusParams(current));
    return ProposedAmendmentDto.from(current);
  }

  /**
   * Records the decision on a proposed amendment (the lead's vote stage calls this with the poll). Idempotent: the
   * same decision again changes nothing (it may add a missing pollId; accepting a merged amendment is answered as it is);
   * a different one is refused.
   * @throws AppError AMENDMENT_ALREADY_DECIDED (409) when decided otherwise or merged; AMENDMENT_NOT_OPEN (409) when withdrawn.
   */
  async decide(id: string, decision: AmendmentDecision, note: string | null, options: DecisionOptions = {}): Promise<ProposedAmendmentDto> {
    const amendment = await this.find(id);
    const now = this.clock.now();
    if (amendment.status === 'proposed') {
      await this.em.nativeUpdate(
        Amendment,
        { id, status: 'proposed' },
        { status: decision, decidedAt: now, decidedBy: options.personId ?? null, decisionNote: note?.trim() || null, pollId: options.pollId ?? null, updatedAt: now },
      );
    }
    const current = await this.reload(amendment);
    // A merged amendment was accepted: a vote stage retrying its decision after the merge is answered as done.
    if (current.status === decision || (decision === 'accepted' && current.status === 'merged')) {
      if (options.pollId && !current.pollId) {
        await this.em.nativeUpdate(Amendment, { id, pollId: null }, { pollId: options.pollId, updatedAt: now });
        return ProposedAmendmentDto.from(await this.reload(current));
      }
      return ProposedAmendmentDto.from(current);
    }
    if (current.status === 'withdrawn') throw new AppError('AMENDMENT_NOT_OPEN', amendmentStatusParams(current));
    throw new AppError('AMENDMENT_ALREADY_DECIDED', amendmentStatusParams(current), { status: current.status, mergedIntoVersion: current.mergedIntoVersion });
  }

  /**
   * Merges the accepted, not yet merged amendments based on the latest version, in the order they were proposed,
   * into the next version (`DocumentsService.addVersion`), and marks them merged with its number. Returns the new
   * version, or null when nothing accepted was waiting. If a previous call created the version but stopped before
   * marking its amendments, this call marks them and returns that version.
   * @throws AppError AMENDMENT_CONFLICT (409) when two accepted amendments change the same clause; DOCUMENT_VERSION_STALE (409)
   *   when another merge won the race; DOCUMENT_CONTENT_EXISTS (409) when the result equals an existing version.
   */
  async mergeAccepted(documentId: string, personId: string | null): Promise<DocumentVersionDto | null> {
    const latest = (await this.documents.get(documentId)).latest;
    // Versions merged by hand (POST /documents/:id/versions) name amendments that are not rows here.
    const alreadyMerged = latest.changelog.amendments.map((entry) => entry.amendmentId).filter((id) => UUID.test(id));
    if (alreadyMerged.length) {
      const marked = await this.markMerged(alreadyMerged, latest.number);
      if (marked) return latest;
    }
    const accepted = await this.em.find(Amendment, { document: documentId, status: 'accepted', baseVersion: latest.number }, { orderBy: { number: 'asc' } });
    if (!accepted.length) return null;
    const version = await this.documents
      .addVersion(documentId, { baseVersion: latest.number, amendments: accepted.map(mergeInputOf), order: accepted.map((amendment) => amendment.id) }, personId)
      .catch((error: unknown) => Promise.reject(numberingMergeRefusal(error, accepted)));
    await this.markMerged(accepted.map((amendment) => amendment.id), version.number);
    return version;
  }

  /** The amendments merged into a version, in the order applied. */
  async mergedInto(documentId: string, versionNumber: number): Promise<ProposedAmendmentDto[]> {
    const amendments = await this.em.find(Amendment, { document: documentId, status: 'merged', mergedIntoVersion: versionNumber }, { populate: AMENDMENT_RELATIONS, orderBy: { number: 'asc' } });
    return amendments.map(ProposedAmendmentDto.from);
  }

  private async markMerged(ids: string[], versionNumber: number): Promise<number> {
    const status: AmendmentStatus = 'accepted';
    return this.em.nativeUpdate(Amendment, { id: { $in: ids }, status }, { status: 'merged', mergedIntoVersion: versionNumber, updatedAt: this.clock.now() });
  }

  private async reload(amendment: Amendment): Promise<Amendment> {
    await this.em.refresh(amendment, { populate: AMENDMENT_RELATIONS });
    return amendment;
  }

  private async find(id: string): Promise<Amendment> {
    const amendment = await this.em.findOne(Amendment, { id }, { populate: AMENDMENT_RELATIONS });
    if (!amendment) throw new AppError('AMENDMENT_NOT_FOUND', { id });
    return amendment;
  }
}

const STATUS_IN_WORDS: Record<string, { vi: string; en: string }> = {
  proposed: { vi: 'đang chờ quyết định', en: 'awaiting a decision' },
  accepted: { vi: 'đã được chấp nhận', en: 'accepted' },
  rejected: { vi: 'đã bị bác', en: 'rejected' },
  withdrawn: { vi: 'đã được rút', en: 'withdrawn' },
  merged: { vi: 'đã được đưa vào văn bản', en: 'merged into the document' },
};

/** An amendment named by its number and its status in words, for the refusals that say where it stands. */
function amendmentStatusParams(amendment: Amendment): { number: number; status: string; statusVi: string } {
  const words = STATUS_IN_WORDS[amendment.status] ?? { vi: amendment.status, en: amendment.status };
  return { number: amendment.number, status: words.en, statusVi: words.vi };
}
