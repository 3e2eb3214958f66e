import { DateTimeType, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Poll } from './poll.entity';

/** A physical meeting whose ballots a secretary recorded, with its minutes (biên bản). */
@Entity()
export class OfflineMeeting extends BaseEntity {
  @ManyToOne(() => Poll, { deleteRule: 'restrict' })
  poll!: Poll;

  /** The secretary (or administrator) who recorded the ballots. */
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  recordedBy!: Person;

  @Property({ type: 'string', length: 500 })
  title!: string;

  @Property({ type: DateTimeType })
  heldAt!: Date;

  /** The text of the minutes, as signed at the meeting. */
  @Property({ type: 'text' })
  text!: string;

  /** Until when each unit may confirm or dispute the ballot recorded for it. */
  @Property({ type: DateTimeType })
  confirmBy!: Date;
}
