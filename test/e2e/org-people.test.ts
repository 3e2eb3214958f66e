import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('organisation people API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t.close());

  const createPerson = (body: Record<string, unknown>) => t.http().post('/api/v1/people').set(admin).send(body);
  const signIn = (username: string, password: string) => t.http().post('/api/v1/auth/sign-in').send({ username, password });
  const PERSON_KEYS = ['archivedAt', 'createdAt', 'email', 'fullName', 'id', 'position', 'updatedAt', 'username'];

  it('creates a person with a password that works and is never returned', async () => {
    const created = await createPerson({
      username: 'hatinh.phovien',
      fullName: 'Nguyễn Văn Phó',
      email: 'pho@vks.hatinh.gov.vn',
      position: 'Phó Viện trưởng',
      password: 'mat-khau-moi-2020',
    }).expect(201);
    expect(Object.keys(created.body).sort()).toEqual(PERSON_KEYS);
    expect(JSON.stringify(created.body)).not.toMatch(/argon2|passwordHash|mat-khau/);
    await signIn('hatinh.phovien', 'mat-khau-moi-2020').expect(200);

    const read = await t.http().get(`/api/v1/people/${created.body.id}`).set(admin).expect(200);
    expect(Object.keys(read.body).sort()).toEqual(PERSON_KEYS);
    expect(read.body).toMatchObject({ username: 'hatinh.phovien', fullName: 'Nguyễn Văn Phó', position: 'Phó Viện trưởng' });
  });

  it('creates a person without a password who cannot sign in', async () => {
    const created = await createPerson({ username: 'khong.matkhau', fullName: 'Không Mật Khẩu' }).expect(201);
    expect(created.body).toMatchObject({ email: null, position: null });
    await signIn('khong.matkhau', '').expect(400);
    await signIn('khong.matkhau', 'anything-at-all').expect(401);
  });

  it('answers a duplicate username with 409 USERNAME_TAKEN', async () => {
    const duplicate = await createPerson({ username: 'thanhhoa.canbo', fullName: 'Trùng tên' }).expect(409);
    expect(duplicate.body).toEqual({ code: 'USERNAME_TAKEN', message: 'Tên đăng nhập thanhhoa.canbo đã được sử dụng.' });
    const other = await createPerson({ username: 'doi.ten', fullName: 'Đổi Tên' }).expect(201);
    expect((await t.http().patch(`/api/v1/people/${other.body.id}`).set(admin).send({ username: 'admin' }).expect(409)).body.code).toBe('USERNAME_TAKEN');
  });

  it('validates usernames, emails and passwords', async () => {
    const bad = await createPerson({ username: 'Có Dấu', fullName: 'x', email: 'not-an-email', password: 'short' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password', 'username']);
  });

  it('lists people by username, searching username, name and email', async () => {
    const all = await t.http().get('/api/v1/people').set(admin).expect(200);
    const usernames: string[] = all.body.items.map((p: { username: string }) => p.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'thanhhoa.canbo', 'nghean.vientruong']));
    // The head and the officer, and the unit's ten staff (thanhhoa.cb01…cb10), by username.
    const staff = (slug: string) => Array.from({ length: 10 }, (_, i) => `${slug}.cb${String(i + 1).padStart(2, '0')}`);
    expect(usernames.filter((u) => u.startsWith('thanhhoa.'))).toEqual(['thanhhoa.canbo', ...staff('thanhhoa'), 'thanhhoa.vientruong']);
    expect(all.body.items.every((p: Record<string, unknown>) => !('passwordHash' in p))).toBe(true);

    const search = await t.http().get('/api/v1/people').query({ q: 'NGHEAN' }).set(admin).expect(200);
    expect(search.body.items.map((p: { username: string }) => p.username)).toEqual(['nghean.canbo', ...staff('nghean'), 'nghean.vientruong']);
    const byName = await t.http().get('/api/v1/people').query({ q: 'Lê Văn Thành' }).set(admin).expect(200);
    expect(byName.body.items.map((p: { username: string }) => p.username)).toEqual(['thanhhoa.vientruong']);
  });

  it('updates a person and resets the password', async () => {
    const created = await createPerson({ username: 'quen.matkhau', fullName: 'Quên Mật Khẩu', password: 'mat-khau-cu-123' }).expect(201);
    const updated = await t.http()
      .patch(`/api/v1/people/${created.body.id}`)
      .set(admin)
      .send({ fullName: 'Đã Đổi Tên', email: 'moi@example.vn', password: 'mat-khau-moi-456' })
      .expect(200);
    expect(updated.body).toMatchObject({ fullName: 'Đã Đổi Tên', email: 'moi@example.vn' });
    await signIn('quen.matkhau', 'mat-khau-cu-123').expect(401);
    await signIn('quen.matkhau', 'mat-khau-moi-456').expect(200);

    const cleared = await t.http().patch(`/api/v1/people/${created.body.id}`).set(admin).send({ email: null }).expect(200);
    expect(cleared.body.email).toBeNull();
    await t.http().patch(`/api/v1/people/${created.body.id}`).set(admin).send({ fullName: null }).expect(400);
  });

  it('archives instead of deleting: the person can no longer sign in, and can be restored', async () => {
    const created = await createPerson({ username: 'nghi.huu', fullName: 'Nghỉ Hưu', password: 'mat-khau-nghi-huu' }).expect(201);
    const token = await bearerFor(t, 'nghi.huu', 'mat-khau-nghi-huu');
    await t.http().get('/api/v1/auth/me').set(token).expect(200);

    const archived = await t.http().post(`/api/v1/people/${created.body.id}/archive`).set(admin).expect(200);
    expect(archived.body.archivedAt).not.toBeNull();
    await t.http().delete(`/api/v1/people/${created.body.id}`).set(admin).expect(404);
    await signIn('nghi.huu', 'mat-khau-nghi-huu').expect(401);
    await t.http().get('/api/v1/auth/me').set(token).expect(401);

    const active = await t.http().get('/api/v1/people').query({ q: 'nghi.huu' }).set(admin).expect(200);
    expect(active.body.items).toEqual([]);
    const withArchived = await t.http().get('/api/v1/people').query({ q: 'nghi.huu', includeArchived: true }).set(admin).expect(200);
    expect(withArchived.body.items).toHaveLength(1);
    expect((await t.http().patch(`/api/v1/people/${created.body.id}`).set(admin).send({ fullName: 'x' }).expect(409)).body.code).toBe('PERSON_ARCHIVED');

    await t.http().post(`/api/v1/people/${created.body.id}/restore`).set(admin).expect(200);
    await signIn('nghi.huu', 'mat-khau-nghi-huu').expect(200);
  });

  it('refuses to archive the last administrator', async () => {
    const me = await t.http().get('/api/v1/auth/me').set(admin).expect(200);
    const refused = await t.http().post(`/api/v1/people/${me.body.personId}/archive`).set(admin).expect(409);
    expect(refused.body.code).toBe('LAST_ADMIN');
    await signIn('admin', DEMO_PASSWORD).expect(200);
  });
});
