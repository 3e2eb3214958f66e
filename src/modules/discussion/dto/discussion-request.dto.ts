import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { BooleanQuery } from '../../org/dto/dto-helpers';
import { THREAD_STATUSES, ThreadStatus } from '../entities/discussion-thread.entity';
import { MAX_PAGE_OFFSET } from '../../../common/http/pagination';

/** Not only whitespace. */
const SOMETHING = /\S/;

export class DocumentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  documentId!: string;
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class ThreadListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Only the threads on this version' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'c-2', description: "Only the threads on this clause; 'document' for the threads on the whole document" })
  @IsOptional() @IsString() @MaxLength(64)
  clauseId?: string;

  @ApiPropertyOptional({ enum: THREAD_STATUSES })
  @IsOptional() @IsIn(THREAD_STATUSES)
  status?: ThreadStatus;
}

/** A new thread with its first comment, on the latest version of the document. */
export class CreateThreadDto {
  @ApiProperty({ example: 'Chỉ tiêu kiến nghị, kháng nghị tại Điều 2' })
  @IsString() @Matches(SOMETHING, { message: 'title must not be blank' }) @MaxLength(500)
  title!: string;

  @ApiProperty({ description: 'The first comment; @VKS-QBI or @username mention a unit or a person', maxLength: 10000 })
  @IsString() @Matches(SOMETHING, { message: 'body must not be blank' }) @MaxLength(10000)
  body!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'c-2', description: 'A clause of the version; null or absent: the whole document' })
  @IsOptional() @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(64)
  clauseId?: string | null;

  @ApiPropertyOptional({ minimum: 1, description: 'The version discussed; must be the latest (the latest when absent)' })
  @IsOptional() @IsInt() @Min(1)
  versionNumber?: number;
}

export class UpdateThreadDto {
  @ApiProperty({ enum: THREAD_STATUSES })
  @IsIn(THREAD_STATUSES)
  status!: ThreadStatus;
}

export class CreateCommentDto {
  @ApiProperty({ maxLength: 10000, example: 'Thống nhất với ý kiến của @VKS-HTI.' })
  @IsString() @Matches(SOMETHING, { message: 'body must not be blank' }) @MaxLength(10000)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment answered (a reply to a reply answers its top-level comment)' })
  @IsOptional() @IsUUID()
  parentId?: string;
}

export class EditCommentDto {
  @ApiProperty({ maxLength: 10000 })
  @IsString() @Matches(SOMETHING, { message: 'body must not be blank' }) @MaxLength(10000)
  body!: string;

  @ApiPropertyOptional({ minimum: 0, description: "The comment's revisionCount the editor read: if another edit came first, 409 COMMENT_EDITED_CONCURRENTLY rather than overwriting it" })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  expectedRevision?: number;
}

export class NoticeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notices not read yet' })
  @IsOptional() @BooleanQuery() @IsBoolean()
  unread?: boolean;
}
