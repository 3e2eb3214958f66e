import { randomUUID } from 'node:crypto';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Workbook } from 'exceljs';
import { PrincipalService } from '../../src/modules/auth/principal.service';
import { FormsService } from '../../src/modules/forms/forms.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Person } from '../../src/modules/org/entities/person.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Score } from '../../src/modules/scoring/entities/score.entity';
import { ScoreSheet } from '../../src/modules/scoring/entities/score-sheet.entity';
import { ScoringTablesService } from '../../src/modules/scoring/scoring-tables.service';
import { sampleScoringTable } from '../../src/modules/scoring/table/testing/sample-scoring-table';
import { CampaignCommandsService } from '../../src/workflows/engine/campaign-commands.service';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { signInWithForm } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

type Auth = { Authorization: string };
type Row = { unitCode: string; rank: number | null; total: number | null; decidedBy: string | null; tiedWith: Array<{ code: string }>; explanation: string[] };

const TABLE_KEY = 'ranking-e2e';
const UNITS = [
  ['thanhhoa', 'VKS-THA'],
  ['nghean', 'VKS-NAN'],
  ['hatinh', 'VKS-HTI'],
  ['quangbinh', 'VKS-QBI'],
  ['quangtri', 'VKS-QTR'],
  ['hue', 'VKS-TTH'],
] as const;

/** Self-score, cross-score by peers, the ranking, the head's look at it (the council's window), the nomination. */
const WORKFLOW = {
  name: { vi: 'Chấm điểm và xếp hạng (thử nghiệm)', en: 'Scoring and ranking (test)' },
  subject: 'cluster',
  start: 'self-score',
  stages: {
    'self-score': { type: 'score', name: { vi: 'Tự chấm điểm' }, fanOut: 'each-member', settings: { table: TABLE_KEY, scorers: 'self' }, on: { scored: 'cross-score' } },
    'cross-score': { type: 'score', name: { vi: 'Chấm điểm chéo', en: 'Cross-scoring' }, fanOut: 'each-member', settings: { table: TABLE_KEY, scorers: 'peers' }, on: { scored: 'rank' } },
    rank: { type: 'rank', name: { vi: 'Xếp hạng', en: 'Ranking' }, on: { ranked: 'review' } },
    review: { type: 'review', name: { vi: 'Cụm trưởng xem xét kết quả xếp hạng' }, assignees: ['cluster-head'], on: { approved: 'nominate', returned: 'rank' } },
    nominate: { type: 'vote', name: { vi: 'Suy tôn đơn vị dẫn đầu' }, fanOut: 'each-member', settings: { subject: 'ranking-leaders' }, on: { passed: 'done', failed: 'done', 'no-quorum': 'done', tie: 'done' } },
    done: { type: 'end' },
  },
};

/** Points per criterion of the sample table (I.1, I.2.a, I.3 in group I; III.1, III.2 bonus; IV.1 penalty). */
type Points = Partial<Record<'I.1' | 'I.2.a' | 'I.2.b' | 'I.3' | 'III.1' | 'III.2' | 'IV.1' | 'IV.2', number>>;
const GROUP_OF: Record<string, string> = { 'I.1': 'I', 'I.2.a': 'I', 'I.2.b': 'I', 'I.3': 'I', 'III.1': 'III', 'III.2': 'III', 'IV.1': 'IV', 'IV.2': 'IV' };

/** A self-score: 20 in group I and 3 bonus points, 23. */
const SELF: Points = { 'I.1': 10, 'I.2.a': 8, 'I.3': 2, 'III.1': 3 };

/**
 * The cross-scores, by scored unit and scorer: Thanh Hóa 20, 21, 22, 23, 24 (the trimmed mean drops 20 and 24: 22);
 * Nghệ An and Hà Tĩnh 18 each, Nghệ An with more in group I (16 > 15); Quảng Bình and Quảng Trị 15 each with the
 * same group I (14) and penalties (1): a tie that stays; Hà Tĩnh recuses from Quảng Bình; everyone recuses from Huế.
 */
