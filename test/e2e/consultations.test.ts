import { Clock } from '../../src/modules/calendar/clock';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

/**
 * The public consultation (công khai) on proposals: a window of working days on the working calendar, objections taken
 * only inside it, everyone signed in reading the open ones. Proposals of Thanh Hóa's demo staff for LĐTT 2020.
 */
describe('public consultation on proposals (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let hatinh: { Authorization: string };
  const proposals: Array<{ id: string; name: string }> = [];

  const open = (proposalId: string, body: Record<string, unknown>, as = admin) => t.http().post(`/api/v1/commendation-proposals/${proposalId}/consultation`).set(as).send(body);
  const object = (id: string, text: string, as = hatinh) => t.http().post(`/api/v1/consultations/${id}/objections`).set(as).send({ text });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    hatinh = await bearerFor(t, 'hatinh.canbo');
    const officer = await bearerFor(t, 'thanhhoa.canbo');
    const unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-THA' }).set(admin).expect(200)).body.items[0].id;
    const candidates = (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200)).body.candidates as Array<{ id: string; name: string; eligible: boolean }>;
    const eligible = candidates.filter((candidate) => candidate.eligible).slice(0, 3);
    expect(eligible).toHaveLength(3);
    const made = (await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: eligible.map((c) => ({ personId: c.id })) }).expect(201)).body;
    for (const proposal of made as Array<{ id: string; candidate: { name: string } }>) proposals.push({ id: proposal.id, name: proposal.candidate.name });
  });
  afterAll(() => t.close());

  it('takes objections during the window of working days, and lists the open consultations for everyone', async () => {
    // Thursday 12 November 2020, 09:00 in Vietnam: ten working days, weekends skipped, end on Wednesday 25 November.
    t.app.get(Clock).set(new Date('2020-11-12T02:00:00Z'));
    const opened = (await open(proposals[0].id, {}).expect(201)).body;
    expect(opened).toMatchObject({ opensOn: '2020-11-12', closesOn: '2020-11-25', workingDays: 10, open: true, proposal: { candidate: proposals[0].name, title: 'LDTT', titleName: { vi: 'Lao động tiên tiến', en: expect.any(String) }, year: 2020 } });

    const objected = (await object(opened.id, 'Đề nghị làm rõ kết quả kiểm sát năm 2020.').expect(201)).body;
    expect(objected.objections).toEqual([expect.objectContaining({ text: 'Đề nghị làm rõ kết quả kiểm sát năm 2020.' })]);
    const listed = (await t.http().get('/api/v1/consultations').set(hatinh).expect(200)).body as Array<{ id: string; objections: Array<{ author: string }> }>;
    expect(listed.map((c) => c.id)).toEqual([opened.id]);
    expect(listed[0].objections).toHaveLength(1);
    expect((await object(opened.id, '   ').expect(422)).body).toMatchObject({ code: 'OBJECTION_TEXT_REQUIRED', details: { path: 'text' } });
    expect((await open(proposals[0].id, { workingDays: 3 }).expect(409)).body.code).toBe('CONSULTATION_EXISTS');

    // The last day still takes objections; the next working day does not.
    t.app.get(Clock).set(new Date('2020-11-25T16:00:00Z'));
    await object(opened.id, 'Ý kiến ngày cuối.').expect(201);
    t.app.get(Clock).set(new Date('2020-11-26T02:00:00Z'));
    expect((await object(opened.id, 'Ý kiến quá hạn.').expect(409)).body.code).toBe('CONSULTATION_CLOSED');
    expect((await t.http().get(`/api/v1/consultations/${opened.id}`).set(hatinh).expect(200)).body.objections).toHaveLength(2);
  });

  it('counts the window from the first working day and refuses objections after it, or before it opens', async () => {
    t.app.get(Clock).set(new Date('2026-12-02T02:00:00Z'));
    // Saturday 31 October 2020: the window opens on Monday 2 November; five working days end on Friday 6 November.
    const past = (await open(proposals[1].id, { opensOn: '2020-10-31', workingDays: 5 }).expect(201)).body;
    expect(past).toMatchObject({ opensOn: '2020-11-02', closesOn: '2020-11-06', open: false });
    const late = await object(past.id, 'Ý kiến gửi muộn.').expect(409);
    expect(late.body).toMatchObject({ code: 'CONSULTATION_CLOSED', message: 'Thời hạn lấy ý kiến đã kết thúc ngày 06/11/2020; không nhận thêm ý kiến.' });
    // In English the day as English readers take it unambiguously, not the Vietnamese day-first form.
    const lateEn = await object(past.id, 'Ý kiến gửi muộn.').set('Accept-Language', 'en').expect(409);
    expect(lateEn.body.message).toBe('The consultation closed on 2020-11-06; no more objections are taken.');
    expect((await t.http().get(`/api/v1/consultations/${past.id}`).set(hatinh).expect(200)).body.objections).toEqual([]);

    const future = (await open(proposals[2].id, { opensOn: '2099-01-05', workingDays: 2 }).expect(201)).body;
    expect((await object(future.id, 'Ý kiến gửi sớm.').expect(409)).body).toMatchObject({ code: 'CONSULTATION_NOT_OPEN', message: 'Thời hạn lấy ý kiến bắt đầu từ ngày 05/01/2099.' });
    const listed = (await t.http().get('/api/v1/consultations').set(hatinh).expect(200)).body as Array<{ id: string }>;
    expect(listed.map((c) => c.id)).not.toContain(past.id);
    expect(listed.map((c) => c.id)).not.toContain(future.id);
  });

  it('lets only the secretary or an administrator open one, on a proposal that exists', async () => {
    await open(proposals[1].id, {}, hatinh).expect(403);
    expect((await open('00000000-0000-4000-8000-000000000000', {}).expect(404)).body.code).toBe('PROPOSAL_NOT_FOUND');
    expect((await t.http().get('/api/v1/consultations/00000000-0000-4000-8000-000000000000').set(hatinh).expect(404)).body.code).toBe('CONSULTATION_NOT_FOUND');
    expect((await open(proposals[1].id, { workingDays: 0 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
