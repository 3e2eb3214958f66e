import { BeforeUpdate, DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import type { StoredChoice } from './ballot.entity';
import { OfflineMeeting } from './offline-meeting.entity';
import { Poll } from './poll.entity';

/** Every cast of a poll, superseded ones included, in sequence: the history a receipt can be checked against. */
@Entity()
@Unique({ properties: ['poll', 'sequence'] })
@Index({ properties: ['poll', 'voterKey'] })
export class BallotRecord extends BaseEntity<'mandateId' | 'unitId' | 'offlineMeeting'> {
  @ManyToOne(() => Poll, { deleteRule: 'restrict' })
  poll!: Poll;

  @Property({ type: 'string', length: 64 })
  voterKey!: string;

  @Property({ type: JsonType })
  choice!: StoredChoice;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  castBy!: Person;

  @Property({ type: 'uuid', nullable: true })
  mandateId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  unitId: string | null = null;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 64 })
  receipt!: string;

  @Property({ type: DateTimeType })
  castAt!: Date;

  /** The meeting whose minutes record this ballot; null for a ballot cast online. */
  @ManyToOne(() => OfflineMeeting, { nullable: true, deleteRule: 'restrict' })
  offlineMeeting: OfflineMeeting | null = null;

  /** Append-only: a changed record would break the receipt given to the voter. */
  @BeforeUpdate()
  refuseUpdate(): never {
    throw new Error(`BallotRecord ${this.id} is append-only`);
  }
}
