import type { CookieOptions, Response } from 'express';
import { AuthConfig } from '../../config/app-config';
import { SessionTokens } from './session.service';

export const ACCESS_COOKIE = 'thidua_access';
export const REFRESH_COOKIE = 'thidua_refresh';

function options(config: AuthConfig, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: maxAgeSeconds * 1000 };
}

/** Pages use HTTP-only cookies; SameSite=Lax keeps other sites from posting with them. */
export function setSessionCookies(response: Response, tokens: SessionTokens, config: AuthConfig): void {
  response.cookie(ACCESS_COOKIE, tokens.accessToken, options(config, tokens.expiresIn));
  response.cookie(REFRESH_COOKIE, tokens.refreshToken, options(config, tokens.refreshExpiresIn));
}

export function clearSessionCookies(response: Response, config: AuthConfig): void {
  const { maxAge: _maxAge, ...rest } = options(config, 0);
  response.clearCookie(ACCESS_COOKIE, rest);
  response.clearCookie(REFRESH_COOKIE, rest);
}
