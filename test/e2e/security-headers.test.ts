import type { Response } from 'supertest';
import { signInWithForm } from '../support/page-session';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** What helmet puts on every response, whoever made it. */
function expectBaseHeaders(response: Response): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('same-origin');
  expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers['x-powered-by']).toBeUndefined();
  // Plain HTTP: no HSTS.
  expect(response.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers on every response: API, pages, Swagger UI, Bull Board (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('an API answer may load, run and frame nothing', async () => {
    const response = await t.http().get('/api/v1/auth/me').expect(401);
    expectBaseHeaders(response);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('a page keeps its own policy: no script at all', async () => {
    const response = await t.http().get('/sign-in').expect(200);
    expectBaseHeaders(response);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).not.toContain('script-src');
  });

  it('Swagger UI runs its scripts from this server only, with inline styles', async () => {
    const page = await t.http().get('/api/docs/').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectBaseHeaders(page);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/unsafe-eval|https?:/);
    expectBaseHeaders(await t.http().get('/api/docs/swagger-ui-init.js').expect(200));
  });

  it('Bull Board gets the same policy as Swagger UI', async () => {
    const admin = await signInWithForm(t, 'admin');
    const page = await t.http().get('/admin/queues').set('Cookie', admin.cookie).set('Accept', 'text/html').expect(200);
    expectBaseHeaders(page);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval|https?:/);
  });

  it('sends HSTS only when the request came over HTTPS', async () => {
    // As a deployment behind a TLS proxy on this machine would set it (TRUST_PROXY).
    const express = t.app.getHttpAdapter().getInstance();
    const configured: unknown = express.get('trust proxy');
    express.set('trust proxy', 'loopback');
    try {
      const secure = await t.http().get('/health').set('X-Forwarded-Proto', 'https');
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await t.http().get('/health');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      express.set('trust proxy', configured);
    }
  });
});
