import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { CommendationDecision } from './commendation-decision.entity';

/** A reason as it read when the proposal was made, in both languages. */
export interface ProposalReason {
  rule: string;
  source: string;
  met: boolean | 'pending-vote';
  vi: string;
  en: string;
}

/**
 * Where a proposal stands: made, before the council's vote (`in-vote`), then awarded by the decision that followed
 * the vote, or not.
 */
export const PROPOSAL_STATUSES = ['proposed', 'in-vote', 'awarded', 'not-awarded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A unit's proposal (đề nghị) of one of its people, or of itself, for a title in a year, with the eligibility found
 * when it was made. An ineligible candidate is proposed only by an administrator's override, whose written reason is
 * kept. One proposal per candidate, title and year (unique): a repeated or concurrent proposal is refused, not doubled.
 */
@Entity()
@Unique({ properties: ['recipientKey', 'titleCode', 'year'] })
@Index({ properties: ['unit', 'year', 'titleCode'] })
@Index({ properties: ['pollId'] })
@Index({ properties: ['campaignId'] })
export class CommendationProposal extends BaseEntity<'person' | 'account' | 'campaignId' | 'overrideReason' | 'overriddenBy' | 'status' | 'pollId' | 'decision'> {
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

  /**
   * The account of the achievement (tóm tắt thành tích) the proposal rests on: required for a commendation form given
   * for an ad hoc or thematic achievement, optional for a title.
   */
  @Property({ type: 'text', nullable: true })
  account: string | null = null;

  /** The campaign whose propose task made it (null for a proposal made directly); its review votes on these. */
  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;

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

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  status: ProposalStatus = 'proposed';

  /** The council's poll that judged it (bình xét). */
  @Property({ type: 'uuid', nullable: true })
  pollId: string | null = null;

  /** The decision that followed the vote, whether it awarded the title or not. */
  @ManyToOne(() => CommendationDecision, { nullable: true, deleteRule: 'restrict' })
  decision: CommendationDecision | null = null;
}
