import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import type { CreatedWebhookDto, CreateWebhookDto, UpdateWebhookDto, WebhookDto } from './dto/webhook.dto';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from './webhook-events';

/** How long a process trusts its list of enabled endpoints; another process's change shows within this. */
export const ENDPOINT_CACHE_TTL_MS = 5_000;

/** An enabled endpoint as the event listener needs it. */
export interface SubscribedEndpoint {
  id: string;
  events: ReadonlySet<string>;
}

/** An https:// URL without credentials, or the problem. */
export function checkWebhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('WEBHOOK_URL_INVALID', { url: value.slice(0, 200) });
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) throw new AppError('WEBHOOK_URL_INVALID', { url: value.slice(0, 200) });
  return url.toString();
}

export function checkWebhookEvents(events: string[]): string[] {
  const unknown = events.find((event) => !isWebhookEventType(event));
  if (unknown !== undefined) throw new AppError('WEBHOOK_EVENT_UNKNOWN', { event: unknown.slice(0, 64), known: WEBHOOK_EVENT_TYPES.join(', ') });
  return [...new Set(events)];
}

const toDto = (endpoint: WebhookEndpoint): WebhookDto => ({
  id: endpoint.id,
  name: endpoint.name,
  url: endpoint.url,
  events: endpoint.events,
  description: endpoint.description,
  enabled: endpoint.enabled,
  secretHint: `…${endpoint.secret.slice(-4)}`,
  createdAt: endpoint.createdAt.toISOString(),
});

/**
 * Endpoints administrators register (điểm nhận webhook), and the enabled ones as a short-lived in-process list:
 * the engine asks it at every event that may be sent, so most events cost no query (one per TTL and process).
 */
@Injectable()
export class WebhookEndpointsService {
  private cache: { endpoints: SubscribedEndpoint[]; until: number } | undefined;

  constructor(private readonly em: EntityManager) {}

  async list(): Promise<WebhookDto[]> {
    return (await this.em.fork().find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(toDto);
  }

  async get(id: string): Promise<WebhookDto> {
    return toDto(await this.load(this.em.fork(), id));
  }

  /** The secret is made here and answered once; it is never shown again. */
  async create(input: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const em = this.em.fork();
    const endpoint = em.create(WebhookEndpoint, {
      name: input.name.trim(),
      url: checkWebhookUrl(input.url),
      events: checkWebhookEvents(input.events),
      description: input.description?.trim() || null,
      enabled: input.enabled ?? true,
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
    });
    await em.flush();
    this.invalidate();
    return { ...toDto(endpoint), secret: endpoint.secret };
  }

  async update(id: string, input: UpdateWebhookDto): Promise<WebhookDto> {
    const em = this.em.fork();
    const endpoint = await this.load(em, id);
    if (input.name !== undefined) endpoint.name = input.name.trim();
    if (input.url !== undefined) endpoint.url = checkWebhookUrl(input.url);
    if (input.events !== undefined) endpoint.events = checkWebhookEvents(input.events);
    if (input.description !== undefined) endpoint.description = input.description.trim() || null;
    if (input.enabled !== undefined) endpoint.enabled = input.enabled;
    await em.flush();
    this.invalidate();
    return toDto(endpoint);
  }

  /** Its delivery log goes with it. */
  async remove(id: string): Promise<void> {
    const em = this.em.fork();
    em.remove(await this.load(em, id));
    await em.flush();
    this.invalidate();
  }

  /**
   * The enabled endpoints subscribed to `eventType`, read in the caller's transaction when the cached list is older
   * than the TTL (on SQLite the transaction holds the only connection: another would wait for it).
   */
  async subscribedTo(em: EntityManager, eventType: string): Promise<SubscribedEndpoint[]> {
    if (!this.cache || this.cache.until <= Date.now()) {
      const rows = await sqlRows<{ id: string; events: string | string[]; enabled: boolean | number }>(em, 'select id, events, enabled from webhook_endpoint', []);
      const endpoints = rows
        .filter((row) => Boolean(row.enabled))
        .map((row) => ({ id: row.id, events: new Set(typeof row.events === 'string' ? (JSON.parse(row.events) as string[]) : row.events) }));
      this.cache = { endpoints, until: Date.now() + ENDPOINT_CACHE_TTL_MS };
    }
    return this.cache.endpoints.filter((endpoint) => endpoint.events.has(eventType));
  }

  /** Whether an endpoint may want `eventType`, from the cached list: true when it is older than the TTL. */
  mayWant(eventType: string): boolean {
    return !this.cache || this.cache.until <= Date.now() || this.cache.endpoints.some((endpoint) => endpoint.events.has(eventType));
  }

  /** A change made in this process shows at once in it; other processes see it within the TTL. */
  invalidate(): void {
    this.cache = undefined;
  }

  private async load(em: EntityManager, id: string): Promise<WebhookEndpoint> {
    const endpoint = await em.findOne(WebhookEndpoint, id);
    if (!endpoint) throw new AppError('WEBHOOK_NOT_FOUND', { id });
    return endpoint;
  }
}
