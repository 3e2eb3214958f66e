import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { DocumentVersion } from '../../documents/entities/document-version.entity';
import { UnitRegistration } from '../statement/title-registrations';

export type EnvelopeStatus = 'open' | 'in-force' | 'declined' | 'closed';

/**
 * One signing of one adopted text (ký kết): the version the vote adopted, bound by its content hash, and the
 * consolidated title registrations whose hash every statement carries. One per sign stage run; campaign and stage
 * run are plain ids, as modules do not depend on the workflow engine's entities.
 */
@Entity()
@Unique({ properties: ['stageRunId'] })
export class SigningEnvelope extends BaseEntity<'status' | 'inForceAt' | 'registrationsHash'> {
  @Property({ type: 'uuid', index: true })
  campaignId!: string;

  @Property({ type: 'uuid' })
  stageRunId!: string;

  @ManyToOne(() => DocumentVersion, { deleteRule: 'restrict' })
  documentVersion!: DocumentVersion;

  /** The adopted version's content hash, copied so that a statement is checked against what was voted. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** The poll that adopted the version: its subject hash is this envelope's content hash. */
  @Property({ type: 'uuid', nullable: true })
  adoptionPollId: string | null = null;

  @Property({ type: JsonType })
  registrations: UnitRegistration[] = [];

  @Property({ type: 'string', length: 64, nullable: true })
  registrationsHash: string | null = null;

  /** Roles of the mandates that may sign for a unit (head by default). */
  @Property({ type: JsonType })
  signerRoles: string[] = ['head'];

  @Property({ type: JsonType })
  methods: string[] = ['passkey', 'x509', 'paper'];

  @Property({ type: 'string', length: 16 })
  status: EnvelopeStatus = 'open';

  /** When the last required signature made the pact binding (có hiệu lực). */
  @Property({ type: DateTimeType, nullable: true })
  inForceAt: Date | null = null;
}
