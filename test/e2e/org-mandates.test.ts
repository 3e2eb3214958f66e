import { bearerFor, startTestApp, TestApp } from '../support/test-app';

describe('organisation mandates API (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const units = await t.http().get('/api/v1/units').set(admin).expect(200);
    for (const unit of units.body.items) ids[unit.code] = unit.id;
    const people = await t.http().get('/api/v1/people').query({ limit: 500 }).set(admin).expect(200);
    for (const person of people.body.items) ids[person.username] = person.id;
  });
  afterAll(() => t.close());

  const createMandate = (body: Record<string, unknown>) => t.http().post('/api/v1/mandates').set(admin).send(body);

  it('creates and reads a mandate', async () => {
    const created = await createMandate({ personId: ids['nghean.canbo'], unitId: ids['VKS-HTI'], role: 'deputy', validFrom: '2020-03-01', validTo: '2020-12-31' }).expect(201);
    expect(created.body).toMatchObject({
      person: { id: ids['nghean.canbo'], username: 'nghean.canbo' },
      unit: { id: ids['VKS-HTI'], code: 'VKS-HTI' },
      role: 'deputy',
      validFrom: '2020-03-01',
      validTo: '2020-12-31',
    });
    const read = await t.http().get(`/api/v1/mandates/${created.body.id}`).set(admin).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('lists mandates by person, unit and the day they are valid on', async () => {
    const person = await t.http().post('/api/v1/people').set(admin).send({ username: 'luan.chuyen', fullName: 'Luân Chuyển' }).expect(201);
    await createMandate({ personId: person.body.id, unitId: ids['VKS-QBI'], role: 'officer', validFrom: '2020-01-01', validTo: '2020-06-30' }).expect(201);
    await createMandate({ personId: person.body.id, unitId: ids['VKS-QTR'], role: 'officer', validFrom: '2020-07-01' }).expect(201);

    const units = async (query: Record<string, string>) =>
      (await t.http().get('/api/v1/mandates').query(query).set(admin).expect(200)).body.items.map((m: { unit: { code: string } }) => m.unit.code);
    expect(await units({ personId: person.body.id })).toEqual(['VKS-QBI', 'VKS-QTR']);
    expect(await units({ personId: person.body.id, validOn: '2020-06-30' })).toEqual(['VKS-QBI']);
    expect(await units({ personId: person.body.id, validOn: '2020-07-01' })).toEqual(['VKS-QTR']);
    expect(await units({ personId: person.body.id, validOn: '2019-12-31' })).toEqual([]);

    const ofUnit = await t.http().get('/api/v1/mandates').query({ unitId: ids['VKS-THA'] }).set(admin).expect(200);
    expect(ofUnit.body.items.map((m: { person: { username: string }; role: string }) => [m.person.username, m.role])).toEqual([
      ['thanhhoa.canbo', 'officer'],
      ['thanhhoa.vientruong', 'head'],
    ]);
    expect((await t.http().get('/api/v1/mandates').query({ validOn: '2020-02-30' }).set(admin).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an end before the start, an unknown role and an archived unit', async () => {
    const dates = await createMandate({ personId: ids['hue.canbo'], unitId: ids['VKS-TTH'], role: 'head', validFrom: '2020-05-01', validTo: '2020-04-30' }).expect(400);
    expect(dates.body.code).toBe('MANDATE_DATES_INVALID');
    // A single-day mandate is fine.
    await createMandate({ personId: ids['hue.canbo'], unitId: ids['VKS-TTH'], role: 'head', validFrom: '2020-05-01', validTo: '2020-05-01' }).expect(201);

    const role = await createMandate({ personId: ids['hue.canbo'], unitId: ids['VKS-TTH'], role: 'chief', validFrom: '2020-05-01' }).expect(400);
    expect(role.body.details).toEqual([expect.objectContaining({ field: 'role' })]);

    const closed = await t.http().post('/api/v1/units').set(admin).send({ code: 'VKS-CLOSED', name: 'Đã giải thể' }).expect(201);
    await t.http().post(`/api/v1/units/${closed.body.id}/archive`).set(admin).expect(200);
    const archived = await createMandate({ personId: ids['hue.canbo'], unitId: closed.body.id, role: 'officer', validFrom: '2020-01-01' }).set('Accept-Language', 'en').expect(409);
    expect(archived.body).toEqual({ code: 'UNIT_ARCHIVED', message: 'Unit Đã giải thể (VKS-CLOSED) is archived.' });
    const archivedVi = await createMandate({ personId: ids['hue.canbo'], unitId: closed.body.id, role: 'officer', validFrom: '2020-01-01' }).expect(409);
    expect(archivedVi.body).toEqual({ code: 'UNIT_ARCHIVED', message: 'Đơn vị Đã giải thể (VKS-CLOSED) đã lưu trữ.' });

    const unknown = await createMandate({ personId: '00000000-0000-4000-8000-000000000000', unitId: ids['VKS-TTH'], role: 'officer', validFrom: '2020-01-01' }).expect(404);
    expect(unknown.body.code).toBe('PERSON_NOT_FOUND');
  });

  it('changes and ends a mandate; an ended mandate no longer lets the person act for the unit', async () => {
    const officer = await bearerFor(t, 'quangtri.canbo');
    await t.http().get('/api/v1/auth/acting-for').set(officer).set('X-Acting-Unit', 'VKS-QTR').expect(200);
    const [mandate] = (await t.http().get('/api/v1/mandates').query({ personId: ids['quangtri.canbo'] }).set(admin).expect(200)).body.items;

    const patched = await t.http().patch(`/api/v1/mandates/${mandate.id}`).set(admin).send({ validTo: '2099-12-31' }).expect(200);
    expect(patched.body.validTo).toBe('2099-12-31');
    const reopened = await t.http().patch(`/api/v1/mandates/${mandate.id}`).set(admin).send({ validTo: null }).expect(200);
    expect(reopened.body.validTo).toBeNull();
    expect((await t.http().patch(`/api/v1/mandates/${mandate.id}`).set(admin).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().patch(`/api/v1/mandates/${mandate.id}`).set(admin).send({ role: 'head', validTo: null }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    const tooEarly = await t.http().post(`/api/v1/mandates/${mandate.id}/end`).set(admin).send({ validTo: '2019-12-31' }).expect(400);
    expect(tooEarly.body.code).toBe('MANDATE_DATES_INVALID');
    await t.http().post(`/api/v1/mandates/${mandate.id}/end`).set(admin).send({}).expect(400);
    const ended = await t.http().post(`/api/v1/mandates/${mandate.id}/end`).set(admin).send({ validTo: '2020-01-31' }).expect(200);
    expect(ended.body.validTo).toBe('2020-01-31');

    const denied = await t.http().get('/api/v1/auth/acting-for').set(officer).set('X-Acting-Unit', 'VKS-QTR').expect(403);
    expect(denied.body.code).toBe('NOT_MANDATED');
    await t.http().delete(`/api/v1/mandates/${mandate.id}`).set(admin).expect(404);
  });
});
