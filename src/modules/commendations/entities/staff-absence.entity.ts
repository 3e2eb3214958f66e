import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';

/** A period a person was away from work (nghỉ việc), both days inclusive; long absences bar individual titles. */
@Entity()
@Index({ properties: ['person'] })
export class StaffAbsence extends BaseEntity<'note'> {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  /** YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  fromDate!: string;

  /** YYYY-MM-DD, inclusive. */
  @Property({ type: 'string', length: 10 })
  toDate!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  note: string | null = null;
}
