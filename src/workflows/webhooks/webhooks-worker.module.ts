import { Module } from '@nestjs/common';
import { WebhooksModule } from '../../modules/webhooks/webhooks.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WebhookPayloads } from './webhook-payloads.service';
import { WebhooksProcessor } from './webhooks.processor';

/** The worker side of webhooks: the `webhooks` queue's processor, which builds each body once and sends it. */
@Module({
  imports: [WorkflowEngineModule, WebhooksModule],
  providers: [WebhooksProcessor, WebhookPayloads],
})
export class WebhooksWorkerModule {}
