import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';

/** A reason as it read when the proposal was made, in both languages. */
export interface ProposalReason {
  rule: string;
  source: string;
  met: boolean | 'pending-vote';
  vi: string;
  en: string;
}

/**
 * A unit's proposal (đề nghị) of one of its people, or of itself, for a title in a year, with the eligibility found
 * when it was made. An ineligible candidate is proposed only by an administrator's override, whose written reason is
 * kept. One proposal per candidate, title and year (unique): a repeated or concurrent proposal is refused, not doubled.
 */
@Entity()
@Unique({ properties: ['recipientKey', 'titleCode', 'year'] })
@Index({ properties: ['unit', 'year', 'titleCode'] })
export class CommendationProposal extends BaseEntity<'person' | 'overrideReason' | 'overriddenBy'> {
  /** The proposing unit. */
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  /** The person proposed; null when the unit proposes itself for a collective title. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  /** `person:<id>` or `unit:<id>`, for the unique key. */
  @Property({ type: 'string', length: 80 })
  recipientKey!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 64 })
  titleCode!: string;

  /** The rule pack that judged it. */
  @Property({ type: 'string', length: 64 })
  packKey!: string;

  @Property({ type: 'boolean' })
  eligible!: boolean;

  @Property({ type: JsonType })
  reasons!: ProposalReason[];

  /** Why an administrator proposed an ineligible candidate anyway. */
  @Property({ type: 'string', length: 1000, nullable: true })
  overrideReason: string | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  overriddenBy: Person | null = null;

  /** The unit's order of priority among its proposals of the year (1 first): the caps keep the first. */
  @Property({ type: 'integer' })
  priority!: number;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  proposedBy!: Person;

  @Property({ type: DateTimeType })
  proposedAt!: Date;
}
