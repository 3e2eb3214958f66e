import type { Response } from 'supertest';
import { DEMO_PASSWORD, TestApp } from './test-app';

/** The cookies a browser would send back after this response (cleared ones dropped). */
export const cookieHeader = (response: Response): string => withCookies('', response);

/** A cookie header updated as a browser's jar would be by this response: set cookies replace, cleared ones go. */
export function withCookies(cookie: string, response: Response): string {
  const jar = new Map(cookie ? cookie.split('; ').map((pair) => [pair.split('=')[0], pair] as const) : []);
  for (const setCookie of ([] as string[]).concat(response.headers['set-cookie'] ?? [])) {
    const pair = setCookie.split(';')[0];
    const name = pair.split('=')[0];
    if (pair.endsWith('=')) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** The CSRF token a page put in its forms. */
export function csrfTokenOf(page: string): string {
  const token = /<meta name="csrf-token" content="([^"]+)">/.exec(page)?.[1];
  if (!token) throw new Error('The page carries no CSRF token');
  return token;
}

/** What a browser holds for this site: its cookies and the CSRF token of the page it shows. */
export interface PageSession {
  cookie: string;
  csrfToken: string;
}

/** Opens a page as a browser does: its cookies join the jar, and its forms' CSRF token is kept for the next post. */
export async function openPage(t: TestApp, path: string, cookie = ''): Promise<PageSession> {
  const response = await t.http().get(path).set('Cookie', cookie).expect(200);
  return { cookie: withCookies(cookie, response), csrfToken: csrfTokenOf(response.text) };
}

/** Signs in through the sign-in form, then opens the home page, whose forms carry the session's CSRF token. */
export async function signInWithForm(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<PageSession> {
  const signInPage = await openPage(t, '/sign-in');
  const response = await t.http().post('/sign-in').set('Cookie', signInPage.cookie).type('form').send({ username, password, _csrf: signInPage.csrfToken }).expect(303);
  return openPage(t, '/', withCookies(signInPage.cookie, response));
}

const withLanguage = (cookie: string, language?: 'vi' | 'en') => (language ? `${cookie}; lang=${language}` : cookie);

/** Page sessions of accounts, each signed in once through the sign-in form, and requests made with them as a browser would. */
export function pageSessions(t: TestApp) {
  const sessions = new Map<string, Promise<PageSession>>();
  const session = (username: string, password = DEMO_PASSWORD): Promise<PageSession> => {
    if (!sessions.has(username)) sessions.set(username, signInWithForm(t, username, password));
    return sessions.get(username)!;
  };
  const get = async (username: string, path: string, status = 200, language?: 'vi' | 'en') =>
    t.http().get(path).set('Cookie', withLanguage((await session(username)).cookie, language)).expect(status);
  return {
    session,
    get,
    page: async (username: string, path: string, status = 200) => (await get(username, path, status)).text,
    /** Posts a page form with the session's CSRF token, as the browser would from the page. */
    post: async (username: string, path: string, form: Record<string, string>, status: number, language?: 'vi' | 'en') => {
      const { cookie, csrfToken } = await session(username);
      return t.http().post(path).set('Cookie', withLanguage(cookie, language)).type('form').send({ ...form, _csrf: csrfToken }).expect(status);
    },
  };
}
