import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('organisation role grants API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    adminId = (await t.http().get('/api/v1/auth/me').set(admin).expect(200)).body.personId;
  });
  afterAll(() => t.close());

  const createPerson = async (username: string, fullName = username) =>
    (await t.http().post('/api/v1/people').set(admin).send({ username, fullName, password: 'mat-khau-thu-nghiem' }).expect(201)).body as { id: string };
  const grant = (body: Record<string, unknown>) => t.http().post('/api/v1/role-grants').set(admin).send(body);

  it('lists the demo grants and those of one person', async () => {
    const all = await t.http().get('/api/v1/role-grants').set(admin).expect(200);
    expect(all.body.items.map((g: { person: { username: string }; role: string }) => `${g.person.username}:${g.role}`).sort()).toEqual([
      'admin:admin',
      'tdkt.chuyenvien:council-member',
      'tdkt.vutruong:council-member',
    ]);
    const council = all.body.items.find((g: { role: string }) => g.role === 'council-member');
    expect(council.scopeUnit).toMatchObject({ code: 'VKSNDTC-TDKT' });

    const mine = await t.http().get('/api/v1/role-grants').query({ personId: adminId }).set(admin).expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ role: 'admin', scopeUnit: null, revokedAt: null })]);
  });

  it('grants a role, refuses the same active grant twice, and revokes it', async () => {
    const person = await createPerson('thu.ky', 'Lê Thư Ký');
    const units = await t.http().get('/api/v1/units').query({ q: 'VKS-THA' }).set(admin).expect(200);
    const created = await grant({ personId: person.id, role: 'secretary', scopeUnitId: units.body.items[0].id }).expect(201);
    expect(created.body).toMatchObject({ person: { username: 'thu.ky' }, role: 'secretary', scopeUnit: { code: 'VKS-THA' }, revokedAt: null });
    const twice = await grant({ personId: person.id, role: 'secretary', scopeUnitId: units.body.items[0].id }).expect(409);
    // The person by full name, the role and the scope in words, never the username, the role's key or the unit's code.
    expect(twice.body).toEqual({ code: 'ROLE_GRANT_EXISTS', message: 'Lê Thư Ký đã có vai trò “Thư ký” tại Viện kiểm sát nhân dân tỉnh Thanh Hóa.' });
    // The same role without a scope is a different grant.
    await grant({ personId: person.id, role: 'secretary' }).expect(201);
    const everywhere = await grant({ personId: person.id, role: 'secretary' }).set('Accept-Language', 'en').expect(409);
    expect(everywhere.body).toEqual({ code: 'ROLE_GRANT_EXISTS', message: 'Lê Thư Ký already holds the role “Secretary” everywhere.' });

    const me = await t.http().get('/api/v1/auth/me').set(await bearerFor(t, 'thu.ky', 'mat-khau-thu-nghiem')).expect(200);
    expect(me.body.roles).toEqual(['secretary']);

    const revoked = await t.http().post(`/api/v1/role-grants/${created.body.id}/revoke`).set(admin).expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const active = await t.http().get('/api/v1/role-grants').query({ personId: person.id }).set(admin).expect(200);
    expect(active.body.items).toHaveLength(1);
    const all = await t.http().get('/api/v1/role-grants').query({ personId: person.id, includeRevoked: 'true' }).set(admin).expect(200);
    expect(all.body.items).toHaveLength(2);
    await t.http().delete(`/api/v1/role-grants/${created.body.id}`).set(admin).expect(404);
  });

  it('makes a new administrator who can use the API until the grant is revoked', async () => {
    const person = await createPerson('quan.tri2');
    const created = await grant({ personId: person.id, role: 'admin' }).expect(201);
    const token = await bearerFor(t, 'quan.tri2', 'mat-khau-thu-nghiem');
    await t.http().get('/api/v1/units').set(token).expect(200);

    await t.http().post(`/api/v1/role-grants/${created.body.id}/revoke`).set(admin).expect(200);
    const denied = await t.http().get('/api/v1/units').set(token).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('refuses to revoke the last administrator grant', async () => {
    const [own] = (await t.http().get('/api/v1/role-grants').query({ personId: adminId }).set(admin).expect(200)).body.items;
    const refused = await t.http().post(`/api/v1/role-grants/${own.id}/revoke`).set(admin).set('Accept-Language', 'en').expect(409);
    expect(refused.body).toEqual({ code: 'LAST_ADMIN', message: 'The last administrator cannot be removed.' });
    await t.http().get('/api/v1/units').set(admin).expect(200);
  });

  it('validates roles, people and units', async () => {
    const person = await createPerson('sai.vai.tro', 'Trần Sai Vai Trò');
    const role = await grant({ personId: person.id, role: 'superuser' }).expect(400);
    expect(role.body.details).toEqual([expect.objectContaining({ field: 'role' })]);
    expect((await grant({ personId: '00000000-0000-4000-8000-000000000000', role: 'admin' }).expect(404)).body.code).toBe('PERSON_NOT_FOUND');
    expect((await grant({ personId: person.id, role: 'admin', scopeUnitId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('UNIT_NOT_FOUND');
    await t.http().post(`/api/v1/people/${person.id}/archive`).set(admin).expect(200);
    expect((await grant({ personId: person.id, role: 'admin' }).expect(409)).body).toEqual({ code: 'PERSON_ARCHIVED', message: 'Cán bộ Trần Sai Vai Trò (sai.vai.tro) đã lưu trữ.' });
    const archivedEn = await grant({ personId: person.id, role: 'admin' }).set('Accept-Language', 'en').expect(409);
    expect(archivedEn.body.message).toBe('Trần Sai Vai Trò (sai.vai.tro) is archived.');
  });
});
