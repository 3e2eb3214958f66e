import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { MailMessage, MailStatus } from './entities/mail-message.entity';
import { MailTransport } from './mail-transport.service';

/** How long one run may hold a message while it sends; past it, another run may try (the first one died). */
const LEASE_MS = 2 * 60_000;

export type MailAttemptOutcome = 'sent' | 'done' | 'retry' | 'failed' | 'busy';

export interface MailMessageView {
  id: string;
  kind: 'notice' | 'digest';
  recipient: string | null;
  personName: string | null;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  fileName: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The mail log: sending one message exactly once (a lease taken by compare-and-set), and reading it back. */
@Injectable()
export class MailMessagesService {
  private readonly logger = new Logger(MailMessagesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  /**
   * One attempt at sending a message. A message already sent, failed or skipped is left alone ('done'); one held by
   * another run right now answers 'busy'. A failed attempt answers 'retry' (the job throws and BullMQ waits), or
   * 'failed' when it was the last one.
   */
  async attempt(id: string, final: boolean): Promise<MailAttemptOutcome> {
    const em = this.em.fork();
    const now = new Date();
    const taken = await em.nativeUpdate(
      MailMessage,
      { id, status: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { leaseUntil: new Date(now.getTime() + LEASE_MS), lastAttemptAt: this.clock.now() },
    );
    if (taken === 0) {
      const row = await em.findOne(MailMessage, id, { fields: ['status'] });
      return row?.status === 'pending' ? 'busy' : 'done';
    }
    const message = await em.findOneOrFail(MailMessage, id);
    try {
      if (!message.recipient) throw new Error('No recipient');
      const sent = await this.transport.send({ id: message.id, to: message.recipient, subject: message.subject, text: message.text });
      await em.nativeUpdate(
        MailMessage,
        { id },
        { status: 'sent', sentAt: this.clock.now(), attempts: message.attempts + 1, lastError: null, leaseUntil: null, ...sent },
      );
      return 'sent';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ messageId: id, err: reason }, final ? 'Mail not sent; giving up' : 'Mail not sent; will retry');
      await em.nativeUpdate(
        MailMessage,
        { id },
        { status: final ? 'failed' : 'pending', attempts: message.attempts + 1, lastError: reason.slice(0, 2000), leaseUntil: null },
      );
      return final ? 'failed' : 'retry';
    }
  }

  /** Messages waiting to be sent and not held by a run, oldest first: the tick queues their jobs. */
  async waiting(limit = 200): Promise<string[]> {
    const rows = await this.em.fork().find(
      MailMessage,
      { status: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }] },
      { fields: ['id'], orderBy: { createdAt: 'asc' }, limit },
    );
    return rows.map((row) => row.id);
  }

  /** The newest messages, optionally of one status, for administrators. */
  async list(options: { status?: MailStatus; limit?: number } = {}): Promise<MailMessageView[]> {
    const rows = await this.em.fork().find(
      MailMessage,
      options.status ? { status: options.status } : {},
      { populate: ['person'], orderBy: { createdAt: 'desc', id: 'asc' }, limit: options.limit ?? 100 },
    );
    return rows.map((row) => this.view(row));
  }

  async get(id: string): Promise<MailMessageView & { text: string }> {
    const row = await this.em.fork().findOne(MailMessage, id, { populate: ['person'] });
    if (!row) throw new AppError('MAIL_MESSAGE_NOT_FOUND', { id });
    return { ...this.view(row), text: row.text };
  }

  /** The .eml file of a message written to the local mail folder, or null when it went by SMTP or is not sent yet. */
  async eml(id: string): Promise<Buffer | null> {
    const row = await this.em.fork().findOne(MailMessage, id, { fields: ['fileName'] });
    if (!row) throw new AppError('MAIL_MESSAGE_NOT_FOUND', { id });
    if (!row.fileName) return null;
    return readFile(join(this.transport.folder, row.fileName)).catch(() => null);
  }

  private view(row: MailMessage): MailMessageView {
    return {
      id: row.id,
      kind: row.kind,
      recipient: row.recipient,
      personName: row.person?.fullName ?? null,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      transport: row.transport,
      fileName: row.fileName,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    };
  }
}
