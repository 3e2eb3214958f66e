import { startTestApp, TestApp } from '../support/test-app';

describe('HTTP error contract (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const response = await t.http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send('{"username": "admin",').expect(400);
    expect(response.body).toEqual({ code: 'INVALID_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ.' });
  });

  it('names unknown fields in 400 VALIDATION_FAILED', async () => {
    const response = await t.http().post('/api/v1/auth/sign-in').set('Accept-Language', 'en').send({ username: 'a', password: 'b', isAdmin: true }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual([{ field: 'isAdmin', problems: ['property isAdmin should not exist'] }]);
  });

  it('refuses bodies over 1 MiB with 413', async () => {
    const big = JSON.stringify({ username: 'a', password: 'x'.repeat(1024 * 1024) });
    const response = await t.http().post('/api/v1/auth/sign-in').set('Content-Type', 'application/json').send(big).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown routes with a coded 404 and never leaks a stack', async () => {
    const response = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(response.body).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'Không tìm thấy địa chỉ /api/v1/nothing-here.' });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect(response.body.paths).toHaveProperty(['/api/v1/auth/sign-in']);
  });
});
