import { DateTimeType, Collection, Entity, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Unit } from './unit.entity';

/** An emulation cluster or bloc (cụm / khối thi đua) for one year. */
@Entity()
@Unique({ properties: ['name', 'year'] })
export class Cluster extends BaseEntity<'headUnit' | 'deputyUnit' | 'archivedAt'> {
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'integer' })
  year!: number;

  @ManyToMany({ entity: () => Unit, pivotTable: 'cluster_member', owner: true })
  members = new Collection<Unit>(this);

  /** Cụm trưởng. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  headUnit: Unit | null = null;

  /** Cụm phó. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  deputyUnit: Unit | null = null;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
