import { BigIntType, DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';

/** A passkey a person registered on their account page: what verifies their signing assertions. */
@Entity()
@Unique({ properties: ['credentialId'] })
export class PasskeyCredential extends BaseEntity<'lastUsedAt' | 'counter' | 'transports'> {
  @ManyToOne(() => Person, { deleteRule: 'cascade', index: true })
  person!: Person;

  /** base64url, as WebAuthn names the credential. */
  @Property({ type: 'string', length: 1024 })
  credentialId!: string;

  /** COSE public key, base64url. */
  @Property({ type: 'text' })
  publicKey!: string;

  @Property({ type: new BigIntType('number') })
  counter: number = 0;

  @Property({ type: JsonType })
  transports: string[] = [];

  @Property({ type: 'string', length: 120 })
  label!: string;

  @Property({ type: DateTimeType, nullable: true })
  lastUsedAt: Date | null = null;
}
