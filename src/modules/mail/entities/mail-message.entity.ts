import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Language } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';

/**
 * `held`: waits for the person's daily digest; `pending`: to be sent; `sent`; `failed` after the last attempt;
 * `skipped`: nobody to write to (no address, the person chose none, or no one holds a mandate); `digested`: went out
 * inside a digest.
 */
export type MailStatus = 'held' | 'pending' | 'sent' | 'failed' | 'skipped' | 'digested';

/** Where a sent message went: the SMTP server, or the local mail folder when no SMTP server is configured. */
export type MailTransportKind = 'smtp' | 'folder';

/**
 * One e-mail, or one notice's place in a digest. Exactly one per (notice, person) and one digest per (person, day) by
 * the unique key, so an expansion or a send job run twice writes and sends once; the row is the mail log.
 */
@Entity()
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['noticeId'] })
@Index({ properties: ['createdAt'] })
export class MailMessage extends BaseEntity<
  | 'person'
  | 'recipient'
  | 'noticeId'
  | 'digestId'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'lastAttemptAt'
  | 'sentAt'
  | 'leaseUntil'
  | 'transport'
  | 'messageId'
  | 'fileName'
> {
  /** `notice-<notification>-<person>` or `digest-<person>-<day in Vietnam>`. */
  @Property({ type: 'string', length: 200 })
  @Unique()
  key!: string;

  @Property({ type: 'string', length: 16 })
  kind!: 'notice' | 'digest';

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'cascade' })
  person: Person | null = null;

  /** The address written to, copied at expansion so the log shows where it went. */
  @Property({ type: 'string', length: 255, nullable: true })
  recipient: string | null = null;

  @Property({ type: 'string', length: 2 })
  language!: Language;

  /** The in-app notice (notification.id) this mail tells of; null for a digest. */
  @Property({ type: 'uuid', nullable: true })
  noticeId: string | null = null;

  /** The digest that carried this notice (mail_message.id). */
  @Property({ type: 'uuid', nullable: true })
  digestId: string | null = null;

  @Property({ type: 'string', length: 255 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'string', length: 16 })
  status: MailStatus = 'pending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  sentAt: Date | null = null;

  /** A worker holds the message while it sends, so that a job run twice does not send twice at once. */
  @Property({ type: DateTimeType, nullable: true })
  leaseUntil: Date | null = null;

  @Property({ type: 'string', length: 8, nullable: true })
  transport: MailTransportKind | null = null;

  /** The Message-ID header it was sent with. */
  @Property({ type: 'string', length: 255, nullable: true })
  messageId: string | null = null;

  /** The .eml file in the local mail folder, when sent there. */
  @Property({ type: 'string', length: 255, nullable: true })
  fileName: string | null = null;
}
