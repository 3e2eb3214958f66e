import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { CommendationDecision } from '../../src/modules/commendations/entities/commendation-decision.entity';
import { CommendationRecord } from '../../src/modules/commendations/entities/commendation-record.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { RankingEntry } from '../../src/modules/scoring/entities/ranking-entry.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { cookieHeader } from '../support/page-session';
import { pdfText } from '../support/pdf-text';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** The leading unit is acclaimed by the member units, the head proposes, the council approves, the admin decides. */
const YEAR_END_WORKFLOW = {
  name: { vi: 'Bình xét, suy tôn và khen thưởng cuối năm', en: 'Year-end acclamation and commendation' },
  subject: 'cluster',
  start: 'open',
  stages: {
    open: { type: 'acknowledge', name: { vi: 'Cụm trưởng khai mạc' }, assignees: ['cluster-head'], on: { acknowledged: 'nominate' } },
    nominate: { type: 'vote', name: { vi: 'Suy tôn đơn vị dẫn đầu' }, fanOut: 'each-member', settings: { subject: 'ranking-leaders' }, on: { passed: 'proposal', failed: 'done', 'no-quorum': 'done', tie: 'done' } },
    proposal: { type: 'form', name: { vi: 'Tờ trình đề nghị khen thưởng' }, assignees: ['cluster-head'], settings: { form: 'evaluation/yearend-proposal' }, on: { submitted: 'council-vote' } },
    'council-vote': { type: 'vote', name: { vi: 'Hội đồng biểu quyết' }, assignees: ['council-member'], settings: { subject: 'acclaimed' }, on: { passed: 'decide', failed: 'done', 'no-quorum': 'done', tie: 'done' } },
    decide: {
      type: 'decision',
      name: { vi: 'Quyết định khen thưởng' },
      assignees: ['admin'],
      settings: {
        awards: [{ to: 'acclaimed', title: 'co-thi-dua-vksndtc', label: { vi: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', en: "Emulation Flag of the Supreme People's Procuracy" } }],
        issuer: { vi: 'Viện trưởng Viện kiểm sát nhân dân tối cao', en: 'Procurator General' },
      },
      on: { decided: 'done' },
    },
    done: { type: 'end' },
  },
};

/** The ranking a rank stage would have written: totals in hundredths, Quảng Bình and Quảng Trị level on points. */
const RANKING: Array<{ code: string; province: string; total: number; groupI: number; rank: number; grade: string; decidedBy?: string }> = [
  { code: 'VKS-THA', province: 'Thanh Hóa', total: 9550, groupI: 4500, rank: 1, grade: 'xuat-sac' },
  { code: 'VKS-NAN', province: 'Nghệ An', total: 9325, groupI: 4400, rank: 2, grade: 'xuat-sac', decidedBy: 'total' },
  { code: 'VKS-HTI', province: 'Hà Tĩnh', total: 9010, groupI: 4300, rank: 3, grade: 'tot', decidedBy: 'total' },
  { code: 'VKS-QBI', province: 'Quảng Bình', total: 8800, groupI: 4150, rank: 4, grade: 'tot', decidedBy: 'total' },
  { code: 'VKS-QTR', province: 'Quảng Trị', total: 8800, groupI: 4000, rank: 5, grade: 'tot', decidedBy: 'group:I' },
  { code: 'VKS-TTH', province: 'Thừa Thiên Huế', total: 8575, groupI: 4100, rank: 6, grade: 'kha', decidedBy: 'total' },
];

describe('nomination (suy tôn), proposal with minutes, council vote and decision (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let campaignId: string;
  let versionId: string;
  const officers = new Map<string, Auth>();
  const unitIds = new Map<string, string>();
  const council: Auth[] = [];
  const orm = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
    for (const username of ['tdkt.vutruong', 'tdkt.chuyenvien']) council.push(await bearerFor(t, username));
    for (const unit of await orm().find(Unit, {})) unitIds.set(unit.code, unit.id);
    const created = await t.http().post('/api/v1/workflow-definitions').set(pact.admin).send({ key: 'year-end-acclamation', name: 'Suy tôn cuối năm', document: YEAR_END_WORKFLOW }).expect(201);
    versionId = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(pact.admin).expect(201)).body.version.id;
  }, 180_000);
  afterAll(() => t?.close());

  async function ownTask(auth: Auth, stageKey: string): Promise<string> {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no open task of stage ${stageKey}`);
    return task.id;
  }

  const history = async (): Promise<Array<{ type: string; data: Record<string, unknown> }>> => (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(pact.admin).expect(200)).body;
  /** The refusal of a minutes download, as JSON. */
  const minutesRefusal = async (): Promise<string> => JSON.parse(((await minutes().expect(409)).body as Buffer).toString('utf8')).code;
  const minutes = (lang = 'vi') => t.http().get(`/api/v1/campaigns/${campaignId}/minutes.pdf?lang=${lang}`).set(officers.get('VKS-NAN')!).buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it('refuses at publish a vote subject it does not know, and a council vote given to units', async () => {
    const bad = structuredClone(YEAR_END_WORKFLOW) as typeof YEAR_END_WORKFLOW & { stages: Record<string, Record<string, unknown>> };
    (bad.stages.nominate.settings as Record<string, unknown>).subject = 'leaders';
    (bad.stages['council-vote'] as Record<string, unknown>).assignees = ['cluster-member'];
    const created = await t.http().post('/api/v1/workflow-definitions').set(pact.admin).send({ key: 'bad-acclamation', name: 'Sai', document: bad }).expect(201);
    const refused = await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(pact.admin).expect(422);
    expect(refused.body.code).toBe('WORKFLOW_INVALID');
    const problems = (refused.body.details as Array<{ path: string; code: string }>).map((p) => `${p.path} ${p.code}`).join('\n');
    expect(problems).toMatch(/nominate.*settings\.subject SETTING_INVALID/);
    expect(problems).toMatch(/council-vote.*assignees SETTING_INVALID/);
  });

  /** Launches a campaign of the workflow with the ranking written as a rank stage would, and opens the acclamation vote. */
  async function launchToNomination(name: string, leaders: string[]): Promise<Map<string, string>> {
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name, year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
    const em = orm();
    const campaign = await em.findOneOrFail(Campaign, campaignId);
    campaign.context = { ...campaign.context, ranking: { stageRunId: randomUUID(), leaders: leaders.map((code) => unitIds.get(code)!) } };
    await em.flush();
    await t.http().post(`/api/v1/tasks/${await ownTask(pact.head, 'open')}/commands`).set(pact.head).send({ command: 'acknowledge' }).expect(200);
    const tasks = new Map<string, string>();
    for (const [, code] of CLUSTER_6_UNITS) tasks.set(code, await ownTask(officers.get(code)!, 'nominate'));
    return tasks;
  }

  it('acclaims nobody with 4 of 6 (20 < 24): the campaign ends, and the minutes say so', async () => {
    const tasks = await launchToNomination('Suy tôn không đạt 2020', ['VKS-THA', 'VKS-NAN']);
    const [tha, nan] = [unitIds.get('VKS-THA')!, unitIds.get('VKS-NAN')!];
    // Four units approve Thanh Hóa (two of them Nghệ An as well); two approve nobody.
    const ballots: Array<[string, string[]]> = [['VKS-THA', [tha]], ['VKS-NAN', [tha, nan]], ['VKS-HTI', [tha]], ['VKS-QBI', [tha, nan]], ['VKS-QTR', []], ['VKS-TTH', []]];
    for (const [code, candidateIds] of ballots) {
      await t.http().post(`/api/v1/tasks/${tasks.get(code)}/ballot`).set(officers.get(code)!).send({ candidateIds }).expect(200);
    }
    const finished = await orm().findOneOrFail(Campaign, campaignId);
    expect(finished.status).toBe('completed');
    expect(finished.context.acclaimed).toEqual({ pollId: (finished.context.nomination as { pollId: string }).pollId, unitIds: [] });
    expect((finished.context.stages as Record<string, { outcome: string }>).nominate.outcome).toBe('failed');
    const lines = pdfText((await minutes().expect(200)).body as Buffer);
    const text = lines.join('\n');
    // The subject is longer than a line: pdfkit wraps it at a space.
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Suy tôn đơn vị dẫn đầu: Viện kiểm sát nhân dân tỉnh Thanh Hóa, Viện kiểm sát nhân dân tỉnh Nghệ An');
    expect(text).toContain('Phép tính: 4 × 5 ≥ 6 × 4 → 20 < 24 → không thông qua');
    expect(text).toContain('Phép tính: 2 × 5 ≥ 6 × 4 → 10 < 24 → không thông qua');
    expect(text).toContain('Không có đơn vị nào được suy tôn.');
  }, 180_000);

  it('acclaims Thanh Hóa by secret ballot with 5 of 6 (25 ≥ 24), then proposal, minutes, council approval, decision and register', async () => {
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Tổng kết, suy tôn năm 2020', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;

    // The ranking a rank stage would write (issue 11's ranking is another stage): rows and context.ranking.
    const rankingRunId = randomUUID();
    const em = orm();
    for (const row of RANKING) {
      em.create(RankingEntry, {
        campaignId,
        stageRunId: rankingRunId,
        unit: em.getReference(Unit, unitIds.get(row.code)!),
        aggregate: row.total,
        total: row.total,
        rank: row.rank,
        grade: row.grade,
        decidedBy: row.decidedBy ?? null,
        tiedWith: null,
        // Figures only, as the rank stage writes them: the minutes build the tie-break lines from them.
        breakdown: {
          ranked: true,
          tableVersionId: randomUUID(),
          aggregation: 'trimmed-mean',
          tieBreak: ['total', 'group:I', 'fewer-penalties'],
          label: `VKSND ${row.province}`,
          sheets: [],
          groups: { I: row.groupI },
          penalties: 0,
        },
      });
    }
    const campaign = await em.findOneOrFail(Campaign, campaignId);
    campaign.context = { ...campaign.context, ranking: { stageRunId: rankingRunId, leaders: [unitIds.get('VKS-THA')!] } };
    await em.flush();

    // No minutes before the acclamation vote has closed.
    expect(await minutesRefusal()).toBe('MINUTES_NOT_READY');

    await t.http().post(`/api/v1/tasks/${await ownTask(pact.head, 'open')}/commands`).set(pact.head).send({ command: 'acknowledge' }).expect(200);

    // Every member unit votes on the candidate list: the ranking's leading unit, by secret ballot.
    const voteTasks = new Map<string, string>();
    for (const [, code] of CLUSTER_6_UNITS) voteTasks.set(code, await ownTask(officers.get(code)!, 'nominate'));
    const poll = (await t.http().get(`/api/v1/tasks/${voteTasks.get('VKS-THA')}/ballot`).set(officers.get('VKS-THA')!).expect(200)).body;
    expect(poll.subject).toMatchObject({ kind: 'candidates', label: 'Suy tôn đơn vị dẫn đầu: Viện kiểm sát nhân dân tỉnh Thanh Hóa' });
    expect(poll.subject.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(poll.candidates).toEqual([{ id: unitIds.get('VKS-THA'), label: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' }]);
    expect(poll.electorate).toMatchObject({ kind: 'units' });
    expect(poll.electorate.memberIds).toHaveLength(6);
    expect(poll.rule).toMatchObject({ ballot: 'secret', denominator: 'members', comparison: '>=', threshold: { numerator: 4, denominator: 5 } });
    expect(await minutesRefusal()).toBe('MINUTES_NOT_READY');

    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR']) {
      await t.http().post(`/api/v1/tasks/${voteTasks.get(code)}/ballot`).set(officers.get(code)!).send({ choice: 'agree' }).expect(200);
    }
    // On a candidate list "disagree" is ambiguous; a unit approves nobody with an empty list.
    const hue = officers.get('VKS-TTH')!;
    const ambiguous = await t.http().post(`/api/v1/tasks/${voteTasks.get('VKS-TTH')}/ballot`).set(hue).send({ choice: 'disagree' }).expect(422);
    expect(ambiguous.body.code).toBe('BALLOT_INVALID');
    const both = await t.http().post(`/api/v1/tasks/${voteTasks.get('VKS-TTH')}/ballot`).set(hue).send({ choice: 'agree', candidateIds: [] }).expect(422);
    expect(both.body.code).toBe('BALLOT_INVALID');
    await t.http().post(`/api/v1/tasks/${voteTasks.get('VKS-TTH')}/ballot`).set(hue).send({ candidateIds: [] }).expect(200);

    const result = (await t.http().get(`/api/v1/polls/${poll.id}/result`).set(pact.admin).expect(200)).body;
    expect(result.outcome).toBe('passed');
    expect(JSON.stringify(result.candidates)).toContain('25 ≥ 24');
    const events = await history();
    const acclaimed = events.find((event) => event.type === 'nomination.acclaimed');
    expect(acclaimed?.data).toMatchObject({ pollId: poll.id, unitIds: [unitIds.get('VKS-THA')] });
    expect(JSON.stringify(acclaimed?.data)).toContain('5/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 25 ≥ 24 → thông qua');
    expect((await orm().findOneOrFail(Campaign, campaignId)).context.acclaimed).toEqual({ pollId: poll.id, unitIds: [unitIds.get('VKS-THA')] });

    // The minutes: cluster and year, members, ranking with the tie-break, the vote's counts and arithmetic, signatures.
    const pdf = (await minutes().expect(200).expect('Content-Type', /application\/pdf/)).body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).join('\n');
    for (const expected of [
      'BIÊN BẢN',
      'Cụm thi đua số 6 — 2020',
      '1. Viện kiểm sát nhân dân tỉnh Thanh Hóa (Cụm trưởng)',
      '2. Viện kiểm sát nhân dân tỉnh Nghệ An (Cụm phó)',
      '95,50',
      '88,00',
      '85,75',
      // The tie-break line, built from the entries' figures (wrapped over two lines of the page).
      'Viện kiểm sát nhân dân tỉnh Quảng Trị: VKSND Quảng Bình xếp trên VKSND Quảng Trị',
      'bằng tổng điểm 88,00; nhóm I 41,50 > 40,00',
      'Hình thức: bỏ phiếu kín.',
      'Số phiếu: 6/6 đơn vị thành viên đã bỏ phiếu.',
      'Đồng ý: 5; không đồng ý: 0; không chọn/phiếu trắng: 1.',
      'Phép tính: 5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua',
      'Kết quả: được suy tôn.',
      'IV. Đơn vị được suy tôn',
      'CHỦ TRÌ',
      'THƯ KÝ',
    ]) {
      expect(text).toContain(expected);
    }
    const rankingRows = pdfText(pdf);
    expect(rankingRows.indexOf('Viện kiểm sát nhân dân tỉnh Thanh Hóa')).toBeLessThan(rankingRows.indexOf('Viện kiểm sát nhân dân tỉnh Thừa Thiên Huế'));
    // Secret: the minutes name no unit's choice, so the same counts always give the same file.
    expect(Buffer.compare(pdf, (await minutes().expect(200)).body as Buffer)).toBe(0);
    const english = pdfText((await minutes('en').expect(200)).body as Buffer).join('\n');
    expect(english).toContain('Arithmetic: 5 × 5 ≥ 6 × 4 → 25 ≥ 24 → passed');
    expect(english).toContain('MINUTES');

    // The head's proposal (Tờ trình), with the minutes attached.
    const proposalTask = await ownTask(pact.head, 'proposal');
    const proposal = { submissionText: 'Cụm thi đua số 6 đề nghị tặng Cờ thi đua cho VKSND tỉnh Thanh Hóa.', proposals: [{ unitName: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', title: 'coThiDuaVksndtc' }] };
    const unattached = await t.http().post(`/api/v1/tasks/${proposalTask}/form/submit`).set(pact.head).send({ data: { ...proposal, minutesAttached: false } }).expect(422);
    expect(unattached.body.code).toBe('FORM_INVALID');
    await t.http().post(`/api/v1/tasks/${proposalTask}/form/submit`).set(pact.head).send({ data: { ...proposal, minutesAttached: true } }).expect(200);

    // The council's two members vote on the acclaimed unit, each through their own (person) task, openly.
    const councilTasks = [await ownTask(council[0], 'council-vote'), await ownTask(council[1], 'council-vote')];
    const councilPoll = (await t.http().get(`/api/v1/tasks/${councilTasks[0]}/ballot`).set(council[0]).expect(200)).body;
    expect(councilPoll.subject.label).toBe('Đề nghị tặng Cờ thi đua cho Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(councilPoll.electorate.kind).toBe('people');
    expect(councilPoll.electorate.memberIds).toHaveLength(2);
    expect(councilPoll.rule).toMatchObject({ ballot: 'open', comparison: '>', threshold: { numerator: 1, denominator: 2 } });
    const stranger = await t.http().post(`/api/v1/tasks/${councilTasks[0]}/ballot`).set(officers.get('VKS-NAN')!).send({ choice: 'agree' }).expect(403);
    expect(stranger.body.code).toBe('NOT_TASK_ASSIGNEE');
    await t.http().post(`/api/v1/tasks/${councilTasks[0]}/ballot`).set(council[0]).send({ choice: 'agree' }).expect(200);
    await t.http().post(`/api/v1/tasks/${councilTasks[1]}/ballot`).set(council[1]).send({ choice: 'agree' }).expect(200);
    const councilResult = (await t.http().get(`/api/v1/polls/${councilPoll.id}/result`).set(pact.admin).expect(200)).body;
    expect(councilResult.outcome).toBe('passed');

    // The administrator records the decision: bad input first, each with its code and field.
    const decideTask = await ownTask(pact.admin, 'decide');
    const decide = (body: Record<string, unknown>) => t.http().post(`/api/v1/tasks/${decideTask}/decision`).set(pact.admin).send(body);
    const good = { number: '123/QĐ-VKSTC', signedOn: '2020-12-25', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' };
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ ...good, number: undefined }, 'DECISION_NUMBER_REQUIRED', 'number'],
      [{ ...good, number: '   ' }, 'DECISION_NUMBER_REQUIRED', 'number'],
      [{ ...good, signedOn: '2020-02-30' }, 'DECISION_DATE_INVALID', 'signedOn'],
      [{ ...good, signedOn: '25/12/2020' }, 'DECISION_DATE_INVALID', 'signedOn'],
      [{ ...good, awards: [{ unitId: unitIds.get('VKSNDTC-TDKT'), title: 'co-thi-dua-vksndtc' }] }, 'AWARD_RECIPIENT_NOT_MEMBER', 'awards[0].unitId'],
      [{ ...good, awards: [{ unitId: unitIds.get('VKS-THA'), title: 'co-thi-dua-chinh-phu' }] }, 'AWARD_TITLE_UNKNOWN', 'awards[0].title'],
      [{ ...good, awards: [{ unitId: unitIds.get('VKS-THA'), title: 'co-thi-dua-vksndtc' }, { unitId: unitIds.get('VKS-THA'), title: 'co-thi-dua-vksndtc' }] }, 'AWARD_DUPLICATE', 'awards[1]'],
    ];
    for (const [body, code, path] of refusals) {
      const refused = await decide(body).expect(422);
      expect({ code: refused.body.code, path: refused.body.details?.path }).toEqual({ code, path });
    }
    const notMine = await t.http().post(`/api/v1/tasks/${decideTask}/decision`).set(council[0]).send(good).expect(403);
    expect(notMine.body.code).toBe('NOT_TASK_ASSIGNEE');

    // Two deliveries at once make one decision; a replay answers it again; another number is refused.
    const [first, second] = await Promise.all([decide(good), decide(good)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ number: '123/QĐ-VKSTC', signedOn: '2020-12-25', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao', campaignId, campaignName: 'Tổng kết, suy tôn năm 2020' });
    expect(first.body.commendations).toHaveLength(1);
    expect(first.body.commendations[0]).toMatchObject({ recipient: { kind: 'unit', id: unitIds.get('VKS-THA'), code: 'VKS-THA' }, title: { code: 'co-thi-dua-vksndtc', kind: 'title' }, year: 2020 });
    expect((await decide(good).expect(200)).body.id).toBe(first.body.id);
    expect((await decide({ ...good, number: '124/QĐ-VKSTC' }).expect(409)).body.code).toBe('DECISION_ALREADY_RECORDED');
    expect(await orm().count(CommendationDecision, { campaignId })).toBe(1);
    expect(await orm().count(CommendationRecord, { campaignId })).toBe(1);

    const finished = await orm().findOneOrFail(Campaign, campaignId);
    expect(finished.status).toBe('completed');
    expect(finished.context.decision).toMatchObject({ decisionId: first.body.id, number: '123/QĐ-VKSTC', signedOn: '2020-12-25' });
    expect((await history()).filter((event) => event.type === 'decision.recorded')).toHaveLength(1);

    // The commendation register lists it, by year, unit and campaign.
    const register = (await t.http().get('/api/v1/commendations?year=2020').set(officers.get('VKS-HTI')!).expect(200)).body;
    expect(register.total).toBe(1);
    const entry = register.items[0];
    expect(entry).toMatchObject({
      recipient: { kind: 'unit', name: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' },
      title: { code: 'co-thi-dua-vksndtc', label: { vi: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', en: "Emulation Flag of the Supreme People's Procuracy" } },
      year: 2020,
      decision: { number: '123/QĐ-VKSTC', signedOn: '2020-12-25', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao', campaignName: 'Tổng kết, suy tôn năm 2020' },
    });
    expect((await t.http().get(`/api/v1/commendations?unitId=${unitIds.get('VKS-THA')}&campaignId=${campaignId}`).set(pact.admin).expect(200)).body.total).toBe(1);
    expect((await t.http().get(`/api/v1/commendations?unitId=${unitIds.get('VKS-NAN')}`).set(pact.admin).expect(200)).body.total).toBe(0);
    expect((await t.http().get(`/api/v1/commendations?year=2019&campaignId=${campaignId}`).set(pact.admin).expect(200)).body.total).toBe(0);
    expect((await t.http().get(`/api/v1/commendations/${entry.id}`).set(pact.admin).expect(200)).body).toEqual(entry);
    expect((await t.http().get(`/api/v1/commendations/${randomUUID()}`).set(pact.admin).expect(404)).body.code).toBe('COMMENDATION_NOT_FOUND');
    expect((await t.http().get('/api/v1/commendations?year=abc').set(pact.admin).expect(400)).body.code).toBe('VALIDATION_FAILED');

    // The register's page, Vietnamese by default and English by the person's choice.
    const cookies = cookieHeader(await t.http().post('/api/v1/auth/sign-in').send({ username: 'hatinh.canbo', password: DEMO_PASSWORD }).expect(200));
    const page = (await t.http().get('/commendations').set('Cookie', cookies).expect(200)).text;
    for (const expected of ['Sổ khen thưởng', 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', 'Cờ thi đua của Viện kiểm sát nhân dân tối cao', '123/QĐ-VKSTC', '25/12/2020', 'Tổng kết, suy tôn năm 2020']) {
      expect(page).toContain(expected);
    }
    const englishPage = (await t.http().get('/commendations?lang=en').set('Cookie', cookies).expect(200)).text;
    expect(englishPage).toContain('Commendation register');
    expect(englishPage).toContain('Emulation Flag of the Supreme People&#39;s Procuracy');
    expect(englishPage).toContain('2020-12-25');

    // The campaign page links the minutes.
    const campaignPage = (await t.http().get(`/campaigns/${campaignId}`).set('Cookie', cookies).expect(200)).text;
    expect(campaignPage).toContain(`href="/api/v1/campaigns/${campaignId}/minutes.pdf"`);
  }, 300_000);
});
