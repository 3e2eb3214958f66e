import { MikroORM } from '@mikro-orm/core';
import { Workbook } from 'exceljs';
import { Clock } from '../../src/modules/calendar/clock';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { ScheduledLaunch } from '../../src/workflows/schedules/entities/scheduled-launch.entity';
import { EvaluationSchedulesProcessor } from '../../src/workflows/schedules/evaluation-schedules.processor';
import { ScheduledLauncher } from '../../src/workflows/schedules/scheduled-launcher.service';
import { Auth, clusterPactFixture } from '../support/cluster-pact';
import { pdfText } from '../support/pdf-text';
import { sheetData, sheetsOfStage } from '../support/scoring';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import {
  acclaimThanhHoa,
  closeRankingReview,
  DECISION,
  entries,
  proposeToCouncil,
  recordDecision,
  recuseQuangTriFromHue,
  submitCrossScores,
  submitSelfScores,
  submitYearEndReports,
  vietnam,
  YEAR_END_TABLE as TABLE,
  yearEndPeople,
  YearEndPeople,
} from '../support/year-end';

describe(`year-end evaluation of Cluster No. 6, 2020, launched by its schedule (${TEST_DIALECT})`, () => {
  let api: TestApp;
  let workers: TestApp[];
  let admin: Auth;
  let head: Auth;
  let people: YearEndPeople;
  let campaignId: string;
  const orm = () => api.app.get(MikroORM).em.fork();
  const setClocks = (instant: Date) => [api, ...workers].forEach((t) => t.app.get(Clock).set(instant));

  const officer = (code: string) => people.officers.get(code)!;
  const stageOutcome = async (key: string) => ((await orm().findOneOrFail(Campaign, campaignId)).context.stages as Record<string, { outcome: string }> | undefined)?.[key]?.outcome;
  const binary = (path: string, auth: Auth) =>
    api
      .http()
      .get(path)
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    api = await startTestApp({ role: 'api' });
    workers = [await startTestApp({ role: 'worker', shareWith: api }), await startTestApp({ role: 'worker', shareWith: api })];
    // Before the schedule exists, so that no start tick sees it at the real (later) date.
    setClocks(vietnam('2020-11-13T09:00:00'));
    const pact = await clusterPactFixture(api);
    admin = pact.admin;
    head = pact.head;
    people = await yearEndPeople(api, pact);
  }, 180_000);

  afterAll(async () => {
    for (const worker of workers ?? []) await worker.close().catch(() => undefined);
    await api?.close();
  });

  it('launches itself on the first working day from 15 November, once, with two workers and one killed during the run', async () => {
    const schedule = (
      await api
        .http()
        .post('/api/v1/launch-schedules')
        .set(admin)
        .send({ workflowKey: 'cluster-year-end', year: 2020, subjectKind: 'every-active-cluster', date: '--11-15', shift: 'next-working-day', nameTemplate: 'Tổng kết, chấm điểm năm {year} — {subject}' })
        .expect(201)
    ).body;
    // 15 November 2020 is a Sunday: the run day is Monday the 16th.
    expect(schedule).toMatchObject({ runDate: '2020-11-16' });
    setClocks(vietnam('2020-11-15T10:00:00'));
    expect((await Promise.all(workers.map((w) => w.app.get(ScheduledLauncher).tick()))).map((r) => r.runs)).toEqual([0, 0]);

    setClocks(vietnam('2020-11-16T07:30:00'));
    const [doomed, survivor] = workers;
    const ticks = Promise.all(workers.map((w) => w.app.get(ScheduledLauncher).tick()));
    // One worker dies while the run is under way: its jobs are left to the other.
    await doomed.app.get(EvaluationSchedulesProcessor).worker.close(true);
    await ticks;
    const closing = doomed.close();
    workers = [survivor];
    const launch = await waitFor(async () => {
      const rows = await orm().find(ScheduledLaunch, { schedule: schedule.id });
      return rows.length === 1 && rows[0].status === 'launched' ? rows[0] : undefined;
    }, 'the scheduled launch', 60_000);
    await closing.catch(() => undefined);
    // A redelivery of the same launch adds nothing.
    const again = await survivor.app.get(ScheduledLauncher).launchSubject(schedule.id, 2020, launch.subjectKey);
    expect(again.outcome).toBe('existed');

    const campaigns = await orm().find(Campaign, { year: 2020, workflowVersion: { definition: { key: 'cluster-year-end' } } });
    expect(campaigns).toHaveLength(1);
    campaignId = campaigns[0].id;
    expect(campaigns[0].name).toBe('Tổng kết, chấm điểm năm 2020 — Cụm thi đua số 6');
    expect(campaigns[0].activeStages).toEqual(['report']);
  }, 180_000);

  it('takes the six year-end reports, then six self-scores with their evidence', async () => {
    await submitYearEndReports(api, people, campaignId);
    expect(await stageOutcome('report')).toBe('submitted');

    const selfSheets = await sheetsOfStage(api, admin, campaignId, 'self-score');
    expect(selfSheets).toHaveLength(6);
    expect(selfSheets.every((sheet) => sheet.scorerCode === sheet.scoredCode)).toBe(true);
    // Points on a criterion that needs evidence, without it: refused at that criterion's field.
    const first = selfSheets[0];
    const auth = officer(first.scorerCode);
    const missing = await api.http().post(`/api/v1/tasks/${first.taskId}/score-sheet`).set(auth).send({ data: sheetData(TABLE, entries()) }).expect(422);
    expect(missing.body.code).toBe('SCORE_EVIDENCE_REQUIRED');
    expect(await submitSelfScores(api, people, campaignId)).toBe(6);
    expect(await stageOutcome('self-score')).toBe('scored');
  }, 300_000);

  it('takes the 30 cross-score sheets, one recused with its reason, and ranks with the tie-break explained', async () => {
    const peerSheets = await sheetsOfStage(api, admin, campaignId, 'cross-score');
    expect(peerSheets).toHaveLength(30);
    expect(peerSheets.some((sheet) => sheet.scorerCode === sheet.scoredCode)).toBe(false);
    await recuseQuangTriFromHue(api, people, campaignId);
    expect(await submitCrossScores(api, people, campaignId)).toBe(29);
    expect(await stageOutcome('cross-score')).toBe('scored');

    const ranking = (await api.http().get(`/api/v1/campaigns/${campaignId}/ranking`).set(head).expect(200)).body;
    expect(ranking.rows.map((row: { unitCode: string; rank: number; total: number }) => [row.rank, row.unitCode, row.total])).toEqual([
      [1, 'VKS-THA', 100],
      [2, 'VKS-NAN', 99],
      [3, 'VKS-HTI', 98],
      [4, 'VKS-QTR', 97],
      [5, 'VKS-QBI', 97],
      [6, 'VKS-TTH', 95],
    ]);
    const rows = new Map<string, { decidedBy: string | null; explanation: string[]; sheets: { used: number; dropped: number; recused: number }; grade: { code: string } }>(
      ranking.rows.map((row: { unitCode: string }) => [row.unitCode, row]),
    );
    // Level on the total, Quảng Trị is placed above Quảng Bình by group I, and the ranking says so.
    expect(rows.get('VKS-QBI')!.decidedBy).toBe('group:I');
    expect(rows.get('VKS-QBI')!.explanation.join('\n')).toMatch(/nhóm I/i);
    expect(rows.get('VKS-THA')!.grade.code).toBe('xuat-sac');
    // Five peers: the trimmed mean drops the highest and the lowest (Hà Tĩnh's stricter sheet) for Thanh Hóa.
    expect(rows.get('VKS-THA')!.sheets).toEqual({ used: 3, dropped: 2, recused: 0 });
    // Huế has four sheets after the recusal: a plain mean, and the recusal stays on record.
    expect(rows.get('VKS-TTH')!.sheets).toEqual({ used: 4, dropped: 0, recused: 1 });
    expect(ranking.leaders.map((leader: { code: string }) => leader.code)).toEqual(['VKS-THA']);
    expect(ranking.adjustable).toBe(true);

    const hue = ranking.rows.find((row: { unitCode: string }) => row.unitCode === 'VKS-TTH');
    const breakdown = (await api.http().get(`/api/v1/campaigns/${campaignId}/ranking/units/${hue.unitId}`).set(head).expect(200)).body;
    const i4b = breakdown.criteria.find((criterion: { code: string }) => criterion.code === 'I.4.b');
    expect(i4b).toMatchObject({ standard: 5, self: 5, final: 0 });
    expect(breakdown.sheets.find((sheet: { use: string }) => sheet.use === 'recused')).toMatchObject({ recusalReason: expect.stringContaining('biệt phái') });
  }, 300_000);

  it('lets the council adjust a total with its reason while it reviews the ranking, not after', async () => {
    const ranking = (await api.http().get(`/api/v1/campaigns/${campaignId}/ranking`).set(head).expect(200)).body;
    const hue = ranking.rows.find((row: { unitCode: string }) => row.unitCode === 'VKS-TTH').unitId;
    const member = people.council[0];
    const adjust = (body: Record<string, unknown>) => api.http().post(`/api/v1/campaigns/${campaignId}/ranking/adjustments`).set(member).send({ unitId: hue, ...body });
    expect((await adjust({ points: 0.5 }).expect(422)).body.code).toBe('RANKING_ADJUSTMENT_REASON_REQUIRED');
    const adjusted = (await adjust({ points: 0.5, reason: 'Cộng điểm thành tích đột xuất được Viện trưởng VKSND tối cao khen thưởng.' }).expect(200)).body;
    expect(adjusted.rows.find((row: { unitCode: string }) => row.unitCode === 'VKS-TTH')).toMatchObject({ aggregate: 95, adjustment: 0.5, total: 95.5, rank: 6 });
    await closeRankingReview(api, people, campaignId);
    expect(await stageOutcome('ranking-review')).toBe('acknowledged');
    expect((await adjust({ points: 1, reason: 'Muộn' }).expect(409)).body.code).toBe('RANKING_NOMINATION_STARTED');
  });

  it('acclaims Thanh Hóa by secret ballot with 5 of 6 (25 ≥ 24), and the minutes print the arithmetic', async () => {
    const poll = await acclaimThanhHoa(api, people, campaignId);
    expect(poll.subject.label).toBe('Suy tôn đơn vị dẫn đầu: Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(poll.rule).toMatchObject({ ballot: 'secret', comparison: '>=', threshold: { numerator: 4, denominator: 5 } });
    expect(await stageOutcome('nominate')).toBe('passed');
    const result = (await api.http().get(`/api/v1/polls/${poll.id}/result`).set(admin).expect(200)).body;
    expect(result.explanation.vi).toContain('5/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 25 ≥ 24 → thông qua');

    const minutes = pdfText((await binary(`/api/v1/campaigns/${campaignId}/minutes.pdf`, head).expect(200)).body as Buffer).join('\n');
    for (const expected of ['BIÊN BẢN', 'Cụm thi đua số 6 — 2020', 'Phép tính: 5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua', 'Kết quả: được suy tôn.', '100,00', '97,00']) {
      expect(minutes).toContain(expected);
    }
  }, 180_000);

  it('sends the proposal to the council, whose two members approve; the decision lands in the register', async () => {
    await proposeToCouncil(api, people, campaignId);
    expect(await stageOutcome('council-vote')).toBe('passed');

    await recordDecision(api, people, campaignId);
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    expect(campaign.status).toBe('completed');

    const register = (await api.http().get(`/api/v1/commendations?year=2020&campaignId=${campaignId}`).set(officer('VKS-NAN')).expect(200)).body;
    const items = register.items ?? register;
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items[0])).toContain(DECISION.number);
    expect(JSON.stringify(items[0])).toContain('Thanh Hóa');
    expect(JSON.stringify(items[0])).toContain('Cờ thi đua');
  }, 180_000);

  it('exports the scores and ranking as XLSX', async () => {
    const xlsx = (await binary(`/api/v1/campaigns/${campaignId}/ranking.xlsx`, head).expect(200)).body as Buffer;
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ranking = workbook.worksheets[0];
    const cells = ranking.getSheetValues().flat().map((value) => String(value ?? ''));
    expect(cells.join('|')).toContain('Thanh Hóa');
    expect(cells).toContain('100');
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
  });
});
