import { DateTimeType, Entity, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { OfflineMeeting } from './offline-meeting.entity';
import { Poll } from './poll.entity';

/** đồng ý / không đồng ý / phiếu trắng, or the candidates a voter approves (an empty list abstains). */
export type StoredChoice = 'agree' | 'disagree' | 'abstain' | { candidateIds: string[] };

export type OfflineConfirmation = 'pending' | 'confirmed' | 'disputed';

/**
 * The ballot that counts for one voter of a poll: the last one cast. One unit, one ballot is the unique
 * (poll, voterKey) constraint, whichever of the unit's people cast it; every cast is also a BallotRecord.
 */
@Entity()
@Unique({ properties: ['poll', 'voterKey'] })
export class Ballot extends BaseEntity<'mandateId' | 'unitId' | 'offlineMeeting' | 'confirmation' | 'confirmedBy' | 'confirmationComment' | 'confirmedAt'> {
  @ManyToOne(() => Poll, { deleteRule: 'restrict' })
  poll!: Poll;

  /** `unit:<id>` or `person:<id>`: who the ballot counts for. */
  @Property({ type: 'string', length: 64 })
  voterKey!: string;

  @Property({ type: JsonType })
  choice!: StoredChoice;

  /** The person who clicked (or the secretary who recorded a meeting's ballot). */
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  castBy!: Person;

  /** The mandate under which the person acted for the unit. */
  @Property({ type: 'uuid', nullable: true })
  mandateId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  /** The poll-wide sequence of the cast that counts. */
  @Property({ type: 'integer' })
  sequence!: number;

  /** SHA-256 of the canonical JSON of { pollId, subjectHash, voterKey, choice, sequence, castAt }. */
  @Property({ type: 'string', length: 64 })
  receipt!: string;

  @Property({ type: DateTimeType })
  castAt!: Date;

  /** Set when the ballot was recorded at a physical meeting; a later online cast clears it. */
  @ManyToOne(() => OfflineMeeting, { nullable: true, deleteRule: 'restrict' })
  offlineMeeting: OfflineMeeting | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  confirmation: OfflineConfirmation | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  confirmedBy: Person | null = null;

  @Property({ type: 'text', nullable: true })
  confirmationComment: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  confirmedAt: Date | null = null;
}
