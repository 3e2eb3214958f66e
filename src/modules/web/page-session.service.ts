import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from '../auth/auth-cookies';
import { accessTokenOf } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';

/**
 * Who is signed in on a page request. Pages are public to the global guard and resolve the
 * session here instead, so that an expired access cookie is renewed silently from the refresh
 * cookie rather than answered with a 401.
 */
@Injectable()
export class PageSessionService {
  constructor(
    private readonly sessions: SessionService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The signed-in person, or undefined (with stale cookies cleared) when the page must send them to sign in. */
  async resolve(request: Request, response: Response): Promise<Principal | undefined> {
    const auth = this.config.get('auth', { infer: true });
    const accessToken = accessTokenOf(request);
    if (accessToken) {
      const principal = await this.principalOf(accessToken);
      if (principal) return principal;
    }

    const refreshToken: unknown = request.cookies?.[REFRESH_COOKIE];
    if (typeof refreshToken === 'string' && refreshToken) {
      try {
        const tokens = await this.sessions.refresh(refreshToken);
        setSessionCookies(response, tokens, auth);
        const principal = await this.principalOf(tokens.accessToken);
        if (principal) return principal;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }

    if (accessToken || refreshToken) clearSessionCookies(response, auth);
    return undefined;
  }

  /** Undefined for an invalid or expired token, or a person who is gone; other failures propagate. */
  private async principalOf(accessToken: string): Promise<Principal | undefined> {
    try {
      return await this.sessions.principalOf(accessToken);
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
  }
}
