import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookSender } from './webhook-sender.service';

/** Webhook endpoints, their delivery log, signing and sending; the workflows layer turns campaign events into deliveries. */
@Module({
  imports: [MikroOrmModule.forFeature([WebhookEndpoint, WebhookDelivery])],
  providers: [WebhookEndpointsService, WebhookDeliveriesService, WebhookSender],
  exports: [WebhookEndpointsService, WebhookDeliveriesService],
})
export class WebhooksModule {}
