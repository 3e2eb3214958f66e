import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { Mandate } from '../../org/entities/mandate.entity';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { DiscussionThread } from './discussion-thread.entity';

/** A unit or person named with `@CODE` / `@username` in a comment, checked to exist when the body was written. */
export interface Mention {
  kind: 'unit' | 'person';
  id: string;
  /** The unit code or username as written. */
  code: string;
}

/**
 * One comment (ý kiến) in a thread: who wrote it, and for which unit under which mandate (a unit's
 * representatives speak for the unit). Replies point to a top-level comment. Earlier bodies of an edited
 * comment are kept in DiscussionCommentRevision.
 */
@Entity()
@Index({ properties: ['thread', 'createdAt'] })
export class DiscussionComment extends BaseEntity<'unit' | 'mandate' | 'parent' | 'mentions' | 'editedAt' | 'version'> {
  @ManyToOne(() => DiscussionThread, { deleteRule: 'restrict' })
  thread!: DiscussionThread;

  /** NFC, at most 10,000 characters. */
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  author!: Person;

  /** The unit the author spoke for; null when they spoke only for themselves. */
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  unit: Unit | null = null;

  @ManyToOne(() => Mandate, { nullable: true, deleteRule: 'restrict' })
  mandate: Mandate | null = null;

  /** The top-level comment this one answers; one level of replies. */
  @ManyToOne(() => DiscussionComment, { nullable: true, deleteRule: 'restrict' })
  parent: DiscussionComment | null = null;

  @Property({ type: JsonType })
  mentions: Mention[] = [];

  @Property({ type: DateTimeType, nullable: true })
  editedAt: Date | null = null;

  /** 1 as written, +1 per edit; the optimistic lock of edits, and the number the next revision gets. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
