import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { SECRET_VOTERS_VISIBLE_FROM } from '../../modules/voting/polls.service';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../modules/calendar/clock';
import { Amendment } from '../../modules/discussion/entities/amendment.entity';
import { DocumentsService } from '../../modules/documents/documents.service';
import { DocumentVersion } from '../../modules/documents/entities/document-version.entity';
import { Unit } from '../../modules/org/entities/unit.entity';
import { jsonBytes, writeBundle } from '../../modules/signing/bundle/bundle-archive';
import {
  BUNDLE_PATHS,
  BundleAmendment,
  BundleCampaign,
  BundleEnvelope,
  BundleHistory,
  BundlePoll,
  BundleSignature,
  BundleVersion,
  HISTORY_HASH_FORMULA,
  SIGNATURE_FILES,
  UnitRef,
} from '../../modules/signing/bundle/bundle-format';
import { PersonCertificate } from '../../modules/signing/entities/person-certificate.entity';
import { Signature } from '../../modules/signing/entities/signature.entity';
import { SigningEnvelope } from '../../modules/signing/entities/signing-envelope.entity';
import { Ballot } from '../../modules/voting/entities/ballot.entity';
import { Poll } from '../../modules/voting/entities/poll.entity';
import { memberIdOf } from '../../modules/voting/poll-tally';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';
import { Campaign } from '../engine/entities/campaign.entity';
import { adoptedVersionOf } from '../stages/vote/vote.effects';

