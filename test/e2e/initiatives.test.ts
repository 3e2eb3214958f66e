import { binaryBody } from '../support/binary-body';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n% mô tả sáng kiến\n%%EOF\n');

/**
 * Initiatives from application to recognition: a unit submits one of its people's initiatives with a file, the
 * Initiatives Council (the demo's two council members) votes by secret ballot, the decision recognises it, and
 * eligibility for CSTĐCS, which asks for an initiative when results are only good, follows.
 */
describe('initiatives and the Initiatives Council (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let unitId: string;
  const ids: Record<string, string> = {};

  const submit = (body: Record<string, unknown>, as = officer) =>
    t.http().post('/api/v1/initiatives').set(as).send({ unitId, year: 2020, scope: 'unit', description: 'Phần mềm lập lịch phiên tòa và nhắc hạn kiểm sát.', benefits: 'Rút ngắn thời gian chuẩn bị hồ sơ một nửa.', ...body });
  const vote = async (pollId: string, username: string, choice: string) =>
    t.http().post(`/api/v1/polls/${pollId}/ballots`).set(await bearerFor(t, username)).send({ choice }).expect(201);
  const cstdcs = async (personId: string) =>
    (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'CSTDCS', personId }).set(admin).expect(200)).body.candidates[0] as {
      eligible: boolean;
      reasons: Array<{ rule: string; met: boolean; text: string }>;
    };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const send = (kind: string, lines: string[]) => t.http().post(`/api/v1/imports/${kind}`).set(admin).set('Content-Type', 'text/csv').send(lines.join('\n')).expect(201);
    await send('units', ['code,name,shortName,parentCode', 'VKS-SK,Viện kiểm sát nhân dân tỉnh Sáng Kiến,VKSND Sáng Kiến,VKSNDTC']);
    await send('people', ['username,fullName,unitCode,mandateRole,validFrom,password', 'sk.hoa,Vũ Thị Hoa,,,,', 'sk.long,Đặng Văn Long,,,,', 'sk.canbo,Ngô Thị Cán Bộ,VKS-SK,officer,2020-01-01,mat-khau-kiem-thu']);
    await send('commendation-records', [
      'record,username,unitCode,year,title,taskResult,decisionNumber,signedOn,issuer',
      'staff,sk.hoa,VKS-SK,2020,,good,,,',
      'staff,sk.long,VKS-SK,2020,,good,,,',
      'title,sk.hoa,,2020,LDTT,,9/QĐ-VKS-SK,2020-12-28,Viện trưởng VKSND Sáng Kiến',
    ]);
    const people = (await t.http().get('/api/v1/people').query({ q: 'sk.' }).set(admin).expect(200)).body.items as Array<{ id: string; username: string }>;
    for (const person of people) ids[person.username] = person.id;
    unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-SK' }).set(admin).expect(200)).body.items[0].id;
    officer = await bearerFor(t, 'sk.canbo', 'mat-khau-kiem-thu');
  });
  afterAll(() => t.close());

  it('recognises an initiative the council voted for, and CSTĐCS eligibility then counts it', async () => {
    const before = await cstdcs(ids['sk.hoa']);
    expect(before.eligible).toBe(false);
    expect(before.reasons.find((reason) => reason.rule === 'CSTDCS.excellent-results-or-initiative')!.met).toBe(false);

    const submitted = (await submit({ personId: ids['sk.hoa'], name: 'Phần mềm lập lịch phiên tòa' }).expect(201)).body;
    expect(submitted).toMatchObject({ status: 'submitted', author: { fullName: 'Vũ Thị Hoa' }, unit: { code: 'VKS-SK' }, requestedScope: 'unit', pollId: null, decision: null });
    const attached = (await t.http().post(`/api/v1/initiatives/${submitted.id}/attachments`).set(officer).attach('file', PDF, 'Mô tả sáng kiến.pdf').expect(200)).body;
    expect(attached.attachments).toEqual([expect.objectContaining({ name: 'Mô tả sáng kiến.pdf', mediaType: 'application/pdf', sizeBytes: PDF.length })]);
    const download = await t.http().get(`/api/v1/initiatives/${submitted.id}/attachments/${attached.attachments[0].fileId}`).set(admin).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    // Only the council's secretary or an administrator puts it to the vote; asked twice, the same poll.
    await t.http().post(`/api/v1/initiatives/${submitted.id}/review`).set(officer).expect(403);
    // The page says which roles may, in words.
    const pages = pageSessions(t);
    await pages.session('sk.canbo', 'mat-khau-kiem-thu');
    const notSecretary = await pages.post('sk.canbo', `/commendations/initiatives/${submitted.id}/review`, {}, 403);
    expect(notSecretary.text).toContain('Bạn không có quyền thực hiện thao tác này (cần vai trò: Quản trị hệ thống hoặc Thư ký).');
    const review = (await t.http().post(`/api/v1/initiatives/${submitted.id}/review`).set(admin).expect(200)).body;
    expect(review.status).toBe('in-review');
    const again = (await t.http().post(`/api/v1/initiatives/${submitted.id}/review`).set(admin).expect(200)).body;
    expect(again.pollId).toBe(review.pollId);
    const poll = (await t.http().get(`/api/v1/polls/${review.pollId}`).set(admin).expect(200)).body;
    expect(poll).toMatchObject({ subject: { kind: 'initiative', label: 'Phần mềm lập lịch phiên tòa' }, electorate: { kind: 'people' }, rule: { ballot: 'secret' } });
    expect(poll.electorate.memberIds).toHaveLength(2);
    // Nothing more may be attached once the council has it.
    const late = await t.http().post(`/api/v1/initiatives/${submitted.id}/attachments`).set(officer).attach('file', PDF, 'bo-sung.pdf').expect(409);
    expect(late.body).toMatchObject({ code: 'INITIATIVE_NOT_EDITABLE', message: 'Đơn "Phần mềm lập lịch phiên tòa" đã được đưa ra Hội đồng sáng kiến, không thể bổ sung tài liệu.' });

    // A ballot posted from the page without a choice: the reason in words, in the reader's language.
    const blank = await pages.post('tdkt.vutruong', `/commendations/initiatives/${submitted.id}/ballot`, {}, 422, 'en');
    expect(blank.text).toContain('Invalid ballot: choose agree, disagree or abstain.');
    await vote(review.pollId, 'tdkt.vutruong', 'agree');
    await vote(review.pollId, 'tdkt.chuyenvien', 'agree');
    const missing = await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ signedOn: '2020-11-20' }).expect(422);
    expect(missing.body).toMatchObject({ code: 'DECISION_NUMBER_REQUIRED', details: { path: 'number' } });
    const decided = (await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: '4/QĐ-HĐSK', signedOn: '2020-11-20' }).expect(200)).body;
    expect(decided).toMatchObject({ status: 'recognised', decision: { number: '4/QĐ-HĐSK', signedOn: '2020-11-20', scope: 'unit', vote: { outcome: 'passed' } } });
    expect(decided.decision.vote.summary).toContain('2/2');
    // The same decision sent again answers what was recorded; another is refused.
    expect((await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: '4/QĐ-HĐSK', signedOn: '2020-11-20' }).expect(200)).body.status).toBe('recognised');
    const other = await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: '5/QĐ-HĐSK', signedOn: '2020-11-21' }).expect(409);
    expect(other.body).toMatchObject({ code: 'INITIATIVE_ALREADY_DECIDED', message: 'Đơn "Phần mềm lập lịch phiên tòa" đã có quyết định số 4/QĐ-HĐSK.' });

    const after = await cstdcs(ids['sk.hoa']);
    expect(after.eligible).toBe(true);
    const record = (await t.http().get(`/api/v1/people/${ids['sk.hoa']}/commendation-record`).set(admin).expect(200)).body;
    expect(record.initiatives).toEqual([{ name: 'Phần mềm lập lịch phiên tòa', year: 2020, scope: 'unit', decisionNumber: '4/QĐ-HĐSK' }]);
  });

  it('does not recognise an initiative without more than half of the council, and records that decision', async () => {
    const submitted = (await submit({ name: 'Sổ tay kiểm sát điện tử của đơn vị' }).expect(201)).body;
    expect(submitted.author).toBeNull();
    const undecided = await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: '6/QĐ-HĐSK', signedOn: '2020-11-25' }).expect(409);
    expect(undecided.body.code).toBe('INITIATIVE_NOT_IN_REVIEW');
    const review = (await t.http().post(`/api/v1/initiatives/${submitted.id}/review`).set(admin).expect(200)).body;
    await vote(review.pollId, 'tdkt.vutruong', 'agree');
    await vote(review.pollId, 'tdkt.chuyenvien', 'disagree');
    const decided = (await t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: '6/QĐ-HĐSK', signedOn: '2020-11-25' }).expect(200)).body;
    expect(decided).toMatchObject({ status: 'not-recognised', decision: { number: '6/QĐ-HĐSK', scope: null, vote: { outcome: 'failed' } } });
    const unit = (await t.http().get(`/api/v1/units/${unitId}/commendation-record`).set(admin).expect(200)).body;
    expect(unit.initiatives).toEqual([]);
  });

  it('decides once under concurrent requests', async () => {
    const submitted = (await submit({ personId: ids['sk.long'], name: 'Mẫu biên bản kiểm sát trực tuyến' }).expect(201)).body;
    const review = (await t.http().post(`/api/v1/initiatives/${submitted.id}/review`).set(admin).expect(200)).body;
    await vote(review.pollId, 'tdkt.vutruong', 'agree');
    await vote(review.pollId, 'tdkt.chuyenvien', 'agree');
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, index) => t.http().post(`/api/v1/initiatives/${submitted.id}/decision`).set(admin).send({ number: `1${index % 2}/QĐ-HĐSK`, signedOn: '2020-12-01' })),
    );
    const winners = new Set(racing.filter((r) => r.status === 200).map((r) => r.body.decision.number));
    expect(winners.size).toBe(1);
    expect(racing.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'INITIATIVE_ALREADY_DECIDED'))).toBe(true);
    const record = (await t.http().get(`/api/v1/people/${ids['sk.long']}/commendation-record`).set(admin).expect(200)).body;
    expect(record.initiatives).toHaveLength(1);
  });

  it('refuses authors outside the unit, other units’ officers, unknown applications, and lists by who may see', async () => {
    const outsider = (await t.http().get('/api/v1/people').query({ q: 'thanhhoa.vientruong' }).set(admin).expect(200)).body.items[0];
    const refused = await submit({ personId: outsider.id, name: 'Không thuộc đơn vị' }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'INITIATIVE_AUTHOR_NOT_IN_UNIT',
      message: 'Lê Văn Thành không thuộc biên chế của Viện kiểm sát nhân dân tỉnh Sáng Kiến trong năm 2020, nên đơn vị không thể gửi sáng kiến của người này.',
      details: { path: 'personId' },
    });
    const otherOfficer = await bearerFor(t, 'thanhhoa.canbo');
    expect((await submit({ name: 'Của đơn vị khác' }, otherOfficer).expect(403)).body.code).toBe('INITIATIVE_FORBIDDEN');
    expect((await submit({ name: 'Phạm vi lạ', scope: 'galaxy' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().get('/api/v1/initiatives/00000000-0000-4000-8000-000000000000').set(admin).expect(404)).body.code).toBe('INITIATIVE_NOT_FOUND');

    const mine = (await t.http().get('/api/v1/initiatives').set(officer).expect(200)).body as Array<{ name: string; status: string }>;
    expect(mine.map((row) => `${row.name}: ${row.status}`).sort()).toEqual([
      'Mẫu biên bản kiểm sát trực tuyến: recognised',
      'Phần mềm lập lịch phiên tòa: recognised',
      'Sổ tay kiểm sát điện tử của đơn vị: not-recognised',
    ]);
    expect((await t.http().get('/api/v1/initiatives').set(otherOfficer).expect(200)).body).toEqual([]);
    expect((await t.http().get('/api/v1/initiatives').query({ unitId }).set(otherOfficer).expect(403)).body.code).toBe('INITIATIVE_FORBIDDEN');
    const council = await bearerFor(t, 'tdkt.vutruong');
    expect((await t.http().get('/api/v1/initiatives').query({ status: 'recognised' }).set(council).expect(200)).body).toHaveLength(2);
  });
});
