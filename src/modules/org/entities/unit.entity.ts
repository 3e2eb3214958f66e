import { DateTimeType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/** An organisation (đơn vị) in the hierarchy: Supreme Procuracy → provincial → district. */
@Entity()
export class Unit extends BaseEntity<'parent' | 'shortName' | 'archivedAt'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  shortName: string | null = null;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  parent: Unit | null = null;

  /** Units with history are archived, never deleted. */
  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
