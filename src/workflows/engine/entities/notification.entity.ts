import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Text } from '../../../common/i18n/language';
import { Person } from '../../../modules/org/entities/person.entity';
import { Unit } from '../../../modules/org/entities/unit.entity';
import { Campaign } from './campaign.entity';
import { Task } from './task.entity';

/** An in-app notice (reminder, deadline passed…) for a unit's people or a person. */
@Entity()
@Index({ properties: ['unit', 'readAt'] })
@Index({ properties: ['person', 'readAt'] })
export class Notification extends BaseEntity<'unit' | 'person' | 'task' | 'readAt'> {
  /** Makes a redelivered reminder job a no-op. */
  @Property({ type: 'string', length: 200 })
  @Unique()
  dedupeKey!: string;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  @ManyToOne(() => Campaign, { deleteRule: 'cascade' })
  campaign!: Campaign;

  @ManyToOne(() => Task, { nullable: true, deleteRule: 'cascade' })
  task: Task | null = null;

  @Property({ type: 'string', length: 32 })
  kind!: 'reminder' | 'deadline' | 'escalation' | 'returned' | 'discussion' | 'amendment' | 'vote' | 'result';

  @Property({ type: JsonType })
  message!: Text;

  @Property({ type: DateTimeType, nullable: true })
  readAt: Date | null = null;
}
