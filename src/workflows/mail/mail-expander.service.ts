import { randomUUID } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { Language } from '../../common/i18n/language';
import { todayInVietnam } from '../../modules/auth/principal.service';
import { Clock } from '../../modules/calendar/clock';
import { MailMessage, MailStatus } from '../../modules/mail/entities/mail-message.entity';
import { MAIL_SEND_JOB, mailJobId, mailJobOptions } from '../../modules/mail/mail-jobs';
import { MailMessagesService } from '../../modules/mail/mail-messages.service';
import { MailPreferencesService } from '../../modules/mail/mail-preferences.service';
import { digestIntro, digestSubject, letter, noticeItem, noticeSubject } from '../../modules/mail/mail-text';
import { Mandate } from '../../modules/org/entities/mandate.entity';
import { QUEUES } from '../../queue/queue-names';
import { Notification } from '../engine/entities/notification.entity';

/** Notices older than this are not mailed: a worker that was down for days, or an upgrade, must not send stale news. */
export const MAIL_NOTICE_WINDOW_MS = 48 * 3600 * 1000;
const BATCH = 200;

type NewRow = Pick<MailMessage, 'key' | 'kind' | 'language' | 'subject' | 'text' | 'status' | 'recipient' | 'noticeId' | 'lastError'> & { personId: string | null };

/**
 * Turns in-app notices into mail, the one place that decides who gets what: a person's notice goes to that person, a
 * unit's to everyone holding a valid mandate for it today. One row per (notice, person) by a unique key, so a tick run
 * twice writes once. Then gathers due digests and queues the jobs of messages waiting to be sent.
 */
