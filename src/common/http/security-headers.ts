import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/** API answers, redirects and static files: nothing may load, run or frame them. */
const DEFAULT_POLICY: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI (/api/docs) and Bull Board (/admin/queues) are other people's pages: their scripts come from
 * this server, but they style with inline `<style>` and style attributes, and Bull Board sets `<base>`.
 */
const THIRD_PARTY_UI_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const THIRD_PARTY_UI_PREFIXES = ['/api/docs', '/admin/queues'];

const policy = (directives: Directives) => helmet.contentSecurityPolicy({ useDefaults: false, directives });

/**
 * helmet's headers on every response (nosniff, no framing, referrer policy, cross-origin isolation of
 * resources), a content security policy chosen by path, and HSTS only over HTTPS: `req.secure`, which
 * behind a proxy depends on the `trust proxy` setting. Our own pages replace the policy with theirs
 * (page-response.ts), which allows only what the page needs.
 */
export function securityHeaders(): RequestHandler[] {
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  const defaultPolicy = policy(DEFAULT_POLICY);
  const thirdPartyUiPolicy = policy(THIRD_PARTY_UI_POLICY);
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600 });
  return [
    common,
    (request: Request, response: Response, next: NextFunction) => {
      const thirdPartyUi = THIRD_PARTY_UI_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`));
      (thirdPartyUi ? thirdPartyUiPolicy : defaultPolicy)(request, response, next);
    },
    (request: Request, response: Response, next: NextFunction) => (request.secure ? hsts(request, response, next) : next()),
  ];
}
