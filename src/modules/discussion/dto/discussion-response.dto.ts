import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonRefDto } from '../../../common/versioning/versioned-document.dto';
import { TextDto } from '../../documents/dto/document-response.dto';
import { UnitRefDto } from '../../org/dto/unit.dto';
import type { Mandate } from '../../org/entities/mandate.entity';
import type { Person } from '../../org/entities/person.entity';
import type { Unit } from '../../org/entities/unit.entity';
import type { DiscussionCommentRevision } from '../entities/discussion-comment-revision.entity';
import type { DiscussionComment, Mention } from '../entities/discussion-comment.entity';
import type { DiscussionNotice } from '../entities/discussion-notice.entity';
import type { DiscussionThread } from '../entities/discussion-thread.entity';

/** Who acted, and for which unit under which mandate; `unit` is null when the person spoke only for themselves. */
export class ActorDto {
  @ApiProperty({ type: PersonRefDto }) person!: PersonRefDto;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit!: UnitRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) mandateId!: string | null;

  /** Needs the person and unit loaded. */
  static from(person: Person, unit: Unit | null, mandate: Mandate | null): ActorDto {
    return { person: PersonRefDto.from(person), unit: unit ? UnitRefDto.from(unit) : null, mandateId: mandate?.id ?? null };
  }
}

export class MentionDto {
  @ApiProperty({ enum: ['unit', 'person'] }) kind!: 'unit' | 'person';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VKS-QBI', description: 'The unit code or username' }) code!: string;

  static from(mention: Mention): MentionDto {
    return { kind: mention.kind, id: mention.id, code: mention.code };
  }
}

export class CommentDto {
  @ApiProperty() id!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The top-level comment this one answers' }) parentId!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: ActorDto }) author!: ActorDto;
  @ApiProperty({ type: [MentionDto] }) mentions!: MentionDto[];
  @ApiProperty({ type: Date, nullable: true }) editedAt!: Date | null;
  @ApiProperty({ description: 'How many earlier bodies are kept' }) revisionCount!: number;
  @ApiProperty() createdAt!: Date;

  /** Needs `author`, `unit` loaded. */
  static from(comment: DiscussionComment): CommentDto {
    return {
      id: comment.id,
      threadId: comment.thread.id,
      parentId: comment.parent?.id ?? null,
      body: comment.body,
      author: ActorDto.from(comment.author, comment.unit, comment.mandate),
      mentions: comment.mentions.map(MentionDto.from),
      editedAt: comment.editedAt,
      revisionCount: comment.version - 1,
      createdAt: comment.createdAt,
    };
  }
}

export class CommentRevisionDto {
  @ApiProperty({ description: '1: the body as first written' }) number!: number;
  @ApiProperty() body!: string;
  @ApiProperty() writtenAt!: Date;

  static from(revision: DiscussionCommentRevision): CommentRevisionDto {
    return { number: revision.number, body: revision.body, writtenAt: revision.writtenAt };
  }
}

/** A comment with every earlier body, oldest first. */
export class CommentDetailDto extends CommentDto {
  @ApiProperty({ type: [CommentRevisionDto] }) revisions!: CommentRevisionDto[];
}

export class ThreadDto {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty({ example: 1 }) versionNumber!: number;
  @ApiProperty({ type: String, nullable: true, example: 'c-2', description: 'null: the whole document' }) clauseId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ type: ActorDto }) openedBy!: ActorDto;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt!: Date | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) resolvedBy!: PersonRefDto | null;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ type: Date, nullable: true }) lastCommentAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  /** Needs `createdBy`, `unit`, `resolvedBy` loaded. */
  static from(thread: DiscussionThread, comments: { count: number; last: Date | null }): ThreadDto {
    return {
      id: thread.id,
      documentId: thread.document.id,
      versionNumber: thread.versionNumber,
      clauseId: thread.clauseId,
      title: thread.title,
      status: thread.status,
      openedBy: ActorDto.from(thread.createdBy, thread.unit, thread.mandate),
      resolvedAt: thread.resolvedAt,
      resolvedBy: thread.resolvedBy ? PersonRefDto.from(thread.resolvedBy) : null,
      commentCount: comments.count,
      lastCommentAt: comments.last,
      createdAt: thread.createdAt,
    };
  }
}

/** A thread with its comments, oldest first (replies carry `parentId`). */
export class ThreadDetailDto extends ThreadDto {
  @ApiProperty({ type: [CommentDto] }) comments!: CommentDto[];
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadDto] }) items!: ThreadDto[];
  @ApiProperty() total!: number;
}

export class NoticeDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: UnitRefDto, description: 'Set when a unit was mentioned' }) recipientUnit?: UnitRefDto;
  @ApiPropertyOptional({ type: PersonRefDto, description: 'Set when a person was mentioned' }) recipientPerson?: PersonRefDto;
  @ApiProperty() documentId!: string;
  @ApiProperty() threadId!: string;
  @ApiProperty() commentId!: string;
  @ApiProperty({ type: TextDto }) message!: TextDto;
  @ApiProperty({ type: Date, nullable: true }) readAt!: Date | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) readBy!: PersonRefDto | null;
  @ApiProperty() createdAt!: Date;

  /** Needs `recipientUnit`, `recipientPerson`, `thread`, `readBy` loaded. */
  static from(notice: DiscussionNotice): NoticeDto {
    return {
      id: notice.id,
      ...(notice.recipientUnit && { recipientUnit: UnitRefDto.from(notice.recipientUnit) }),
      ...(notice.recipientPerson && { recipientPerson: PersonRefDto.from(notice.recipientPerson) }),
      documentId: notice.thread.document.id,
      threadId: notice.thread.id,
      commentId: notice.comment.id,
      message: { vi: notice.message.vi, en: notice.message.en },
      readAt: notice.readAt,
      readBy: notice.readBy ? PersonRefDto.from(notice.readBy) : null,
      createdAt: notice.createdAt,
    };
  }
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeDto] }) items!: NoticeDto[];
  @ApiProperty() total!: number;
}
