import { Entity, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';

/** The first response to a POST carrying an `Idempotency-Key`, replayed for the same key and caller. */
@Entity()
@Unique({ properties: ['personId', 'key'] })
export class IdempotencyRecord extends BaseEntity {
  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'integer' })
  status!: number;

  @Property({ type: JsonType })
  body!: unknown;
}
