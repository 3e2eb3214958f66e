import { bearerFor, startTestApp, TestApp } from '../support/test-app';

/**
 * The council's review of the units' proposals (bình xét): a unit proposes three of its people for LĐTT 2020, the
 * secretary puts the year's proposals to the council (the demo's two members) by the pack's rule (secret ballot, at
 * least 4/5 of all members), and the decision awards those the vote passed: they enter the register, the others no
 * longer count as pending for CSTĐCS.
 */
describe('the council votes on proposals and the decision awards them (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let unitId: string;
  const ids: Record<string, string> = {};

  const open = (as: { Authorization: string }, body: Record<string, unknown> = { year: 2020, title: 'LDTT' }) =>
    t.http().post('/api/v1/commendation-proposals/council-votes').set(as).send(body);
  const decide = (pollId: string, body: Record<string, unknown>, as = admin) =>
    t.http().post(`/api/v1/commendation-proposals/council-votes/${pollId}/decision`).set(as).send(body);
  const DECISION = { number: '15/QĐ-VKS-BX', signedOn: '2020-12-28', issuer: 'Viện trưởng VKSND tỉnh Bình Xét' };
  const cstdcsReason = async (personId: string) =>
    (await t.http().get('/api/v1/eligibility').query({ unitId, year: 2020, title: 'CSTDCS', personId }).set(admin).expect(200)).body.candidates[0].reasons[0] as { met: boolean; text: string };
  const vote = async (pollId: string, username: string, candidateIds: string[]) =>
    t.http().post(`/api/v1/polls/${pollId}/ballots`).set(await bearerFor(t, username)).send({ choice: { candidateIds } }).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    const send = (kind: string, lines: string[]) => t.http().post(`/api/v1/imports/${kind}`).set(admin).set('Content-Type', 'text/csv').send(lines.join('\n')).expect(201);
    await send('units', ['code,name,shortName,parentCode', 'VKS-BX,Viện kiểm sát nhân dân tỉnh Bình Xét,VKSND Bình Xét,VKSNDTC']);
    await send('people', [
      'username,fullName,unitCode,mandateRole,validFrom,password',
      'bx.an,Hoàng Văn An,,,,',
      'bx.binh,Lý Thị Bình,,,,',
      'bx.chi,Đỗ Minh Chi,,,,',
      'bx.canbo,Trịnh Thị Cán Bộ,VKS-BX,officer,2020-01-01,mat-khau-kiem-thu',
    ]);
    await send('commendation-records', ['record,username,unitCode,year,title,taskResult,decisionNumber,signedOn,issuer', 'staff,bx.an,VKS-BX,2020,,excellent,,,', 'staff,bx.binh,VKS-BX,2020,,excellent,,,', 'staff,bx.chi,VKS-BX,2020,,good,,,']);
    const people = (await t.http().get('/api/v1/people').query({ q: 'bx.' }).set(admin).expect(200)).body.items as Array<{ id: string; username: string }>;
    for (const person of people) ids[person.username] = person.id;
    unitId = (await t.http().get('/api/v1/units').query({ q: 'VKS-BX' }).set(admin).expect(200)).body.items[0].id;
    officer = await bearerFor(t, 'bx.canbo', 'mat-khau-kiem-thu');
    await t.http().post('/api/v1/commendation-proposals').set(officer).send({ unitId, year: 2020, title: 'LDTT', candidates: [{ personId: ids['bx.an'] }, { personId: ids['bx.binh'] }, { personId: ids['bx.chi'] }] }).expect(201);
  });
  afterAll(() => t.close());

  it('awards the proposals the council passed, by the pack’s rule, and only those', async () => {
    expect((await open(admin, { year: 2020, title: 'CSTDCS' }).expect(409)).body.code).toBe('PROPOSALS_NOTHING_TO_VOTE');
    expect((await open(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    // Four requests at once open one poll, over the three proposals.
    const opened = await Promise.all(Array.from({ length: 4 }, () => open(admin)));
    expect(opened.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const pollId = opened[0].body.pollId as string;
    expect(new Set(opened.map((response) => response.body.pollId))).toEqual(new Set([pollId]));
    const vote0 = opened[0].body;
    expect(vote0).toMatchObject({ year: 2020, title: 'LDTT', titleName: 'Lao động tiên tiến', decision: null });
    const mine = vote0.proposals as Array<{ id: string; candidate: { name: string }; status: string; pollId: string }>;
    const byName = Object.fromEntries(mine.map((p) => [p.candidate.name, p]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['Hoàng Văn An', 'Lý Thị Bình', 'Đỗ Minh Chi']));
    expect(mine.every((p) => p.status === 'in-vote' && p.pollId === pollId)).toBe(true);

    // The poll follows the 2020 pack: secret, at least 4/5 of all council members, each proposal judged on its own.
    const poll = (await t.http().get(`/api/v1/polls/${pollId}`).set(admin).expect(200)).body;
    expect(poll).toMatchObject({ subject: { kind: 'candidates', label: 'Bình xét LĐTT năm 2020' }, electorate: { kind: 'people' }, rule: { ballot: 'secret', denominator: 'members', threshold: { numerator: 4, denominator: 5 }, comparison: '>=' } });
    expect(poll.electorate.memberIds).toHaveLength(2);
    // Before the decision, each proposed LĐTT counts as pending for CSTĐCS.
    expect((await cstdcsReason(ids['bx.binh'])).met).toBe(true);

    const an = byName['Hoàng Văn An'].id;
    const binh = byName['Lý Thị Bình'].id;
    const chi = byName['Đỗ Minh Chi'].id;
    // An and Chi have both members' votes (2/2 ≥ 4/5); Bình one (1/2 < 4/5).
    await vote(pollId, 'tdkt.vutruong', [an, binh, chi]);
    await vote(pollId, 'tdkt.chuyenvien', [an, chi]);

    const missing = await decide(pollId, { ...DECISION, issuer: ' ' }).expect(422);
    expect(missing.body).toMatchObject({ code: 'DECISION_ISSUER_REQUIRED', details: { path: 'issuer' } });
    expect((await decide(pollId, { ...DECISION, signedOn: '2020-02-30' }).expect(422)).body.code).toBe('DECISION_DATE_INVALID');
    expect((await decide(pollId, DECISION, officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    // Five identical decisions at once: one decision, each award once.
    const decided = await Promise.all(Array.from({ length: 5 }, () => decide(pollId, DECISION)));
    expect(decided.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const result = decided[0].body;
    expect(result.decision).toEqual({ number: '15/QĐ-VKS-BX', signedOn: '2020-12-28', issuer: 'Viện trưởng VKSND tỉnh Bình Xét' });
    const statuses = Object.fromEntries((result.proposals as Array<{ id: string; status: string; decisionNumber: string }>).map((p) => [p.id, `${p.status} ${p.decisionNumber}`]));
    expect([statuses[an], statuses[binh], statuses[chi]]).toEqual(['awarded 15/QĐ-VKS-BX', 'not-awarded 15/QĐ-VKS-BX', 'awarded 15/QĐ-VKS-BX']);
    expect((await decide(pollId, { ...DECISION, number: '16/QĐ-VKS-BX' }).expect(409)).body).toMatchObject({
      code: 'PROPOSALS_ALREADY_DECIDED',
      message: 'Cuộc bình xét này đã có quyết định số 15/QĐ-VKS-BX; không thể ghi quyết định khác.',
    });

    // The register holds An's and Chi's LĐTT 2020 under the decision, once each; Bình's is not there.
    const register = (await t.http().get('/api/v1/commendations').query({ year: 2020 }).set(admin).expect(200)).body.items as Array<{ recipient: { name: string }; title: { code: string }; decision: { number: string } }>;
    const awarded = register.filter((entry) => entry.decision.number === '15/QĐ-VKS-BX').map((entry) => `${entry.recipient.name} ${entry.title.code}`);
    expect(awarded.sort()).toEqual(['Hoàng Văn An LDTT', 'Đỗ Minh Chi LDTT'].sort());
    const record = (await t.http().get(`/api/v1/people/${ids['bx.an']}/commendation-record`).set(admin).expect(200)).body;
    expect(JSON.stringify(record)).toContain('15/QĐ-VKS-BX');

    // Bình's proposal no longer counts as a pending LĐTT: CSTĐCS now lacks it; An's counts as held.
    const binhReason = await cstdcsReason(ids['bx.binh']);
    expect(binhReason.met).toBe(false);
    expect(binhReason.text).toContain('Lao động tiên tiến năm 2020');
    expect((await cstdcsReason(ids['bx.an'])).met).toBe(true);

    // Nothing waits any more; the unit's list shows where each proposal ended.
    expect((await open(admin).expect(409)).body.code).toBe('PROPOSALS_NOTHING_TO_VOTE');
    const list = (await t.http().get('/api/v1/commendation-proposals').query({ unitId, year: 2020, title: 'LDTT' }).set(officer).expect(200)).body as Array<{ candidate: { name: string }; status: string }>;
    expect(list.map((p) => `${p.candidate.name}: ${p.status}`)).toEqual(['Hoàng Văn An: awarded', 'Lý Thị Bình: not-awarded', 'Đỗ Minh Chi: awarded']);
    // The year's overview: nothing of LĐTT waits, and the vote is listed with its decision.
    const overview = (await t.http().get('/api/v1/commendation-proposals/council-votes').query({ year: 2020 }).set(admin).expect(200)).body as {
      waiting: Array<{ title: string }>;
      votes: Array<{ pollId: string; decision: { number: string } | null }>;
    };
    expect(overview.waiting.map((entry) => entry.title)).not.toContain('LDTT');
    expect(overview.votes.find((entry) => entry.pollId === pollId)?.decision?.number).toBe('15/QĐ-VKS-BX');
    expect((await t.http().get('/api/v1/commendation-proposals/council-votes').query({ year: 2020 }).set(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    const read = (await t.http().get(`/api/v1/commendation-proposals/council-votes/${pollId}`).set(await bearerFor(t, 'tdkt.chuyenvien')).expect(200)).body;
    expect(read.decision.number).toBe('15/QĐ-VKS-BX');
    expect((await t.http().get(`/api/v1/commendation-proposals/council-votes/${unitId}`).set(admin).expect(404)).body.code).toBe('PROPOSAL_VOTE_NOT_FOUND');
  });

  it('puts a national title’s proposals to the council only once their public consultation ran its days and is over', async () => {
    const national = { year: 2020, title: 'CSTD-TOAN-QUOC' };
    const [short, full] = (
      await t.http().post('/api/v1/commendation-proposals').set(admin).send({
        unitId,
        ...national,
        candidates: [{ personId: ids['bx.an'], override: { reason: 'Thành tích đặc biệt xuất sắc' } }, { personId: ids['bx.binh'], override: { reason: 'Thành tích đặc biệt xuất sắc' } }],
      }).expect(201)
    ).body as Array<{ id: string }>;
    const refused = await open(admin, national).expect(409);
    expect(refused.body).toMatchObject({
      code: 'PROPOSALS_CONSULTATION_PENDING',
      message: 'Đề nghị CSTĐ toàn quốc năm 2020 phải được công khai lấy ý kiến ít nhất 10 ngày làm việc và hết thời hạn công khai trước khi Hội đồng bình xét; còn 2 đề nghị chưa đủ điều kiện đó.',
    });
    // An's window was 5 working days, under the pack's 10; Bình's ran 10 and ended in November 2020.
    await t.http().post(`/api/v1/commendation-proposals/${short.id}/consultation`).set(admin).send({ opensOn: '2020-11-02', workingDays: 5 }).expect(201);
    await t.http().post(`/api/v1/commendation-proposals/${full.id}/consultation`).set(admin).send({ opensOn: '2020-11-02', workingDays: 10 }).expect(201);
    const vote = (await open(admin, national).expect(200)).body as { pollId: string; proposals: Array<{ id: string; status: string }> };
    expect(vote.proposals.map((p) => `${p.id} ${p.status}`)).toEqual([`${full.id} in-vote`]);
    const list = (await t.http().get('/api/v1/commendation-proposals').query({ unitId, ...national }).set(admin).expect(200)).body as Array<{ id: string; status: string }>;
    expect(list.find((p) => p.id === short.id)!.status).toBe('proposed');
    const waiting = (await t.http().get('/api/v1/commendation-proposals/council-votes').query({ year: 2020 }).set(admin).expect(200)).body.waiting;
    expect(waiting).toContainEqual({ title: 'CSTD-TOAN-QUOC', titleName: 'Chiến sĩ thi đua toàn quốc', count: 1 });
  });
});
