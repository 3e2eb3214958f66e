import { MikroORM } from '@mikro-orm/core';
import { Workbook } from 'exceljs';
import { Clock } from '../../src/modules/calendar/clock';
import { readBuiltinScoringTables } from '../../src/modules/scoring/table/builtin-scoring-tables';
import { isLeaf, ScoringNode, ScoringTableDocument, SheetEntry } from '../../src/modules/scoring/table/scoring-table';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { ScheduledLaunch } from '../../src/workflows/schedules/entities/scheduled-launch.entity';
import { EvaluationSchedulesProcessor } from '../../src/workflows/schedules/evaluation-schedules.processor';
import { ScheduledLauncher } from '../../src/workflows/schedules/scheduled-launcher.service';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture } from '../support/cluster-pact';
import { pdfText } from '../support/pdf-text';
import { sheetData, sheetsOfStage, submitAllSheets } from '../support/scoring';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { yearendReport2020 } from '../support/yearend-report';

/** An instant given as Vietnam wall-clock time. */
const vietnam = (wallClock: string) => new Date(`${wallClock}+07:00`);

const TABLE: ScoringTableDocument = readBuiltinScoringTables().find((file) => file.key === 'procuracy-cluster-2020')!.document as unknown as ScoringTableDocument;
const PDF = Buffer.from('%PDF-1.4\n% minh chứng tự chấm điểm\n%%EOF\n');

const leaves = (nodes: ScoringNode[]): Array<Extract<ScoringNode, { method: string }>> =>
  nodes.flatMap((node) => (isLeaf(node) ? [node] : leaves(node.items)));

/**
 * Full marks on every criterion (binary met, proportional at its target, no bonus, no penalty: 100 points), less the
 * given deductions on `full` criteria: the sheet a scorer fills for one unit.
 */
function entries(deductions: Record<string, number> = {}): SheetEntry[] {
  return leaves(TABLE.groups).map((leaf): SheetEntry => {
    switch (leaf.method) {
      case 'binary':
        return { code: leaf.code, value: true };
      case 'proportional':
        return leaf.target === undefined ? { code: leaf.code, achieved: 100, target: 100 } : { code: leaf.code, achieved: leaf.target };
      case 'bonus':
      case 'penalty':
        return { code: leaf.code, value: 0 };
      default:
        return { code: leaf.code, value: leaf.points - (deductions[leaf.code] ?? 0) };
    }
  });
}

/**
 * What the peers find of each unit: Nghệ An −1, Hà Tĩnh −2, Quảng Bình −3 in group I and Quảng Trị −3 in group II
 * (level with Quảng Bình on 97, ahead of it on group I), Huế −5. Hà Tĩnh is harder on Thanh Hóa than the others:
 * the trimmed mean drops that sheet.
 */
const PEER_DEDUCTIONS: Record<string, Record<string, number>> = {
  'VKS-THA': {},
  'VKS-NAN': { 'I.1.c': 1 },
  'VKS-HTI': { 'I.4.b': 2 },
  'VKS-QBI': { 'I.4.b': 3 },
  'VKS-QTR': { 'II.3.a': 3 },
  'VKS-TTH': { 'I.4.b': 5 },
};
const peerSheet = (scorer: string, scored: string) =>
  sheetData(TABLE, entries(scorer === 'VKS-HTI' && scored === 'VKS-THA' ? { 'I.4.c': 2 } : PEER_DEDUCTIONS[scored]));

/** Criteria whose points need evidence by the table (the self-scores give them points, so they attach a file). */
const EVIDENCE_CRITERIA = leaves(TABLE.groups)
  .filter((leaf) => leaf.evidence === 'required' && leaf.method !== 'bonus')
  .map((leaf) => leaf.code);

