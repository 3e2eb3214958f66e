import { bearerFor, startTestApp, TestApp } from '../support/test-app';

/** One call per administrator endpoint; the ids need not exist, since access is decided before anything is looked up. */
const ID = '00000000-0000-4000-8000-000000000000';
const ENDPOINTS: [method: 'get' | 'post' | 'patch' | 'put', path: string][] = [
  ['get', '/api/v1/units'],
  ['post', '/api/v1/units'],
  ['get', `/api/v1/units/${ID}`],
  ['patch', `/api/v1/units/${ID}`],
  ['post', `/api/v1/units/${ID}/archive`],
  ['post', `/api/v1/units/${ID}/restore`],
  ['get', `/api/v1/units/${ID}/evaluations`],
  ['put', `/api/v1/units/${ID}/evaluations/2020`],
  ['get', '/api/v1/people'],
  ['post', '/api/v1/people'],
  ['get', `/api/v1/people/${ID}`],
  ['patch', `/api/v1/people/${ID}`],
  ['post', `/api/v1/people/${ID}/archive`],
  ['post', `/api/v1/people/${ID}/restore`],
  ['get', '/api/v1/mandates'],
  ['post', '/api/v1/mandates'],
  ['get', `/api/v1/mandates/${ID}`],
  ['patch', `/api/v1/mandates/${ID}`],
  ['post', `/api/v1/mandates/${ID}/end`],
  ['get', '/api/v1/clusters'],
  ['post', '/api/v1/clusters'],
  ['get', `/api/v1/clusters/${ID}`],
  ['patch', `/api/v1/clusters/${ID}`],
  ['post', `/api/v1/clusters/${ID}/archive`],
  ['post', `/api/v1/clusters/${ID}/restore`],
  ['get', '/api/v1/role-grants'],
  ['post', '/api/v1/role-grants'],
  ['post', `/api/v1/role-grants/${ID}/revoke`],
  ['post', '/api/v1/imports/units'],
  ['post', '/api/v1/imports/people'],
];

describe('organisation API access and input rules (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t.close());

  it('answers every endpoint without a token with 401 UNAUTHENTICATED', async () => {
    for (const [method, path] of ENDPOINTS) {
      const response = await t.http()[method](path).send({});
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 401, 'UNAUTHENTICATED']);
    }
  });

  it('answers every endpoint for a signed-in non-administrator with 403 FORBIDDEN_ROLE', async () => {
    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const councilMember = await bearerFor(t, 'tdkt.vutruong');
    for (const [method, path] of ENDPOINTS) {
      for (const token of [officer, councilMember]) {
        const response = await t.http()[method](path).set(token).send({});
        expect([method, path, response.status, response.body.code]).toEqual([method, path, 403, 'FORBIDDEN_ROLE']);
      }
    }
    const forbidden = await t.http().get('/api/v1/units').set(officer).set('Accept-Language', 'en').expect(403);
    expect(forbidden.body.message).toBe('You are not allowed to do this (requires role: Administrator).');
    const forbiddenVi = await t.http().get('/api/v1/units').set(officer).expect(403);
    expect(forbiddenVi.body.message).toBe('Bạn không có quyền thực hiện thao tác này (cần vai trò: Quản trị hệ thống).');
    // Nothing was created by the refused calls.
    expect((await t.http().get('/api/v1/clusters').set(admin).expect(200)).body.total).toBe(1);
  });

  it('names unknown fields in 400 VALIDATION_FAILED, in bodies and in query strings', async () => {
    const unit = await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-X', name: 'X', archivedAt: null, isHead: true }).expect(400);
    expect(unit.body.code).toBe('VALIDATION_FAILED');
    expect(unit.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['archivedAt', 'isHead']);
    const person = await t.http().post('/api/v1/people').set(admin).send({ username: 'a.b', fullName: 'A B', passwordHash: 'x' }).expect(400);
    expect(person.body.details).toEqual([{ field: 'passwordHash', problems: ['property passwordHash should not exist'] }]);
    const query = await t.http().get('/api/v1/units').query({ sort: 'name' }).set(admin).expect(400);
    expect(query.body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
    // Nothing was stored.
    expect((await t.http().get('/api/v1/units').query({ q: 'VKS-X' }).set(admin).expect(200)).body.items).toEqual([]);
    // The language switch is a known query parameter.
    await t.http().get('/api/v1/units').query({ lang: 'en' }).set(admin).expect(200);
  });

  it('rejects malformed ids, numbers and flags with 400 instead of reaching the database', async () => {
    for (const path of ['/api/v1/units/1', '/api/v1/people/abc', '/api/v1/mandates/x', '/api/v1/clusters/%27', '/api/v1/units/1/evaluations']) {
      const response = await t.http().get(path).set(admin);
      expect([path, response.status, response.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
    }
    await t.http().get('/api/v1/units').query({ limit: 0 }).set(admin).expect(400);
    await t.http().get('/api/v1/units').query({ limit: 'many' }).set(admin).expect(400);
    await t.http().get('/api/v1/units').query({ includeArchived: 'yes' }).set(admin).expect(400);
    await t.http().get('/api/v1/clusters').query({ year: '2020x' }).set(admin).expect(400);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await t.http().get('/api/docs-json').expect(200);
    for (const path of ['/api/v1/units', '/api/v1/units/{id}/evaluations/{year}', '/api/v1/people/{id}', '/api/v1/mandates/{id}/end', '/api/v1/clusters', '/api/v1/role-grants/{id}/revoke', '/api/v1/imports/people']) {
      expect(document.body.paths).toHaveProperty([path]);
    }
    expect(document.body.paths['/api/v1/imports/units'].post.requestBody.content).toHaveProperty(['text/csv']);
  });
});
