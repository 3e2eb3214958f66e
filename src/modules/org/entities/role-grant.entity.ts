import { DateTimeType, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from './person.entity';
import { Unit } from './unit.entity';

export const GRANTED_ROLES = ['admin', 'council-member', 'secretary'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

/** A role given to a person, optionally within a unit (e.g. a council member of the Supreme Procuracy's council). */
@Entity()
@Index({ properties: ['person', 'role'] })
export class RoleGrant extends BaseEntity<'scopeUnit' | 'revokedAt' | 'grantedBy'> {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 32 })
  role!: GrantedRole;

  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  scopeUnit: Unit | null = null;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;

  /** The administrator who granted it; null for grants made before this was recorded, by the demo data or by set-up. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  grantedBy: Person | null = null;
}
