import { DateTimeType, Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/** A CA certificate (root or intermediate) administrators trust for X.509 signatures. */
@Entity()
@Unique({ properties: ['fingerprint'] })
export class TrustAnchor extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'string', length: 1000 })
  subject!: string;

  @Property({ type: DateTimeType })
  notAfter!: Date;

  @Property({ type: 'text' })
  pem!: string;
}
