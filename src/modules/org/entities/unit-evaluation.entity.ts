import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Unit } from './unit.entity';

/** Whether a unit was evaluated and graded (đánh giá, xếp loại) in a year; decides who may lead a cluster next year. */
@Entity()
@Unique({ properties: ['unit', 'year'] })
export class UnitEvaluation extends BaseEntity<'taskResult'> {
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'boolean' })
  evaluated!: boolean;

  /**
   * The unit's task result that year (mức độ hoàn thành nhiệm vụ: not-completed, completed, good, excellent), which
   * collective titles ask for; null when not recorded. A plain string: the commendation rules own the values.
   */
  @Property({ type: 'string', length: 16, nullable: true })
  taskResult: string | null = null;
}
