import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import type { InitiativeScope } from '../rules/rule-pack';

/**
 * An initiative (sáng kiến) of a person or a unit, recognised at a scope (unit < sector < province < national) in a
 * year by a decision; recognised initiatives count towards the titles that ask for one.
 */
@Entity()
@Index({ properties: ['person'] })
@Index({ properties: ['unit'] })
export class Initiative extends BaseEntity<'person' | 'unit' | 'decisionNumber'> {
  @Property({ type: 'string', length: 500 })
  name!: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  person: Person | null = null;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  /** The year it was recognised. */
  @Property({ type: 'integer' })
  year!: number;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  scope!: InitiativeScope;

  @Property({ type: 'string', length: 60, nullable: true })
  decisionNumber: string | null = null;
}
