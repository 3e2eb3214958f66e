import { EntityManager, wrap } from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { WebhookDelivery } from '../../modules/webhooks/entities/webhook-delivery.entity';
import { WebhookEndpoint } from '../../modules/webhooks/entities/webhook-endpoint.entity';
import { WebhookEndpointsService } from '../../modules/webhooks/webhook-endpoints.service';
import type { WebhookEventType } from '../../modules/webhooks/webhook-events';
import { WEBHOOK_DELIVER_JOB, webhookJobId } from '../../modules/webhooks/webhook-jobs';
import { QUEUES } from '../../queue/queue-names';
import { CampaignHistoryService } from '../engine/campaign-history.service';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';
import { Campaign } from '../engine/entities/campaign.entity';
import { OutboxService } from '../engine/outbox.service';

/** Which history events are sent, as which webhook event: a vote stage's poll closing is the vote's decision. */
export const WEBHOOK_EVENT_OF_HISTORY: Readonly<Record<string, WebhookEventType>> = {
  'campaign.launched': 'campaign.launched',
  'stage.completed': 'stage.completed',
  'poll.closed': 'vote.decided',
  'pact.in-force': 'pact.in-force',
  'decision.recorded': 'decision.recorded',
  'campaign.completed': 'campaign.completed',
  'campaign.cancelled': 'campaign.cancelled',
};

/**
 * Turns campaign events into deliveries, in the transaction that appends the event: a rolled-back command sends
 * nothing, a committed one cannot lose its deliveries. One delivery per (endpoint, event) (a unique key), and its
 * job through the outbox, relayed to the `webhooks` queue after the commit. An event no endpoint wants costs no query
 * (the endpoints are a cached list).
 */
@Injectable()
export class WebhookEventsListener implements OnModuleInit {
  constructor(
    private readonly history: CampaignHistoryService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.history.onAppend(Object.keys(WEBHOOK_EVENT_OF_HISTORY), (em, campaign, event) => this.record(em, campaign, event), (type) => this.endpoints.mayWant(WEBHOOK_EVENT_OF_HISTORY[type]));
  }

  async record(em: EntityManager, campaign: Campaign, event: CampaignEvent): Promise<void> {
    const eventType = WEBHOOK_EVENT_OF_HISTORY[event.type];
    if (!eventType) return;
    const endpoints = await this.endpoints.subscribedTo(em, eventType);
    // A campaign passed as a bare reference (a signature's) has no name loaded: the sender fills it in.
    const campaignName = wrap(campaign).isInitialized() ? campaign.name : '';
    for (const endpoint of endpoints) {
      const delivery = em.create(WebhookDelivery, {
        endpoint: em.getReference(WebhookEndpoint, endpoint.id),
        eventType,
        eventId: event.id,
        campaignId: campaign.id,
        campaignName,
        nextAttemptAt: event.occurredAt,
      });
      this.outbox.add(em, { queue: QUEUES.webhooks, jobName: WEBHOOK_DELIVER_JOB, jobId: webhookJobId(delivery.id, delivery.generation), payload: { deliveryId: delivery.id }, runAt: null });
    }
  }
}
