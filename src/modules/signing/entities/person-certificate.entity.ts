import { DateTimeType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';

/** An X.509 certificate an administrator registered for a person: only these may sign for them (chữ ký số). */
@Entity()
@Unique({ properties: ['person', 'fingerprint'] })
export class PersonCertificate extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  /** SHA-256 of the certificate's DER, lowercase hex. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'string', length: 1000 })
  subject!: string;

  @Property({ type: 'string', length: 1000 })
  issuer!: string;

  @Property({ type: DateTimeType })
  notBefore!: Date;

  @Property({ type: DateTimeType })
  notAfter!: Date;

  @Property({ type: 'text' })
  pem!: string;
}
