import { canonicalJson, sha256Hex } from '../../common/hashing/canonical-json';

/** What makes two requests with one `Idempotency-Key` the same request (the caller is part of the key's scope). */
export interface FingerprintedRequest {
  method: string;
  /** The path with its query string. */
  originalUrl: string;
  body?: unknown;
  /** `X-Acting-Unit`: the same command for another unit is another request. */
  actingUnit?: string;
}

/**
 * SHA-256 of method, path, body (key order ignored) and acting unit. The acting unit is left out when
 * absent, so keys stored before it counted still match their retries.
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const parts: Record<string, unknown> = { method: request.method, path: request.originalUrl, body: request.body ?? null };
  if (request.actingUnit) parts.actingUnit = request.actingUnit;
  return sha256Hex(canonicalJson(parts));
}
