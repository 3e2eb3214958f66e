import { Module } from '@nestjs/common';
import { PageNavigation } from '../../modules/web/page-navigation';
import { WebModule } from '../../modules/web/web.module';
import { WebhooksModule } from '../../modules/webhooks/webhooks.module';
import { WorkflowEngineModule } from '../engine/workflow-engine.module';
import { WorkflowPageShell } from '../web/workflow-page-shell.service';
import { WebhookRedeliveries } from './webhook-redeliveries.service';
import { WebhooksController } from './webhooks.controller';
import { WebhookPagesController } from './web/webhook-pages.controller';
import { WEBHOOK_WEB_TEXTS } from './web/webhook-web-texts';

/** The HTTP side of webhooks: the API under /api/v1/webhooks and the page /admin/webhooks. */
@Module({
  imports: [WorkflowEngineModule, WebhooksModule, WebModule],
  controllers: [WebhooksController, WebhookPagesController],
  providers: [WorkflowPageShell, WebhookRedeliveries],
})
export class WebhooksApiModule {
  constructor(navigation: PageNavigation) {
    navigation.add({ href: '/admin/webhooks', label: WEBHOOK_WEB_TEXTS.navWebhooks, roles: ['admin'] });
  }
}
