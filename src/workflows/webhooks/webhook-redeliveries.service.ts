import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryDto } from '../../modules/webhooks/dto/webhook.dto';
import { WebhookDeliveriesService } from '../../modules/webhooks/webhook-deliveries.service';
import { WEBHOOK_DELIVER_JOB, webhookJobId } from '../../modules/webhooks/webhook-jobs';
import { QUEUES } from '../../queue/queue-names';
import { OutboxService } from '../engine/outbox.service';

/** Sends a delivered or failed delivery again, through the outbox like the first time. */
@Injectable()
export class WebhookRedeliveries {
  constructor(
    private readonly em: EntityManager,
    private readonly deliveries: WebhookDeliveriesService,
    private readonly outbox: OutboxService,
  ) {}

  async redeliver(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.em.fork().transactional(async (em) => {
      const { id, generation } = await this.deliveries.prepareRedelivery(em, endpointId, deliveryId);
      this.outbox.add(em, { queue: QUEUES.webhooks, jobName: WEBHOOK_DELIVER_JOB, jobId: webhookJobId(id, generation), payload: { deliveryId: id }, runAt: null });
    });
    this.outbox.kick();
    return this.deliveries.get(deliveryId);
  }
}
