import { DateTimeType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event sent to one endpoint, written in the transaction of the command that caused the event: exactly one per
 * (endpoint, event) by the unique key. A worker sends it, retrying with backoff; the row is the delivery log.
 */
@Entity()
@Unique({ properties: ['endpoint', 'eventId'] })
@Index({ properties: ['endpoint', 'createdAt'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class WebhookDelivery extends BaseEntity<
  'status' | 'attempts' | 'generation' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'deliveredAt' | 'nextAttemptAt' | 'leaseUntil' | 'body'
> {
  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  /** The webhook event type (`campaign.launched`, `vote.decided`…). */
  @Property({ type: 'string', length: 64 })
  eventType!: string;

  /** The campaign history event it reports (campaign_event.id). */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  campaignId!: string;

  /** For the log: people read names. */
  @Property({ type: 'string', length: 255 })
  campaignName!: string;

  @Property({ type: 'string', length: 16 })
  status: WebhookDeliveryStatus = 'pending';

  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Bumped by each redelivery, so its job id differs from the finished one's. */
  @Property({ type: 'integer' })
  generation: number = 1;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  deliveredAt: Date | null = null;

  /** When the next attempt is due (the sweep re-enqueues a pending delivery whose job was lost). */
  @Property({ type: DateTimeType, nullable: true })
  nextAttemptAt: Date | null = null;

  /** A worker holds the delivery while it sends, so that a job run twice does not send twice at once. */
  @Property({ type: DateTimeType, nullable: true })
  leaseUntil: Date | null = null;

  /** The exact JSON sent, fixed at the first attempt so that every retry sends (and signs) the same bytes. */
  @Property({ type: 'text', nullable: true })
  body: string | null = null;
}
