import { Entity, Index, JsonType, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { Attachment } from '../attachments';
import type { InitiativeScope } from '../rules/rule-pack';
import { Initiative } from './initiative.entity';

/** Submitted, under the council's vote, then decided one way or the other. */
export const APPLICATION_STATUSES = ['submitted', 'in-review', 'recognised', 'not-recognised'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * An application for the recognition of an initiative (đơn yêu cầu công nhận sáng kiến): what it is, where it applies
 * and what it brought, by a unit for itself or for one of its people. The Initiatives Council votes on it; the decision
 * that recognises it writes the Initiative that eligibility counts.
 */
@Entity()
@Index({ properties: ['unit', 'year'] })
@Index({ properties: ['status'] })
export class InitiativeApplication extends BaseEntity<'person' | 'status' | 'pollId' | 'attachments' | 'decisionNumber' | 'decidedOn' | 'decidedScope' | 'initiative'> {
  @Property({ type: 'string', length: 500 })
  name!: string;

  @Property({ type: 'text' })
  description!: string;

  /** The benefits it brought (hiệu quả, lợi ích). */
  @Property({ type: 'text' })
  benefits!: string;

  /** The scope it is proposed at; the decision may recognise it at another. */
  @Property({ type: 'string', length: 16 })
  requestedScope!: InitiativeScope;

  @Property({ type: 'integer' })
  year!: number;

  /** The unit that submits it: its author, or the unit its author served in that year. */
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  /** The author when a person's. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  submittedBy!: Person;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  status: ApplicationStatus = 'submitted';

  /** The council's poll once the review opened. */
  @Property({ type: 'uuid', nullable: true })
  pollId: string | null = null;

  @Property({ type: JsonType })
  attachments: Attachment[] = [];

  @Property({ type: 'string', length: 60, nullable: true })
  decisionNumber: string | null = null;

  /** The decision's date, `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10, nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  decidedScope: InitiativeScope | null = null;

  /** The recognised initiative it became. */
  @ManyToOne(() => Initiative, { nullable: true, deleteRule: 'restrict' })
  initiative: Initiative | null = null;
}
