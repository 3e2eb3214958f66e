import { DateTimeType, Entity, Index, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import type { Decision, VotingOutcome } from '../rules/tally';
import type { VotingRule } from '../rules/voting-rule';

export const POLL_SUBJECT_KINDS = ['document-version', 'amendment', 'candidates', 'initiative'] as const;
export type PollSubjectKind = (typeof POLL_SUBJECT_KINDS)[number];

export const ELECTORATE_KINDS = ['units', 'people'] as const;
export type ElectorateKind = (typeof ELECTORATE_KINDS)[number];

export const CLOSE_REASONS = ['deadline', 'all-voted', 'manual', 'stage-closed'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type PollStatus = 'open' | 'closed';

/** One entry of a candidate list (bình xét, suy tôn): a unit, a person or a title proposal. */
export interface PollCandidate {
  id: string;
  label: string;
}

/** The decision for one candidate: its approvals judged by the poll's rule as if it were a motion. */
export interface CandidateDecision extends PollCandidate {
  decision: Decision;
}

/**
 * A poll (cuộc biểu quyết) on exactly one subject, bound by its hash: a document version, an amendment or a
 * candidate list. Campaign is a plain id: modules do not depend on the workflow engine's entities.
 *
 * Every write takes the row first (`version = version + 1 where status = 'open'`), so casts and the close of
 * one poll are serialised by the database and a cast can never slip in after the tally.
 */
@Entity()
@Index({ properties: ['status', 'closesAt'] })
@Index({ properties: ['campaignId'] })
@Unique({ properties: ['key'] })
export class Poll extends BaseEntity<
  'chairUnitId' | 'status' | 'closesAt' | 'closedAt' | 'closeReason' | 'outcome' | 'decision' | 'candidateDecisions' | 'key' | 'campaignId' | 'candidates' | 'ballotSequence' | 'version'
> {
  @Property({ type: 'string', length: 32 })
  subjectKind!: PollSubjectKind;

  /** The document version, amendment, candidate list or initiative application voted on. */
  @Property({ type: 'string', length: 255 })
  subjectId!: string;

  /** The subject's content hash when the poll opened: ballots count for this text only. */
  @Property({ type: 'string', length: 128 })
  subjectHash!: string;

  @Property({ type: 'string', length: 500 })
  subjectLabel!: string;

  @Property({ type: 'string', length: 16 })
  electorateKind!: ElectorateKind;

  /** Unit ids (kind `units`) or person ids (kind `people`), unique, in the order given. */
  @Property({ type: JsonType })
  electorate!: string[];

  /** The chair's unit (the cluster head): its ballot breaks a tie under `chair-decides`. */
  @Property({ type: 'uuid', nullable: true })
  chairUnitId: string | null = null;

  /** The parsed rule (`parseVotingRule`), fixed for the life of the poll. */
  @Property({ type: JsonType })
  rule!: VotingRule;

  /** For a candidate poll: the candidates, in the order shown. */
  @Property({ type: JsonType, nullable: true })
  candidates: PollCandidate[] | null = null;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  status: PollStatus = 'open';

  @Property({ type: DateTimeType })
  opensAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  closesAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  closeReason: CloseReason | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  outcome: VotingOutcome | null = null;

  /** The Decision of `decide` (motion polls), stored at close with every number behind it. */
  @Property({ type: JsonType, nullable: true })
  decision: Decision | null = null;

  /** One Decision per candidate (candidate polls), stored at close. */
  @Property({ type: JsonType, nullable: true })
  candidateDecisions: CandidateDecision[] | null = null;

  /** Idempotency key of the opener (e.g. `stage-run:<id>`): opening twice returns this poll. */
  @Property({ type: 'string', length: 255, nullable: true })
  key: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;

  /** Sequence of the last ballot cast (online or recorded at a meeting); each cast takes the next. */
  @Property({ type: 'integer' })
  ballotSequence: number = 0;

  /** Optimistic lock: bumped by every cast, confirmation and the close, in the statement that takes the row. */
  @Property({ type: 'integer' })
  version: number = 1;
}