describe(`year-end evaluation of Cluster No. 6, 2020, launched by its schedule (${TEST_DIALECT})`, () => {
  let api: TestApp;
  let workers: TestApp[];
  let admin: Auth;
  let head: Auth;
  let campaignId: string;
  const officers = new Map<string, Auth>();
  const council: Auth[] = [];
  const orm = () => api.app.get(MikroORM).em.fork();
  const setClocks = (instant: Date) => [api, ...workers].forEach((t) => t.app.get(Clock).set(instant));

  async function ownTask(auth: Auth, stageKey: string): Promise<string> {
    const inbox = (await api.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    if (!task) throw new Error(`no open task of stage ${stageKey}`);
    return task.id;
  }
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
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(api, `${slug}.canbo`));
    for (const username of ['tdkt.vutruong', 'tdkt.chuyenvien']) council.push(await bearerFor(api, username));
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
    for (const [, code] of CLUSTER_6_UNITS) {
      const auth = officers.get(code)!;
      await api.http().post(`/api/v1/tasks/${await ownTask(auth, 'report')}/form/submit`).set(auth).send({ data: yearendReport2020(code) }).expect(200);
    }
    expect(await stageOutcome('report')).toBe('submitted');

    const selfSheets = await sheetsOfStage(api, admin, campaignId, 'self-score');
    expect(selfSheets).toHaveLength(6);
    expect(selfSheets.every((sheet) => sheet.scorerCode === sheet.scoredCode)).toBe(true);
    // Points on a criterion that needs evidence, without it: refused at that criterion's field.
    const first = selfSheets[0];
    const auth = officers.get(first.scorerCode)!;
    const missing = await api.http().post(`/api/v1/tasks/${first.taskId}/score-sheet`).set(auth).send({ data: sheetData(TABLE, entries()) }).expect(422);
    expect(missing.body.code).toBe('SCORE_EVIDENCE_REQUIRED');
    for (const sheet of selfSheets) {
      for (const criterion of EVIDENCE_CRITERIA) {
        await api.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet/evidence`).set(officers.get(sheet.scorerCode)!).field('criterion', criterion).attach('file', PDF, `minh-chung-${criterion}.pdf`).expect(200);
      }
    }
    expect(await submitAllSheets(api, admin, campaignId, 'self-score', () => sheetData(TABLE, entries()))).toBe(6);
    expect(await stageOutcome('self-score')).toBe('scored');
  }, 300_000);

  it('takes the 30 cross-score sheets, one recused with its reason, and ranks with the tie-break explained', async () => {
    const peerSheets = await sheetsOfStage(api, admin, campaignId, 'cross-score');
    expect(peerSheets).toHaveLength(30);
    expect(peerSheets.some((sheet) => sheet.scorerCode === sheet.scoredCode)).toBe(false);
    const recused = peerSheets.find((sheet) => sheet.scorerCode === 'VKS-QTR' && sheet.scoredCode === 'VKS-TTH')!;
    await api
      .http()
      .post(`/api/v1/tasks/${recused.taskId}/score-sheet/recusal`)
      .set(officers.get('VKS-QTR')!)
      .send({ reason: 'Đơn vị có cán bộ được biệt phái sang VKSND Thừa Thiên Huế trong năm.' })
      .expect(200);
    expect(await submitAllSheets(api, admin, campaignId, 'cross-score', peerSheet)).toBe(29);
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

    const hue = ranking.rows.find((row: { unitCode: string }) => row.unitCode === 'VKS-TTH');
    const breakdown = (await api.http().get(`/api/v1/campaigns/${campaignId}/ranking/units/${hue.unitId}`).set(head).expect(200)).body;
    const i4b = breakdown.criteria.find((criterion: { code: string }) => criterion.code === 'I.4.b');
    expect(i4b).toMatchObject({ standard: 5, self: 5, final: 0 });
    expect(breakdown.sheets.find((sheet: { use: string }) => sheet.use === 'recused')).toMatchObject({ recusalReason: expect.stringContaining('biệt phái') });
  }, 300_000);

  it('acclaims Thanh Hóa by secret ballot with 5 of 6 (25 ≥ 24), and the minutes print the arithmetic', async () => {
    const tasks = new Map<string, string>();
    for (const [, code] of CLUSTER_6_UNITS) tasks.set(code, await ownTask(officers.get(code)!, 'nominate'));
    const poll = (await api.http().get(`/api/v1/tasks/${tasks.get('VKS-THA')}/ballot`).set(officers.get('VKS-THA')!).expect(200)).body;
    expect(poll.subject.label).toBe('Suy tôn đơn vị dẫn đầu: Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(poll.rule).toMatchObject({ ballot: 'secret', comparison: '>=', threshold: { numerator: 4, denominator: 5 } });
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR']) {
      await api.http().post(`/api/v1/tasks/${tasks.get(code)}/ballot`).set(officers.get(code)!).send({ choice: 'agree' }).expect(200);
    }
    await api.http().post(`/api/v1/tasks/${tasks.get('VKS-TTH')}/ballot`).set(officers.get('VKS-TTH')!).send({ candidateIds: [] }).expect(200);
    expect(await stageOutcome('nominate')).toBe('passed');
    const result = (await api.http().get(`/api/v1/polls/${poll.id}/result`).set(admin).expect(200)).body;
    expect(result.explanation.vi).toContain('5/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 25 ≥ 24 → thông qua');

    const minutes = pdfText((await binary(`/api/v1/campaigns/${campaignId}/minutes.pdf`, head).expect(200)).body as Buffer).join('\n');
    for (const expected of ['BIÊN BẢN', 'Cụm thi đua số 6 — 2020', 'Phép tính: 5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua', 'Kết quả: được suy tôn.', '100,00', '97,00']) {
      expect(minutes).toContain(expected);
    }
  }, 180_000);

  it('sends the proposal to the council, whose two members approve; the decision lands in the register', async () => {
    const proposal = {
      submissionText: 'Cụm thi đua số 6 đề nghị tặng Cờ thi đua của Viện kiểm sát nhân dân tối cao cho VKSND tỉnh Thanh Hóa.',
      proposals: [{ unitName: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', title: 'coThiDuaVksndtc' }],
      minutesAttached: true,
    };
    await api.http().post(`/api/v1/tasks/${await ownTask(head, 'proposal')}/form/submit`).set(head).send({ data: proposal }).expect(200);
    for (const member of council) {
      await api.http().post(`/api/v1/tasks/${await ownTask(member, 'council-vote')}/ballot`).set(member).send({ choice: 'agree' }).expect(200);
    }
    expect(await stageOutcome('council-vote')).toBe('passed');

    const decision = { number: '1234/QĐ-VKSTC', signedOn: '2020-12-28', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' };
    await api.http().post(`/api/v1/tasks/${await ownTask(admin, 'decision')}/decision`).set(admin).send(decision).expect(200);
    const campaign = await orm().findOneOrFail(Campaign, campaignId);
    expect(campaign.status).toBe('completed');

    const register = (await api.http().get(`/api/v1/commendations?year=2020&campaignId=${campaignId}`).set(officers.get('VKS-NAN')!).expect(200)).body;
    const items = register.items ?? register;
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items[0])).toContain('1234/QĐ-VKSTC');
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
