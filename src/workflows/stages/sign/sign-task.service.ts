import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { canonicalJson } from '../../../common/hashing/canonical-json';
import { Clock } from '../../../modules/calendar/clock';
import { Mandate, MandateRole } from '../../../modules/org/entities/mandate.entity';
import { Person } from '../../../modules/org/entities/person.entity';
import { Signature, SignatureMethod } from '../../../modules/signing/entities/signature.entity';
import { SigningEnvelope } from '../../../modules/signing/entities/signing-envelope.entity';
import { SigningMethodsService } from '../../../modules/signing/signing-methods.service';
import { parseStatement, SigningStatement, statementHash, statementMismatches, statementTime, STATEMENT_FORMAT, STATEMENT_KIND } from '../../../modules/signing/statement/signing-statement';
import { CampaignCommandsService, CommandedTask } from '../../engine/campaign-commands.service';
import { CampaignRecordsService } from '../../engine/campaign-records.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import { Campaign } from '../../engine/entities/campaign.entity';
import { Task } from '../../engine/entities/task.entity';
import { envelopeOfRun } from './sign.effects';
import { anyOfRoles, roleName } from '../../../common/auth/role-names';
import { momentText } from '../../../common/i18n/date-text';
import { MANDATE_ROLE_TEXTS, SIGNATURE_METHOD_TEXTS } from '../../web/signing-web-texts';

/** A signing method as the signing page names it ("Ký trên giấy"); an unknown one as given. */
const methodWords = (method: string) => (Object.hasOwn(SIGNATURE_METHOD_TEXTS, method) ? SIGNATURE_METHOD_TEXTS[method] : { vi: method, en: method });

/** How long a downloaded statement may wait for its signature (a USB token, a colleague with the passkey). */
const STATEMENT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Clocks of signing tools may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface StatementFile {
  statement: SigningStatement;
  /** The exact bytes to sign, as text: the statement's canonical JSON. */
  canonical: string;
  hash: string;
  /** When the stage allows passkeys: the options for navigator.credentials.get(), whose challenge is `hash`. */
  passkeyOptions?: PublicKeyCredentialRequestOptionsJSON;
}

export type SignatureInput =
  | { method: 'passkey'; statement: string; response: unknown }
  | { method: 'x509'; statement: string; signature: Buffer };

interface SigningTask {
  task: Task;
  envelope: SigningEnvelope;
}

/**
 * A unit's signature through its sign task: the statement it must sign, and signing by passkey or X.509 (the task is
 * completed with the signature, under the campaign lock, in one transaction); a paper signature recorded by the
 * secretary and confirmed by the unit; or a decline with its reason. Signing again after success answers the
 * signature already recorded.
 */
