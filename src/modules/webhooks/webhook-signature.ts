import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of every delivery. */
export const WEBHOOK_HEADERS = {
  event: 'X-Thidua-Event',
  delivery: 'X-Thidua-Delivery',
  signature: 'X-Thidua-Signature',
} as const;

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`: the timestamp is signed with the
 * body, so a receiver can refuse an old delivery replayed (say, older than five minutes).
 */
export function webhookSignature(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** What a receiver does: recompute the HMAC over the timestamp and the raw body, compare in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string): { valid: boolean; timestampSeconds?: number } {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestampSeconds = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestampSeconds) || !given || !/^[0-9a-f]{64}$/.test(given)) return { valid: false };
  const expected = webhookSignature(secret, body, timestampSeconds).split('v1=')[1];
  return { valid: timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex')), timestampSeconds };
}
