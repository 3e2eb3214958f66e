import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { AmendmentsService } from './amendments.service';
import { DiscussionNoticesService } from './discussion-notices.service';
import { DiscussionService } from './discussion.service';
import { Amendment } from './entities/amendment.entity';
import { DiscussionCommentRevision } from './entities/discussion-comment-revision.entity';
import { DiscussionComment } from './entities/discussion-comment.entity';
import { DiscussionNotice } from './entities/discussion-notice.entity';
import { DiscussionThread } from './entities/discussion-thread.entity';

/**
 * Discussion of documents (threads, comments, mentions) and amendments, without HTTP: the lead's discussion and
 * vote stages import this module (in the API and in the worker) and call AmendmentsService and DiscussionService.
 */
@Module({
  imports: [MikroOrmModule.forFeature([DiscussionThread, DiscussionComment, DiscussionCommentRevision, DiscussionNotice, Amendment]), DocumentsModule],
  providers: [DiscussionService, DiscussionNoticesService, AmendmentsService],
  exports: [DiscussionService, DiscussionNoticesService, AmendmentsService],
})
export class DiscussionModule {}
