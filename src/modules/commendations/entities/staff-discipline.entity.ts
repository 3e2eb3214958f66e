import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Person } from '../../org/entities/person.entity';
import type { DisciplineLevel } from '../rules/rule-pack';

/** A disciplinary measure (kỷ luật); it counts against the year of the violation, whatever the decision's date. */
@Entity()
@Index({ properties: ['person'] })
export class StaffDiscipline extends BaseEntity<'decisionDate' | 'decisionNumber'> {
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  person!: Person;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 24 })
  level!: DisciplineLevel;

  /** YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 })
  violationDate!: string;

  /** YYYY-MM-DD. */
  @Property({ type: 'string', length: 10, nullable: true })
  decisionDate: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  decisionNumber: string | null = null;
}
