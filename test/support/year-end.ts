import { Clock } from '../../src/modules/calendar/clock';
import { readBuiltinScoringTables } from '../../src/modules/scoring/table/builtin-scoring-tables';
import { isLeaf, ScoringNode, ScoringTableDocument, SheetEntry } from '../../src/modules/scoring/table/scoring-table';
import { Auth, CLUSTER_6_UNITS, ClusterPactFixture } from './cluster-pact';
import { SheetTask, sheetData, sheetsOfStage, submitAllSheets } from './scoring';
import { bearerFor, TestApp } from './test-app';
import { yearendReport2020 } from './yearend-report';

/**
 * The 2020 year-end of Cluster No. 6 on the built-in `cluster-year-end` workflow and the built-in scoring table, shared
 * by the API end-to-end test and the browser test: the sheets each unit fills, and each stage advanced through the API.
 */

/** An instant given as Vietnam wall-clock time. */
export const vietnam = (wallClock: string) => new Date(`${wallClock}+07:00`);

/** The built-in table the workflow scores with (`procuracy-cluster-2020`), read from its file. */
export const YEAR_END_TABLE: ScoringTableDocument = readBuiltinScoringTables().find((file) => file.key === 'procuracy-cluster-2020')!.document as unknown as ScoringTableDocument;

/** A small PDF accepted as evidence (the type is read from the content). */
export const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n% minh chứng tự chấm điểm\n%%EOF\n');

export const leaves = (nodes: ScoringNode[]): Array<Extract<ScoringNode, { method: string }>> =>
  nodes.flatMap((node) => (isLeaf(node) ? [node] : leaves(node.items)));

/**
 * Full marks on every criterion (binary met, proportional at its target, no bonus, no penalty: 100 points), less the
 * given deductions on `full` criteria: the sheet a scorer fills for one unit.
 */
