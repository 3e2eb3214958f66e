import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const CLUSTER_UNITS = ['VKS-HTI', 'VKS-NAN', 'VKS-QBI', 'VKS-QTR', 'VKS-THA', 'VKS-TTH'];

describe('organisation clusters API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const unit: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const units = await t.http().get('/api/v1/units').set(admin).expect(200);
    for (const item of units.body.items) unit[item.code] = item.id;
  });
  afterAll(() => t.close());

  const createCluster = (body: Record<string, unknown>) => t.http().post('/api/v1/clusters').set(admin).send(body);
  const cluster2021 = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    year: 2021,
    memberUnitIds: CLUSTER_UNITS.map((code) => unit[code]),
    ...extra,
  });

  it('lists the demo cluster of 2020 with its members, head and deputy', async () => {
    const list = await t.http().get('/api/v1/clusters').query({ year: 2020 }).set(admin).expect(200);
    expect(list.body.total).toBe(1);
    const [demo] = list.body.items;
    expect(demo).toMatchObject({ name: 'Cụm thi đua số 6', year: 2020, headUnit: { code: 'VKS-THA' }, deputyUnit: { code: 'VKS-NAN' } });
    expect(demo.members.map((m: { code: string }) => m.code)).toEqual(CLUSTER_UNITS);
    expect((await t.http().get('/api/v1/clusters').query({ year: 1999 }).set(admin).expect(200)).body.items).toEqual([]);
    const read = await t.http().get(`/api/v1/clusters/${demo.id}`).set(admin).expect(200);
    expect(read.body).toEqual(demo);
  });

  it('creates and updates a cluster', async () => {
    const created = await createCluster(cluster2021('Cụm thi đua số 6', { headUnitId: unit['VKS-NAN'], deputyUnitId: unit['VKS-HTI'] })).expect(201);
    expect(created.body).toMatchObject({ year: 2021, headUnit: { code: 'VKS-NAN' }, deputyUnit: { code: 'VKS-HTI' }, archivedAt: null });
    expect(created.body.members).toHaveLength(6);

    const updated = await t.http()
      .patch(`/api/v1/clusters/${created.body.id}`)
      .set(admin)
      .send({ memberUnitIds: [unit['VKS-NAN'], unit['VKS-HTI'], unit['VKS-QBI']], deputyUnitId: unit['VKS-QBI'], name: 'Cụm thi đua số 6 (mới)' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Cụm thi đua số 6 (mới)', headUnit: { code: 'VKS-NAN' }, deputyUnit: { code: 'VKS-QBI' } });
    expect(updated.body.members.map((m: { code: string }) => m.code)).toEqual(['VKS-HTI', 'VKS-NAN', 'VKS-QBI']);

    const cleared = await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ deputyUnitId: null }).expect(200);
    expect(cleared.body.deputyUnit).toBeNull();
    expect((await t.http().get(`/api/v1/clusters/${created.body.id}`).set(admin).expect(200)).body.members).toHaveLength(3);
  });

  it('answers a duplicate name in the same year with 409 CLUSTER_NAME_TAKEN', async () => {
    const duplicate = await createCluster({ name: 'Cụm thi đua số 6', year: 2020, memberUnitIds: [] }).set('Accept-Language', 'en').expect(409);
    expect(duplicate.body).toEqual({ code: 'CLUSTER_NAME_TAKEN', message: 'Cluster "Cụm thi đua số 6" already exists for 2020.' });
    // The same name in another year is a different cluster.
    await createCluster({ name: 'Cụm thi đua số 6', year: 2019, memberUnitIds: [] }).expect(201);
  });

  it('requires head and deputy to be two different members', async () => {
    const outsider = await createCluster(cluster2021('Cụm A', { headUnitId: unit['VKSNDTC'] })).expect(400);
    expect(outsider.body.code).toBe('CLUSTER_LEADER_NOT_MEMBER');
    const same = await createCluster(cluster2021('Cụm A', { headUnitId: unit['VKS-THA'], deputyUnitId: unit['VKS-THA'] })).expect(400);
    expect(same.body.code).toBe('CLUSTER_LEADER_SAME_UNIT');

    const created = await createCluster(cluster2021('Cụm A', { headUnitId: unit['VKS-THA'] })).expect(201);
    // Dropping the head from the members is refused, and nothing changes.
    const dropped = await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ memberUnitIds: [unit['VKS-NAN']] }).expect(400);
    expect(dropped.body.code).toBe('CLUSTER_LEADER_NOT_MEMBER');
    const sameByPatch = await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ deputyUnitId: unit['VKS-THA'] }).expect(400);
    expect(sameByPatch.body.code).toBe('CLUSTER_LEADER_SAME_UNIT');
    const unchanged = await t.http().get(`/api/v1/clusters/${created.body.id}`).set(admin).expect(200);
    expect(unchanged.body).toMatchObject({ headUnit: { code: 'VKS-THA' }, deputyUnit: null });
    expect(unchanged.body.members).toHaveLength(6);
  });

  it('refuses as head or deputy a unit recorded as not evaluated the year before', async () => {
    await t.http().put(`/api/v1/units/${unit['VKS-QTR']}/evaluations/2021`).set(admin).send({ evaluated: false }).expect(200);
    const members = { memberUnitIds: CLUSTER_UNITS.map((code) => unit[code]), year: 2022 };

    const head = await createCluster({ ...members, name: 'Cụm B', headUnitId: unit['VKS-QTR'] }).set('Accept-Language', 'en').expect(400);
    expect(head.body).toEqual({
      code: 'CLUSTER_LEADER_NOT_EVALUATED',
      message: 'Unit Viện kiểm sát nhân dân tỉnh Quảng Trị was not evaluated in 2021, so it cannot be cluster head or deputy.',
      details: { unitId: unit['VKS-QTR'], year: 2021 },
    });
    const deputy = await createCluster({ ...members, name: 'Cụm B', headUnitId: unit['VKS-THA'], deputyUnitId: unit['VKS-QTR'] }).expect(400);
    expect(deputy.body).toMatchObject({
      code: 'CLUSTER_LEADER_NOT_EVALUATED',
      message: 'Đơn vị Viện kiểm sát nhân dân tỉnh Quảng Trị không được đánh giá, xếp loại năm 2021 nên không thể làm cụm trưởng hoặc cụm phó.',
    });
    // As a plain member it is fine, and so is a unit with no record for 2021.
    const created = await createCluster({ ...members, name: 'Cụm B', headUnitId: unit['VKS-THA'] }).expect(201);

    // Moving the cluster to another year re-checks the rule against that year's predecessor.
    const patched = await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ year: 2021, deputyUnitId: unit['VKS-QTR'] }).expect(200);
    expect(patched.body.deputyUnit.code).toBe('VKS-QTR');
    const back = await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ year: 2022 }).expect(400);
    expect(back.body.code).toBe('CLUSTER_LEADER_NOT_EVALUATED');

    // Once the evaluation is corrected, the unit may lead.
    await t.http().put(`/api/v1/units/${unit['VKS-QTR']}/evaluations/2021`).set(admin).send({ evaluated: true }).expect(200);
    await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ year: 2022 }).expect(200);
  });

  it('refuses unknown and archived member units', async () => {
    const unknown = await createCluster({ name: 'Cụm C', year: 2021, memberUnitIds: ['00000000-0000-4000-8000-000000000000'] }).expect(404);
    expect(unknown.body.code).toBe('UNIT_NOT_FOUND');
    const closed = await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-OLD', name: 'Cũ' }).expect(201);
    await t.http().post(`/api/v1/units/${closed.body.id}/archive`).set(admin).expect(200);
    expect((await createCluster({ name: 'Cụm C', year: 2021, memberUnitIds: [closed.body.id] }).expect(409)).body).toEqual({ code: 'UNIT_ARCHIVED', message: 'Đơn vị Cũ (VKS-OLD) đã lưu trữ.' });
    const repeated = await createCluster({ name: 'Cụm C', year: 2021, memberUnitIds: [unit['VKS-THA'], unit['VKS-THA']] }).expect(400);
    expect(repeated.body.details).toEqual([expect.objectContaining({ field: 'memberUnitIds' })]);
  });

  it('archives instead of deleting', async () => {
    const created = await createCluster({ name: 'Cụm D', year: 2021, memberUnitIds: [unit['VKS-THA']] }).expect(201);
    await t.http().delete(`/api/v1/clusters/${created.body.id}`).set(admin).expect(404);
    const archived = await t.http().post(`/api/v1/clusters/${created.body.id}/archive`).set(admin).expect(200);
    expect(archived.body.archivedAt).not.toBeNull();

    const names = async (query: Record<string, unknown>) =>
      (await t.http().get('/api/v1/clusters').query({ year: 2021, ...query }).set(admin).expect(200)).body.items.map((c: { name: string }) => c.name);
    expect(await names({})).not.toContain('Cụm D');
    expect(await names({ includeArchived: true })).toContain('Cụm D');
    expect((await t.http().patch(`/api/v1/clusters/${created.body.id}`).set(admin).send({ name: 'x' }).expect(409)).body.code).toBe('CLUSTER_ARCHIVED');

    await t.http().post(`/api/v1/clusters/${created.body.id}/restore`).set(admin).expect(200);
    expect(await names({})).toContain('Cụm D');
  });
});
