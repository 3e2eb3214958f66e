import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { ActingFor, Principal } from '../../common/auth/principal';
import { canonicalJson, sha256Hex } from '../../common/hashing/canonical-json';
import { sqlRows } from '../../database/sql-rows';
import { Clock } from '../../modules/calendar/clock';
import type { EventRow } from './direct-rows';
import { CampaignEvent } from './entities/campaign-event.entity';
import { Campaign } from './entities/campaign.entity';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventActor {
  personId: string;
  unitId?: string;
  mandateId?: string;
}

/** Who acts, as the history records it: the person, and the unit and mandate they act for, if any. */
export const eventActor = (principal: Principal, actingFor: ActingFor | undefined): EventActor => ({
  personId: principal.personId,
  ...(actingFor ? { unitId: actingFor.unitId, mandateId: actingFor.mandateId } : {}),
});

/** What is hashed: everything that describes the event, in canonical JSON. */
function hashedContent(e: Pick<CampaignEvent, 'seq' | 'type' | 'actor' | 'data' | 'occurredAt'>, campaignId: string) {
  return canonicalJson({ campaignId, seq: e.seq, type: e.type, actor: e.actor, data: e.data, occurredAt: e.occurredAt.toISOString() });
}

export const chainHash = (prevHash: string, content: string) => sha256Hex(prevHash + content);

/** Told of the events it listens to, in the appending transaction (webhooks write their deliveries there). */
export type HistoryListener = (em: EntityManager, campaign: Campaign, event: CampaignEvent) => Promise<void>;

/**
 * Whether a listener may do anything for an event of `type` (appended in a stage of `stageType`, when the caller
 * knows it): true whenever it cannot tell at once. A write that appends only events no listener heeds need not build
 * the entities listeners are given (DirectTaskCompletion).
 */
export type HistoryHeed = (type: string, stageType: string | undefined) => boolean;

/** An event's place in its campaign's chain: what `append` writes besides the event's own content. */
export interface ChainedEvent {
  seq: number;
  prevHash: string;
  hash: string;
  actor: Record<string, string> | null;
}

/** Links an event to the chain's head (none: the genesis). */
export function chainEvent(campaignId: string, head: { seq: number; hash: string } | undefined, type: string, data: Record<string, unknown>, actor: EventActor | null, occurredAt: Date): ChainedEvent {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const actorJson = actor ? (JSON.parse(JSON.stringify(actor)) as Record<string, string>) : null;
  return { seq, prevHash, actor: actorJson, hash: chainHash(prevHash, hashedContent({ seq, type, actor: actorJson, data, occurredAt }, campaignId)) };
}

/** Events appended at once, each chained to the one before it, from `head` (none: the genesis): the rows a hand-written write inserts. */
export function chainEvents(campaignId: string, head: { seq: number; hash: string } | undefined, appended: Array<{ type: string; data: Record<string, unknown> }>, actor: EventActor | null, occurredAt: Date): EventRow[] {
  let last = head;
  return appended.map(({ type, data }) => {
    const chained = chainEvent(campaignId, last, type, data, actor, occurredAt);
    last = { seq: chained.seq, hash: chained.hash };
    return { type, seq: chained.seq, actor: chained.actor, data, occurredAt, prevHash: chained.prevHash, hash: chained.hash };
  });
}

export type ChainVerdict = { intact: true; events: number; headHash: string } | { intact: false; events: number; brokenAtSeq: number; reason: string };

/** The append-only, hash-chained history of each campaign. */
@Injectable()
export class CampaignHistoryService {
  /** The chain's head per transaction and campaign, so that appends after the first need no query. */
  private readonly heads = new WeakMap<EntityManager, Map<string, { seq: number; hash: string }>>();

  private readonly listeners = new Map<string, Array<{ listener: HistoryListener; heeds?: HistoryHeed }>>();

  constructor(private readonly clock: Clock) {}

