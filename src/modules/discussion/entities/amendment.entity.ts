import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Document } from '../../documents/entities/document.entity';
import { Mandate } from '../../org/entities/mandate.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';

export const AMENDMENT_KINDS = ['replace', 'insert', 'delete'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export const AMENDMENT_STATUSES = ['proposed', 'accepted', 'rejected', 'withdrawn', 'merged'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/**
 * An amendment (đề xuất sửa đổi) a member unit proposes to one clause of a version: replace its text, insert a
 * clause after it (or at the start), or delete it. It is decided (by the lead's vote, `pollId`), then merged into
 * the next version, whose changelog names it by its id. Rejected and withdrawn amendments stay on record.
 */
@Entity()
@Index({ properties: ['document', 'status'] })
@Unique({ properties: ['document', 'number'] })
export class Amendment extends BaseEntity<
  'clauseId' | 'heading' | 'text' | 'status' | 'decidedAt' | 'decidedBy' | 'decisionNote' | 'pollId' | 'mergedIntoVersion' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawnMandate'
> {
  @ManyToOne(() => Document, { deleteRule: 'restrict' })
  document!: Document;

  /**
   * 1, 2, 3… per document in the order proposed: the order accepted amendments are merged in (timestamps can tie),
   * and how people refer to them ("đề xuất số 2"). The unique constraint settles two proposals racing for a number.
   */
  @Property({ type: 'integer' })
  number!: number;

  /** The version proposed against; it was the latest when proposed. */
  @Property({ type: 'integer' })
  baseVersion!: number;

  @ManyToOne(() => Unit, { deleteRule: 'restrict' })
  unit!: Unit;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  proposedBy!: Person;

  @ManyToOne(() => Mandate, { deleteRule: 'restrict' })
  mandate!: Mandate;

  // Plain string columns: SQLite enum checks defeat migration:check; the values are validated at the edges.
  @Property({ type: 'string', length: 16 })
  kind!: AmendmentKind;

  /** The clause replaced or deleted; for an insert, the clause it follows (null: at the start). */
  @Property({ type: 'string', length: 64, nullable: true })
  clauseId: string | null = null;

  /** replace: the new heading ('' removes it, null keeps it); insert: the new clause's heading. */
  @Property({ type: 'string', length: 500, nullable: true })
  heading: string | null = null;

  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Property({ type: 'text' })
  justification!: string;

  @Property({ type: 'string', length: 16 })
  status: AmendmentStatus = 'proposed';

  @Property({ type: DateTimeType, nullable: true })
  decidedAt: Date | null = null;

  /** Who recorded the decision (an administrator); null when the lead's vote stage decided. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  decidedBy: Person | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  /** The poll that decided it (voting module); a plain id, so this module does not depend on voting. */
  @Property({ type: 'uuid', nullable: true })
  pollId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  mergedIntoVersion: number | null = null;

  @Property({ type: DateTimeType, nullable: true })
  withdrawnAt: Date | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  withdrawnBy: Person | null = null;

  @ManyToOne(() => Mandate, { nullable: true, deleteRule: 'restrict' })
  withdrawnMandate: Mandate | null = null;
}
