import { BeforeUpdate, DateTimeType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { DiscussionComment } from './discussion-comment.entity';

/** An earlier body of an edited comment, append-only: number 1 is the body as first written. */
@Entity()
@Unique({ properties: ['comment', 'number'] })
export class DiscussionCommentRevision extends BaseEntity {
  @ManyToOne(() => DiscussionComment, { deleteRule: 'restrict' })
  comment!: DiscussionComment;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'text' })
  body!: string;

  /** When this body was written (the comment's creation or an earlier edit). */
  @Property({ type: DateTimeType })
  writtenAt!: Date;

  @BeforeUpdate()
  refuseUpdate(): never {
    throw new Error(`DiscussionCommentRevision ${this.id} is append-only`);
  }
}
