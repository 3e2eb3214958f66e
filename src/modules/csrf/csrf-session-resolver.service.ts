import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../common/errors/app-error';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../auth/auth-cookies';
import { RefreshToken } from '../auth/refresh-token.entity';
import { SessionService } from '../auth/session.service';

/** The cookies that sign a browser in: a request carrying one can be forged by another site. */
export function hasSessionCookie(request: Request): boolean {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  return [ACCESS_COOKIE, REFRESH_COOKIE].some((name) => typeof cookies?.[name] === 'string' && cookies[name] !== '');
}

/**
 * Whom a browser's session cookies belong to, for binding CSRF tokens: the person, so that the token
 * outlives the 15-minute access token and its silent renewal. After the access cookie has expired only
 * the refresh cookie says who it is; it is read here, never rotated (the page does that).
 */
@Injectable()
export class CsrfSessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly em: EntityManager,
  ) {}

  /** `person:<id>`, or '' when the cookies name no one (before sign-in, or a session that ended). */
  async sessionOf(request: Request): Promise<string> {
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const access = cookies?.[ACCESS_COOKIE];
    if (typeof access === 'string' && access) {
      try {
        return `person:${await this.sessions.verifyAccessToken(access)}`;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const refresh = cookies?.[REFRESH_COOKIE];
    if (typeof refresh === 'string' && refresh) {
      // Stored as its SHA-256, as SessionService stores it.
      const tokenHash = createHash('sha256').update(refresh).digest('hex');
      const stored = await this.em.fork().findOne(RefreshToken, { tokenHash }, { fields: ['person'] });
      if (stored) return `person:${stored.person.id}`;
    }
    return '';
  }
}
