import { DateTimeType, Entity, Index, JsonType, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import type { Text } from '../../../common/i18n/language';
import { Person } from '../../org/entities/person.entity';
import { Unit } from '../../org/entities/unit.entity';
import { DiscussionComment } from './discussion-comment.entity';
import { DiscussionThread } from './discussion-thread.entity';

/**
 * "You were mentioned": one row per mentioned unit or person and comment. The module keeps its own notices
 * rather than the engine's Notification, because modules never depend on the workflow engine.
 */
@Entity()
@Index({ properties: ['recipientUnit', 'readAt'] })
@Index({ properties: ['recipientPerson', 'readAt'] })
export class DiscussionNotice extends BaseEntity<'recipientUnit' | 'recipientPerson' | 'readAt' | 'readBy'> {
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  recipientUnit: Unit | null = null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  recipientPerson: Person | null = null;

  @ManyToOne(() => DiscussionThread, { deleteRule: 'restrict' })
  thread!: DiscussionThread;

  @ManyToOne(() => DiscussionComment, { deleteRule: 'restrict' })
  comment!: DiscussionComment;

  @Property({ type: JsonType })
  message!: Text;

  @Property({ type: DateTimeType, nullable: true })
  readAt: Date | null = null;

  /** For a unit's notice: which of its people read it. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  readBy: Person | null = null;
}
