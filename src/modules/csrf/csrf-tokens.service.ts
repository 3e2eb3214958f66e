import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';

/** The hidden field of every page form that posts. */
export const CSRF_FIELD = '_csrf';
/** The header scripts of our pages send the token in (Form.io pages calling the JSON API). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Double-submit CSRF tokens (csrf-csrf): the token sits in an HTTP-only cookie and in the page, and a
 * request must bring both. The token is an HMAC over the session it was made for (the signed-in person,
 * or no one before sign-in), so a token planted from a sibling site for another session does not pass.
 */
@Injectable()
export class CsrfTokens {
  private readonly csrf: DoubleCsrfUtilities;
  /** The session each request belongs to, as CsrfProtection resolved it before the route ran. */
  private readonly sessions = new WeakMap<Request, string>();

  constructor(config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    // Its own key, derived from the JWT secret: no second secret to manage, and a token is never a JWT key.
    const secret = createHmac('sha256', auth.jwtSecret).update('thidua csrf tokens').digest('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => this.sessionOf(request),
      // __Host- keeps subdomains from setting the cookie; browsers accept the prefix only on Secure cookies.
      cookieName: auth.cookieSecure ? '__Host-thidua_csrf' : 'thidua_csrf',
      cookieOptions: { sameSite: 'lax', secure: auth.cookieSecure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (request) => tokenOf(request),
    });
  }

  /** Records whom the request acts as: `person:<id>`, or '' before sign-in. */
  bindSession(request: Request, session: string): void {
    this.sessions.set(request, session);
  }

  /** The token for a page's forms; the cookie's token is kept while it belongs to the session, so open tabs stay valid. */
  tokenFor(request: Request, response: Response): string {
    return this.csrf.generateCsrfToken(request, response);
  }

  /** The request brings the same token in its cookie and in its form field or header, made for its session. */
  isValid(request: Request): boolean {
    return this.csrf.validateRequest(request);
  }

  private sessionOf(request: Request): string {
    const session = this.sessions.get(request);
    if (session === undefined) throw new Error('CsrfProtection did not see this request: is its middleware installed?');
    return session;
  }
}

function tokenOf(request: Request): string | undefined {
  const field: unknown = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  if (typeof field === 'string') return field;
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' ? header : undefined;
}