@Injectable()
export class SignTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly records: CampaignRecordsService,
    private readonly history: CampaignHistoryService,
    private readonly methods: SigningMethodsService,
    private readonly clock: Clock,
  ) {}

  /** The statement this person must sign now for the unit they act for, with its time set to now. */
  async statement(taskId: string, principal: Principal, actingFor: ActingFor | undefined): Promise<StatementFile> {
    const { task, envelope } = await this.load(taskId);
    const mandate = this.allowedMandate(envelope, task, actingFor);
    const statement = this.statementOf(envelope, task, principal, mandate, this.clock.now());
    const hash = statementHash(statement);
    const passkeyOptions = envelope.methods.includes('passkey') ? await this.methods.passkeyOptions(this.em.fork(), principal.personId, hash) : undefined;
    return { statement, canonical: canonicalJson(statement), hash, ...(passkeyOptions ? { passkeyOptions } : {}) };
  }

  /** Signs with a passkey or an X.509 signature over a statement from `statement()`; completes the unit's task. */
  async sign(taskId: string, input: SignatureInput, principal: Principal, actingFor: ActingFor | undefined): Promise<Signature> {
    const { task, envelope } = await this.load(taskId);
    // Whose task it is before the replay of a signature: another unit must not be answered the unit's signature.
    const mandate = this.allowedMandate(envelope, task, actingFor);
    const existing = await this.signatureOf(envelope, task);
    if (existing?.status === 'valid' && task.status === 'done') return existing;
    if (!envelope.methods.includes(input.method)) throw new AppError('SIGNING_METHOD_NOT_ALLOWED', { method: methodWords(input.method) });
    const statement = this.checkedStatement(input.statement, envelope, task, principal, mandate);
    try {
      await this.commands.commandTask(
        taskId,
        {
          command: 'sign',
          record: async (em) => {
            const evidence = input.method === 'passkey' ? await this.methods.passkey(em, principal.personId, statement, input.response) : await this.methods.x509(em, principal.personId, statement, input.signature);
            const signature = await this.store(em, envelope, task, { signer: principal.personId, mandateId: mandate.mandateId, method: input.method, statement, evidence });
            // The history names every signature by its statement hash, as it does a paper one: the bundle's verifier checks it.
            await this.history.append(em, em.getReference(Campaign, envelope.campaignId), 'signature.recorded', this.signatureEvent(signature, task), eventActor(principal, actingFor));
          },
        },
        principal,
        actingFor,
      );
    } catch (error) {
      // A concurrent request of the same unit won: answer its signature rather than an error (idempotent signing).
      const winner = await this.signatureOf(envelope, task);
      if (winner?.status === 'valid') return winner;
      throw error;
    }
    return (await this.signatureOf(envelope, task))!;
  }

  /** A unit declines to sign, with its reason: the stage ends `declined` and the workflow goes back to discussion. */
  async decline(taskId: string, reason: string, principal: Principal, actingFor: ActingFor | undefined): Promise<CommandedTask> {
    const { envelope, task } = await this.load(taskId);
    this.allowedMandate(envelope, task, actingFor);
    return this.commands.commandTask(taskId, { command: 'decline', comment: reason, record: async () => undefined }, principal, actingFor);
  }

  /**
   * A secretary records that the unit's head signed the paper copy at the conference, with the scanned page; the
   * signature counts once the unit confirms it (`confirmPaper`). The head's mandate on the signing day names the signer.
   */
  async recordPaper(taskId: string, input: { scan: Buffer; signedAt?: Date; note?: string }, principal: Principal): Promise<Signature> {
    const { task, envelope } = await this.load(taskId);
    if (!envelope.methods.includes('paper')) throw new AppError('SIGNING_METHOD_NOT_ALLOWED', { method: methodWords('paper') });
    if (task.status !== 'open') throw new AppError('TASK_CLOSED');
    const signedAt = input.signedAt ?? this.clock.now();
    const em = this.em.fork();
    const mandate = await this.headMandate(em, envelope, task, signedAt);
    const evidence = this.methods.paper(input.scan, { personId: principal.personId, fullName: principal.fullName }, input.note);
    const statement = this.statementOf(envelope, task, { personId: mandate.person.id, fullName: mandate.person.fullName }, { mandateId: mandate.id, mandateRole: mandate.role }, signedAt);
    await this.records.recordOnCampaign(envelope.campaignId, 'signing.paper-recorded', principal, undefined, async (txEm, campaign) => {
      const signature = await this.store(txEm, envelope, task, { signer: mandate.person.id, mandateId: mandate.id, method: 'paper', statement, evidence, recordedBy: principal.personId });
      await this.history.append(txEm, campaign, 'signature.recorded', this.signatureEvent(signature, task), eventActor(principal, undefined));
    });
    return (await this.signatureOf(envelope, task))!;
  }

  /** The unit confirms the paper signature the secretary recorded: it counts, and the unit's task is done. */
  async confirmPaper(taskId: string, principal: Principal, actingFor: ActingFor | undefined): Promise<Signature> {
    const { task, envelope } = await this.load(taskId);
    // Only the task's unit confirms; checked before the replay of a confirmed signature, which answered anyone 200.
    if (!actingFor || actingFor.unitId !== task.assigneeUnit?.id) throw new AppError('NOT_TASK_ASSIGNEE');
    const pending = await this.signatureOf(envelope, task);
    if (pending?.status === 'valid' && task.status === 'done') return pending;
    if (pending?.status !== 'awaiting-confirmation') throw new AppError('PAPER_SIGNATURE_NOT_FOUND');
    await this.commands.commandTask(
      taskId,
      {
        command: 'sign',
        record: async (em) => {
          const signature = await em.findOneOrFail(Signature, pending.id);
          if (signature.status !== 'awaiting-confirmation') throw new AppError('PAPER_SIGNATURE_NOT_FOUND');
          signature.status = 'valid';
          signature.confirmedAt = this.clock.now();
          signature.evidence = { ...signature.evidence, confirmedBy: { personId: principal.personId, mandateId: actingFor?.mandateId ?? null } };
        },
      },
      principal,
      actingFor,
    );
    return (await this.signatureOf(envelope, task))!;
  }

  /** The unit disputes what the secretary recorded: the record is removed (its reason kept in the history). */
  async disputePaper(taskId: string, reason: string, principal: Principal, actingFor: ActingFor | undefined): Promise<void> {
    if (!reason.trim()) throw new AppError('COMMENT_REQUIRED');
    const { task, envelope } = await this.load(taskId);
    await this.records.recordOnTask(taskId, 'signing.paper-disputed', principal, actingFor, async (em, _task, campaign) => {
      const pending = await em.findOne(Signature, { envelope: envelope.id, unit: task.assigneeUnit!.id, status: 'awaiting-confirmation' });
      if (!pending) throw new AppError('PAPER_SIGNATURE_NOT_FOUND');
      await this.history.append(em, campaign, 'signature.disputed', { ...this.signatureEvent(pending, task), reason: reason.trim() }, eventActor(principal, actingFor));
      em.remove(pending);
    });
  }

  /** Signatures of the envelope of a sign task's stage run, for pages and the API. */
  async envelopeOfTask(taskId: string): Promise<{ envelope: SigningEnvelope; signatures: Signature[] }> {
    const { envelope } = await this.load(taskId);
    const signatures = await this.em.fork().find(Signature, { envelope: envelope.id }, { populate: ['unit', 'signer'], orderBy: { signedAt: 'asc' } });
    return { envelope, signatures };
  }

  private async store(
    em: EntityManager,
    envelope: SigningEnvelope,
    task: Task,
    input: { signer: string; mandateId: string; method: SignatureMethod; statement: SigningStatement; evidence: Record<string, unknown>; recordedBy?: string },
  ): Promise<Signature> {
    const unitId = task.assigneeUnit!.id;
    if (await em.count(Signature, { envelope: envelope.id, unit: unitId })) throw new AppError('SIGNATURE_EXISTS', { unit: task.assigneeUnit!.name });
    const signature = em.create(Signature, {
      envelope: em.getReference(SigningEnvelope, envelope.id),
      unit: unitId,
      signer: em.getReference(Person, input.signer),
      mandateId: input.mandateId,
      method: input.method,
      statement: canonicalJson(input.statement),
      statementHash: statementHash(input.statement),
      evidence: input.evidence,
      signedAt: new Date(input.statement.signedAt),
      status: input.method === 'paper' ? 'awaiting-confirmation' : 'valid',
      recordedBy: input.recordedBy ? em.getReference(Person, input.recordedBy) : null,
    });
    await em.flush();
    return signature;
  }

  private signatureEvent(signature: Signature, task: Task): Record<string, unknown> {
    return { envelopeId: signature.envelope.id, unit: task.assigneeUnit!.code, method: signature.method, statementHash: signature.statementHash };
  }

  private checkedStatement(text: string, envelope: SigningEnvelope, task: Task, principal: Principal, mandate: { mandateId: string; mandateRole: string }): SigningStatement {
    const signed = parseStatement(text);
    if (!signed) throw new AppError('SIGNING_STATEMENT_INVALID');
    if (signed.document.contentHash !== envelope.contentHash) throw new AppError('SIGNING_VERSION_MISMATCH', { expected: envelope.contentHash.slice(0, 12) });
    const expected = this.statementOf(envelope, task, principal, mandate, new Date(signed.signedAt));
    const mismatches = statementMismatches(signed, expected);
    if (mismatches.length) throw new AppError('SIGNING_STATEMENT_MISMATCH', { fields: mismatches.join(', ') }, { fields: mismatches });
    const at = Date.parse(signed.signedAt);
    const now = this.clock.now().getTime();
    if (at > now + CLOCK_SKEW_MS || at < now - STATEMENT_MAX_AGE_MS || at < envelope.createdAt.getTime() - CLOCK_SKEW_MS) {
      throw new AppError('SIGNING_STATEMENT_STALE', { signedAt: Number.isNaN(at) ? signed.signedAt : momentText(signed.signedAt) });
    }
    // Bytes signed are the canonical form: a statement reformatted by a tool is still this statement.
    return signed;
  }

  private statementOf(envelope: SigningEnvelope, task: Task, signer: { personId: string; fullName: string }, mandate: { mandateId: string; mandateRole: string }, at: Date): SigningStatement {
    const version = envelope;
    const campaign = task.campaign;
    const unit = task.assigneeUnit!;
    return {
      kind: STATEMENT_KIND,
      formatVersion: STATEMENT_FORMAT,
      campaign: { id: campaign.id, name: campaign.name, year: campaign.year },
      document: { id: version.documentVersion.document.id, title: version.documentVersion.content.title, versionNumber: version.documentVersion.number, contentHash: envelope.contentHash },
      titleRegistrationsHash: envelope.registrationsHash,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      signer: { personId: signer.personId, fullName: signer.fullName, mandateId: mandate.mandateId, role: mandate.mandateRole },
      signedAt: statementTime(at),
    };
  }

  /** The caller acts for the task's unit under a mandate whose role the stage allows to sign. */
  private allowedMandate(envelope: SigningEnvelope, task: Task, actingFor: ActingFor | undefined): { mandateId: string; mandateRole: string } {
    if (!actingFor || actingFor.unitId !== task.assigneeUnit?.id) throw new AppError('NOT_TASK_ASSIGNEE');
    if (!envelope.signerRoles.includes(actingFor.mandateRole)) throw new AppError('SIGNER_ROLE_NOT_ALLOWED', { roles: anyOfRoles(envelope.signerRoles, MANDATE_ROLE_TEXTS), role: roleName(actingFor.mandateRole, MANDATE_ROLE_TEXTS) });
    return { mandateId: actingFor.mandateId, mandateRole: actingFor.mandateRole };
  }

  /** The mandate, valid on the signing day, of the unit's signer (the head first) for a paper signature. */
  private async headMandate(em: EntityManager, envelope: SigningEnvelope, task: Task, at: Date): Promise<Mandate> {
    const day = at.toISOString().slice(0, 10);
    const mandates = await em.find(
      Mandate,
      { unit: task.assigneeUnit!.id, role: { $in: envelope.signerRoles as MandateRole[] }, validFrom: { $lte: day }, $or: [{ validTo: null }, { validTo: { $gte: day } }] },
      { populate: ['person'] },
    );
    const mandate = envelope.signerRoles.map((role) => mandates.find((m) => m.role === role)).find(Boolean);
    if (!mandate) throw new AppError('SIGNER_MANDATE_NOT_FOUND', { roles: anyOfRoles(envelope.signerRoles, MANDATE_ROLE_TEXTS) });
    return mandate;
  }

  private async signatureOf(envelope: SigningEnvelope, task: Task): Promise<Signature | null> {
    return this.em.fork().findOne(Signature, { envelope: envelope.id, unit: task.assigneeUnit!.id }, { populate: ['unit', 'signer'] });
  }

  private async load(taskId: string): Promise<SigningTask> {
    const em = this.em.fork();
    const task = await em.findOne(Task, taskId, { populate: ['stageRun', 'campaign', 'assigneeUnit'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    if (task.stageRun.stageType !== 'sign' || !task.assigneeUnit) throw new AppError('TASK_HAS_NO_SIGNATURE', { id: taskId });
    const envelopeId = envelopeOfRun(task.campaign.context, task.stageRun.id);
    const envelope = envelopeId ? await em.findOne(SigningEnvelope, envelopeId, { populate: ['documentVersion.document'] }) : null;
    if (!envelope) throw new AppError('SIGNING_NOT_FOUND', { id: `stage-run:${task.stageRun.id}` });
    return { task, envelope };
  }
}
