import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { SigningEnvelope } from './signing-envelope.entity';

export type SignatureMethod = 'passkey' | 'x509' | 'paper';
export const SIGNATURE_METHODS: readonly SignatureMethod[] = ['passkey', 'x509', 'paper'];

/** `valid` counts; a paper signature counts once the unit confirms what the secretary recorded. */
export type SignatureStatus = 'valid' | 'awaiting-confirmation';

/**
 * A unit's signature on an envelope: the exact statement signed (canonical JSON) and what its method needs to be
 * verified later without the server (a passkey's public key and assertion, a CMS file with its chain, a scan's
 * hash). One per unit and envelope (unique), so concurrent or repeated signing never counts twice.
 */
@Entity()
@Unique({ properties: ['envelope', 'unit'] })
export class Signature extends BaseEntity<'status' | 'recordedBy' | 'confirmedAt'> {
  @ManyToOne(() => SigningEnvelope, { deleteRule: 'cascade' })
  envelope!: SigningEnvelope;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  signer!: Person;

  @Property({ type: 'uuid' })
  mandateId!: string;

  @Property({ type: 'string', length: 16 })
  method!: SignatureMethod;

  /** The statement's canonical JSON, byte for byte what was signed. */
  @Property({ type: 'text' })
  statement!: string;

  @Property({ type: 'string', length: 64 })
  statementHash!: string;

  @Property({ type: JsonType })
  evidence!: Record<string, unknown>;

  @Property({ type: DateTimeType })
  signedAt!: Date;

  @Property({ type: 'string', length: 24 })
  status: SignatureStatus = 'valid';

  /** The secretary who recorded a paper signature. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  recordedBy: Person | null = null;

  @Property({ type: DateTimeType, nullable: true })
  confirmedAt: Date | null = null;
}
