import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import type { WebhookDeliveryDto } from './dto/webhook.dto';
import { WebhookDelivery, WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { WebhookSender } from './webhook-sender.service';
import { WEBHOOK_HEADERS, webhookSignature } from './webhook-signature';

/** What one run of a delivery job did; `busy`: another run holds the delivery now, `finished`: nothing left to do. */
export type AttemptOutcome = 'delivered' | 'failed' | 'retry' | 'busy' | 'finished';

/** The payload of a delivery, made once by the workflows layer (it reads the campaign's history and names). */
export type DeliveryBodyBuilder = (delivery: WebhookDelivery) => Promise<{ body: string; campaignName: string }>;

const LOG_LIMIT = 200;

const toDto = (delivery: WebhookDelivery): WebhookDeliveryDto => ({
  id: delivery.id,
  eventType: delivery.eventType,
  campaignId: delivery.campaignId,
  campaignName: delivery.campaignName,
  status: delivery.status,
  attempts: delivery.attempts,
  lastStatusCode: delivery.lastStatusCode,
  lastError: delivery.lastError,
  lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
  nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
  deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  createdAt: delivery.createdAt.toISOString(),
});

/** The delivery log, and one attempt at sending a delivery. */
@Injectable()
export class WebhookDeliveriesService {
  private readonly leaseMs: number;

  constructor(
    private readonly em: EntityManager,
    private readonly sender: WebhookSender,
    config: ConfigService<AppConfig, true>,
  ) {
    this.leaseMs = config.get('webhooks', { infer: true }).timeoutMs + 30_000;
  }

  /** An endpoint's deliveries, newest first. */
  async list(endpointId: string, status?: WebhookDeliveryStatus): Promise<WebhookDeliveryDto[]> {
    const em = this.em.fork();
    if (!(await em.count(WebhookEndpoint, { id: endpointId }))) throw new AppError('WEBHOOK_NOT_FOUND', { id: endpointId });
    const deliveries = await em.find(WebhookDelivery, { endpoint: endpointId, ...(status ? { status } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: LOG_LIMIT });
    return deliveries.map(toDto);
  }

  /**
   * Makes a finished delivery pending again under its next generation, in the caller's transaction (which also writes
   * the new job to the outbox). The same body is sent again, with a fresh signature. Two redeliveries at once: one
   * wins the compare-and-set, the other gets WEBHOOK_DELIVERY_IN_PROGRESS.
   */
  async prepareRedelivery(em: EntityManager, endpointId: string, deliveryId: string): Promise<{ id: string; generation: number }> {
    const delivery = await em.findOne(WebhookDelivery, { id: deliveryId, endpoint: endpointId });
    if (!delivery) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', { id: deliveryId });
    const generation = delivery.generation + 1;
    const changed =
      delivery.status !== 'pending' &&
      (await em.nativeUpdate(
        WebhookDelivery,
        { id: deliveryId, status: { $ne: 'pending' }, generation: delivery.generation },
        { status: 'pending', generation, leaseUntil: null, nextAttemptAt: new Date() },
      ));
    if (!changed) throw new AppError('WEBHOOK_DELIVERY_IN_PROGRESS');
    return { id: deliveryId, generation };
  }

  /**
   * Pending deliveries whose attempt is overdue by more than `graceMs` and that no run holds: their job may have been
   * lost (Redis lost its data after the relay, or a job ran out of attempts while another run held the delivery).
   */
  async overdue(graceMs: number, limit = 100): Promise<Array<{ id: string; generation: number }>> {
    const now = new Date();
    const rows = await this.em.fork().find(
      WebhookDelivery,
      { status: 'pending', nextAttemptAt: { $lt: new Date(now.getTime() - graceMs) }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { fields: ['id', 'generation'], orderBy: { nextAttemptAt: 'asc' }, limit },
    );
    return rows.map((row) => ({ id: row.id, generation: row.generation }));
  }

  async get(deliveryId: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.em.fork().findOne(WebhookDelivery, deliveryId);
    if (!delivery) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND', { id: deliveryId });
    return toDto(delivery);
  }

  /**
   * One attempt. The delivery is first leased by a compare-and-set, so that a job run twice at once sends once (the
   * other run is told `busy`); a delivered or failed one is left alone. `final`: no retry follows (the job's last
   * attempt); `retryInMs`: when the next one will be, for the log.
   */
  async attempt(deliveryId: string, options: { final: boolean; retryInMs: number; build: DeliveryBodyBuilder }): Promise<AttemptOutcome> {
    const em = this.em.fork();
    const now = new Date();
    const claimed = await em.nativeUpdate(
      WebhookDelivery,
      { id: deliveryId, status: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { leaseUntil: new Date(now.getTime() + this.leaseMs) },
    );
    if (!claimed) return (await em.count(WebhookDelivery, { id: deliveryId, status: 'pending' })) ? 'busy' : 'finished';
    const delivery = await em.findOneOrFail(WebhookDelivery, deliveryId, { populate: ['endpoint'] });
    const endpoint = delivery.endpoint;
    if (!delivery.body) {
      try {
        const built = await options.build(delivery);
        delivery.body = built.body;
        delivery.campaignName ||= built.campaignName;
      } catch (error) {
        // Logged and released, so that the job's retry may take it at once; failed when no retry follows.
        const lastError = `payload: ${String((error as Error).message ?? error).slice(0, 500)}`;
        await em.nativeUpdate(WebhookDelivery, { id: deliveryId }, { leaseUntil: null, lastError, ...(options.final ? { status: 'failed' as const, nextAttemptAt: null } : {}) });
        throw error;
      }
    }
    const response = endpoint.enabled
      ? await this.sender.send({
          url: endpoint.url,
          body: delivery.body,
          headers: {
            [WEBHOOK_HEADERS.event]: delivery.eventType,
            [WEBHOOK_HEADERS.delivery]: delivery.id,
            [WEBHOOK_HEADERS.signature]: webhookSignature(endpoint.secret, delivery.body, Math.floor(Date.now() / 1000)),
          },
        })
      : { error: 'endpoint disabled' };
    const done = new Date();
    delivery.attempts += 1;
    delivery.lastAttemptAt = done;
    delivery.lastStatusCode = 'statusCode' in response ? response.statusCode : null;
    const ok = 'statusCode' in response && response.statusCode >= 200 && response.statusCode < 300;
    delivery.lastError = ok ? null : 'error' in response ? response.error : `HTTP ${response.statusCode}`;
    delivery.leaseUntil = null;
    let outcome: AttemptOutcome;
    if (ok) {
      delivery.status = 'delivered';
      delivery.deliveredAt = done;
      delivery.nextAttemptAt = null;
      outcome = 'delivered';
    } else if (options.final || !endpoint.enabled) {
      delivery.status = 'failed';
      delivery.nextAttemptAt = null;
      outcome = 'failed';
    } else {
      delivery.nextAttemptAt = new Date(done.getTime() + options.retryInMs);
      outcome = 'retry';
    }
    await em.flush();
    return outcome;
  }
}
