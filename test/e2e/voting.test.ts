import { MikroORM } from '@mikro-orm/core';
import { Clock } from '../../src/modules/calendar/clock';
import { Ballot } from '../../src/modules/voting/entities/ballot.entity';
import { BallotRecord } from '../../src/modules/voting/entities/ballot-record.entity';
import { receiptOf } from '../../src/modules/voting/poll-tally';
import { PollsService } from '../../src/modules/voting/polls.service';
import { MAJORITY_OF_MEMBERS } from '../../src/modules/voting/rules/voting-rule';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
type Auth = { Authorization: string };

/** Cụm thi đua số 6: slug of each member's demo accounts, by unit code. */
const SLUGS: Record<string, string> = { 'VKS-THA': 'thanhhoa', 'VKS-NAN': 'nghean', 'VKS-HTI': 'hatinh', 'VKS-QBI': 'quangbinh', 'VKS-QTR': 'quangtri', 'VKS-TTH': 'hue' };
const CODES = Object.keys(SLUGS);

describe('polls API (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  const heads: Record<string, Auth> = {};
  const officers: Record<string, Auth> = {};
  const unitIds: Record<string, string> = {};
  const personIds: Record<string, string> = {};
  let version: { id: string; contentHash: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    for (const code of CODES) {
      heads[code] = await bearerFor(t, `${SLUGS[code]}.vientruong`);
      officers[code] = await bearerFor(t, `${SLUGS[code]}.canbo`);
    }
    const clusters = await t.http().get('/api/v1/clusters').set(admin).expect(200);
    const cluster = clusters.body.items.find((c: { name: string; year: number }) => c.name === 'Cụm thi đua số 6' && c.year === 2020);
    expect(cluster.headUnit.code).toBe('VKS-THA');
    for (const member of cluster.members as { id: string; code: string }[]) unitIds[member.code] = member.id;
    expect(Object.keys(unitIds).sort()).toEqual([...CODES].sort());
    const people = await t.http().get('/api/v1/people?limit=500').set(admin).expect(200);
    for (const person of people.body.items as { id: string; username: string }[]) personIds[person.username] = person.id;
    const document = await t
      .http()
      .post('/api/v1/documents')
      .set(admin)
      .send({ content: { title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6', clauses: [{ id: 'c-1', number: '1', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ.' }] } })
      .expect(201);
    version = document.body.latest;
  });
  afterAll(() => t.close());

  const open = (body: Json = {}) =>
    t
      .http()
      .post('/api/v1/polls')
      .set(admin)
      .send({
        subject: { kind: 'document-version', id: version.id, hash: version.contentHash, label: 'Giao ước thi đua năm 2020, phiên bản 1' },
        electorate: { kind: 'units', unitIds: CODES.map((code) => unitIds[code]) },
        chairUnitId: unitIds['VKS-THA'],
        rule: {},
        ...body,
      });
  const cast = (pollId: string, code: string, choice: unknown, auth: Auth = officers[code], extra: Json = {}) =>
    t.http().post(`/api/v1/polls/${pollId}/ballots`).set(auth).set('X-Acting-Unit', code).send({ choice, ...extra });
  const close = (pollId: string) => t.http().post(`/api/v1/polls/${pollId}/close`).set(admin);
  const orm = () => t.app.get(MikroORM).em.fork();

  it('adopts version 1 by 4 agree, 1 disagree, 1 abstain of 6 under "more than half of members", with the arithmetic', async () => {
    const poll = (await open().expect(201)).body;
    expect(poll).toMatchObject({ status: 'open', subject: { hash: version.contentHash }, rule: { summary: '> 1/2 of members', ballot: 'open' }, electorate: { kind: 'units' } });

    await cast(poll.id, 'VKS-THA', 'agree', heads['VKS-THA']).expect(201);
    await cast(poll.id, 'VKS-NAN', 'agree').expect(201);
    await cast(poll.id, 'VKS-HTI', 'agree').expect(201);
    const first = (await cast(poll.id, 'VKS-QTR', 'disagree').expect(201)).body;
    expect(first).toMatchObject({ voterKey: `unit:${unitIds['VKS-QTR']}`, choice: 'disagree', replaced: false, subjectHash: version.contentHash });
    // Another person of the same unit changes the unit's ballot: still one ballot for Quảng Trị.
    const changed = (await cast(poll.id, 'VKS-QTR', 'agree', heads['VKS-QTR']).expect(201)).body;
    expect(changed).toMatchObject({ choice: 'agree', replaced: true });
    expect(changed.sequence).toBeGreaterThan(first.sequence);
    // The receipt is the hash of what the voter was given back.
    expect(changed.receipt).toBe(receiptOf({ pollId: poll.id, subjectHash: version.contentHash, voterKey: changed.voterKey, choice: 'agree', sequence: changed.sequence, castAt: new Date(changed.castAt) }));

    // Refusals: a text other than the one read, a candidate list on a motion, no acting unit, a result before the close.
    const stale = await cast(poll.id, 'VKS-QBI', 'agree', officers['VKS-QBI'], { expectedSubjectHash: 'f'.repeat(64) }).expect(409);
    expect(stale.body).toMatchObject({ code: 'POLL_SUBJECT_CHANGED', details: { actual: version.contentHash } });
    expect((await cast(poll.id, 'VKS-QBI', { candidateIds: ['x'] }).expect(422)).body.code).toBe('BALLOT_INVALID');
    expect((await cast(poll.id, 'VKS-QBI', 'maybe').expect(422)).body.code).toBe('BALLOT_INVALID');
    // The reason in the reader's language, not the Vietnamese one in an English sentence.
    expect((await cast(poll.id, 'VKS-QBI', 'maybe').set('Accept-Language', 'en').expect(422)).body.message).toBe('Invalid ballot: this poll takes "agree", "disagree" or "abstain".');
    expect((await t.http().post(`/api/v1/polls/${poll.id}/ballots`).set(officers['VKS-QBI']).send({ choice: 'agree' }).expect(400)).body.code).toBe('ACTING_UNIT_REQUIRED');
    expect((await cast(poll.id, 'VKS-QBI', 'agree', officers['VKS-NAN']).expect(403)).body.code).toBe('NOT_MANDATED');
    expect((await t.http().get(`/api/v1/polls/${poll.id}/result`).set(admin).expect(409)).body.code).toBe('POLL_OPEN');

    await cast(poll.id, 'VKS-QBI', 'disagree', officers['VKS-QBI'], { expectedSubjectHash: version.contentHash }).expect(201);
    const last = (await cast(poll.id, 'VKS-TTH', 'abstain').expect(201)).body;
    expect(last.allVoted).toBe(true);

    const status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(officers['VKS-QTR']).expect(200)).body;
    expect(status.progress).toEqual({ voted: 6, members: 6, text: { vi: '6/6 đơn vị đã bỏ phiếu', en: '6 of 6 units have voted' } });
    expect(status.voters.map((voter: { memberId: string; choice: string }) => [voter.memberId, voter.choice])).toEqual(
      [['VKS-THA', 'agree'], ['VKS-NAN', 'agree'], ['VKS-HTI', 'agree'], ['VKS-QBI', 'disagree'], ['VKS-QTR', 'agree'], ['VKS-TTH', 'abstain']].map(([code, choice]) => [unitIds[code], choice]),
    );
    expect(status.mine).toEqual([expect.objectContaining({ voterKey: changed.voterKey, choice: 'agree', sequence: changed.sequence, receipt: changed.receipt })]);

    const result = (await close(poll.id).expect(200)).body;
    expect(result).toMatchObject({ outcome: 'passed', closeReason: 'manual', members: 6, ballots: 6, agree: 4, disagree: 1, abstain: 1 });
    expect(result.explanation).toEqual({
      vi: '4/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 8 > 6 → thông qua',
      en: '4 of 6 members agree; rule: agree × 2 > members → 8 > 6 → passed',
    });
    expect(result.arithmetic.threshold).toMatchObject({ left: 8, right: 6, met: true });
    const english = (await t.http().get(`/api/v1/polls/${poll.id}/result?lang=en`).set(officers['VKS-TTH']).expect(200)).body;
    expect(english.summary).toBe('4 of 6 members agree; rule: agree × 2 > members → 8 > 6 → passed');
    // Closing again answers the same result; a ballot after the close is refused.
    expect((await close(poll.id).expect(200)).body).toMatchObject({ outcome: 'passed', closedAt: result.closedAt });
    expect((await cast(poll.id, 'VKS-QBI', 'agree').expect(409)).body.code).toBe('POLL_CLOSED');

    // The changed ballot counts once; both casts are in the history with their own sequence and receipt.
    const em = orm();
    const counted = await em.find(Ballot, { poll: poll.id, voterKey: changed.voterKey });
    expect(counted.map((ballot) => [ballot.choice, ballot.sequence, ballot.receipt])).toEqual([['agree', changed.sequence, changed.receipt]]);
    const history = await em.find(BallotRecord, { poll: poll.id, voterKey: changed.voterKey }, { orderBy: { sequence: 'asc' } });
    expect(history.map((record) => [record.choice, record.sequence, record.receipt])).toEqual([
      ['disagree', first.sequence, first.receipt],
      ['agree', changed.sequence, changed.receipt],
    ]);
    expect(await em.count(BallotRecord, { poll: poll.id })).toBe(7);
  });

  it('keeps exactly one counted ballot for 50 concurrent casts from one unit, each in the history', async () => {
    const poll = (await open().expect(201)).body;
    const choices = Array.from({ length: 50 }, (_, index) => (['agree', 'disagree', 'abstain'] as const)[index % 3]);
    const responses = await Promise.all(choices.map((choice, index) => cast(poll.id, 'VKS-NAN', choice, index % 2 ? heads['VKS-NAN'] : officers['VKS-NAN'])));
    expect(responses.map((response) => response.status)).toEqual(choices.map(() => 201));
    const sequences = responses.map((response) => response.body.sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));

    const em = orm();
    const ballots = await em.find(Ballot, { poll: poll.id });
    expect(ballots).toHaveLength(1);
    const history = await em.find(BallotRecord, { poll: poll.id }, { orderBy: { sequence: 'asc' } });
    expect(history).toHaveLength(50);
    // The last cast counts.
    expect(ballots[0]).toMatchObject({ sequence: 50, choice: history[49].choice, receipt: history[49].receipt });
    const status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(admin).expect(200)).body;
    expect(status.progress.text.vi).toBe('1/6 đơn vị đã bỏ phiếu');
    const result = (await close(poll.id).expect(200)).body;
    expect(result.ballots).toBe(1);
  });

  it('refuses a unit outside the electorate with 403', async () => {
    const poll = (await open({ electorate: { kind: 'units', unitIds: CODES.slice(0, 5).map((code) => unitIds[code]) } }).expect(201)).body;
    const outsider = await cast(poll.id, 'VKS-TTH', 'agree').expect(403);
    expect(outsider.body).toMatchObject({ code: 'NOT_IN_ELECTORATE' });
    // Named as people read it, not by its id.
    expect(outsider.body.message).toBe('Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế không thuộc danh sách được biểu quyết của cuộc biểu quyết này.');
    const outsiderEn = await cast(poll.id, 'VKS-TTH', 'agree').set('Accept-Language', 'en').expect(403);
    expect(outsiderEn.body.message).toBe('Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế is not in the electorate of this poll.');
    // The Supreme Procuracy's department: its officer holds a mandate, but not for a member unit.
    const department = await bearerFor(t, 'tdkt.vutruong');
    expect((await cast(poll.id, 'VKSNDTC-TDKT', 'agree', department).expect(403)).body.code).toBe('NOT_IN_ELECTORATE');
    expect((await t.http().get('/api/v1/polls/00000000-0000-4000-8000-000000000000').set(admin).expect(404)).body.code).toBe('POLL_NOT_FOUND');
  });

  it('hides who voted in a secret ballot until 3 ballots are in, and never shows who chose what', async () => {
    const rule = { denominator: 'members', threshold: '4/5', comparison: '>=', ballot: 'secret' };
    const poll = (await open({ rule, chairUnitId: null }).expect(201)).body;
    await cast(poll.id, 'VKS-THA', 'agree').expect(201);
    await cast(poll.id, 'VKS-NAN', 'disagree').expect(201);
    let status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(officers['VKS-HTI']).expect(200)).body;
    expect(status).toMatchObject({ progress: { voted: 2, text: { vi: '2/6 đơn vị đã bỏ phiếu' } }, voters: null, mine: [] });
    // A voter sees its own ballot, and nobody else's.
    status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(officers['VKS-NAN']).expect(200)).body;
    expect(status.mine).toEqual([expect.objectContaining({ voterKey: `unit:${unitIds['VKS-NAN']}`, choice: 'disagree' })]);

    await cast(poll.id, 'VKS-HTI', 'agree').expect(201);
    status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(officers['VKS-QBI']).expect(200)).body;
    expect(status.voters.map((voter: Json) => voter.memberId).sort()).toEqual(['VKS-THA', 'VKS-NAN', 'VKS-HTI'].map((code) => unitIds[code]).sort());
    expect(status.voters.every((voter: Json) => !('choice' in voter))).toBe(true);
    for (const code of ['VKS-QBI', 'VKS-QTR', 'VKS-TTH']) await cast(poll.id, code, 'agree').expect(201);

    const result = (await close(poll.id).expect(200)).body;
    // 5 of 6: 5 × 5 = 25 ≥ 6 × 4 = 24.
    expect(result).toMatchObject({ outcome: 'passed', agree: 5, disagree: 1, abstain: 0 });
    expect(result.explanation.vi).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 25 ≥ 24 → thông qua');
    expect(result.counted).toBeUndefined();
    const text = JSON.stringify(await t.http().get(`/api/v1/polls/${poll.id}/result`).set(officers['VKS-QBI']).then((response) => response.body));
    for (const code of CODES) expect(text).not.toContain(unitIds[code]);
  });

  it('breaks a 3–3 tie under chair-decides by VKS-THA’s ballot', async () => {
    const outcomeWithChair = async (chairChoice: 'agree' | 'disagree') => {
      const poll = (await open({ rule: { tieBreak: 'chair-decides' } }).expect(201)).body;
      const other = chairChoice === 'agree' ? 'disagree' : 'agree';
      for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI']) await cast(poll.id, code, chairChoice).expect(201);
      for (const code of ['VKS-QBI', 'VKS-QTR', 'VKS-TTH']) await cast(poll.id, code, other).expect(201);
      return (await close(poll.id).expect(200)).body;
    };
    const passed = await outcomeWithChair('agree');
    expect(passed).toMatchObject({ outcome: 'passed', agree: 3, disagree: 3 });
    expect(passed.explanation.vi).toBe(
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: chủ tọa đồng ý → thông qua',
    );
    expect(passed.arithmetic.tie).toEqual({ tieBreak: 'chair-decides', chairBallot: 'agree', result: 'passed' });
    const failed = await outcomeWithChair('disagree');
    expect(failed).toMatchObject({ outcome: 'failed', agree: 3, disagree: 3, arithmetic: { tie: { chairBallot: 'disagree', result: 'failed' } } });
    expect(failed.explanation.en).toContain('tie-break: the chair voted disagree → failed');
  });

  it('records the ballots of a meeting by a secretary; units confirm or dispute them', async () => {
    const poll = (await open().expect(201)).body;
    const minutes = { title: 'Biên bản hội nghị Cụm thi đua số 6', heldAt: '2020-02-13T09:00:00+07:00', text: 'Hội nghị biểu quyết thông qua Giao ước thi đua năm 2020.' };
    const ballots = CODES.map((code) => ({ unitId: unitIds[code], choice: code === 'VKS-QBI' ? 'disagree' : 'agree' }));
    const body = { minutes, ballots, confirmWindowHours: 48 };
    const record = () => t.http().post(`/api/v1/polls/${poll.id}/offline-ballots`);

    const notSecretary = await record().set(officers['VKS-THA']).send(body).expect(403);
    expect(notSecretary.body).toEqual({ code: 'FORBIDDEN_ROLE', message: 'Bạn không có quyền thực hiện thao tác này (cần vai trò: Thư ký hoặc Quản trị hệ thống).' });
    const notSecretaryEn = await record().set(officers['VKS-THA']).set('Accept-Language', 'en').send(body).expect(403);
    expect(notSecretaryEn.body.message).toBe('You are not allowed to do this (requires role: Secretary or Administrator).');
    await t.http().post('/api/v1/role-grants').set(admin).send({ personId: personIds['tdkt.chuyenvien'], role: 'secretary' }).expect(201);
    const secretary = await bearerFor(t, 'tdkt.chuyenvien');
    const outsider = { ...body, ballots: [{ unitId: personIds['admin'], choice: 'agree' }] };
    expect((await record().set(secretary).send(outsider).expect(403)).body.code).toBe('NOT_IN_ELECTORATE');
    // A unit outside the electorate and a unit recorded twice are named, never given by id.
    const notMember = (await t.http().get('/api/v1/units').query({ q: 'VKSNDTC' }).set(admin).expect(200)).body.items.find((unit: Json) => unit.code === 'VKSNDTC');
    const outside = await record().set(secretary).send({ ...body, ballots: [{ unitId: notMember.id, choice: 'agree' }] }).expect(403);
    expect(outside.body.message).toBe('Viện kiểm sát nhân dân tối cao không thuộc danh sách được biểu quyết của cuộc biểu quyết này.');
    const twice = await record().set(secretary).set('Accept-Language', 'en').send({ ...body, ballots: [ballots[0], ballots[0]] }).expect(422);
    expect(twice.body).toMatchObject({ code: 'BALLOT_INVALID', message: 'Invalid ballot: Viện kiểm sát nhân dân tỉnh Thanh Hóa has two ballots in the minutes.' });

    const meeting = (await record().set(secretary).send(body).expect(201)).body;
    expect(meeting).toMatchObject({ pollId: poll.id, title: minutes.title, recordedBy: personIds['tdkt.chuyenvien'], heldAt: '2020-02-13T02:00:00.000Z' });
    expect(meeting.receipts).toHaveLength(6);
    expect(meeting.receipts.every((receipt: Json) => receipt.allVoted === true)).toBe(true);
    const history = await orm().find(BallotRecord, { poll: poll.id }, { populate: ['offlineMeeting'] });
    expect(history.map((entry) => entry.offlineMeeting?.id)).toEqual(CODES.map(() => meeting.id));

    const confirm = (code: string, payload: Json) => t.http().post(`/api/v1/polls/${poll.id}/offline-ballots/confirm`).set(officers[code]).set('X-Acting-Unit', code).send(payload);
    expect((await confirm('VKS-HTI', { decision: 'confirm' }).expect(200)).body).toMatchObject({ confirmation: 'confirmed', voterKey: `unit:${unitIds['VKS-HTI']}` });
    expect((await confirm('VKS-QBI', { decision: 'dispute' }).expect(422)).body.code).toBe('COMMENT_REQUIRED');
    const comment = 'Quảng Bình biểu quyết đồng ý, biên bản ghi nhầm.';
    expect((await confirm('VKS-QBI', { decision: 'dispute', comment }).expect(200)).body).toMatchObject({ confirmation: 'disputed', comment });

    let status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(officers['VKS-QBI']).expect(200)).body;
    expect(status.progress.voted).toBe(6);
    expect(status.voters.every((voter: Json) => voter.offline === true)).toBe(true);
    expect(status.disputed).toEqual([expect.objectContaining({ memberId: unitIds['VKS-QBI'], comment, meetingId: meeting.id, disputedBy: 'Lê Thị Thu' })]);
    expect(status.mine).toEqual([expect.objectContaining({ offline: true, confirmation: 'disputed', choice: 'disagree' })]);

    // Quảng Bình casts its own ballot: it replaces the recorded one, and there is nothing left to confirm.
    await cast(poll.id, 'VKS-QBI', 'agree').expect(201);
    status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(admin).expect(200)).body;
    expect(status.disputed).toEqual([]);
    expect((await confirm('VKS-QBI', { decision: 'confirm' }).expect(404)).body).toEqual({
      code: 'OFFLINE_BALLOT_NOT_FOUND',
      message: 'Không có phiếu ghi nhận tại cuộc họp của đơn vị Viện kiểm sát nhân dân tỉnh Quảng Bình chờ xác nhận.',
    });

    // After the window, confirmations are refused.
    const clock = t.app.get(Clock);
    clock.advance(49 * 3600 * 1000);
    try {
      const late = (await confirm('VKS-TTH', { decision: 'confirm' }).expect(409)).body;
      // The deadline on Vietnam's clock, as Vietnamese readers write it.
      const due = new Date(new Date(meeting.confirmBy).getTime() + 7 * 3600 * 1000).toISOString();
      const written = `${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)} ${due.slice(11, 16)}`;
      expect(late).toMatchObject({ code: 'OFFLINE_CONFIRM_CLOSED', message: `Đã hết thời hạn xác nhận phiếu ghi tại cuộc họp (${written}).` });
    } finally {
      clock.advance(-49 * 3600 * 1000);
    }
    expect((await close(poll.id).expect(200)).body).toMatchObject({ outcome: 'passed', agree: 6 });
  });

  it('lets council members vote as themselves in a poll of people', async () => {
    const poll = (await open({ electorate: { kind: 'people', personIds: [personIds['tdkt.vutruong'], personIds['tdkt.chuyenvien']] }, chairUnitId: null }).expect(201)).body;
    const member = await bearerFor(t, 'tdkt.vutruong');
    const receipt = (await t.http().post(`/api/v1/polls/${poll.id}/ballots`).set(member).send({ choice: 'agree' }).expect(201)).body;
    expect(receipt.voterKey).toBe(`person:${personIds['tdkt.vutruong']}`);
    expect((await t.http().post(`/api/v1/polls/${poll.id}/ballots`).set(heads['VKS-THA']).send({ choice: 'agree' }).expect(403)).body.code).toBe('NOT_IN_ELECTORATE');
    const status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(member).expect(200)).body;
    expect(status.progress.text).toEqual({ vi: '1/2 thành viên đã bỏ phiếu', en: '1 of 2 members have voted' });
  });

  it('decides each candidate of a list by the rule', async () => {
    const candidates = [
      { id: 'VKS-THA', label: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' },
      { id: 'VKS-NAN', label: 'Viện kiểm sát nhân dân tỉnh Nghệ An' },
    ];
    const poll = (await open({ subject: { kind: 'candidates', id: 'suy-ton-2020', hash: 'a'.repeat(64), label: 'Suy tôn đơn vị dẫn đầu 2020' }, candidates }).expect(201)).body;
    expect((await cast(poll.id, 'VKS-THA', 'agree').expect(422)).body.code).toBe('BALLOT_INVALID');
    expect((await cast(poll.id, 'VKS-THA', { candidateIds: ['VKS-HUE'] }).expect(422)).body.code).toBe('BALLOT_INVALID');
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI']) await cast(poll.id, code, { candidateIds: ['VKS-THA'] }).expect(201);
    await cast(poll.id, 'VKS-QTR', { candidateIds: ['VKS-NAN', 'VKS-THA'] }).expect(201);
    await cast(poll.id, 'VKS-TTH', { candidateIds: [] }).expect(201);
    const result = (await close(poll.id).expect(200)).body;
    expect(result.outcome).toBe('passed');
    expect(result.candidates.map((c: Json) => [c.id, c.approvals, c.outcome])).toEqual([
      ['VKS-THA', 5, 'passed'],
      ['VKS-NAN', 1, 'failed'],
    ]);
    expect(result.candidates[0].explanation.vi).toBe('5/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 10 > 6 → thông qua');
  });

  it('counts one ballot for 100 concurrent casts of one unit, with one Idempotency-Key or without any', async () => {
    const poll = (await open().expect(201)).body;
    const withKey = () => cast(poll.id, 'VKS-NAN', 'agree', officers['VKS-NAN']).set('Idempotency-Key', `ballot-${poll.id}`);
    const keyed = await Promise.all(Array.from({ length: 100 }, withKey));
    // The one that ran, its byte-identical replays, or 409 while it was running: never a second ballot, never a 5xx.
    expect(keyed.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual(keyed.filter((r) => r.status !== 201).map(() => [409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS']));
    const created = keyed.filter((r) => r.status === 201);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);

    // Without a key the unit's ballot is replaced, never doubled: Hà Tĩnh's 100 concurrent casts leave one ballot.
    const plain = await Promise.all(Array.from({ length: 100 }, (_, i) => cast(poll.id, 'VKS-HTI', i % 2 ? 'agree' : 'disagree')));
    expect(plain.filter((r) => r.status >= 500)).toEqual([]);
    expect(plain.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    expect(plain.filter((r) => r.status !== 201).map((r) => r.status).every((status) => status === 409)).toBe(true);
    const status = (await t.http().get(`/api/v1/polls/${poll.id}`).set(admin).expect(200)).body;
    expect(status.progress).toMatchObject({ voted: 2, members: 6 });
    expect(await orm().count(Ballot, { poll: poll.id })).toBe(2);
  });

  it('opens once per key, refuses bad polls, and closes polls whose deadline passed', async () => {
    const polls = t.app.get(PollsService);
    const input = {
      subject: { kind: 'document-version' as const, id: version.id, hash: version.contentHash, label: 'v1' },
      electorate: { kind: 'units' as const, unitIds: CODES.map((code) => unitIds[code]) },
      rule: MAJORITY_OF_MEMBERS,
      key: `stage-run:${version.id}`,
      closesAt: new Date(Date.now() + 3600 * 1000),
    };
    const first = await polls.openPoll(input);
    expect((await polls.openPoll(input)).id).toBe(first.id);
    await expect(polls.openPoll({ ...input, subject: { ...input.subject, hash: 'b'.repeat(64) } })).rejects.toMatchObject({ code: 'POLL_KEY_REUSED' });

    const bad = await open({ electorate: { kind: 'units', unitIds: [unitIds['VKS-THA'], unitIds['VKS-THA']] }, rule: { tieBreak: 'chair-decides' }, chairUnitId: null }).expect(422);
    expect(bad.body.code).toBe('POLL_INVALID');
    expect(bad.body.details.map((problem: Json) => problem.code).sort()).toEqual(['CHAIR_REQUIRED', 'DUPLICATE_MEMBER']);
    expect((await open({ rule: { threshold: '2/3' } }).expect(422)).body.code).toBe('VOTING_RULE_INVALID');
    await open().set(officers['VKS-THA']).expect(403);

    await cast(first.id, 'VKS-THA', 'agree').expect(201);
    expect(await polls.closeDuePolls(new Date())).not.toContain(first.id);
    const clock = t.app.get(Clock);
    clock.advance(2 * 3600 * 1000);
    try {
      // Past the deadline a ballot is refused even before the job closes the poll.
      expect((await cast(first.id, 'VKS-NAN', 'agree').expect(409)).body.code).toBe('POLL_CLOSED');
      expect(await polls.closeDuePolls(clock.now())).toContain(first.id);
      expect(await polls.closeDuePolls(clock.now())).not.toContain(first.id);
    } finally {
      clock.advance(-2 * 3600 * 1000);
    }
    const result = await polls.result(first.id, 'en');
    expect(result).toMatchObject({ closeReason: 'deadline', outcome: 'failed', agree: 1 });
    expect(result.summary).toBe('1 of 6 members agree; rule: agree × 2 > members → 2 > 6 not met → failed');
  });

  it("works inside the caller's transaction, and rolls back with it", async () => {
    const polls = t.app.get(PollsService);
    const voter = { personId: personIds['thanhhoa.canbo'], unitId: unitIds['VKS-THA'] };
    const input = {
      subject: { kind: 'amendment' as const, id: 'a-qbi-01', hash: 'c'.repeat(64), label: 'Đề xuất sửa đổi Điều 2' },
      electorate: { kind: 'units' as const, unitIds: CODES.map((code) => unitIds[code]) },
      rule: MAJORITY_OF_MEMBERS,
    };
    // On SQLite a second connection inside the transaction would wait forever: everything must use `tx`.
    const result = await orm().transactional(async (tx) => {
      const poll = await polls.openPoll({ ...input, key: 'tx:committed' }, tx);
      await polls.castBallot(poll.id, voter, 'agree', tx, { expectedSubjectHash: 'c'.repeat(64) });
      return polls.closePoll(poll.id, 'stage-closed', tx);
    });
    expect(result).toMatchObject({ closeReason: 'stage-closed', outcome: 'failed', agree: 1, ballots: 1 });
    expect((await polls.findByKey('tx:committed'))?.status).toBe('closed');

    await expect(
      orm().transactional(async (tx) => {
        const poll = await polls.openPoll({ ...input, key: 'tx:rolled-back' }, tx);
        await polls.castBallot(poll.id, voter, 'agree', tx);
        throw new Error('the stage failed');
      }),
    ).rejects.toThrow('the stage failed');
    expect(await polls.findByKey('tx:rolled-back')).toBeNull();
  });

  it('documents the polls API in the OpenAPI document', async () => {
    const { paths, components } = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/v1/polls', '/api/v1/polls/{id}', '/api/v1/polls/{id}/ballots', '/api/v1/polls/{id}/result', '/api/v1/polls/{id}/close', '/api/v1/polls/{id}/offline-ballots', '/api/v1/polls/{id}/offline-ballots/confirm']) {
      expect(paths).toHaveProperty([path]);
    }
    expect(paths['/api/v1/polls/{id}/ballots'].post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/BallotReceiptDto' });
    expect(components.schemas.PollResultDto.properties).toHaveProperty(['explanation']);
  });
});