@Injectable()
export class MailExpander {
  private readonly logger = new Logger(MailExpander.name);
  private readonly config: AppConfig['mail'];
  private readonly link: string;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly preferences: MailPreferencesService,
    private readonly messages: MailMessagesService,
    @InjectQueue(QUEUES.mail) private readonly queue: Queue,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.get('mail', { infer: true });
    this.link = `${config.get('signing', { infer: true }).origin.replace(/\/$/, '')}/inbox`;
  }

  /** One tick: returns how many rows it wrote, digests it made and jobs it queued. */
  async tick(): Promise<{ expanded: number; digests: number; queued: number }> {
    const expanded = await this.expand();
    const digests = await this.digest();
    const queued = await this.enqueue();
    return { expanded, digests, queued };
  }

  /** New notices (not yet turned into mail) become mail rows. */
  async expand(): Promise<number> {
    const em = this.em.fork();
    const ids = (
      await (em as SqlEntityManager)
        .createQueryBuilder(Notification, 'n')
        .select('n.id')
        .where({ createdAt: { $gte: new Date(Date.now() - MAIL_NOTICE_WINDOW_MS) } })
        .andWhere('not exists (select 1 from mail_message mm where mm.notice_id = n.id)')
        .orderBy({ createdAt: 'asc' })
        .limit(BATCH)
        .getResultList()
    ).map((n) => n.id);
    if (!ids.length) return 0;
    const notices = await em.find(Notification, { id: { $in: ids } }, { populate: ['campaign', 'task', 'unit'], orderBy: { createdAt: 'asc' } });

    const day = todayInVietnam(this.clock.now());
    const unitIds = [...new Set(notices.flatMap((n) => (n.unit ? [n.unit.id] : [])))];
    const mandates = unitIds.length
      ? await em.find(Mandate, { unit: { $in: unitIds }, validFrom: { $lte: day }, $or: [{ validTo: null }, { validTo: { $gte: day } }] }, { fields: ['unit', 'person'] })
      : [];
    const peopleOf = (notice: Notification): string[] =>
      notice.person ? [notice.person.id] : [...new Set(mandates.filter((m) => m.unit.id === notice.unit?.id).map((m) => m.person.id))];
    const choices = await this.preferences.forPeople(notices.flatMap(peopleOf));

    const rows: NewRow[] = [];
    for (const notice of notices) {
      const about = { kind: notice.kind, message: notice.message, campaignName: notice.campaign.name, unitName: notice.unit?.name ?? null, dueAt: notice.task?.dueAt ?? null };
      const people = peopleOf(notice).filter((id) => choices.has(id));
      if (!people.length) {
        rows.push({ key: `notice-${notice.id}-none`, kind: 'notice', personId: null, recipient: null, language: 'vi', noticeId: notice.id, subject: noticeSubject(about, 'vi'), text: noticeItem(about, 'vi'), status: 'skipped', lastError: 'No one to write to' });
        continue;
      }
      for (const personId of people) {
        const choice = choices.get(personId)!;
        const language: Language = choice.language;
        const item = noticeItem(about, language);
        const [status, lastError]: [MailStatus, string | null] = !choice.email
          ? ['skipped', 'No e-mail address']
          : choice.delivery === 'none'
            ? ['skipped', 'The person chose no e-mail']
            : [choice.delivery === 'digest' ? 'held' : 'pending', null];
        rows.push({
          key: `notice-${notice.id}-${personId}`,
          kind: 'notice',
          personId,
          recipient: choice.email,
          language,
          noticeId: notice.id,
          subject: noticeSubject(about, language),
          // A held notice waits as its item; the digest writes the letter around all of them.
          text: status === 'pending' ? letter({ fullName: choice.fullName, language, items: [item], link: this.link }) : item,
          status,
          lastError,
        });
      }
    }
    await this.insert(em, rows);
    return rows.length;
  }

  /** From the digest hour (Vietnam time) on, each person's held notices go out as one message, at most one a day. */
  async digest(): Promise<number> {
    const now = this.clock.now();
    const local = new Date(now.getTime() + 7 * 3600 * 1000);
    if (local.getUTCHours() < this.config.digestHour) return 0;
    const day = local.toISOString().slice(0, 10);
    const em = this.em.fork();
    const held = await em.find(MailMessage, { status: 'held' }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 5000 });
    const byPerson = new Map<string, MailMessage[]>();
    for (const row of held) if (row.person) byPerson.set(row.person.id, [...(byPerson.get(row.person.id) ?? []), row]);
    const choices = await this.preferences.forPeople([...byPerson.keys()]);
    let made = 0;
    for (const [personId, rows] of byPerson) {
      const choice = choices.get(personId);
      const language: Language = choice?.language ?? rows[rows.length - 1].language;
      const recipient = choice?.email ?? rows[rows.length - 1].recipient;
      const digestId = randomUUID();
      try {
        await em.fork().transactional(async (tx) => {
          await this.insert(tx, [
            {
              key: `digest-${personId}-${day}`,
              kind: 'digest',
              personId,
              recipient,
              language,
              noticeId: null,
              subject: digestSubject(day, rows.length, language),
              text: letter({ fullName: choice?.fullName ?? '', language, intro: digestIntro(rows.length, language), items: rows.map((row) => row.text), link: this.link }),
              status: recipient ? 'pending' : 'skipped',
              lastError: recipient ? null : 'No e-mail address',
            },
          ], digestId);
          const taken = await tx.nativeUpdate(MailMessage, { id: { $in: rows.map((row) => row.id) }, status: 'held' }, { status: 'digested', digestId });
          // Another run gathered some of them first: this digest would repeat them.
          if (taken !== rows.length) throw new UniqueConstraintViolationException(new Error('digest raced'));
        });
        made++;
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return made;
  }

  /** Queues the job of every message waiting to be sent; a job already waiting or retrying makes the add a no-op. */
  async enqueue(): Promise<number> {
    let queued = 0;
    for (const id of await this.messages.waiting()) {
      const jobId = mailJobId(id);
      const existing = await this.queue.getJob(jobId);
      if (existing && ((await existing.isCompleted()) || (await existing.isFailed()))) await existing.remove();
      else if (existing) continue;
      await this.queue.add(MAIL_SEND_JOB, { messageId: id }, { jobId, ...mailJobOptions(this.config) });
      queued++;
    }
    return queued;
  }

  /** Inserts rows whose key is new and skips the others (written by another run); a digest's duplicate key throws instead. */
  private async insert(em: EntityManager, rows: NewRow[], digestId?: string): Promise<void> {
    if (!rows.length) return;
    const now = new Date();
    const insert = (em as SqlEntityManager)
      .createQueryBuilder(MailMessage)
      .insert(
        rows.map(({ personId, ...row }, index) => ({
          id: index === 0 && digestId ? digestId : randomUUID(),
          // A millisecond apart, so that a digest lists a batch's notices in the order they were made.
          createdAt: new Date(now.getTime() + index),
          updatedAt: now,
          person: personId,
          attempts: 0,
          ...row,
        })),
      );
    await (digestId ? insert : insert.onConflict('key').ignore()).execute();
  }
}