/** Everything the bundle holds, read with one query per kind of record (never one per ballot or signature). */
interface CampaignRecords {
  campaign: Campaign;
  versions: DocumentVersion[];
  amendments: Amendment[];
  polls: Poll[];
  ballots: Ballot[];
  units: Map<string, Unit>;
  envelopes: SigningEnvelope[];
  signatures: Signature[];
  certificates: PersonCertificate[];
  events: CampaignEvent[];
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const unitRef = (unit: Unit): UnitRef => ({ id: unit.id, code: unit.code, name: unit.name });
const sortedBy = <T>(items: T[], key: (item: T) => string): T[] => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * The verification bundle of a campaign (hồ sơ kiểm chứng, `GET /api/v1/campaigns/:id/bundle`): every version of its
 * document (canonical JSON and PDF), the amendments and their decisions, every poll with its rule, ballots (open) or
 * receipts (secret) and result, the title registrations, every signing statement and signature with its method's
 * evidence, the trust anchors, and the hash-chained history, with a manifest of their SHA-256. The format is
 * `modules/signing/bundle/bundle-format.ts`; `verifyBundle` checks it offline.
 */
@Injectable()
export class CampaignBundleService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
  ) {}

  async export(campaignId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
    const records = await this.read(this.em.fork(), campaignId);
    this.refuseWhileVotersHidden(records);
    const files = new Map<string, Uint8Array>();
    files.set(BUNDLE_PATHS.campaign, jsonBytes(this.campaignFile(records)));
    await this.addDocument(files, records);
    for (const poll of records.polls) files.set(BUNDLE_PATHS.poll(poll.id), jsonBytes(this.pollFile(poll, records)));
    this.addSigning(files, records);
    files.set(BUNDLE_PATHS.history, jsonBytes(this.historyFile(records)));
    const { campaign } = records;
    const bytes = writeBundle(files, { generatedAt: this.clock.now().toISOString(), campaign: { id: campaign.id, name: campaign.name, year: campaign.year } });
    return { fileName: `ho-so-kiem-chung-${campaign.year}-${campaign.id.slice(0, 8)}.zip`, bytes };
  }

  /**
   * The bundle carries the whole history, which a hash check needs as stored: with every ballot's actor. So it is
   * refused while a secret poll still hides who voted (fewer than three ballots), as the history API redacts it.
   */
  private refuseWhileVotersHidden({ polls, ballots }: CampaignRecords): void {
    const counts = new Map<string, number>();
    for (const ballot of ballots) counts.set(ballot.poll.id, (counts.get(ballot.poll.id) ?? 0) + 1);
    const sealed = polls.find((poll) => poll.rule.ballot === 'secret' && (counts.get(poll.id) ?? 0) < SECRET_VOTERS_VISIBLE_FROM);
    if (sealed) throw new AppError('BUNDLE_SEALED_BY_SECRET_BALLOT', { poll: sealed.subjectLabel, count: SECRET_VOTERS_VISIBLE_FROM });
  }

  private async read(em: EntityManager, campaignId: string): Promise<CampaignRecords> {
    const campaign = await em.findOne(Campaign, campaignId, { populate: ['subjectCluster'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    const documentId = typeof campaign.context.documentId === 'string' ? campaign.context.documentId : null;
    const [versions, amendments, envelopes, events] = await Promise.all([
      documentId ? em.find(DocumentVersion, { document: documentId }, { populate: ['document', 'basedOn'], orderBy: { number: 'asc' } }) : [],
      documentId ? em.find(Amendment, { document: documentId }, { populate: ['unit'], orderBy: { number: 'asc' } }) : [],
      em.find(SigningEnvelope, { campaignId }, { populate: ['documentVersion.document'], orderBy: { createdAt: 'asc' } }),
      em.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } }),
    ]);
    const contextPolls = Object.values({ ...((campaign.context.polls as Record<string, string>) ?? {}), ...((campaign.context.amendmentPolls as Record<string, string>) ?? {}) });
    const polls = await em.find(Poll, { $or: [{ campaignId }, { id: { $in: contextPolls } }] }, { orderBy: { opensAt: 'asc', id: 'asc' } });
    const [ballots, signatures] = await Promise.all([
      polls.length ? em.find(Ballot, { poll: { $in: polls.map((poll) => poll.id) } }, { orderBy: { sequence: 'asc' } }) : [],
      envelopes.length ? em.find(Signature, { envelope: { $in: envelopes.map((envelope) => envelope.id) } }, { populate: ['unit', 'signer', 'recordedBy'] }) : [],
    ]);
    const signerIds = [...new Set(signatures.filter((signature) => signature.method === 'x509').map((signature) => signature.signer.id))];
    const unitIds = [...new Set(polls.filter((poll) => poll.electorateKind === 'units').flatMap((poll) => poll.electorate))];
    const [certificates, units] = await Promise.all([
      signerIds.length ? em.find(PersonCertificate, { person: { $in: signerIds } }) : [],
      unitIds.length ? em.find(Unit, { id: { $in: unitIds } }) : [],
    ]);
    return { campaign, versions, amendments, polls, ballots, units: new Map(units.map((unit) => [unit.id, unit])), envelopes, signatures, certificates, events };
  }

  private campaignFile({ campaign }: CampaignRecords): BundleCampaign {
    const adopted = adoptedVersionOf(campaign.context);
    return {
      id: campaign.id,
      name: campaign.name,
      year: campaign.year,
      status: campaign.status,
      cluster: campaign.subjectCluster ? { id: campaign.subjectCluster.id, name: campaign.subjectCluster.name } : null,
      documentId: typeof campaign.context.documentId === 'string' ? campaign.context.documentId : null,
      adopted: adopted ? { documentVersionId: adopted.documentVersionId, contentHash: adopted.contentHash, pollId: adopted.pollId } : null,
    };
  }

  /** Each version as canonical content with its hash, and its PDF; each amendment with its decision. */
  private async addDocument(files: Map<string, Uint8Array>, { versions, amendments }: CampaignRecords): Promise<void> {
    for (const version of versions) {
      const file: BundleVersion = {
        documentId: version.document.id,
        documentTitle: version.document.title,
        number: version.number,
        content: version.content,
        contentHash: version.contentHash,
        basedOnNumber: version.basedOn?.number ?? null,
        changelog: version.changelog,
        createdAt: version.createdAt.toISOString(),
      };
      files.set(BUNDLE_PATHS.version(version.number), jsonBytes(file));
      // As the document page serves it: the signed version ends with its signature page.
      files.set(BUNDLE_PATHS.versionPdf(version.number), (await this.documents.pdf(version.document.id, version.number, 'vi')).body);
    }
    for (const amendment of amendments) {
      const file: BundleAmendment = {
        id: amendment.id,
        number: amendment.number,
        documentId: amendment.document.id,
        baseVersion: amendment.baseVersion,
        unit: unitRef(amendment.unit),
        kind: amendment.kind,
        clauseId: amendment.clauseId,
        heading: amendment.heading,
        text: amendment.text,
        justification: amendment.justification,
        status: amendment.status,
        decidedAt: iso(amendment.decidedAt),
        decisionNote: amendment.decisionNote,
        pollId: amendment.pollId,
        mergedIntoVersion: amendment.mergedIntoVersion,
      };
      files.set(BUNDLE_PATHS.amendment(amendment.number), jsonBytes(file));
    }
  }

  /** A poll with its rule and result; its counted ballots by unit when open, only receipts and anonymous choices when secret. */
  private pollFile(poll: Poll, { ballots, units }: CampaignRecords): BundlePoll {
    const counted = ballots.filter((ballot) => ballot.poll.id === poll.id);
    const unitOf = (id: string) => (poll.electorateKind === 'units' ? units.get(id) : undefined);
    return {
      id: poll.id,
      subject: { kind: poll.subjectKind, id: poll.subjectId, hash: poll.subjectHash, label: poll.subjectLabel },
      electorate: { kind: poll.electorateKind, members: poll.electorate.map((id) => ({ id, code: unitOf(id)?.code ?? null, name: unitOf(id)?.name ?? null })) },
      chairUnitId: poll.chairUnitId,
      rule: poll.rule,
      candidates: poll.candidates,
      status: poll.status,
      opensAt: poll.opensAt.toISOString(),
      closedAt: iso(poll.closedAt),
      closeReason: poll.closeReason,
      outcome: poll.outcome,
      decision: poll.decision,
      candidateDecisions: poll.candidateDecisions,
      ballots:
        poll.rule.ballot === 'secret'
          ? {
              secrecy: 'secret',
              receipts: counted.map((ballot) => ballot.receipt).sort(),
              choices: sortedBy(counted.map((ballot) => ballot.choice), (choice) => JSON.stringify(choice)),
            }
          : {
              secrecy: 'open',
              counted: counted.map((ballot) => {
                const unit = unitOf(memberIdOf(ballot.voterKey));
                return { voterKey: ballot.voterKey, unit: unit ? unitRef(unit) : null, choice: ballot.choice, sequence: ballot.sequence, castAt: ballot.castAt.toISOString(), receipt: ballot.receipt };
              }),
            },
    };
  }

  /** Each envelope, its registrations, every statement as signed and its signature's evidence; the trust anchors once. */
  private addSigning(files: Map<string, Uint8Array>, { envelopes, signatures, certificates }: CampaignRecords): void {
    const anchors = new Set<string>();
    envelopes.forEach((envelope, index) => {
      const number = index + 1;
      const file: BundleEnvelope = {
        id: envelope.id,
        number,
        stageRunId: envelope.stageRunId,
        documentId: envelope.documentVersion.document.id,
        versionNumber: envelope.documentVersion.number,
        contentHash: envelope.contentHash,
        adoptionPollId: envelope.adoptionPollId,
        registrationsHash: envelope.registrationsHash,
        signerRoles: envelope.signerRoles,
        methods: envelope.methods,
        status: envelope.status,
        inForceAt: iso(envelope.inForceAt),
      };
      files.set(BUNDLE_PATHS.envelope(number), jsonBytes(file));
      files.set(BUNDLE_PATHS.registrations(number), jsonBytes({ registrations: envelope.registrations, hash: envelope.registrationsHash }));
      for (const signature of signatures.filter((candidate) => candidate.envelope.id === envelope.id)) {
        const dir = BUNDLE_PATHS.signatureDir(number, signature.unit.code);
        const { cms, chain, trustAnchors, scan, ...evidence } = signature.evidence as Record<string, unknown>;
        if (typeof cms === 'string') files.set(`${dir}/${SIGNATURE_FILES.cms}`, Buffer.from(cms, 'base64'));
        if (Array.isArray(chain)) files.set(`${dir}/${SIGNATURE_FILES.chain}`, Buffer.from(chain.join('\n'), 'utf8'));
        if (Array.isArray(trustAnchors)) trustAnchors.forEach((pem) => anchors.add(String(pem).trim()));
        if (typeof scan === 'string') files.set(`${dir}/${SIGNATURE_FILES.scan(String(evidence.scanType))}`, Buffer.from(scan, 'base64'));
        if (signature.method === 'x509') {
          // What the verifier checks the signer's certificate against: the certificates registered for the person.
          evidence.registeredFingerprints = certificates.filter((certificate) => certificate.person.id === signature.signer.id).map((certificate) => certificate.fingerprint);
        }
        if (signature.method === 'paper') evidence.recordedBy = evidence.recordedBy ?? (signature.recordedBy ? { personId: signature.recordedBy.id, fullName: signature.recordedBy.fullName } : null);
        const record: BundleSignature = {
          id: signature.id,
          unit: unitRef(signature.unit),
          signer: { personId: signature.signer.id, fullName: signature.signer.fullName },
          mandateId: signature.mandateId,
          method: signature.method,
          statementHash: signature.statementHash,
          signedAt: signature.signedAt.toISOString(),
          status: signature.status,
          confirmedAt: iso(signature.confirmedAt),
          evidence,
        };
        files.set(`${dir}/${SIGNATURE_FILES.statement}`, Buffer.from(signature.statement, 'utf8'));
        files.set(`${dir}/${SIGNATURE_FILES.signature}`, jsonBytes(record));
      }
    });
    if (anchors.size) files.set(BUNDLE_PATHS.trustAnchors, Buffer.from(`${[...anchors].sort().join('\n')}\n`, 'utf8'));
  }

  private historyFile({ campaign, events }: CampaignRecords): BundleHistory {
    return {
      campaignId: campaign.id,
      formula: HISTORY_HASH_FORMULA,
      events: events.map((event) => ({ seq: event.seq, type: event.type, actor: event.actor, data: event.data, occurredAt: event.occurredAt.toISOString(), prevHash: event.prevHash, hash: event.hash })),
    };
  }
}