function crossScore(scored: string, scorer: string): Points | 'recuse' {
  const tha: Record<string, Points> = {
    'VKS-NAN': { 'I.1': 8, 'I.2.a': 8, 'I.3': 2, 'III.1': 2 },
    'VKS-HTI': { 'I.1': 9, 'I.2.a': 8, 'I.3': 2, 'III.1': 2 },
    'VKS-QBI': { 'I.1': 10, 'I.2.a': 8, 'I.3': 2, 'III.1': 2 },
    'VKS-QTR': { 'I.1': 10, 'I.2.a': 8, 'I.3': 2, 'III.1': 3 },
    'VKS-TTH': { 'I.1': 10, 'I.2.a': 8, 'I.3': 2, 'III.1': 3, 'III.2': 1 },
  };
  if (scored === 'VKS-THA') return tha[scorer];
  if (scored === 'VKS-NAN') return { 'I.1': 8, 'I.2.a': 6, 'I.3': 2, 'III.1': 2 };
  if (scored === 'VKS-HTI') return { 'I.1': 8, 'I.2.a': 5, 'I.3': 2, 'III.1': 3 };
  if (scored === 'VKS-QBI') return scorer === 'VKS-HTI' ? 'recuse' : { 'I.1': 8, 'I.2.a': 4, 'I.3': 2, 'III.1': 2, 'IV.1': -1 };
  if (scored === 'VKS-QTR') return { 'I.1': 8, 'I.2.a': 4, 'I.3': 2, 'III.1': 2, 'IV.1': -1 };
  return 'recuse';
}

