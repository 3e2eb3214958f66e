import { DateTimeType, Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';

/** `pending` while the first request runs, `completed` once its response is stored for replay. */
export type IdempotencyState = 'pending' | 'completed';

/**
 * An `Idempotency-Key` of one caller: reserved (pending) before the work runs, so the unique
 * (person, key) constraint lets exactly one of many concurrent requests run; then its response, replayed.
 */
@Entity()
@Unique({ properties: ['personId', 'key'] })
export class IdempotencyRecord extends BaseEntity<'state' | 'status' | 'responseBody'> {
  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of method, path, acting unit and body: the same key with another request is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  // A plain string column: SQLite enum checks defeat migration:check; the values are set only here.
  @Property({ type: 'string', length: 16 })
  state: IdempotencyState = 'pending';

  /** Names the request that holds a pending reservation, so a process whose lease was taken over stores nothing. */
  @Property({ type: 'uuid' })
  leaseToken!: string;

  /** A pending reservation past this instant was left by a process that died: another request may take it over. */
  @Property({ type: DateTimeType })
  leaseExpiresAt!: Date;

  @Property({ type: 'integer', nullable: true })
  status: number | null = null;

  /** The response body exactly as first sent (JSON text), so a replay is byte for byte the same. */
  @Property({ type: 'text', nullable: true })
  responseBody: string | null = null;
}
