import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Unit } from './unit.entity';

/** Whether a unit was evaluated and graded (đánh giá, xếp loại) in a year; decides who may lead a cluster next year. */
@Entity()
@Unique({ properties: ['unit', 'year'] })
export class UnitEvaluation extends BaseEntity {
  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'boolean' })
  evaluated!: boolean;
}
