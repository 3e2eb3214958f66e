import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../../common/errors/error-catalog';
import { CSRF_FIELD, CsrfTokens } from './csrf-tokens.service';
import { CsrfSessionResolver, hasSessionCookie } from './csrf-session-resolver.service';
import { sendRefusal } from './csrf-refusal';
import { isCrossOriginRequest, statesItsOrigin } from './request-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in changes whose session the browser holds: protected even without a session (login CSRF). */
const SIGN_IN_PAGE = '/sign-in';
const QUEUE_DASHBOARD_PREFIX = '/admin/queues';
/**
 * Posts that change nothing (verifying an uploaded bundle, checking a CSV file for the import preview, which keeps it
 * an hour for its uploader): no token needed, as for a GET; cross-site still refused. Multipart forms: the token
 * in their body cannot be read here, before the body is.
 */
const READ_ONLY_POSTS = new Set(['/verify', '/admin/org/imports/preview']);

const isApi = (request: Request) => request.path.startsWith('/api/');
const isQueueDashboard = (request: Request) => request.path === QUEUE_DASHBOARD_PREFIX || request.path.startsWith(`${QUEUE_DASHBOARD_PREFIX}/`);
/** A browser never adds this header to a request another site makes it send. */
const hasBearerToken = (request: Request) => request.headers.authorization?.startsWith('Bearer ') === true;

/**
 * CSRF defence for everything a browser's cookies can authenticate, as Express middleware ahead of every
 * route (Bull Board's included). An unsafe request without a bearer token is refused when the browser
 * says another origin sent it; on the API it must carry JSON, which another site cannot send without
 * a CORS preflight this server never grants; with session cookies (or to sign in) it must bring the
 * CSRF token of its session, which only our own pages hold. Safe requests only learn their session,
 * so that the page can put the token in its forms.
 */
@Injectable()
export class CsrfProtection {
  constructor(
    private readonly tokens: CsrfTokens,
    private readonly sessions: CsrfSessionResolver,
  ) {}

  readonly middleware = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    try {
      this.tokens.bindSession(request, '');
      if (SAFE_METHODS.has(request.method)) {
        if (!isApi(request) && hasSessionCookie(request)) this.tokens.bindSession(request, await this.sessions.sessionOf(request));
        return next();
      }
      const refusal = await this.refusalOf(request);
      if (refusal) return sendRefusal(request, response, refusal, isApi(request) || isQueueDashboard(request));
      withoutTokenField(request);
      next();
    } catch (error) {
      next(error);
    }
  };

  private async refusalOf(request: Request): Promise<ErrorCode | undefined> {
    if (hasBearerToken(request)) return undefined;
    if (isCrossOriginRequest(request)) return 'CROSS_SITE_REQUEST';
    if (READ_ONLY_POSTS.has(request.path)) return undefined;
    // request.is answers null without a body: a bodiless POST is not a form.
    if (isApi(request) && request.is('application/json') === false) return 'API_JSON_REQUIRED';
    // Bull Board's own client cannot send our token: its calls must instead show that they came from
    // this origin, as every current browser's do (Origin or Sec-Fetch-Site, checked above).
    if (isQueueDashboard(request)) return hasSessionCookie(request) && !statesItsOrigin(request) ? 'CROSS_SITE_REQUEST' : undefined;
    // Nothing to ride on: without a session the route answers as to anyone (the pages send them to sign in).
    if (!hasSessionCookie(request) && request.path !== SIGN_IN_PAGE) return undefined;
    this.tokens.bindSession(request, await this.sessions.sessionOf(request));
    return this.tokens.isValid(request) ? undefined : 'CSRF_TOKEN_INVALID';
  }
}

/** The token has done its job; the routes validate their bodies strictly and do not expect it. */
function withoutTokenField(request: Request): void {
  const body: unknown = request.body;
  if (body && typeof body === 'object' && CSRF_FIELD in body) delete (body as Record<string, unknown>)[CSRF_FIELD];
}
