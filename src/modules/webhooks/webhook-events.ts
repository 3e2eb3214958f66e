import type { Text } from '../../common/i18n/language';

/**
 * The events an endpoint may subscribe to, each with what it means. `vote.decided` is a vote stage's poll closing
 * with its decision; `pact.in-force` a pact's signing stage completing with every unit's signature.
 */
export const WEBHOOK_EVENTS = {
  'campaign.launched': { vi: 'Phát động đợt thi đua', en: 'Campaign launched' },
  'stage.completed': { vi: 'Kết thúc một bước', en: 'Stage completed' },
  'vote.decided': { vi: 'Biểu quyết có kết quả', en: 'Vote decided' },
  'pact.in-force': { vi: 'Giao ước có hiệu lực', en: 'Pact in force' },
  'decision.recorded': { vi: 'Ghi nhận quyết định khen thưởng', en: 'Decision recorded' },
  'campaign.completed': { vi: 'Đợt thi đua kết thúc', en: 'Campaign completed' },
  'campaign.cancelled': { vi: 'Hủy đợt thi đua', en: 'Campaign cancelled' },
} satisfies Record<string, Text>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_EVENTS, value);
