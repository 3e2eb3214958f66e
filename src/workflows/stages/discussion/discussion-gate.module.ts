import { Global, Module } from '@nestjs/common';
import { DISCUSSION_GATE } from '../../../modules/discussion/discussion-gate';
import { CampaignDiscussionGate } from './campaign-discussion-gate';

/**
 * Provides the discussion module's gate to the whole application (every role imports it): global, because the
 * discussion module sits below the workflows and must not import them.
 */
@Global()
@Module({
  providers: [{ provide: DISCUSSION_GATE, useClass: CampaignDiscussionGate }],
  exports: [DISCUSSION_GATE],
})
export class DiscussionGateModule {}
