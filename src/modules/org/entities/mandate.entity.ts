import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from './person.entity';
import { Unit } from './unit.entity';

export const MANDATE_ROLES = ['head', 'deputy', 'officer'] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];

/** Person P may act for unit U in a role between two dates (ủy quyền). */
@Entity()
@Index({ properties: ['person', 'unit'] })
export class Mandate extends BaseEntity<'validTo'> {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  role!: MandateRole;

  /** First day the mandate is valid (inclusive), as YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  /** Last day the mandate is valid (inclusive); null means open-ended. */
  @Property({ type: 'string', length: 10, nullable: true })
  validTo: string | null = null;
}
