import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';

/**
 * A commendation decision (quyết định khen thưởng) of the competent level: its number, signing date and issuer, as the
 * council's secretary or an administrator records it. A campaign's decision stage records at most one per stage run
 * (unique), so a replayed or concurrent second recording makes no second decision. Campaign and stage run are plain ids:
 * modules do not depend on the workflow engine; the campaign's name is kept as it was when the decision was recorded.
 */
@Entity()
@Unique({ properties: ['stageRunId'] })
@Index({ properties: ['campaignId'] })
export class CommendationDecision extends BaseEntity<'campaignId' | 'campaignName' | 'stageRunId'> {
  /** e.g. `123/QĐ-VKSTC`. */
  @Property({ type: 'string', length: 60 })
  number!: string;

  /** The day it was signed, `YYYY-MM-DD` (a calendar day, no time zone). */
  @Property({ type: 'string', length: 10 })
  signedOn!: string;

  /** Who issued it, e.g. "Viện trưởng Viện kiểm sát nhân dân tối cao". */
  @Property({ type: 'string', length: 255 })
  issuer!: string;

  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;

  @Property({ type: 'string', length: 255, nullable: true })
  campaignName: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  stageRunId: string | null = null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  recordedBy!: Person;

  @Property({ type: DateTimeType })
  recordedAt!: Date;
}
