import { Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WEBHOOK_SWEEP_EVERY_MS } from '../../modules/webhooks/webhook-jobs';
import { WebhooksModule } from '../../modules/webhooks/webhooks.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WebhookPayloads } from './webhook-payloads.service';
import { WebhookSweeper } from './webhook-sweeper.service';
import { WebhooksProcessor } from './webhooks.processor';

/** The worker side of webhooks: the `webhooks` queue's processor, which builds each body once and sends it, and the sweep. */
@Module({
  imports: [WorkflowEngineModule, WebhooksModule],
  providers: [WebhooksProcessor, WebhookPayloads, WebhookSweeper],
})
export class WebhooksWorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhooksWorkerModule.name);
  private refresh?: NodeJS.Timeout;

  constructor(private readonly sweeper: WebhookSweeper) {}

  onApplicationBootstrap(): void {
    this.schedule();
    // A Redis that lost its data loses the scheduler too: upserting again (idempotent) brings it back.
    this.refresh = setInterval(() => this.schedule(), WEBHOOK_SWEEP_EVERY_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** Not awaited: a Redis outage delays the sweep without blocking the worker's start. */
  private schedule(): void {
    this.sweeper.schedule().catch((error: Error) => this.logger.warn({ err: error }, 'Could not schedule webhook.sweep'));
  }
}
