import { startTestApp, TestApp } from '../support/test-app';

describe('GET /health (e2e)', () => {
  describe('with every service up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ demo: false });
    });
    afterAll(() => t.close());

    it('answers 200 with the database and Redis up', async () => {
      const response = await t.http().get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up' }, redis: { status: 'up' } });
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Port 1 on loopback: nothing listens there, so every connection is refused.
      t = await startTestApp({ demo: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    });
    afterAll(() => t.close());

    it('answers 503 naming Redis as down and the database as up', async () => {
      const response = await t.http().get('/health').set('Accept-Language', 'en').expect(503);
      expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.body.message).toBe('Service unavailable: redis.');
      expect(response.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
    });
  });
});
