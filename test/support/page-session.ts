import type { Response } from 'supertest';
import { DEMO_PASSWORD, TestApp } from './test-app';

/** The cookies a browser would send back after this response (cleared ones dropped). */
export const cookieHeader = (response: Response): string =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((cookie) => cookie.split(';')[0])
    .filter((pair) => !pair.endsWith('='))
    .join('; ');

/** Page sessions of demo accounts, each signed in once through the sign-in form, and requests made with them. */
export function pageSessions(t: TestApp) {
  const sessions = new Map<string, string>();
  const session = async (username: string): Promise<string> => {
    if (!sessions.has(username)) {
      const response = await t.http().post('/sign-in').type('form').send({ username, password: DEMO_PASSWORD }).expect(303);
      sessions.set(username, cookieHeader(response));
    }
    return sessions.get(username)!;
  };
  return {
    session,
    page: async (username: string, path: string, status = 200) => (await t.http().get(path).set('Cookie', await session(username)).expect(status)).text,
    post: async (username: string, path: string, form: Record<string, string>, status: number) =>
      t.http().post(path).set('Cookie', await session(username)).type('form').send(form).expect(status),
  };
}