  /**
   * A listener is told only of the event types it names, so that the others need nothing but the event's row; `heeds`
   * narrows, at no cost, which of them it may act on (without it: all).
   */
  onAppend(types: readonly string[], listener: HistoryListener, heeds?: HistoryHeed): void {
    for (const type of types) this.listeners.set(type, [...(this.listeners.get(type) ?? []), { listener, heeds }]);
  }

  /** Whether appending an event of this type (in a stage of `stageType`) may do more than write its row (see DirectTaskCompletion). */
  isListenedTo(type: string, stageType?: string): boolean {
    return (this.listeners.get(type) ?? []).some(({ heeds }) => !heeds || heeds(type, stageType));
  }

  /** Appends an event in the caller's transaction; the unique (campaign, seq) forbids two events taking the same place. */
  async append(em: EntityManager, campaign: Campaign, type: string, data: Record<string, unknown>, actor: EventActor | null = null): Promise<CampaignEvent> {
    const heads = this.headsOf(em);
    const occurredAt = this.clock.now();
    const { seq, prevHash, hash, actor: actorJson } = chainEvent(campaign.id, heads.get(campaign.id) ?? (await this.head(em, campaign.id)), type, data, actor, occurredAt);
    heads.set(campaign.id, { seq, hash });
    // Written with the rest of the transaction; the unique (campaign, seq) still refuses a fork of the chain.
    const event = em.create(CampaignEvent, { campaign, seq, type, actor: actorJson, data, occurredAt, prevHash, hash });
    for (const { listener } of this.listeners.get(type) ?? []) await listener(em, campaign, event);
    return event;
  }

  /** The chain's head as the caller read it in this transaction (with the task a command acts on): no query to append. */
  rememberHead(em: EntityManager, campaignId: string, head: { seq: number; hash: string }): void {
    const heads = this.headsOf(em);
    if (!heads.has(campaignId)) heads.set(campaignId, head);
  }

  /** The chain's head as appended in this transaction (or entity manager), if it appended any. */
  headIn(em: EntityManager, campaignId: string): { seq: number; hash: string } | undefined {
    return this.heads.get(em)?.get(campaignId);
  }

  /** A campaign created in this transaction: its chain starts at the genesis hash, with no query. */
  startChain(em: EntityManager, campaignId: string): void {
    this.headsOf(em).set(campaignId, { seq: 0, hash: GENESIS_HASH });
  }

  private headsOf(em: EntityManager): Map<string, { seq: number; hash: string }> {
    let heads = this.heads.get(em);
    if (!heads) this.heads.set(em, (heads = new Map()));
    return heads;
  }

  /** The chain's last event (read as a row: this runs in every command). */
  private async head(em: EntityManager, campaignId: string): Promise<{ seq: number; hash: string } | undefined> {
    const [row] = await sqlRows<{ seq: number | string; hash: string }>(em, 'select seq, hash from campaign_event where campaign_id = ? order by seq desc limit 1', [campaignId]);
    return row && { seq: Number(row.seq), hash: row.hash };
  }

  async list(em: EntityManager, campaignId: string): Promise<CampaignEvent[]> {
    return em.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
  }

  /** Recomputes the chain; reports the first event whose link or content does not match. */
  verify(campaignId: string, events: CampaignEvent[]): ChainVerdict {
    return verifyChain(campaignId, events);
  }
}

/** Recomputes a campaign's chain from its events in `seq` order; reports the first whose link or content does not match. */
export function verifyChain(campaignId: string, events: Pick<CampaignEvent, 'seq' | 'type' | 'actor' | 'data' | 'occurredAt' | 'prevHash' | 'hash'>[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) return { intact: false, events: events.length, brokenAtSeq: index + 1, reason: 'missing event' };
    if (event.prevHash !== prevHash) return { intact: false, events: events.length, brokenAtSeq: event.seq, reason: 'link to the previous event broken' };
    if (chainHash(prevHash, hashedContent(event, campaignId)) !== event.hash) {
      return { intact: false, events: events.length, brokenAtSeq: event.seq, reason: 'content changed' };
    }
    prevHash = event.hash;
  }
  return { intact: true, events: events.length, headHash: prevHash };
}
