import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AmendmentsController } from './amendments.controller';
import { DiscussionNoticesController } from './discussion-notices.controller';
import { DiscussionController } from './discussion.controller';
import { DiscussionModule } from './discussion.module';

/** The discussion, amendment and notice APIs; kept apart from DiscussionModule so that the worker can import that without HTTP. */
@Module({
  imports: [DiscussionModule, AuthModule, IdempotencyModule],
  controllers: [DiscussionController, AmendmentsController, DiscussionNoticesController],
  exports: [DiscussionModule],
})
export class DiscussionApiModule {}
