import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { TaskResult } from '../rules/rule-pack';

/**
 * A person's year on the staff of a unit (biên chế) and how they did (mức độ hoàn thành nhiệm vụ): a unit's members
 * and headcount in a year, and a person's task results, as eligibility reads them. One row per person and year.
 */
@Entity()
@Unique({ properties: ['person', 'year'] })
@Index({ properties: ['unit', 'year'] })
export class StaffYear extends BaseEntity<'taskResult'> {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Property({ type: 'integer' })
  year!: number;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16, nullable: true })
  taskResult: TaskResult | null = null;
}
