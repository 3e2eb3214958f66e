import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };

describe('working calendar API: holidays, amendments, working-day arithmetic (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let officer: Auth;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'nghean.canbo');
  });
  afterAll(() => t?.close());

  const workingDay = async (from: string, add: number) =>
    (await t.http().get(`/api/v1/calendar/working-days?from=${from}&add=${add}`).set(officer).expect(200)).body.date as string;
  const year = async (value: number) => (await t.http().get(`/api/v1/calendar/${value}`).set(officer).expect(200)).body;

  it('lists the days off of 2020 to any signed-in person, Tết on 25 January included', async () => {
    await t.http().get('/api/v1/calendar/2020').expect(401);
    const body = await year(2020);
    expect(body.year).toBe(2020);
    expect(body.amendments).toEqual([]);
    expect(body.daysOff).toContainEqual({ date: '2020-01-25', kind: 'holiday', name: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year (Tết)' }, note: null });
    const dates = body.daysOff.map((d: { date: string }) => d.date);
    // The whole official break of 23–29 January, Hùng Kings' day (10/3 lunar = 2 April), 30/4, 1/5 and 2/9.
    expect(dates).toEqual(expect.arrayContaining(['2020-01-23', '2020-01-29', '2020-04-02', '2020-04-30', '2020-05-01', '2020-09-02']));
    expect(dates).toEqual([...dates].sort());
    expect(dates).not.toContain('2020-01-30');
  });

  it('lets an administrator add a compensating Saturday, which changes the working-day result', async () => {
    // Friday 8 May 2020 + 1 working day: normally Monday 11 May.
    expect(await workingDay('2020-05-08', 1)).toBe('2020-05-11');

    const put = await t.http().put('/api/v1/calendar/days/2020-05-09').set(admin).send({ kind: 'working-day', note: ' Làm bù ngày 30/4 ' }).expect(200);
    expect(put.body).toMatchObject({ date: '2020-05-09', kind: 'working-day', note: 'Làm bù ngày 30/4' });
    expect(await workingDay('2020-05-08', 1)).toBe('2020-05-09');
    expect((await year(2020)).amendments).toEqual([expect.objectContaining({ date: '2020-05-09', kind: 'working-day', note: 'Làm bù ngày 30/4' })]);

    // PUT is an upsert: the same day becomes an extra day off, still one amendment.
    await t.http().put('/api/v1/calendar/days/2020-05-09').set(admin).send({ kind: 'day-off' }).expect(200);
    const amended = await year(2020);
    expect(amended.amendments).toEqual([expect.objectContaining({ date: '2020-05-09', kind: 'day-off', note: null })]);
    expect(amended.daysOff).toContainEqual({ date: '2020-05-09', kind: 'amendment', name: null, note: null });
    expect(await workingDay('2020-05-08', 1)).toBe('2020-05-11');

    await t.http().delete('/api/v1/calendar/days/2020-05-09').set(admin).expect(204);
    const gone = await t.http().delete('/api/v1/calendar/days/2020-05-09').set(admin).set('Accept-Language', 'en').expect(404);
    expect(gone.body).toMatchObject({ code: 'CALENDAR_AMENDMENT_NOT_FOUND', message: 'There is no working-calendar amendment for 2020-05-09.' });
    const goneVi = await t.http().delete('/api/v1/calendar/days/2020-05-09').set(admin).expect(404);
    expect(goneVi.body).toMatchObject({ code: 'CALENDAR_AMENDMENT_NOT_FOUND', message: 'Ngày 09/05/2020 không có điều chỉnh lịch làm việc nào.' });
    expect((await year(2020)).amendments).toEqual([]);
  });

  it('drops a holiday made a working day from the days off, and counts an extra day off', async () => {
    await t.http().put('/api/v1/calendar/days/2020-04-30').set(admin).send({ kind: 'working-day' }).expect(200);
    await t.http().put('/api/v1/calendar/days/2020-05-04').set(admin).send({ kind: 'day-off', note: 'Nghỉ thêm' }).expect(200);
    const dates = (await year(2020)).daysOff.map((d: { date: string }) => d.date);
    expect(dates).not.toContain('2020-04-30');
    expect(dates).toContain('2020-05-04');
    // Wednesday 29 April + 1: Thursday 30/4 is now worked; + 2: 1/5 off, weekend, 4/5 off, so Tuesday 5 May.
    expect(await workingDay('2020-04-29', 1)).toBe('2020-04-30');
    expect(await workingDay('2020-04-29', 2)).toBe('2020-05-05');
    expect(await workingDay('2020-04-29', 0)).toBe('2020-04-29');
    await t.http().delete('/api/v1/calendar/days/2020-04-30').set(admin).expect(204);
    await t.http().delete('/api/v1/calendar/days/2020-05-04').set(admin).expect(204);
  });

  it('refuses changes from a non-administrator', async () => {
    const put = await t.http().put('/api/v1/calendar/days/2020-05-09').set(officer).send({ kind: 'working-day' }).expect(403);
    expect(put.body.code).toBe('FORBIDDEN_ROLE');
    await t.http().delete('/api/v1/calendar/days/2020-05-09').set(officer).expect(403);
    await t.http().put('/api/v1/calendar/days/2020-05-09').send({ kind: 'working-day' }).expect(401);
  });

  it.each([
    ['an impossible day', 'put', '/api/v1/calendar/days/2020-02-30', { kind: 'day-off' }, 'date'],
    ['a day not written YYYY-MM-DD', 'put', '/api/v1/calendar/days/9-5-2020', { kind: 'day-off' }, 'date'],
    ['an unknown kind', 'put', '/api/v1/calendar/days/2020-05-09', { kind: 'holiday' }, 'kind'],
    ['an unknown field', 'put', '/api/v1/calendar/days/2020-05-09', { kind: 'day-off', reason: 'x' }, 'reason'],
    ['a note too long', 'put', '/api/v1/calendar/days/2020-05-09', { kind: 'day-off', note: 'x'.repeat(501) }, 'note'],
    ['a day to delete that is not a date', 'delete', '/api/v1/calendar/days/tomorrow', undefined, 'date'],
    ['a start that is not a date', 'get', '/api/v1/calendar/working-days?from=2020-13-01&add=1', undefined, 'from'],
    ['a negative count', 'get', '/api/v1/calendar/working-days?from=2020-05-08&add=-1', undefined, 'add'],
    ['a count that is not a number', 'get', '/api/v1/calendar/working-days?from=2020-05-08&add=two', undefined, 'add'],
    ['a missing count', 'get', '/api/v1/calendar/working-days?from=2020-05-08', undefined, 'add'],
    ['a year out of range', 'get', '/api/v1/calendar/1999', undefined, 'year'],
    ['a year that is not a number', 'get', '/api/v1/calendar/next', undefined, 'year'],
  ] as const)('answers 400 VALIDATION_FAILED for %s', async (_case, method, path, body, field) => {
    const response = await t.http()[method](path).set(admin).send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});
