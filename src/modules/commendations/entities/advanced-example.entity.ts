import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { Attachment } from '../attachments';

/** An advanced example (điển hình tiên tiến) or a good deed (Người tốt, việc tốt). */
export const EXAMPLE_KINDS = ['advanced-example', 'good-deed'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];

export const EXAMPLE_STATUSES = ['submitted', 'accepted', 'declined'] as const;
export type ExampleStatus = (typeof EXAMPLE_STATUSES)[number];

/**
 * A unit's nomination of one of its people, or of itself, as an advanced example or for a good deed, with a short
 * account and evidence, at any time of the year. The cluster head reviews it; accepted, it is published to the
 * cluster's units and stands on the record.
 */
@Entity()
@Index({ properties: ['unit', 'year'] })
@Index({ properties: ['status', 'year'] })
@Index({ properties: ['person'] })
export class AdvancedExample extends BaseEntity<'person' | 'status' | 'attachments' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'commendationCampaignId'> {
  @Property({ type: 'string', length: 24 })
  kind!: ExampleKind;

  /** The nominating unit; the collective nominated when no person is. */
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  @Property({ type: 'integer' })
  year!: number;

  /** The deed or achievement in a line. */
  @Property({ type: 'string', length: 300 })
  title!: string;

  /** The short account of it (tóm tắt thành tích). */
  @Property({ type: 'text' })
  account!: string;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  nominatedBy!: Person;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  status: ExampleStatus = 'submitted';

  @Property({ type: JsonType })
  attachments: Attachment[] = [];

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  reviewedBy: Person | null = null;

  @Property({ type: DateTimeType, nullable: true })
  reviewedAt: Date | null = null;

  /** Why it was declined, or a word on its acceptance. */
  @Property({ type: 'string', length: 2000, nullable: true })
  reviewNote: string | null = null;

  /** The ad hoc commendation campaign it was proposed for in one step, once (the campaign is the workflow's). */
  @Property({ type: 'uuid', nullable: true })
  commendationCampaignId: string | null = null;
}
