import { Workbook } from 'exceljs';
import { binaryBody } from '../support/binary-body';
import { pdfText } from '../support/pdf-text';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

/**
 * The records commendations are judged on: a unit's past years imported from CSV, eligibility with reasons and caps
 * under the rule pack of the year, a person's record, and a revocation that changes the eligibility it fed.
 * A unit of its own (VKS-KT) keeps these figures apart from the demo cluster's.
 */
describe('commendation records and eligibility (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const ids: Record<string, string> = {};
  let unitId: string;

  const csv = (lines: string[]) => lines.join('\n');
  const importRecords = (lines: string[], query: Record<string, string> = {}) =>
    t.http().post('/api/v1/imports/commendation-records').query(query).set(admin).set('Content-Type', 'text/csv; charset=utf-8').send(csv(lines));
  const eligibility = (query: Record<string, string | number>, as = admin) => t.http().get('/api/v1/eligibility').query({ unitId, ...query }).set(as);
  interface CandidateRow {
    name: string;
    eligible: boolean;
    reasons: Array<{ rule: string; met: boolean | 'pending-vote'; text: string }>;
  }
  const candidate = (body: { candidates: CandidateRow[] }, name: string) => body.candidates.find((c) => c.name === name)!;

  const HEADER = 'record,username,unitCode,year,title,taskResult,scope,name,from,to,level,recruitedOn,decisionNumber,signedOn,issuer';
  const RECORDS = [
    HEADER,
    'staff,kt.an,VKS-KT,2019,,excellent,,,,,,2015-09-01,,,',
    'staff,kt.an,VKS-KT,2020,,excellent,,,,,,,,,',
    'staff,kt.binh,VKS-KT,2020,,good,,,,,,2018-03-01,,,',
    'staff,kt.cuong,VKS-KT,2020,,good,,,,,,,,,',
    'staff,kt.dung,VKS-KT,2020,,completed,,,,,,,,,',
    'staff,kt.em,VKS-KT,2024,,excellent,,,,,,2010-01-15,,,',
    'unit-result,,VKS-KT,2020,,excellent,,,,,,,,,',
    'title,kt.an,,2019,LDTT,,,,,,,,12/QĐ-VKS-KT,2019-12-28,Viện trưởng VKSND Kiểm thử',
    'title,kt.an,,2020,LDTT,,,,,,,,15/QĐ-VKS-KT,2020-12-29,Viện trưởng VKSND Kiểm thử',
    'title,kt.binh,,2020,LDTT,,,,,,,,15/QĐ-VKS-KT,2020-12-29,Viện trưởng VKSND Kiểm thử',
    'title,kt.cuong,,2020,LDTT,,,,,,,,15/QĐ-VKS-KT,2020-12-29,Viện trưởng VKSND Kiểm thử',
    'initiative,kt.binh,,2020,,,unit,"Số hóa hồ sơ kiểm sát, lưu trữ điện tử",,,,,3/QĐ-HĐSK,,',
    'absence,kt.dung,,,,,,,2020-02-01,2020-03-15,,,,,',
    'discipline,kt.em,,,,,,,2024-03-10,,reprimand,,,,',
  ];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const send = (kind: string, lines: string[]) => t.http().post(`/api/v1/imports/${kind}`).set(admin).set('Content-Type', 'text/csv').send(csv(lines)).expect(201);
    await send('units', ['code,name,shortName,parentCode', 'VKS-KT,Viện kiểm sát nhân dân tỉnh Kiểm Thử,VKSND Kiểm Thử,VKSNDTC']);
    await send('people', [
      'username,fullName,unitCode,mandateRole,validFrom,password',
      'kt.an,Nguyễn Văn An,,,,',
      'kt.binh,Trần Thị Bình,,,,',
      'kt.cuong,Lê Văn Cường,,,,',
      'kt.dung,Phạm Thị Dung,,,,',
      'kt.em,Hoàng Văn Em,,,,',
      'kt.canbo,Đỗ Thị Cán Bộ,VKS-KT,officer,2020-01-01,mat-khau-kiem-thu',
    ]);
    const people = (await t.http().get('/api/v1/people').query({ q: 'kt.' }).set(admin).expect(200)).body.items as Array<{ id: string; username: string }>;
    for (const person of people) ids[person.username] = person.id;
    unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-KT' }).set(admin).expect(200)).body.items[0].id;
  });
  afterAll(() => t.close());

  it('imports a unit’s past years all at once, after a dry run that stores nothing, and refuses the same file twice', async () => {
    const dry = await importRecords(RECORDS, { dryRun: 'true' }).expect(200);
    expect(dry.body).toEqual({ rows: 14, created: { staff: 0, 'unit-result': 0, title: 0, initiative: 0, absence: 0, discipline: 0 }, dryRun: true });
    expect((await t.http().get(`/api/v1/people/${ids['kt.an']}/commendation-record`).set(admin).expect(200)).body.years).toEqual([]);

    const imported = await importRecords(RECORDS).expect(201);
    expect(imported.body).toEqual({ rows: 14, created: { staff: 6, 'unit-result': 1, title: 4, initiative: 1, absence: 1, discipline: 1 }, dryRun: false });

    const again = await importRecords(RECORDS).expect(422);
    expect(again.body.code).toBe('CSV_INVALID');
    const repeated = again.body.details.filter((d: { code: string }) => d.code === 'ALREADY_RECORDED').map((d: { row: number }) => d.row);
    // Every staff year and every title is already there (lines 2–7 and 9–12); the unit's same result is no conflict.
    expect(repeated).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12]);
    const register = await t.http().get('/api/v1/commendations').query({ personId: ids['kt.an'] }).set(admin).expect(200);
    expect(register.body.total).toBe(2);
  });

  it('refuses a file with bad lines, naming each line, field and problem in Vietnamese, and stores nothing', async () => {
    const bad = await importRecords([
      HEADER, // 1
      'staff,kt.an,VKS-KT,2021,,excellent,,,,,,,,,', // 2: fine on its own
      'title,kt.an,,2021,CSTD-XYZ,,,,,,,,1/QĐ,2021-12-01,Viện trưởng', // 3: no such title in the year's pack
      'title,kt.an,VKS-KT,2021,LDTT,,,,,,,,1/QĐ,2021-12-01,Viện trưởng', // 4: a person and a unit
      'staff,kt.khong-co,VKS-KT,20x1,,,,,,,,,,,', // 5: unknown person, bad year
      'absence,kt.an,,,,,,,2021-05-01,2021-04-01,,,,,', // 6: ends before it starts
      'discipline,kt.an,,,,,,,2021-05-01,,scolding,,,,', // 7: unknown level
      'unit-result,,VKS-KT,2021,,excellent,,,,,,2021-01-01,,,', // 8: recruitedOn is not for a unit's result
      'title,,VKS-KT,2021,LDTT,,,,,,,,1/QĐ,2021-12-01,Viện trưởng', // 9: LĐTT is a person's title
    ]).expect(422);
    const problems = bad.body.details.map((d: { row: number; field: string | null; code: string }) => `${d.row} ${d.field} ${d.code}`);
    expect(problems).toEqual([
      '3 title UNKNOWN_TITLE',
      '4 username ONE_RECIPIENT',
      '5 year INVALID_YEAR',
      '5 username UNKNOWN_PERSON',
      '6 to DATES_REVERSED',
      '7 level INVALID_CHOICE',
      '8 recruitedOn NOT_FOR_KIND',
      '9 title TITLE_SUBJECT',
    ]);
    expect(bad.body.details[0].message).toBe('Bộ quy định năm 2021 không có danh hiệu "CSTD-XYZ" (có: LDTT, CSTDCS, CSTD-NGANH, CSTD-TOAN-QUOC, TTLDTT, TTLDXS, CO-THI-DUA-NGANH, CO-THI-DUA-CHINH-PHU, GIAY-KHEN, GIAY-KHEN-TAP-THE, BANG-KHEN-VKSTC, BANG-KHEN-VKSTC-TAP-THE).');
    const record = await t.http().get(`/api/v1/people/${ids['kt.an']}/commendation-record`).set(admin).expect(200);
    expect(record.body.years.map((y: { year: number }) => y.year)).toEqual([2019, 2020]);
  });

  it('says who of the unit may be proposed for CSTĐCS in 2020 and why, with the cap on LĐTT holders', async () => {
    const list = await eligibility({ year: 2020, title: 'CSTDCS' }).expect(200);
    expect(list.body.pack).toMatchObject({ key: 'rules-before-2024' });
    expect(list.body.title).toEqual({ code: 'CSTDCS', name: 'Chiến sĩ thi đua cơ sở', subject: 'person' });
    expect(list.body.candidates.map((c: { name: string; eligible: boolean }) => `${c.name}: ${c.eligible}`)).toEqual([
      'Lê Văn Cường: false', // LĐTT but neither excellent results nor an initiative
      'Nguyễn Văn An: true', // LĐTT 2020 and excellent results
      'Phạm Thị Dung: false', // no LĐTT
      'Trần Thị Bình: true', // LĐTT 2020 and an initiative recognised in 2020
    ]);
    const dung = candidate(list.body, 'Phạm Thị Dung');
    expect(dung.reasons.find((r) => r.rule === 'CSTDCS.same-year-LDTT')).toMatchObject({
      met: false,
      text: 'Chưa đủ điều kiện CSTĐCS năm 2020: chưa có danh hiệu Lao động tiên tiến năm 2020',
    });
    expect(candidate(list.body, 'Nguyễn Văn An').reasons[0].text).toContain('quyết định số 15/QĐ-VKS-KT');
    // 15 % of the 3 LĐTT holders is 0.45: no CSTĐCS may be proposed, and the two eligible exceed it.
    expect(list.body.caps).toEqual(['Vượt giới hạn: tối đa 15% × 3 người có LĐTT = 0,45 → 0 CSTĐCS (đề nghị 2)']);

    const english = await eligibility({ year: 2020, title: 'CSTDCS', lang: 'en' }).expect(200);
    expect(candidate(english.body, 'Phạm Thị Dung').reasons[0].text).toBe('Not eligible for CSTĐCS in 2020: no Advanced Worker title in 2020');
  });

  it('judges 2024 by the Procuracy’s 2024 rules: a reprimand that year bars LĐTT', async () => {
    const list = await eligibility({ year: 2024, title: 'LDTT' }).expect(200);
    expect(list.body.pack.key).toBe('rules-2024-procuracy');
    const em = candidate(list.body, 'Hoàng Văn Em');
    expect(em.eligible).toBe(false);
    expect(em.reasons.filter((r) => r.met === false).map((r) => r.text)).toEqual([
      expect.stringMatching(/^Chưa đủ điều kiện LĐTT năm 2024: bị kỷ luật khiển trách do vi phạm ngày 10\/03\/2024/),
    ]);
  });

  it('revokes an award: it stays on the record, marked, and no longer counts', async () => {
    const register = await t.http().get('/api/v1/commendations').query({ personId: ids['kt.an'], year: 2020 }).set(admin).expect(200);
    const award = register.body.items[0];
    expect((await t.http().post(`/api/v1/commendations/${award.id}/revocation`).set(admin).send({ reason: '   ' }).expect(422)).body.code).toBe('REVOCATION_REASON_REQUIRED');
    const revoked = await t.http().post(`/api/v1/commendations/${award.id}/revocation`).set(admin).send({ reason: 'Kê khai thành tích không đúng', decisionNumber: '2/QĐ-VKS-KT' }).expect(200);
    expect(revoked.body.revocation).toMatchObject({ reason: 'Kê khai thành tích không đúng', decisionNumber: '2/QĐ-VKS-KT' });
    const twice = await t.http().post(`/api/v1/commendations/${award.id}/revocation`).set(admin).send({ reason: 'Lần hai' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'COMMENDATION_ALREADY_REVOKED', message: 'Khen thưởng này đã bị thu hồi theo quyết định 2/QĐ-VKS-KT.' });
    const unknown = await t.http().post('/api/v1/commendations/00000000-0000-4000-8000-000000000000/revocation').set(admin).send({ reason: 'Không có' }).expect(404);
    expect(unknown.body.code).toBe('COMMENDATION_NOT_FOUND');

    const after = await eligibility({ year: 2020, title: 'CSTDCS', personId: ids['kt.an'] }).expect(200);
    expect(after.body.candidates).toHaveLength(1);
    expect(after.body.candidates[0]).toMatchObject({ name: 'Nguyễn Văn An', eligible: false });
    expect(after.body.candidates[0].reasons[0].text).toBe(
      'Chưa đủ điều kiện CSTĐCS năm 2020: chưa có danh hiệu Lao động tiên tiến năm 2020 (danh hiệu theo quyết định số 15/QĐ-VKS-KT đã bị thu hồi)',
    );
    const record = await t.http().get(`/api/v1/people/${ids['kt.an']}/commendation-record`).set(admin).expect(200);
    expect(record.body.person).toMatchObject({ fullName: 'Nguyễn Văn An', recruitedOn: '2015-09-01' });
    expect(record.body.years).toEqual([
      { year: 2019, unit: { unitId, code: 'VKS-KT', name: 'Viện kiểm sát nhân dân tỉnh Kiểm Thử' }, taskResult: 'excellent' },
      { year: 2020, unit: { unitId, code: 'VKS-KT', name: 'Viện kiểm sát nhân dân tỉnh Kiểm Thử' }, taskResult: 'excellent' },
    ]);
    expect(record.body.commendations.map((c: { year: number; title: { code: string }; revocation: unknown }) => [c.year, c.title.code, c.revocation !== null])).toEqual([
      [2019, 'LDTT', false],
      [2020, 'LDTT', true],
    ]);
  });

  it('refuses unknown titles, years before any rule pack, candidates of another unit and readers without a mandate', async () => {
    const unknown = await eligibility({ year: 2020, title: 'CSTD-XYZ' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'TITLE_UNKNOWN' });
    expect(unknown.body.message).toContain('không có danh hiệu "CSTD-XYZ"');
    // Each title the rules have, by the code to send and its name.
    expect(unknown.body.message).toContain('LDTT (Lao động tiên tiến)');
    expect((await eligibility({ year: 2010, title: 'LDTT' }).expect(422)).body.code).toBe('RULE_PACK_NONE');
    const demoHead = (await t.http().get('/api/v1/people').query({ q: 'thanhhoa.vientruong' }).set(admin).expect(200)).body.items[0];
    const stranger = await eligibility({ year: 2020, title: 'CSTDCS', personId: demoHead.id }).expect(422);
    expect(stranger.body.message).toBe('Lê Văn Thành không thuộc biên chế của Viện kiểm sát nhân dân tỉnh Kiểm Thử trong năm 2020, nên đơn vị không thể đề nghị khen thưởng cho người này.');

    const officer = await bearerFor(t, 'kt.canbo', 'mat-khau-kiem-thu');
    await eligibility({ year: 2020, title: 'CSTDCS' }, officer).expect(200);
    const otherOfficer = await bearerFor(t, 'thanhhoa.canbo');
    expect((await eligibility({ year: 2020, title: 'CSTDCS' }, otherOfficer).expect(403)).body.code).toBe('ELIGIBILITY_FORBIDDEN');
    expect((await t.http().get(`/api/v1/people/${ids['kt.an']}/commendation-record`).set(otherOfficer).expect(403)).body.code).toBe('PERSON_RECORD_FORBIDDEN');
    await t.http().get(`/api/v1/people/${ids['kt.an']}/commendation-record`).set(officer).expect(200);
    await t.http().post('/api/v1/imports/commendation-records').set(officer).set('Content-Type', 'text/csv').send(csv(RECORDS)).expect(403);
  });

  it('records a unit’s proposals only for eligible candidates, an administrator’s override with its reason, within the caps, once each', async () => {
    const officer = await bearerFor(t, 'kt.canbo', 'mat-khau-kiem-thu');
    const propose = (body: Record<string, unknown>, as = officer) => t.http().post('/api/v1/commendation-proposals').set(as).send({ unitId, year: 2020, ...body });
    const made = await propose({ title: 'LDTT', candidates: [{ personId: ids['kt.an'] }, { personId: ids['kt.binh'] }] }).expect(201);
    expect(made.body.map((p: { candidate: { name: string }; eligible: boolean }) => `${p.candidate.name}: ${p.eligible}`)).toEqual(['Nguyễn Văn An: true', 'Trần Thị Bình: true']);

    // Phạm Thị Dung only completed her tasks: refused with the reason, and nothing of the request is kept.
    const refused = await propose({ title: 'LDTT', candidates: [{ personId: ids['kt.cuong'] }, { personId: ids['kt.dung'] }] }).expect(422);
    expect(refused.body).toMatchObject({ code: 'PROPOSAL_INELIGIBLE', details: [{ name: 'Phạm Thị Dung', reasons: [expect.stringContaining('Chưa đủ điều kiện LĐTT năm 2020')] }] });
    expect(refused.body.message).toContain('Phạm Thị Dung chưa đủ điều kiện');
    const override = (reason: string, as = admin) => propose({ title: 'LDTT', candidates: [{ personId: ids['kt.dung'], override: { reason } }] }, as);
    expect((await override('Thành tích đột xuất', officer).expect(403)).body.code).toBe('OVERRIDE_FORBIDDEN');
    expect((await override('  ').expect(422)).body).toMatchObject({ code: 'OVERRIDE_REASON_REQUIRED', message: 'Đề nghị vượt điều kiện cho Phạm Thị Dung cần ghi rõ lý do.' });
    const overridden = await override('Thành tích đột xuất trong phòng, chống tội phạm').expect(201);
    expect(overridden.body[0]).toMatchObject({ eligible: false, overrideReason: 'Thành tích đột xuất trong phòng, chống tội phạm' });

    expect((await propose({ title: 'LDTT', candidates: [{ personId: ids['kt.an'] }] }).expect(409)).body.code).toBe('PROPOSAL_EXISTS');
    // Ten identical requests at once: one proposal.
    const racing = await Promise.all(Array.from({ length: 10 }, () => propose({ title: 'LDTT', candidates: [{ personId: ids['kt.cuong'] }] })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    // Refused in the transaction or by the unique key when two commit together: either way by name and title in words.
    const refusals = new Set(racing.filter((r) => r.status === 409).map((r) => r.body.message as string));
    expect(refusals.size).toBe(1);
    expect([...refusals][0]).toMatch(/LĐTT/);
    expect([...refusals][0]).not.toMatch(/—|LDTT/);

    // LĐTT 2020 decided (Bình, Cường) or proposed (An, Dung, Cường): 4 holders, and 15 % of 4 allows no CSTĐCS, so
    // Bình, though eligible, exceeds the cap.
    const capped = await propose({ title: 'CSTDCS', candidates: [{ personId: ids['kt.binh'] }] }).expect(422);
    expect(capped.body).toMatchObject({ code: 'CAP_EXCEEDED', message: 'Vượt giới hạn: tối đa 15% × 4 người có LĐTT = 0,6 → 0 CSTĐCS (đề nghị 1). Không có đề nghị nào được ghi.' });
    // An's LĐTT 2020 was revoked, but he is proposed for it again: CSTĐCS counts the proposal, awaiting its decision.
    const an = await eligibility({ year: 2020, title: 'CSTDCS', personId: ids['kt.an'] }).expect(200);
    expect(an.body.candidates[0]).toMatchObject({ eligible: true });
    expect(an.body.candidates[0].reasons[0].text).toBe('Đã được đề nghị danh hiệu Lao động tiên tiến năm 2020 (chờ quyết định)');

    const demoHead = (await t.http().get('/api/v1/people').query({ q: 'thanhhoa.vientruong' }).set(admin).expect(200)).body.items[0];
    expect((await propose({ title: 'LDTT', candidates: [{ personId: demoHead.id }] }).expect(422)).body.code).toBe('CANDIDATE_NOT_IN_UNIT');
    expect((await propose({ title: 'LDTT', candidates: [{ personId: ids['kt.em'] }] }, await bearerFor(t, 'thanhhoa.canbo')).expect(403)).body.code).toBe('PROPOSAL_FORBIDDEN');
    expect((await propose({ title: 'CSTD-XYZ', candidates: [] }).expect(422)).body.code).toBe('TITLE_UNKNOWN');
    expect((await propose({ title: 'LDTT', candidates: [] }).expect(422)).body.code).toBe('PROPOSAL_EMPTY');

    const list = await t.http().get('/api/v1/commendation-proposals').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200);
    expect(list.body.map((p: { candidate: { name: string } }) => p.candidate.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Thị Dung', 'Lê Văn Cường']);
  });

  it('downloads an award’s certificate as a PDF naming the person and the unit; a revoked award has none', async () => {
    const pdf = (id: string, as = admin) =>
      t
        .http()
        .get(`/api/v1/commendations/${id}/certificate.pdf`)
        .set(as)
        .buffer(true)
        .parse(binaryBody);
    const binh = (await t.http().get('/api/v1/commendations').query({ personId: ids['kt.binh'], year: 2020 }).set(admin).expect(200)).body.items[0];
    const officer = await bearerFor(t, 'kt.canbo', 'mat-khau-kiem-thu');
    const response = await pdf(binh.id, officer).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="chung-nhan-2020-${binh.id.replace(/-/g, '').slice(0, 8).toUpperCase()}.pdf"`);
    const text = pdfText(response.body as Buffer);
    for (const line of ['CÔNG NHẬN DANH HIỆU', 'LAO ĐỘNG TIÊN TIẾN', 'Trần Thị Bình', 'Viện kiểm sát nhân dân tỉnh Kiểm Thử', 'Quyết định số 15/QĐ-VKS-KT', 'ngày 29 tháng 12 năm 2020']) {
      expect(text).toContain(line);
    }

    // kt.an's LĐTT 2020 was revoked above.
    const an = (await t.http().get('/api/v1/commendations').query({ personId: ids['kt.an'], year: 2020, title: 'LDTT' }).set(admin).expect(200)).body.items[0];
    expect(an.revocation).not.toBeNull();
    const revoked = await t.http().get(`/api/v1/commendations/${an.id}/certificate.pdf`).set(admin).expect(409);
    expect(revoked.body).toMatchObject({ code: 'CERTIFICATE_REVOKED', message: 'Khen thưởng này đã bị thu hồi theo quyết định 2/QĐ-VKS-KT, nên không cấp giấy chứng nhận.' });
    expect((await t.http().get('/api/v1/commendations/00000000-0000-4000-8000-000000000000/certificate.pdf').set(admin).expect(404)).body.code).toBe('COMMENDATION_NOT_FOUND');
    await t.http().get(`/api/v1/commendations/${binh.id}/certificate.pdf`).expect(401);
  });

  it('exports the register as XLSX with the filters of the list, a revoked award kept with its reason', async () => {
    const response = await t
      .http()
      .get('/api/v1/commendations/export.xlsx')
      .query({ personId: ids['kt.an'], title: 'LDTT' })
      .set(admin)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="so-khen-thuong.xlsx"');
    const body = response.body as Buffer;
    const workbook = new Workbook();
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sổ khen thưởng')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Năm');
    const rows = [3, 4].map((n) => [1, 2, 4, 6, 9].map((c) => sheet.getRow(n).getCell(c).value));
    expect(rows.sort()).toEqual([
      [2019, 'Nguyễn Văn An', 'Lao động tiên tiến', '12/QĐ-VKS-KT', ''],
      [2020, 'Nguyễn Văn An', 'Lao động tiên tiến', '15/QĐ-VKS-KT', 'Kê khai thành tích không đúng (QĐ 2/QĐ-VKS-KT)'],
    ]);
    expect(sheet.rowCount).toBe(4);
  });
  it("shows a unit's record: results and staff by year, its people's titles counted where they served, its own awards and initiatives", async () => {
    await importRecords([
      HEADER,
      'title,,VKS-KT,2020,TTLDTT,,,,,,,,20/QĐ-VKSTC,2021-01-05,Viện trưởng Viện kiểm sát nhân dân tối cao',
      'initiative,,VKS-KT,2020,,,sector,Phần mềm theo dõi án hình sự,,,,,4/QĐ-HĐSK,,',
      'unit-result,,VKS-KT,2019,,good,,,,,,,,,',
    ]).expect(201);
    const officer = await bearerFor(t, 'kt.canbo', 'mat-khau-kiem-thu');
    const record = (await t.http().get(`/api/v1/units/${unitId}/commendation-record`).set(officer).expect(200)).body;
    expect(record.unit).toEqual({ unitId, code: 'VKS-KT', name: 'Viện kiểm sát nhân dân tỉnh Kiểm Thử' });
    // An's LĐTT 2020 was revoked above: 2020 counts Bình's and Cường's only.
    const ldtt = (count: number) => [{ code: 'LDTT', label: expect.objectContaining({ vi: 'Lao động tiên tiến' }), count }];
    expect(record.years).toEqual([
      { year: 2019, evaluated: true, taskResult: 'good', staff: 1, personalTitles: ldtt(1) },
      { year: 2020, evaluated: true, taskResult: 'excellent', staff: 4, personalTitles: ldtt(2) },
      { year: 2024, evaluated: null, taskResult: null, staff: 1, personalTitles: [] },
    ]);
    expect(record.commendations.map((c: { year: number; title: { code: string }; recipient: { kind: string } }) => [c.year, c.title.code, c.recipient.kind])).toEqual([[2020, 'TTLDTT', 'unit']]);
    expect(record.initiatives).toEqual([{ name: 'Phần mềm theo dõi án hình sự', year: 2020, scope: 'sector', decisionNumber: '4/QĐ-HĐSK' }]);
    expect(record.staff.map((row: { fullName: string; years: number[] }) => `${row.fullName} ${row.years.join(',')}`)).toEqual([
      'Hoàng Văn Em 2024',
      'Lê Văn Cường 2020',
      'Nguyễn Văn An 2019,2020',
      'Phạm Thị Dung 2020',
      'Trần Thị Bình 2020',
    ]);

    const otherOfficer = await bearerFor(t, 'thanhhoa.canbo');
    expect((await t.http().get(`/api/v1/units/${unitId}/commendation-record`).set(otherOfficer).expect(403)).body).toMatchObject({
      code: 'UNIT_RECORD_FORBIDDEN',
      message: 'Chỉ cán bộ được ủy quyền của Viện kiểm sát nhân dân tỉnh Kiểm Thử, Hội đồng thi đua – khen thưởng và quản trị viên mới xem được hồ sơ thi đua của đơn vị này.',
    });
    expect((await t.http().get('/api/v1/units/00000000-0000-4000-8000-000000000000/commendation-record').set(admin).expect(404)).body.code).toBe('UNIT_NOT_FOUND');
    await t.http().get(`/api/v1/units/${unitId}/commendation-record`).expect(401);
  });
});