describe('rank stage, ranking API, adjustments, workbook and pages (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let head: Auth;
  let council: Auth;
  let hatinh: Auth;
  let clusterId: string;
  let versionId: string;
  let campaignId: string;
  const unitIds = new Map<string, string>();
  const orm = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    const em = orm();
    await new ScoringTablesService(em, new FormsService(em.fork())).publish(TABLE_KEY, sampleScoringTable(), null);
    admin = await bearerFor(t, 'admin');
    head = await bearerFor(t, 'thanhhoa.vientruong');
    council = await bearerFor(t, 'tdkt.vutruong');
    hatinh = await bearerFor(t, 'hatinh.canbo');
    clusterId = (await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    for (const unit of await em.find(Unit, {})) unitIds.set(unit.code, unit.id);
  }, 120_000);
  afterAll(() => t?.close());

  const codeOf = (id: string) => [...unitIds].find(([, unitId]) => unitId === id)![0];
  const ranking = async (auth: Auth = admin, lang = 'vi') => (await t.http().get(`/api/v1/campaigns/${campaignId}/ranking`).set(auth).set('Accept-Language', lang).expect(200)).body;
  const rows = (body: { rows: Array<Record<string, unknown>> }): Row[] =>
    body.rows.map((row) => ({
      unitCode: row.unitCode as string,
      rank: row.rank as number | null,
      total: row.total as number | null,
      decidedBy: row.decidedBy as string | null,
      tiedWith: (row.tiedWith as Array<{ code: string }>).map((unit) => ({ code: unit.code })),
      explanation: row.explanation as string[],
    }));

  /** Fills a score task's draft sheet with these points and submits it (or recuses) through the engine's command. */
  async function complete(task: Task, points: Points | 'recuse'): Promise<void> {
    const scorerCode = codeOf(task.assigneeUnit!.id);
    const slug = UNITS.find(([, code]) => code === scorerCode)![0];
    const principals = t.app.get(PrincipalService);
    const personId = (await orm().findOneOrFail(Person, { username: `${slug}.canbo` })).id;
    const principal = await principals.load(personId);
    const actingFor = await principals.resolveActingFor(personId, scorerCode);
    await t.app.get(CampaignCommandsService).commandTask(
      task.id,
      {
        command: points === 'recuse' ? 'recuse' : 'submit',
        comment: points === 'recuse' ? 'Đơn vị có xung đột lợi ích với đơn vị được chấm.' : undefined,
        record: async (em: EntityManager) => {
          const sheet = await em.findOneOrFail(ScoreSheet, { taskId: task.id });
          if (points === 'recuse') {
            sheet.status = 'recused';
            sheet.recusalReason = 'Đơn vị có xung đột lợi ích với đơn vị được chấm.';
            return;
          }
          const entries = Object.entries(points) as Array<[string, number]>;
          const groupTotals: Record<string, number> = { I: 0, III: 0, IV: 0 };
          for (const [code, value] of entries) groupTotals[GROUP_OF[code]] += value * 100;
          sheet.status = 'submitted';
          sheet.total = entries.reduce((sum, [, value]) => sum + value * 100, 0);
          sheet.groupTotals = groupTotals;
          sheet.submittedAt = new Date();
          for (const code of Object.keys(GROUP_OF)) {
            em.create(Score, { sheet, scoredUnitId: task.aboutUnit!.id, criterionCode: code, points: (points[code as keyof Points] ?? 0) * 100, entry: null });
          }
        },
      },
      principal,
      actingFor,
    );
  }

  const openScoreTasks = (stageKey: string) =>
    orm().find(Task, { campaign: campaignId, status: 'open', stageRun: { stageKey } }, { populate: ['assigneeUnit', 'aboutUnit'], orderBy: { assigneeKey: 'asc' } });

  it('refuses at publish a rank stage that names a stage which is not a score stage, or bad settings', async () => {
    const bad = structuredClone(WORKFLOW) as unknown as { stages: Record<string, { settings?: Record<string, unknown> }> };
    bad.stages.rank.settings = { from: ['review'], aggregation: 'max', leaders: 0 };
    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'ranking-bad', name: 'Sai', document: bad }).expect(201);
    const refused = await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).expect(422);
    expect(refused.body.code).toBe('WORKFLOW_INVALID');
    const paths = (refused.body.details as Array<{ path: string; code: string }>).map((p) => `${p.path} ${p.code}`);
    expect(paths).toEqual(
      expect.arrayContaining(['$.stages.rank.settings.from[0] SETTING_INVALID', '$.stages.rank.settings.aggregation SETTING_INVALID', '$.stages.rank.settings.leaders SETTING_INVALID']),
    );

    const good = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'ranking-e2e', name: 'Xếp hạng', document: WORKFLOW }).expect(201);
    versionId = (await t.http().post(`/api/v1/workflow-definitions/${good.body.id}/publish`).set(admin).expect(201)).body.version.id;
  });

  it('ranks the cross-scores when entered: trimmed mean, a tie broken by group I, a tie that stays, a unit not ranked', async () => {
    campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name: 'Tổng kết năm 2020 – Cụm 6', year: 2020, clusterId }).expect(201)).body.id;
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/ranking`).set(admin).expect(404)).body.code).toBe('RANKING_NOT_FOUND');

    for (const task of await openScoreTasks('self-score')) await complete(task, SELF);
    const cross = await openScoreTasks('cross-score');
    expect(cross).toHaveLength(30);
    for (const task of cross) await complete(task, crossScore(codeOf(task.aboutUnit!.id), codeOf(task.assigneeUnit!.id)));

    const body = await ranking();
    expect(body).toMatchObject({ aggregation: 'trimmed-mean', tieBreak: ['total', 'group:I', 'fewer-penalties'], adjustable: true, stageKey: 'rank' });
    expect(body.leaders.map((unit: { code: string }) => unit.code)).toEqual(['VKS-THA']);
    const table = rows(body);
    expect(table.map((row) => [row.unitCode, row.rank, row.total, row.decidedBy])).toEqual([
      ['VKS-THA', 1, 22, null],
      ['VKS-NAN', 2, 18, 'total'],
      ['VKS-HTI', 3, 18, 'group:I'],
      ['VKS-QBI', 4, 15, 'total'],
      ['VKS-QTR', 4, 15, null],
      ['VKS-TTH', null, null, null],
    ]);
    expect(body.rows[0]).toMatchObject({ aggregate: 22, adjustment: 0, grade: { code: 'xuat-sac', label: 'Xuất sắc' }, sheets: { used: 3, dropped: 2, recused: 0 } });
    expect(table[0].explanation[0]).toBe('Bỏ điểm cao nhất 24,00 và thấp nhất 20,00; trung bình cộng 3 phiếu còn lại: (21,00 + 22,00 + 23,00) / 3 = 66,00 / 3 = 22,00');
    // The tie broken by group I, then the tie the chain cannot break: reported, never hidden by the order.
    expect(table[2].explanation).toContain('VKSND Nghệ An xếp trên VKSND Hà Tĩnh: bằng tổng điểm 18,00; nhóm I 16,00 > 15,00');
    expect(table[4].explanation).toContain('VKSND Quảng Bình và VKSND Quảng Trị đồng hạng 4: bằng tổng điểm 15,00; bằng nhóm I 14,00; bằng điểm trừ 1,00');
    expect(table[3].tiedWith).toEqual([{ code: 'VKS-QTR' }]);
    expect(table[4].tiedWith).toEqual([{ code: 'VKS-QBI' }]);
    // Quảng Bình: Hà Tĩnh recused, so 4 sheets and a plain mean that says why.
    expect(body.rows[3].sheets).toEqual({ used: 4, dropped: 0, recused: 1 });
    expect(table[3].explanation[0]).toMatch(/^Chỉ có 4 phiếu \(cần ít nhất 5/);
    expect(body.rows[5]).toMatchObject({ ranked: false, aggregate: null, grade: null, notRankedReason: expect.stringContaining('5 người chấm đã xin không chấm') });

    const english = await ranking(admin, 'en');
    expect(english.rows[2].explanation).toContain('VKSND Nghệ An ranks above VKSND Hà Tĩnh: equal total 18.00; group I 16.00 > 15.00');
    expect(english.rows[5].notRankedReason).toMatch(/^No sheet counts: 5 scorer/);

    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body as Array<{ type: string; data: Record<string, unknown> }>;
    const computed = history.find((event) => event.type === 'ranking.computed')!;
    expect(computed.data).toMatchObject({ stage: 'rank', aggregation: 'trimmed-mean', leaders: [{ unitId: unitIds.get('VKS-THA'), rank: 1, total: 22 }] });
    expect((computed.data.ties as Array<{ vi: string }>).map((tie) => tie.vi)).toEqual([
      'VKSND Nghệ An xếp trên VKSND Hà Tĩnh: bằng tổng điểm 18,00; nhóm I 16,00 > 15,00',
      'VKSND Quảng Bình và VKSND Quảng Trị đồng hạng 4: bằng tổng điểm 15,00; bằng nhóm I 14,00; bằng điểm trừ 1,00',
    ]);
    expect(computed.data.tiesTotal).toBe(2);
    expect(computed.data.notRanked).toEqual([expect.objectContaining({ unitId: unitIds.get('VKS-TTH') })]);
  });

  it("explains a unit's breakdown: each criterion's self, scorers' and final points and the sheets used", async () => {
    const tha = unitIds.get('VKS-THA')!;
    const body = (await t.http().get(`/api/v1/campaigns/${campaignId}/ranking/units/${tha}`).set(head).expect(200)).body;
    expect(body.unit.code).toBe('VKS-THA');
    const byScorer = Object.fromEntries((body.sheets as Array<{ scorer: string; use: string; total: number }>).map((sheet) => [sheet.scorer, [sheet.use, sheet.total]]));
    expect(byScorer).toEqual({
      'VKSND Nghệ An': ['dropped', 20],
      'VKSND Hà Tĩnh': ['used', 21],
      'VKSND Quảng Bình': ['used', 22],
      'VKSND Quảng Trị': ['used', 23],
      'VKSND Thừa Thiên Huế': ['dropped', 24],
      'VKSND Thanh Hóa': ['self', 23],
    });
    const i1 = body.criteria.find((criterion: { code: string }) => criterion.code === 'I.1');
    expect(i1).toMatchObject({ group: 'I', standard: 10, self: 10, final: 9.67 });
    expect(Object.values(i1.scorers).sort()).toEqual([10, 10, 10, 8, 9]);
    expect(body.criteria.find((criterion: { code: string }) => criterion.code === 'III.2')).toMatchObject({ self: 0, final: 0 });
    expect(body.groups).toEqual({ I: 19.67, III: 2.33, IV: 0 });

    // A member unit reads its own breakdown, not another's.
    await t.http().get(`/api/v1/campaigns/${campaignId}/ranking/units/${unitIds.get('VKS-HTI')}`).set(hatinh).expect(200);
    const refused = await t.http().get(`/api/v1/campaigns/${campaignId}/ranking/units/${tha}`).set(hatinh).expect(403);
    expect(refused.body.code).toBe('RANKING_BREAKDOWN_FORBIDDEN');
    expect(refused.body.message).toContain('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect((await ranking(hatinh)).rows).toHaveLength(6);
  });

  it('lets the council adjust with a reason until the nomination starts; ranks, grades and leaders follow', async () => {
    const adjust = (auth: Auth, body: Record<string, unknown>) => t.http().post(`/api/v1/campaigns/${campaignId}/ranking/adjustments`).set(auth).send(body);
    const hti = unitIds.get('VKS-HTI')!;
    const missing = await adjust(council, { unitId: hti, points: 0.5 }).expect(422);
    expect(missing.body).toMatchObject({ code: 'RANKING_ADJUSTMENT_REASON_REQUIRED', message: expect.stringContaining('Viện kiểm sát nhân dân tỉnh Hà Tĩnh') });
    expect((await adjust(council, { unitId: hti, points: 0.5, reason: '   ' }).expect(422)).body.code).toBe('RANKING_ADJUSTMENT_REASON_REQUIRED');
    expect((await adjust(council, { unitId: hti, points: 0.125, reason: 'Ba chữ số thập phân.' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await adjust(hatinh, { unitId: hti, points: 0.5, reason: 'Tự nâng điểm.' }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await adjust(council, { unitId: unitIds.get('VKS-TTH'), points: 1, reason: 'Không có phiếu.' }).expect(409)).body.code).toBe('RANKING_UNIT_NOT_RANKED');

    const raised = (await adjust(council, { unitId: hti, points: 0.5, reason: 'Thành tích đột xuất được Hội đồng ghi nhận.' }).expect(200)).body;
    expect(rows(raised).slice(0, 3).map((row) => [row.unitCode, row.rank, row.total, row.decidedBy])).toEqual([
      ['VKS-THA', 1, 22, null],
      ['VKS-HTI', 2, 18.5, 'total'],
      ['VKS-NAN', 3, 18, 'total'],
    ]);
    expect(raised.rows[1]).toMatchObject({ aggregate: 18, adjustment: 0.5, adjustmentReason: 'Thành tích đột xuất được Hội đồng ghi nhận.' });

    const lowered = (await adjust(admin, { unitId: unitIds.get('VKS-THA'), points: -5, reason: 'Vi phạm quy định báo cáo, Hội đồng trừ điểm.' }).expect(200)).body;
    expect(rows(lowered).slice(0, 3).map((row) => [row.unitCode, row.rank, row.total])).toEqual([
      ['VKS-HTI', 1, 18.5],
      ['VKS-NAN', 2, 18],
      ['VKS-THA', 3, 17],
    ]);
    expect(lowered.rows[2].grade).toMatchObject({ code: 'kha' });
    expect(lowered.leaders.map((unit: { code: string }) => unit.code)).toEqual(['VKS-HTI']);

    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body as Array<{ type: string; data: Record<string, unknown> }>;
    expect(history.filter((event) => event.type === 'ranking.adjusted').map((event) => [event.data.adjustment, event.data.previousRank, event.data.rank])).toEqual([
      [0.5, 3, 2],
      [-5, 1, 3],
    ]);

    // The head approves the ranking: the nomination starts on the leading unit the adjustments left, and the ranking is closed.
    const reviewTask = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body.tasks.find((task: { stageKey: string }) => task.stageKey === 'review');
    await t.http().post(`/api/v1/tasks/${reviewTask.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const voteTask = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI').expect(200)).body.tasks.find((task: { stageKey: string }) => task.stageKey === 'nominate');
    const poll = (await t.http().get(`/api/v1/tasks/${voteTask.id}/ballot`).set(hatinh).set('X-Acting-Unit', 'VKS-HTI').expect(200)).body;
    expect(poll.candidates.map((candidate: { id: string }) => candidate.id)).toEqual([hti]);
    const late = await adjust(council, { unitId: hti, points: 1, reason: 'Quá muộn.' }).expect(409);
    expect(late.body).toMatchObject({ code: 'RANKING_NOMINATION_STARTED', message: 'Bước suy tôn "Suy tôn đơn vị dẫn đầu" đã bắt đầu; không thể điều chỉnh điểm xếp hạng nữa.' });
    expect((await ranking()).adjustable).toBe(false);
  });

  it('exports the workbook with Vietnamese headers and numbers, for the head, the council and administrators only', async () => {
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/ranking.xlsx`).set(hatinh).expect(403)).body.code).toBe('RANKING_EXPORT_FORBIDDEN');
    const response = await t
      .http()
      .get(`/api/v1/campaigns/${campaignId}/ranking.xlsx`)
      .set(council)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".*\.xlsx"/);
    const workbook = new Workbook();
    await workbook.xlsx.load((response.body as Buffer).buffer.slice((response.body as Buffer).byteOffset, (response.body as Buffer).byteOffset + (response.body as Buffer).byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Xếp hạng', 'Điểm theo tiêu chí', 'Phiếu chấm']);

    const rankingSheet = workbook.getWorksheet('Xếp hạng')!;
    expect(rankingSheet.getRow(2).values).toEqual([undefined, 'Hạng', 'Đơn vị', 'Điểm tổng hợp', 'Điều chỉnh', 'Lý do điều chỉnh', 'Tổng điểm', 'Xếp loại']);
    const first = rankingSheet.getRow(3);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value, first.getCell(4).value, first.getCell(6).value, first.getCell(7).value]).toEqual([
      1,
      'Viện kiểm sát nhân dân tỉnh Hà Tĩnh',
      18,
      0.5,
      18.5,
      'Khá',
    ]);
    expect(first.getCell(6).numFmt).toBe('0.00');
    expect(rankingSheet.getRow(5).getCell(4).value).toBe(-5);

    const criteria = workbook.getWorksheet('Điểm theo tiêu chí')!;
    const header = criteria.getRow(2).values as unknown[];
    const thaColumn = header.indexOf('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
    expect(thaColumn).toBeGreaterThan(2);
    const i1 = criteria.getRows(3, criteria.rowCount - 2)!.find((row) => row.getCell(1).value === 'I.1')!;
    expect(i1.getCell(thaColumn).value).toBe(9.67);
    expect(i1.getCell(thaColumn).numFmt).toBe('0.00');

    const sheets = workbook.getWorksheet('Phiếu chấm')!;
    // 6 self-scores and 30 cross-scores less 6 recusals.
    expect(sheets.rowCount - 2).toBe(30);
    const nanScoresTha = sheets.getRows(3, 30)!.find((row) => row.getCell(3).value === 'Viện kiểm sát nhân dân tỉnh Nghệ An' && row.getCell(4).value === 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' && row.getCell(2).value === 'Chấm chéo')!;
    expect(nanScoresTha.getCell(5).value).toBe(20);
  });

  it("keeps a unit's scores over the years and shows the pages with the chart bundle from this server", async () => {
    const tha = unitIds.get('VKS-THA')!;
    const history = (await t.http().get(`/api/v1/units/${tha}/score-history`).set(head).expect(200)).body;
    expect(history.points).toEqual([{ year: 2020, campaignId, campaignName: 'Tổng kết năm 2020 – Cụm 6', total: 17, rank: 3, units: 5, grade: { code: 'kha', label: 'Khá' } }]);
    expect((await t.http().get(`/api/v1/units/${tha}/score-history`).set(hatinh).expect(403)).body.code).toBe('SCORE_HISTORY_FORBIDDEN');
    expect((await t.http().get(`/api/v1/units/${randomUUID()}/score-history`).set(admin).expect(404)).body.code).toBe('UNIT_NOT_FOUND');

    const session = await signInWithForm(t, 'thanhhoa.vientruong');
    const page = await t.http().get(`/campaigns/${campaignId}/ranking`).set('Cookie', session.cookie).expect(200);
    for (const name of ['Viện kiểm sát nhân dân tỉnh Hà Tĩnh', 'Viện kiểm sát nhân dân tỉnh Quảng Trị', 'Không xếp hạng']) expect(page.text).toContain(name);
    expect(page.text).toContain('<script src="/assets/chartjs/chart.umd.js"');
    expect(page.text).toContain(`href="/api/v1/campaigns/${campaignId}/ranking.xlsx"`);
    expect(page.text).toContain('VKSND Quảng Bình và VKSND Quảng Trị đồng hạng 4');
    expect(page.text).toContain(`href="/campaigns/${campaignId}/ranking/units/${tha}"`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");

    const english = await t.http().get(`/campaigns/${campaignId}/ranking?lang=en`).set('Cookie', session.cookie).expect(200);
    expect(english.text).toContain('Ranking table');

    const breakdown = await t.http().get(`/campaigns/${campaignId}/ranking/units/${tha}?lang=vi`).set('Cookie', session.cookie).expect(200);
    expect(breakdown.text).toContain('Điểm theo tiêu chí');
    expect(breakdown.text).toContain('Giải quyết án');
    expect(breakdown.text).toContain('9,67');

    const scores = await t.http().get(`/units/${tha}/scores`).set('Cookie', session.cookie).expect(200);
    expect(scores.text).toContain('Tổng kết năm 2020 – Cụm 6');
    expect(scores.text).toContain('scores-chart-data');

    const campaignPage = await t.http().get(`/campaigns/${campaignId}`).set('Cookie', session.cookie).expect(200);
    expect(campaignPage.text).toContain(`href="/campaigns/${campaignId}/ranking"`);

    const bundle = await t.http().get('/assets/chartjs/chart.umd.js').expect(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(10_000);
    await t.http().get('/assets/chartjs/chart.cjs').expect(404);
    await t.http().get('/assets/app/js/ranking-chart.js').expect(200);
  });
});
