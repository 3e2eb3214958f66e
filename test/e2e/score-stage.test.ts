import { MikroORM } from '@mikro-orm/core';
import { ScoreSheet } from '../../src/modules/scoring/entities/score-sheet.entity';
import { Score } from '../../src/modules/scoring/entities/score.entity';
import { sampleScoringTable } from '../../src/modules/scoring/table/testing/sample-scoring-table';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import type { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { Auth } from '../support/cluster-pact';
import { clusterOfficers, publishScoringTable, selfAndPeerScoringDocument, sheetData, SheetTask, sheetsOfStage, submitAllSheets } from '../support/scoring';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

const TABLE = 'sample-e2e';
const TABLE_DOCUMENT = sampleScoringTable();
/** Leaves of the sample table: I.1, I.2.a, I.2.b, I.3, III.1, III.2, IV.1, IV.2. */
const LEAVES = 8;
const PDF = Buffer.from('%PDF-1.4\n% minh chứng chấm điểm\n%%EOF\n');

/** A complete sheet: I.1 full 8, I.2.a 15/20, I.2.b 4/5, I.3 as given, bonus 1, penalty 0,5. */
const fullSheet = (i1 = 8, i3 = false) =>
  sheetData(TABLE_DOCUMENT, [
    { code: 'I.1', value: i1 },
    { code: 'I.2.a', achieved: 15 },
    { code: 'I.2.b', achieved: 4, target: 5 },
    { code: 'I.3', value: i3 },
    { code: 'III.1', value: 1 },
    { code: 'IV.1', value: 0.5 },
  ]);

describe('score stage: self- and cross-scoring of Cluster No. 6 with sheets, evidence and recusal (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let officers: Map<string, Auth>;
  let clusterId: string;
  let versionId: string;
  let tableVersion: { id: string; number: number; sheetForm: { key: string; versionId: string } };
  let campaignId: string;
  let selfSheets: SheetTask[];
  let peerSheets: SheetTask[];
  const em = () => t.app.get(MikroORM).em.fork();
  const sheetOf = (sheets: SheetTask[], scorer: string, scored: string) => sheets.find((s) => s.scorerCode === scorer && s.scoredCode === scored)!;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    admin = await bearerFor(t, 'admin');
    officers = await clusterOfficers(t);
    clusterId = (await em().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    tableVersion = await publishScoringTable(t, admin, TABLE, TABLE_DOCUMENT);

    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'scoring-e2e', name: 'scoring-e2e', document: selfAndPeerScoringDocument(TABLE) }).expect(201);
    versionId = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).send().expect(201)).body.version.id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name: 'Chấm điểm 2020', year: 2020, clusterId }).expect(201)).body.id;
    selfSheets = await sheetsOfStage(t, admin, campaignId, 'self-score');
  });
  afterAll(() => t?.close());

  it('refuses to publish a workflow whose score stage names an unknown table, at its settings.table', async () => {
    const document = selfAndPeerScoringDocument('no-such-table');
    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'scoring-unknown-table', name: 'x', document }).expect(201);
    const refused = await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).send().expect(422);
    expect(refused.body.code).toBe('WORKFLOW_INVALID');
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$.stages["self-score"].settings.table', code: 'UNKNOWN_SCORING_TABLE' }),
        expect.objectContaining({ path: '$.stages["cross-score"].settings.table', code: 'UNKNOWN_SCORING_TABLE' }),
      ]),
    );
    const headByFanOut = { ...document, stages: { ...document.stages, 'self-score': { ...document.stages['self-score'], settings: { table: TABLE, scorers: 'head' } } } } as WorkflowDocument;
    const second = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'scoring-bad-assignees', name: 'x', document: headByFanOut }).expect(201);
    const problems = (await t.http().post(`/api/v1/workflow-definitions/${second.body.id}/publish`).set(admin).send().expect(422)).body.details;
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.stages["self-score"].assignees', code: 'SETTING_INVALID' })]));
  });

  it('pins the table version and its sheet form at launch, and opens one self sheet per unit', async () => {
    const { context } = await em().findOneOrFail(Campaign, campaignId);
    expect(context.scoringTables).toEqual({ [TABLE]: tableVersion.id });
    expect(context.formVersions).toEqual({ [`scoring/${TABLE}`]: tableVersion.sheetForm.versionId });
    expect(selfSheets).toHaveLength(6);
    for (const sheet of selfSheets) expect(sheet).toMatchObject({ scoredCode: sheet.scorerCode, status: 'draft' });

    // A newer version of the table does not change what the campaign scores against.
    const v2 = await publishScoringTable(t, admin, TABLE, sampleScoringTable({ year: 2021 }));
    expect(v2.number).toBe(2);
    const hatinh = officers.get('VKS-HTI')!;
    const view = (await t.http().get(`/api/v1/tasks/${sheetOf(selfSheets, 'VKS-HTI', 'VKS-HTI').taskId}/score-sheet`).set(hatinh).expect(200)).body;
    expect(view).toMatchObject({
      kind: 'self',
      status: 'draft',
      tableKey: TABLE,
      tableVersionId: tableVersion.id,
      tableVersionNumber: 1,
      formKey: `scoring/${TABLE}`,
      formVersionId: tableVersion.sheetForm.versionId,
      scoredUnit: { code: 'VKS-HTI' },
      canSubmit: true,
      canRecuse: false,
      data: null,
    });
    expect(view.evidence.find((e: { criterion: string }) => e.criterion === 'I.3')).toMatchObject({ path: 'c_I_3', required: true, files: [] });
    const mismatch = await t.http().post(`/api/v1/tasks/${view.taskId}/score-sheet`).set(hatinh).send({ data: fullSheet(), tableVersionId: v2.id }).expect(409);
    expect(mismatch.body).toMatchObject({ code: 'SCORE_TABLE_VERSION_MISMATCH', details: { pinnedVersion: { number: 1 }, sentVersion: { number: 2 } } });
    expect(mismatch.body.message).toContain(TABLE);
  });

  it('names the criterion and its field for each bad score, in Vietnamese, and keeps drafts', async () => {
    const hatinh = officers.get('VKS-HTI')!;
    const task = sheetOf(selfSheets, 'VKS-HTI', 'VKS-HTI').taskId;
    const url = `/api/v1/tasks/${task}/score-sheet`;

    const above = await t.http().post(url).set(hatinh).send({ data: fullSheet(11) }).expect(422);
    expect(above.body.code).toBe('SCORE_SHEET_INVALID');
    expect(above.body.details).toEqual([expect.objectContaining({ path: 'c_I_1', code: 'SCORE_ABOVE_STANDARD', message: expect.stringContaining('I.1 "Giải quyết án"') })]);

    const belowFloor = await t.http().post(url).set(hatinh).send({ data: { ...fullSheet(), c_IV_1: 6 } }).expect(422);
    expect(belowFloor.body.details).toEqual([expect.objectContaining({ path: 'c_IV_1', code: 'SCORE_BELOW_FLOOR' })]);
    expect(belowFloor.body.details[0].message).toMatch(/thấp hơn mức sàn -5/);

    const { c_I_1: _dropped, ...missing } = fullSheet();
    const missingEn = await t.http().post(url).set(hatinh).set('Accept-Language', 'en').send({ data: missing }).expect(422);
    expect(missingEn.body.details).toEqual([expect.objectContaining({ path: 'c_I_1', code: 'SCORE_MISSING', message: 'Criterion I.1 "Cases resolved" has not been scored.' })]);

    const tooPrecise = await t.http().post(url).set(hatinh).send({ data: { ...fullSheet(), c_III_1: 1.234 } }).expect(422);
    expect(tooPrecise.body.details.map((d: { path: string }) => d.path)).toEqual(['c_III_1']);

    // I.3 is met, so its evidence is required; none was given.
    const noEvidence = await t.http().post(url).set(hatinh).send({ data: fullSheet(8, true) }).expect(422);
    expect(noEvidence.body).toMatchObject({ code: 'SCORE_EVIDENCE_REQUIRED', details: [{ path: 'c_I_3', code: 'SCORE_EVIDENCE_REQUIRED' }] });
    expect(noEvidence.body.message).toContain('Báo cáo đúng hạn');
    // In English the criterion is named in English too.
    expect((await t.http().post(`${url}?lang=en`).set(hatinh).send({ data: fullSheet(8, true) }).expect(422)).body.message).toContain('Reports on time');

    // Self-scoring has no recusal by default.
    expect((await t.http().post(`${url}/recusal`).set(hatinh).send({ reason: 'Không chấm.' }).expect(403)).body.code).toBe('SCORE_RECUSAL_NOT_ALLOWED');
    // Another unit has no business with this sheet.
    expect((await t.http().get(url).set(officers.get('VKS-NAN')!).expect(403)).body.code).toBe('NOT_MANDATED');

    await t.http().put(`${url}/draft`).set(hatinh).send({ data: { c_I_1: 7 } }).expect(200);
    expect((await t.http().get(url).set(hatinh).expect(200)).body).toMatchObject({ status: 'draft', data: { c_I_1: 7 } });
    expect((await t.http().put(`${url}/draft`).set(hatinh).send({ data: { c_I_1: 50 } }).expect(422)).body.code).toBe('FORM_INVALID');
  });

  it('takes evidence per criterion and submits: total, group totals and one score per criterion', async () => {
    const hatinh = officers.get('VKS-HTI')!;
    const task = sheetOf(selfSheets, 'VKS-HTI', 'VKS-HTI').taskId;
    const url = `/api/v1/tasks/${task}/score-sheet`;
    const unknown = await t.http().post(`${url}/evidence`).set(hatinh).field('criterion', 'IX.9').attach('file', PDF, 'bao-cao.pdf').expect(422);
    expect(unknown.body.code).toBe('SCORE_UNKNOWN_CRITERION');
    const attached = (await t.http().post(`${url}/evidence`).set(hatinh).field('criterion', 'I.3').attach('file', PDF, 'Báo cáo đúng hạn.pdf').expect(200)).body;
    const files = attached.evidence.find((e: { criterion: string }) => e.criterion === 'I.3').files;
    expect(files).toEqual([expect.objectContaining({ name: 'Báo cáo đúng hạn.pdf', mediaType: 'application/pdf' })]);

    const submitted = (await t.http().post(url).set(hatinh).send({ data: fullSheet(8, true), tableVersionId: tableVersion.id }).expect(200)).body;
    // 8 + 7,50 + 4 + 2 = 21,50 capped at 20 for group I; bonus 1; penalty −0,50: 20,50.
    expect(submitted).toMatchObject({ status: 'submitted', total: 2050, totalText: '20,50', groupTotals: { I: 2000, III: 100, IV: -50 }, canSubmit: false });
    const scores = await em().find(Score, { sheet: submitted.sheetId }, { orderBy: { criterionCode: 'asc' } });
    expect(scores).toHaveLength(LEAVES);
    expect(scores.find((s) => s.criterionCode === 'I.2.a')).toMatchObject({ points: 750, entry: { achieved: 15 } });
    expect(scores.find((s) => s.criterionCode === 'I.3')).toMatchObject({ points: 200, evidenceFileIds: [files[0].id] });
    expect(scores.find((s) => s.criterionCode === 'IV.1')!.points).toBe(-50);

    // The same data again answers the stored sheet; other data is refused.
    expect((await t.http().post(url).set(hatinh).send({ data: fullSheet(8, true) }).expect(200)).body.total).toBe(2050);
    expect((await t.http().post(url).set(hatinh).send({ data: fullSheet(9, true) }).expect(409)).body.code).toBe('SCORE_ALREADY_SUBMITTED');
    expect((await t.http().put(`${url}/draft`).set(hatinh).send({ data: {} }).expect(409)).body.code).toBe('SCORE_ALREADY_SUBMITTED');
    expect(await em().count(Score, { sheet: submitted.sheetId })).toBe(LEAVES);
  });

  it('moves to cross-scoring once the six self sheets are in: 30 sheets, none about the scorer itself', async () => {
    expect(await submitAllSheets(t, admin, campaignId, 'self-score', () => fullSheet(9))).toBe(5);
    peerSheets = await sheetsOfStage(t, admin, campaignId, 'cross-score');
    expect(peerSheets).toHaveLength(30);
    for (const [, code] of [...officers.keys()].entries()) {
      expect(peerSheets.filter((s) => s.scorerCode === code)).toHaveLength(5);
      expect(peerSheets.filter((s) => s.scoredCode === code)).toHaveLength(5);
    }
    expect(peerSheets.filter((s) => s.scorerCode === s.scoredCode)).toEqual([]);
  });

  it('refuses a crafted request on a sheet about the caller’s own unit with SCORE_OWN_UNIT', async () => {
    const aboutHatinh = sheetOf(peerSheets, 'VKS-NAN', 'VKS-HTI');
    const crafted = await t.http().post(`/api/v1/tasks/${aboutHatinh.taskId}/score-sheet`).set(officers.get('VKS-HTI')!).set('X-Acting-Unit', 'VKS-HTI').send({ data: fullSheet(10) }).expect(403);
    expect(crafted.body.code).toBe('SCORE_OWN_UNIT');
    expect(crafted.body.message).toContain('Hà Tĩnh');
  });

  it('links a score task from the inbox to its sheet page, which renders the pinned sheet and takes evidence with the page token', async () => {
    const pages = pageSessions(t);
    const sheet = sheetOf(peerSheets, 'VKS-HTI', 'VKS-NAN');
    const inbox = await pages.page('hatinh.canbo', '/inbox');
    expect(inbox).toContain(`href="/inbox/tasks/${sheet.taskId}/score"`);
    expect(inbox).toContain('Mở phiếu chấm điểm');
    const page = await pages.page('hatinh.canbo', `/inbox/tasks/${sheet.taskId}/score`);
    expect(page).toContain('Phiếu chấm điểm: ');
    expect(page).toContain('Các đơn vị chấm điểm chéo');
    expect(page).toContain('/assets/app/js/score-sheet.js');
    expect(page).toContain('I.3. Báo cáo đúng hạn *');
    expect(page).toContain('id="recusal-reason"');
    const data = JSON.parse(/<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/.exec(page)![1]);
    expect(data).toMatchObject({ taskId: sheet.taskId, tableVersionId: tableVersion.id, canSubmit: true, schema: { components: expect.any(Array) } });
    const english = (await pages.get('hatinh.canbo', `/inbox/tasks/${sheet.taskId}/score`, 200, 'en')).text;
    expect(english).toContain('Score sheet: ');

    const { cookie, csrfToken } = await pages.session('hatinh.canbo');
    const uploaded = await t.http().post(`/inbox/tasks/${sheet.taskId}/score/evidence`).set('Cookie', cookie).set('X-CSRF-Token', csrfToken).field('criterion', 'I.1').attach('file', PDF, 'ho-so.pdf').expect(200);
    expect(uploaded.body.evidence.find((e: { criterion: string }) => e.criterion === 'I.1').files).toHaveLength(1);
    // Without the page's token the upload is refused.
    await t.http().post(`/inbox/tasks/${sheet.taskId}/score/evidence`).set('Cookie', cookie).field('criterion', 'I.1').attach('file', PDF, 'ho-so.pdf').expect(403);
    // Another unit's officer gets the localized refusal page.
    await pages.get('nghean.canbo', `/inbox/tasks/${sheet.taskId}/score`, 403);
  });

  it('makes one sheet and one set of scores from 20 concurrent submissions of it', async () => {
    const sheet = sheetOf(peerSheets, 'VKS-QBI', 'VKS-QTR');
    const quangbinh = officers.get('VKS-QBI')!;
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet`).set(quangbinh).send({ data: fullSheet(7) })));
    for (const answer of answers) {
      expect([200, 409]).toContain(answer.status);
      if (answer.status === 200) expect(answer.body).toMatchObject({ status: 'submitted', total: 1900 });
      else expect(['SCORE_ALREADY_SUBMITTED', 'CAMPAIGN_CHANGED']).toContain(answer.body.code);
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(await em().count(Score, { sheet: sheet.sheetId })).toBe(LEAVES);
    expect(await em().findOneOrFail(ScoreSheet, sheet.sheetId)).toMatchObject({ status: 'submitted', total: 1900 });
  });

  it('records a recusal with its reason, and refuses recusing after submitting', async () => {
    const sheet = sheetOf(peerSheets, 'VKS-TTH', 'VKS-QBI');
    const hue = officers.get('VKS-TTH')!;
    const url = `/api/v1/tasks/${sheet.taskId}/score-sheet`;
    expect((await t.http().post(`${url}/recusal`).set(hue).send({ reason: '   ' }).expect(422)).body.code).toBe('COMMENT_REQUIRED');
    expect((await t.http().post(`${url}/recusal`).set(hue).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const recused = (await t.http().post(`${url}/recusal`).set(hue).send({ reason: 'Cán bộ chấm điểm có quan hệ gia đình với lãnh đạo đơn vị được chấm.' }).expect(200)).body;
    expect(recused).toMatchObject({ status: 'recused', recusalReason: 'Cán bộ chấm điểm có quan hệ gia đình với lãnh đạo đơn vị được chấm.', canSubmit: false, canRecuse: false });
    expect((await t.http().get(`/api/v1/tasks/${sheet.taskId}`).set(hue).expect(200)).body).toMatchObject({ status: 'done', outcome: 'recused' });
    const events = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(admin).expect(200)).body;
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'score-sheet.recused', data: expect.objectContaining({ scoredUnit: 'VKS-QBI', reason: expect.stringContaining('quan hệ gia đình') }) })]));
    expect((await t.http().post(url).set(hue).send({ data: fullSheet() }).expect(409)).body.code).toBe('TASK_CLOSED');

    const submittedSheet = sheetOf(peerSheets, 'VKS-QBI', 'VKS-QTR');
    const late = await t.http().post(`/api/v1/tasks/${submittedSheet.taskId}/score-sheet/recusal`).set(officers.get('VKS-QBI')!).send({ reason: 'Muộn rồi.' }).expect(409);
    expect(late.body.code).toBe('SCORE_RECUSE_AFTER_SUBMIT');
  });

  it('serves evidence to the scorer, the head, admins, and to the scored unit only once the stage closed', async () => {
    const sheet = sheetOf(peerSheets, 'VKS-NAN', 'VKS-HTI');
    const nghean = officers.get('VKS-NAN')!;
    const view = (await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet/evidence`).set(nghean).field('criterion', 'I.3').attach('file', PDF, 'minh-chung.pdf').expect(200)).body;
    const file = view.evidence.find((e: { criterion: string }) => e.criterion === 'I.3').files[0];
    await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet`).set(nghean).send({ data: fullSheet(8, true) }).expect(200);

    const download = (auth: Auth) => t.http().get(file.url).set(auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const byScorer = await download(nghean).expect(200);
    expect(byScorer.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(byScorer.body as Buffer, PDF)).toBe(0);
    await download(admin).expect(200);
    await download(await bearerFor(t, 'thanhhoa.canbo')).expect(200);
    expect(JSON.parse(((await download(officers.get('VKS-HTI')!).expect(403)).body as Buffer).toString()).code).toBe('SCORE_EVIDENCE_NOT_VISIBLE');
    expect(JSON.parse(((await download(officers.get('VKS-QTR')!).expect(403)).body as Buffer).toString()).code).toBe('SCORE_EVIDENCE_NOT_VISIBLE');

    // A file id of another sheet is not this sheet's evidence.
    const other = sheetOf(selfSheets, 'VKS-HTI', 'VKS-HTI');
    await t.http().get(`/api/v1/score-sheets/${other.sheetId}/evidence/${file.id}`).set(admin).expect(404);

    // Everyone else scores; the stage closes and the scored unit may read its evidence.
    expect(await submitAllSheets(t, admin, campaignId, 'cross-score', () => fullSheet(6))).toBe(27);
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}`).set(admin).expect(200)).body.status).toBe('completed');
    await download(officers.get('VKS-HTI')!).expect(200);
  });

  it('shows the scoring matrix with names: all sheets to the head and admins, a member its own', async () => {
    const all = (await t.http().get(`/api/v1/campaigns/${campaignId}/score-sheets`).set(admin).expect(200)).body.rows;
    expect(all).toHaveLength(36);
    expect(all.filter((r: { status: string }) => r.status === 'recused')).toEqual([
      expect.objectContaining({ scorer: expect.stringContaining('Thừa Thiên Huế'), scoredUnit: expect.stringContaining('Quảng Bình'), recusalReason: expect.stringContaining('quan hệ') }),
    ]);
    expect(all.filter((r: { status: string }) => r.status === 'submitted')).toHaveLength(35);
    const head = (await t.http().get(`/api/v1/campaigns/${campaignId}/score-sheets?stage=cross-score`).set(await bearerFor(t, 'thanhhoa.canbo')).expect(200)).body.rows;
    expect(head).toHaveLength(30);
    const own = (await t.http().get(`/api/v1/campaigns/${campaignId}/score-sheets`).set(officers.get('VKS-HTI')!).expect(200)).body.rows;
    expect(own).toHaveLength(6);
    expect(own.every((r: { scorerCode: string }) => r.scorerCode === 'VKS-HTI')).toBe(true);
    expect(await em().count(Score, {})).toBe(35 * LEAVES);
    const matrixPage = await pageSessions(t).page('admin', `/campaigns/${campaignId}/score-sheets`);
    expect(matrixPage).toContain('Ma trận chấm điểm: Chấm điểm 2020');
    expect(matrixPage).toContain('29/30 phiếu đã nộp, 1 xin không chấm');
    expect(matrixPage).toContain('quan hệ gia đình');
    expect(await pageSessions(t).page('admin', `/campaigns/${campaignId}`)).toContain(`href="/campaigns/${campaignId}/score-sheets"`);
  });

  it('answers SCORE_STAGE_CLOSED on a sheet whose stage has closed', async () => {
    const launched = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name: 'Chấm điểm đã hủy', year: 2020, clusterId }).expect(201)).body.id;
    const sheet = sheetOf(await sheetsOfStage(t, admin, launched, 'self-score'), 'VKS-HTI', 'VKS-HTI');
    await t.http().post(`/api/v1/campaigns/${launched}/cancel`).set(admin).send({ reason: 'Thử đóng bước chấm điểm.' }).expect(200);
    const closed = await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet`).set(officers.get('VKS-HTI')!).send({ data: fullSheet() }).expect(409);
    expect(closed.body.code).toBe('SCORE_STAGE_CLOSED');
    expect(closed.body.message).toContain('Đơn vị tự chấm điểm');
    const closedEn = await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet?lang=en`).set(officers.get('VKS-HTI')!).send({ data: fullSheet() }).expect(409);
    expect(closedEn.body.message).toContain('Self-scoring');
  });
});
