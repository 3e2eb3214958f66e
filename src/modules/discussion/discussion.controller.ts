import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../auth/principal.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { speakingFor } from './acting-unit';
import { DiscussionService } from './discussion.service';
import { CreateCommentDto, CreateThreadDto, DocumentIdParam, EditCommentDto, IdParam, ThreadListQueryDto, UpdateThreadDto } from './dto/discussion-request.dto';
import { CommentDetailDto, CommentDto, ThreadDetailDto, ThreadPageDto } from './dto/discussion-response.dto';

const ACTING_UNIT = {
  name: 'X-Acting-Unit',
  required: false,
  description: 'Unit id or code the caller speaks for (needs a valid mandate); absent: their only unit, or themselves alone',
};

/**
 * Discussion of documents: any signed-in person reads; people speak for a unit they hold a mandate for
 * (X-Acting-Unit), and every thread and comment records who wrote it for which unit.
 */
@ApiTags('discussion')
@ApiBearerAuth()
@Controller('api/v1')
export class DiscussionController {
  constructor(
    private readonly discussion: DiscussionService,
    private readonly principals: PrincipalService,
  ) {}

  /** Threads of a document, newest first; filter by version, clause (`document` for the whole document) or status. */
  @Get('documents/:documentId/threads')
  @ApiOkResponse({ type: ThreadPageDto })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  list(@Param() { documentId }: DocumentIdParam, @Query() query: ThreadListQueryDto): Promise<ThreadPageDto> {
    return this.discussion.listThreads(documentId, query);
  }

  /** A thread on the latest version (a clause of it, or the whole document) with its first comment. */
  @Post('documents/:documentId/threads')
  @Idempotent()
  @ApiHeader(ACTING_UNIT)
  @ApiCreatedResponse({ type: ThreadDetailDto })
  @ApiConflictResponse({ description: 'DISCUSSION_VERSION_STALE' })
  @ApiUnprocessableEntityResponse({ description: 'DISCUSSION_CLAUSE_NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'NOT_MANDATED' })
  async open(@Param() { documentId }: DocumentIdParam, @Body() body: CreateThreadDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ThreadDetailDto> {
    return this.discussion.openThread(documentId, body, { personId: principal.personId, actingFor: await speakingFor(this.principals, principal.personId, request) });
  }

  /** One discussion thread with its comments. */
  @Get('threads/:id')
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiNotFoundResponse({ description: 'DISCUSSION_THREAD_NOT_FOUND' })
  get(@Param() { id }: IdParam): Promise<ThreadDetailDto> {
    return this.discussion.getThread(id);
  }

  /** Resolves or reopens a thread: its opener, their unit, or an administrator. */
  @Patch('threads/:id')
  @ApiOkResponse({ type: ThreadDetailDto })
  @ApiForbiddenResponse({ description: 'NOT_THREAD_OWNER' })
  async update(@Param() { id }: IdParam, @Body() body: UpdateThreadDto, @CurrentPrincipal() principal: Principal): Promise<ThreadDetailDto> {
    return this.discussion.setThreadStatus(id, body.status, principal, await this.principals.actingForAll(principal.personId));
  }

  /** The comments of a thread, oldest first. */
  @Get('threads/:id/comments')
  @ApiOkResponse({ type: [CommentDto] })
  @ApiNotFoundResponse({ description: 'DISCUSSION_THREAD_NOT_FOUND' })
  async comments(@Param() { id }: IdParam): Promise<CommentDto[]> {
    return (await this.discussion.getThread(id)).comments;
  }

  /** A comment or a reply (`parentId`); `@VKS-QBI` and `@username` notify the unit or person named. */
  @Post('threads/:id/comments')
  @Idempotent()
  @ApiHeader(ACTING_UNIT)
  @ApiCreatedResponse({ type: CommentDto })
  @ApiConflictResponse({ description: 'DISCUSSION_THREAD_RESOLVED' })
  @ApiUnprocessableEntityResponse({ description: 'DISCUSSION_PARENT_INVALID' })
  async comment(@Param() { id }: IdParam, @Body() body: CreateCommentDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CommentDto> {
    return this.discussion.addComment(id, body, { personId: principal.personId, actingFor: await speakingFor(this.principals, principal.personId, request) });
  }

  /** A comment with every earlier body. */
  @Get('comments/:id')
  @ApiOkResponse({ type: CommentDetailDto })
  @ApiNotFoundResponse({ description: 'DISCUSSION_COMMENT_NOT_FOUND' })
  getComment(@Param() { id }: IdParam): Promise<CommentDetailDto> {
    return this.discussion.getComment(id);
  }

  /** A new body, by the author only; the earlier body is kept. */
  @Patch('comments/:id')
  @ApiOkResponse({ type: CommentDetailDto })
  @ApiForbiddenResponse({ description: 'NOT_COMMENT_AUTHOR' })
  @ApiConflictResponse({ description: 'COMMENT_EDITED_CONCURRENTLY' })
  edit(@Param() { id }: IdParam, @Body() body: EditCommentDto, @CurrentPrincipal() principal: Principal): Promise<CommentDetailDto> {
    return this.discussion.editComment(id, body.body, principal.personId, body.expectedRevision);
  }
}
