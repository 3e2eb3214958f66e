import { DateTimeType, Entity, Index, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/**
 * A job that must follow a commit, written in the same transaction and relayed to BullMQ
 * afterwards with its deterministic job id; `sentAt` is set once BullMQ has it.
 */
@Entity()
@Index({ properties: ['sentAt', 'createdAt'] })
export class OutboxMessage extends BaseEntity<'runAt' | 'sentAt' | 'attempts' | 'lastError'> {
  @Property({ type: 'string', length: 64 })
  queue!: string;

  @Property({ type: 'string', length: 64 })
  jobName!: string;

  @Property({ type: 'string', length: 200 })
  @Unique()
  jobId!: string;

  /** IDs only, never form data or personal data. */
  @Property({ type: JsonType })
  payload!: Record<string, unknown>;

  /** When the job should run; null for now. */
  @Property({ type: DateTimeType, nullable: true })
  runAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
