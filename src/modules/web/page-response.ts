import type { Request, Response } from 'express';
import { chosenLanguage, Language, LANGUAGES } from '../../common/i18n/language';
import { AuthConfig } from '../../config/app-config';

/** The cookie `chosenLanguage` reads; set by the language switch. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Pages load nothing from anywhere: no scripts at all, only the inline stylesheet,
 * forms post to this site only, and no other site may frame them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The form builder and renderer pages run Form.io: scripts from this site only, with `unsafe-eval` because
 * Form.io evaluates a form's interpolations and (opted-in) scripts with `new Function`; its editors start
 * web workers from blob URLs. Still nothing from another site.
 */
export const FORM_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Pages with a small script of ours (an upload sending the CSRF header): scripts and requests to this site only, no eval. */
export const SCRIPT_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  // Pages show personal data: never keep them in a shared cache or the back-forward history after sign-out.
  'Cache-Control': 'no-store',
};

export function sendPage(response: Response, status: number, document: string, contentSecurityPolicy = CONTENT_SECURITY_POLICY): void {
  response.status(status).set({ ...PAGE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy }).send(document);
}

/** 303 so that the browser follows a form POST with a GET. */
export function redirectSeeOther(response: Response, location: string): void {
  response.set({ 'Cache-Control': 'no-store' }).redirect(303, location);
}

/** The page language; a `?lang=` choice is remembered in a cookie for a year. */
export function pageLanguage(request: Request, response: Response, auth: AuthConfig): Language {
  const language = chosenLanguage(request);
  if (typeof request.query.lang === 'string' && (LANGUAGES as string[]).includes(request.query.lang)) {
    response.cookie(LANGUAGE_COOKIE, language, { maxAge: ONE_YEAR_MS, path: '/', sameSite: 'lax', httpOnly: true, secure: auth.cookieSecure });
  }
  return language;
}

/** The current page in each language: its path and query with `lang` replaced. */
export function languageLinks(request: Request): Record<Language, string> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query)) {
    if (key !== 'lang' && typeof value === 'string') query.append(key, value);
  }
  const link = (language: Language) => {
    const params = new URLSearchParams(query);
    params.set('lang', language);
    return `${request.path}?${params.toString()}`;
  };
  return { vi: link('vi'), en: link('en') };
}
