import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { AmendmentsController } from './amendments.controller';
import { AmendmentsService } from './amendments.service';
import { DiscussionNoticesController } from './discussion-notices.controller';
import { DiscussionNoticesService } from './discussion-notices.service';
import { DiscussionController } from './discussion.controller';
import { DiscussionService } from './discussion.service';
import { Amendment } from './entities/amendment.entity';
import { DiscussionCommentRevision } from './entities/discussion-comment-revision.entity';
import { DiscussionComment } from './entities/discussion-comment.entity';
import { DiscussionNotice } from './entities/discussion-notice.entity';
import { DiscussionThread } from './entities/discussion-thread.entity';

/** Discussion of documents (threads, comments, mentions) and amendments; the lead's stages use the exported services. */
@Module({
  imports: [MikroOrmModule.forFeature([DiscussionThread, DiscussionComment, DiscussionCommentRevision, DiscussionNotice, Amendment]), DocumentsModule, AuthModule],
  controllers: [DiscussionController, AmendmentsController, DiscussionNoticesController],
  providers: [DiscussionService, DiscussionNoticesService, AmendmentsService],
  exports: [DiscussionService, DiscussionNoticesService, AmendmentsService],
})
export class DiscussionModule {}
