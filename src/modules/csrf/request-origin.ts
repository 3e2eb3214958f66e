import type { Request } from 'express';

/**
 * Whether a browser says this request came from a page of another origin. `Sec-Fetch-Site` is the
 * browser's own verdict and wins (another port or subdomain is `same-site`, not `same-origin`); older
 * browsers send only `Origin`, compared with this server's origin. Without either header (API clients,
 * curl) nothing is known, and the token check decides.
 */
export function isCrossOriginRequest(request: Pick<Request, 'headers' | 'protocol'>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin';
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origin !== `${request.protocol}://${request.headers.host ?? ''}`;
  return false;
}

/** Whether the request says where it came from at all (every current browser does on unsafe requests). */
export function statesItsOrigin(request: Pick<Request, 'headers'>): boolean {
  return typeof request.headers['sec-fetch-site'] === 'string' || typeof request.headers.origin === 'string';
}
