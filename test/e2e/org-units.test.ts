import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('organisation units API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
  });
  afterAll(() => t.close());

  const unitByCode = async (code: string) => {
    const response = await t.http().get('/api/v1/units').query({ q: code, includeArchived: 'true' }).set(admin).expect(200);
    const unit = response.body.items.find((u: { code: string }) => u.code === code);
    if (!unit) throw new Error(`unit ${code} not found`);
    return unit as { id: string; code: string; parentId: string | null; archivedAt: string | null };
  };
  const createUnit = (body: Record<string, unknown>) => t.http().post('/api/v1/units').set(admin).send(body);

  it('lists units ordered by code, filtered by text and by parent', async () => {
    const all = await t.http().get('/api/v1/units').set(admin).expect(200);
    const codes: string[] = all.body.items.map((u: { code: string }) => u.code);
    // Codes of one shape, so the check holds under any database collation.
    const provincial = codes.filter((code) => code.startsWith('VKS-'));
    expect(provincial).toEqual(['VKS-HTI', 'VKS-NAN', 'VKS-QBI', 'VKS-QTR', 'VKS-THA', 'VKS-TTH']);
    expect(codes.indexOf('VKSNDTC')).toBeLessThan(codes.indexOf('VKSNDTC-TDKT'));
    expect(codes).toEqual(expect.arrayContaining(['VKS-THA', 'VKS-NAN', 'VKSNDTC', 'VKSNDTC-TDKT']));
    expect(all.body.total).toBe(codes.length);

    const byName = await t.http().get('/api/v1/units').query({ q: 'nghệ an' }).set(admin).expect(200);
    expect(byName.body.items.map((u: { code: string }) => u.code)).toEqual(['VKS-NAN']);
    const byCode = await t.http().get('/api/v1/units').query({ q: 'vks-q' }).set(admin).expect(200);
    expect(byCode.body.items.map((u: { code: string }) => u.code)).toEqual(['VKS-QBI', 'VKS-QTR']);

    const supreme = await unitByCode('VKSNDTC');
    const children = await t.http().get('/api/v1/units').query({ parentId: supreme.id }).set(admin).expect(200);
    expect(children.body.items).toHaveLength(7);
    expect(children.body.items.every((u: { parentCode: string }) => u.parentCode === 'VKSNDTC')).toBe(true);

    const page = await t.http().get('/api/v1/units').query({ limit: 2, offset: 1 }).set(admin).expect(200);
    expect(page.body.items.map((u: { code: string }) => u.code)).toEqual(codes.slice(1, 3));
  });

  it('creates, reads and updates a unit', async () => {
    const supreme = await unitByCode('VKSNDTC');
    const created = await createUnit({ code: 'VKS-HNO', name: 'Viện kiểm sát nhân dân thành phố Hà Nội', parentId: supreme.id }).expect(201);
    expect(created.body).toMatchObject({ code: 'VKS-HNO', shortName: null, parentId: supreme.id, parentCode: 'VKSNDTC', archivedAt: null });

    const read = await t.http().get(`/api/v1/units/${created.body.id}`).set(admin).expect(200);
    expect(read.body.name).toBe('Viện kiểm sát nhân dân thành phố Hà Nội');

    const updated = await t.http().patch(`/api/v1/units/${created.body.id}`).set(admin).send({ shortName: 'VKSND Hà Nội', parentId: null }).expect(200);
    expect(updated.body).toMatchObject({ shortName: 'VKSND Hà Nội', parentId: null, code: 'VKS-HNO' });
    expect((await t.http().get(`/api/v1/units/${created.body.id}`).set(admin).expect(200)).body.parentId).toBeNull();
  });

  it('answers a duplicate code with 409 UNIT_CODE_TAKEN, also under concurrent creation', async () => {
    const duplicate = await createUnit({ code: 'VKS-THA', name: 'Bản sao' }).set('Accept-Language', 'en').expect(409);
    expect(duplicate.body).toEqual({ code: 'UNIT_CODE_TAKEN', message: 'Unit code VKS-THA is already in use.' });

    const racers = await Promise.all(Array.from({ length: 5 }, () => createUnit({ code: 'VKS-RACE', name: 'Đua' })));
    expect(racers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);

    const other = await createUnit({ code: 'VKS-DN', name: 'Đà Nẵng' }).expect(201);
    const renamed = await t.http().patch(`/api/v1/units/${other.body.id}`).set(admin).send({ code: 'VKS-NAN' }).expect(409);
    expect(renamed.body.code).toBe('UNIT_CODE_TAKEN');
  });

  it('validates codes and names', async () => {
    const bad = await createUnit({ code: 'vks lower', name: '' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name']);
    await createUnit({ code: 'X', name: 'Quá ngắn' }).expect(400);
    const nullName = await t.http().patch(`/api/v1/units/${(await unitByCode('VKS-THA')).id}`).set(admin).send({ name: null }).expect(400);
    expect(nullName.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
    expect((await t.http().get('/api/v1/units/not-a-uuid').set(admin).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const missing = await t.http().get('/api/v1/units/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
    expect(missing.body.code).toBe('UNIT_NOT_FOUND');
  });

  it('refuses a parent that would create a cycle', async () => {
    const supreme = await unitByCode('VKSNDTC');
    const department = await unitByCode('VKSNDTC-TDKT');
    const division = await createUnit({ code: 'TDKT-P1', name: 'Phòng 1', parentId: department.id }).expect(201);

    const toGrandchild = await t.http().patch(`/api/v1/units/${supreme.id}`).set(admin).send({ parentId: division.body.id }).expect(400);
    expect(toGrandchild.body.code).toBe('UNIT_PARENT_CYCLE');
    const toSelf = await t.http().patch(`/api/v1/units/${department.id}`).set(admin).send({ parentId: department.id }).expect(400);
    expect(toSelf.body.code).toBe('UNIT_PARENT_CYCLE');
    // Nothing changed.
    expect((await unitByCode('VKSNDTC')).parentId).toBeNull();

    // Moving within the tree without a loop is fine.
    const moved = await t.http().patch(`/api/v1/units/${division.body.id}`).set(admin).send({ parentId: supreme.id }).expect(200);
    expect(moved.body.parentCode).toBe('VKSNDTC');
  });

  it('archives instead of deleting, and restores', async () => {
    const unit = await createUnit({ code: 'VKS-ARCH', name: 'Sẽ lưu trữ' }).expect(201);
    const child = await createUnit({ code: 'VKS-ARCH-1', name: 'Trực thuộc', parentId: unit.body.id }).expect(201);

    const blocked = await t.http().post(`/api/v1/units/${unit.body.id}/archive`).set(admin).expect(409);
    expect(blocked.body).toEqual({ code: 'UNIT_HAS_ACTIVE_CHILDREN', message: 'Đơn vị Sẽ lưu trữ (VKS-ARCH) còn 1 đơn vị trực thuộc đang hoạt động; hãy lưu trữ hoặc chuyển chúng trước.' });
    await t.http().post(`/api/v1/units/${child.body.id}/archive`).set(admin).expect(200);
    const archived = await t.http().post(`/api/v1/units/${unit.body.id}/archive`).set(admin).expect(200);
    expect(archived.body.archivedAt).not.toBeNull();

    await t.http().delete(`/api/v1/units/${unit.body.id}`).set(admin).expect(404);
    const listed = await t.http().get('/api/v1/units').query({ q: 'VKS-ARCH' }).set(admin).expect(200);
    expect(listed.body.items).toEqual([]);
    expect((await unitByCode('VKS-ARCH')).archivedAt).not.toBeNull();

    // An archived unit cannot be edited, be a parent, or receive a code again.
    expect((await t.http().patch(`/api/v1/units/${unit.body.id}`).set(admin).send({ name: 'x' }).expect(409)).body.code).toBe('UNIT_ARCHIVED');
    expect((await createUnit({ code: 'VKS-NEW', name: 'x', parentId: unit.body.id }).expect(409)).body.code).toBe('UNIT_ARCHIVED');
    await createUnit({ code: 'VKS-ARCH', name: 'x' }).expect(409);
    // The child cannot come back while its parent is archived.
    const orphan = await t.http().post(`/api/v1/units/${child.body.id}/restore`).set(admin).set('Accept-Language', 'en').expect(409);
    expect(orphan.body).toEqual({ code: 'UNIT_ARCHIVED', message: 'Unit Sẽ lưu trữ (VKS-ARCH) is archived.' });

    const restored = await t.http().post(`/api/v1/units/${unit.body.id}/restore`).set(admin).expect(200);
    expect(restored.body.archivedAt).toBeNull();
    expect((await t.http().get('/api/v1/units').query({ q: 'VKS-ARCH' }).set(admin).expect(200)).body.items.map((u: { code: string }) => u.code)).toEqual(['VKS-ARCH']);
  });

  it('records per year whether a unit was evaluated', async () => {
    const unit = await unitByCode('VKS-QTR');
    const set = await t.http().put(`/api/v1/units/${unit.id}/evaluations/2021`).set(admin).send({ evaluated: false }).expect(200);
    expect(set.body).toMatchObject({ unitId: unit.id, year: 2021, evaluated: false });
    await t.http().put(`/api/v1/units/${unit.id}/evaluations/2021`).set(admin).send({ evaluated: true }).expect(200);

    const list = await t.http().get(`/api/v1/units/${unit.id}/evaluations`).set(admin).expect(200);
    // The demo data recorded 2018–2020 (its staff records); the upsert left one row for 2021.
    expect(list.body.map((e: { year: number; evaluated: boolean }) => [e.year, e.evaluated])).toEqual([
      [2021, true],
      [2020, true],
      [2019, true],
      [2018, true],
    ]);
    expect((await t.http().put(`/api/v1/units/${unit.id}/evaluations/20x1`).set(admin).send({ evaluated: true }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await t.http().put(`/api/v1/units/${unit.id}/evaluations/2021`).set(admin).send({ evaluated: 'yes' }).expect(400);
  });
});