export function entries(deductions: Record<string, number> = {}): SheetEntry[] {
  return leaves(YEAR_END_TABLE.groups).map((leaf): SheetEntry => {
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
export const PEER_DEDUCTIONS: Record<string, Record<string, number>> = {
  'VKS-THA': {},
  'VKS-NAN': { 'I.1.c': 1 },
  'VKS-HTI': { 'I.4.b': 2 },
  'VKS-QBI': { 'I.4.b': 3 },
  'VKS-QTR': { 'II.3.a': 3 },
  'VKS-TTH': { 'I.4.b': 5 },
};

/** The cross-score sheet `scorer` fills for `scored` (unit codes), as form data. */
export const peerSheet = (scorer: string, scored: string) =>
  sheetData(YEAR_END_TABLE, entries(scorer === 'VKS-HTI' && scored === 'VKS-THA' ? { 'I.4.c': 2 } : PEER_DEDUCTIONS[scored]));

/** A self-score sheet with full marks, as form data. */
export const selfSheet = () => sheetData(YEAR_END_TABLE, entries());

/** Criteria whose points need evidence by the table (the self-scores give them points, so they attach a file). */
export const EVIDENCE_CRITERIA = leaves(YEAR_END_TABLE.groups)
  .filter((leaf) => leaf.evidence === 'required' && leaf.method !== 'bonus')
  .map((leaf) => leaf.code);

/** Quảng Trị's reason for not scoring Huế. */
export const RECUSAL_REASON = 'Đơn vị có cán bộ được biệt phái sang VKSND Thừa Thiên Huế trong năm.';

/** The head's proposal to the council (the built-in form `evaluation/yearend-proposal`). */
export const PROPOSAL = {
  submissionText: 'Cụm thi đua số 6 đề nghị tặng Cờ thi đua của Viện kiểm sát nhân dân tối cao cho VKSND tỉnh Thanh Hóa.',
  proposals: [{ unitName: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', title: 'coThiDuaVksndtc' }],
  minutesAttached: true,
};

/** The council's decision, as the administrator records it. */
export const DECISION = { number: '1234/QĐ-VKSTC', signedOn: '2020-12-28', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' };

/** Who acts in the year-end: the administrator, the cluster head, each unit's officer by code, the council's two members. */
export interface YearEndPeople {
  admin: Auth;
  head: Auth;
  officers: Map<string, Auth>;
  council: Auth[];
}

/** Signs in (API bearer tokens) everyone the year-end needs. */
export async function yearEndPeople(t: TestApp, pact: ClusterPactFixture): Promise<YearEndPeople> {
  const officers = new Map<string, Auth>();
  for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  const council: Auth[] = [];
  for (const username of ['tdkt.vutruong', 'tdkt.chuyenvien']) council.push(await bearerFor(t, username));
  return { admin: pact.admin, head: pact.head, officers, council };
}

/** The id of the caller's open task of a stage of the campaign. */
export async function ownTask(t: TestApp, auth: Auth, campaignId: string, stageKey: string): Promise<string> {
  const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
  const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
  if (!task) throw new Error(`no open task of stage ${stageKey}`);
  return task.id;
}

/**
 * Launches the built-in `cluster-year-end` for Cluster No. 6's 2020 directly (the schedule's path is the e2e test's),
 * with the app's clock moved to `at` first (by default Monday 16 November 2020, the schedule's run day) so that the
 * stages' due dates fall in 2020. The clock stays moved. Answers the campaign id.
 */
export async function launchClusterYearEnd(t: TestApp, pact: ClusterPactFixture, name: string, at = vietnam('2020-11-16T08:00:00')): Promise<string> {
  t.app.get(Clock).set(at);
  const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items;
  const definition = definitions.find((d: { key: string }) => d.key === 'cluster-year-end');
  if (!definition) throw new Error('the built-in cluster-year-end workflow is not published');
  const versionId: string = (await t.http().get(`/api/v1/workflow-definitions/${definition.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
  return (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name, year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
}

/** Every unit's officer submits its 2020 year-end report: the campaign moves on to self-scoring. */
export async function submitYearEndReports(t: TestApp, people: YearEndPeople, campaignId: string): Promise<void> {
  for (const [, code] of CLUSTER_6_UNITS) {
    const auth = people.officers.get(code)!;
    await t.http().post(`/api/v1/tasks/${await ownTask(t, auth, campaignId, 'report')}/form/submit`).set(auth).send({ data: yearendReport2020(code) }).expect(200);
  }
}

/** Attaches the evidence PDF to a sheet for each of `criteria` through the API (multipart with a bearer token). */
export async function attachEvidence(t: TestApp, auth: Auth, taskId: string, criteria: readonly string[] = EVIDENCE_CRITERIA): Promise<void> {
  for (const criterion of criteria) {
    await t.http().post(`/api/v1/tasks/${taskId}/score-sheet/evidence`).set(auth).field('criterion', criterion).attach('file', EVIDENCE_PDF, `minh-chung-${criterion}.pdf`).expect(200);
  }
}

/** The self-score sheets still in draft (except `skip`) get their evidence and full marks; answers the number submitted. */
export async function submitSelfScores(t: TestApp, people: YearEndPeople, campaignId: string, skip: (sheet: SheetTask) => boolean = () => false): Promise<number> {
  for (const sheet of await sheetsOfStage(t, people.admin, campaignId, 'self-score')) {
    if (sheet.status === 'draft' && !skip(sheet)) await attachEvidence(t, people.officers.get(sheet.scorerCode)!, sheet.taskId);
  }
  return submitAllSheets(t, people.admin, campaignId, 'self-score', selfSheet, skip);
}

/** The cross-score sheets still in draft (except `skip`) are filled with the peers' findings; answers the number submitted. */
export async function submitCrossScores(t: TestApp, people: YearEndPeople, campaignId: string, skip: (sheet: SheetTask) => boolean = () => false): Promise<number> {
  return submitAllSheets(t, people.admin, campaignId, 'cross-score', peerSheet, skip);
}

/** Quảng Trị declines to score Huế's cross-score sheet, with its reason. */
export async function recuseQuangTriFromHue(t: TestApp, people: YearEndPeople, campaignId: string): Promise<SheetTask> {
  const sheet = (await sheetsOfStage(t, people.admin, campaignId, 'cross-score')).find((candidate) => candidate.scorerCode === 'VKS-QTR' && candidate.scoredCode === 'VKS-TTH')!;
  await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet/recusal`).set(people.officers.get('VKS-QTR')!).send({ reason: RECUSAL_REASON }).expect(200);
  return sheet;
}

/** A council member closes the council's review of the ranking (its window for adjustments): the vote opens. */
export async function closeRankingReview(t: TestApp, people: YearEndPeople, campaignId: string): Promise<void> {
  const member = people.council[0];
  await t.http().post(`/api/v1/tasks/${await ownTask(t, member, campaignId, 'ranking-review')}/commands`).set(member).send({ command: 'acknowledge' }).expect(200);
}

/**
 * The secret acclamation ballot (after the council's review of the ranking, closed here when still open): five units
 * agree, Huế approves nobody (5 of 6: 25 ≥ 24, passed). Answers the poll as Thanh Hóa's ballot showed it before anyone
 * voted.
 */
export async function acclaimThanhHoa(t: TestApp, people: YearEndPeople, campaignId: string): Promise<{ id: string; subject: { label: string }; rule: Record<string, unknown> }> {
  const review = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(people.council[0]).expect(200)).body.tasks.some((task: { stageKey: string }) => task.stageKey === 'ranking-review');
  if (review) await closeRankingReview(t, people, campaignId);
  const tasks = new Map<string, string>();
  for (const [, code] of CLUSTER_6_UNITS) tasks.set(code, await ownTask(t, people.officers.get(code)!, campaignId, 'nominate'));
  const poll = (await t.http().get(`/api/v1/tasks/${tasks.get('VKS-THA')}/ballot`).set(people.officers.get('VKS-THA')!).expect(200)).body;
  for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR']) {
    await t.http().post(`/api/v1/tasks/${tasks.get(code)}/ballot`).set(people.officers.get(code)!).send({ choice: 'agree' }).expect(200);
  }
  await t.http().post(`/api/v1/tasks/${tasks.get('VKS-TTH')}/ballot`).set(people.officers.get('VKS-TTH')!).send({ candidateIds: [] }).expect(200);
  return poll;
}

/** The head sends the proposal, and both council members approve it. */
export async function proposeToCouncil(t: TestApp, people: YearEndPeople, campaignId: string): Promise<void> {
  await t.http().post(`/api/v1/tasks/${await ownTask(t, people.head, campaignId, 'proposal')}/form/submit`).set(people.head).send({ data: PROPOSAL }).expect(200);
  for (const member of people.council) {
    await t.http().post(`/api/v1/tasks/${await ownTask(t, member, campaignId, 'council-vote')}/ballot`).set(member).send({ choice: 'agree' }).expect(200);
  }
}

/** The administrator records the council's decision: the campaign ends and the register has its commendation. */
export async function recordDecision(t: TestApp, people: YearEndPeople, campaignId: string): Promise<void> {
  await t.http().post(`/api/v1/tasks/${await ownTask(t, people.admin, campaignId, 'decision')}/decision`).set(people.admin).send(DECISION).expect(200);
}
