import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../database/base.entity';

/** An administrator's change to the working calendar for one day. */
@Entity()
export class CalendarAmendment extends BaseEntity<'note'> {
  /** YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  @Unique()
  date!: string;

  @Property({ type: 'string', length: 16 })
  kind!: 'day-off' | 'working-day';

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;
}
