import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Campaign } from './campaign.entity';

/**
 * The append-only history of a campaign, hash-chained: hash = sha256(prevHash ‖ canonical JSON of
 * the event), so any edit or deletion breaks the chain from that event on.
 */
@Entity()
@Unique({ properties: ['campaign', 'seq'] })
export class CampaignEvent extends BaseEntity<'actor'> {
  @ManyToOne(() => Campaign, { deleteRule: 'cascade' })
  campaign!: Campaign;

  /** 1, 2, 3… within the campaign; the unique constraint forbids forks. */
  @Property({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', length: 64 })
  type!: string;

  /** Who caused it: `{ personId, unitId?, mandateId? }`, or null for the engine. */
  @Property({ type: JsonType, nullable: true })
  actor: Record<string, string> | null = null;

  @Property({ type: JsonType })
  data!: Record<string, unknown>;

  @Property({ type: DateTimeType })
  occurredAt!: Date;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
