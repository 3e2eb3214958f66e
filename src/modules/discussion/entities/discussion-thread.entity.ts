import { DateTimeType, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Document } from '../../documents/entities/document.entity';
import { Mandate } from '../../org/entities/mandate.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/**
 * A discussion thread (chủ đề thảo luận) on one version of a document, on one clause or on the whole document.
 * The clause is its stable id, so the thread follows the clause through renumbering; a thread on an old version
 * stays readable. Who opened it, and for which unit under which mandate, is part of the record.
 */
@Entity()
@Index({ properties: ['document', 'versionNumber', 'clauseId'] })
export class DiscussionThread extends BaseEntity<'clauseId' | 'status' | 'unit' | 'mandate' | 'resolvedAt' | 'resolvedBy'> {
  @ManyToOne(() => Document, { deleteRule: 'restrict' })
  document!: Document;

  @Property({ type: 'integer' })
  versionNumber!: number;

  /** A clause id of that version; null: the whole document. */
  @Property({ type: 'string', length: 64, nullable: true })
  clauseId: string | null = null;

  @Property({ type: 'string', length: 500 })
  title!: string;

  // A plain string column: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  status: ThreadStatus = 'open';

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  createdBy!: Person;

  /** The unit the opener spoke for; null when they spoke only for themselves. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  @ManyToOne(() => Mandate, { nullable: true, deleteRule: 'restrict' })
  mandate: Mandate | null = null;

  @Property({ type: DateTimeType, nullable: true })
  resolvedAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  resolvedBy: Person | null = null;
}
