import type { ScoringTableDocument, SheetEntry } from '../../src/modules/scoring/table/scoring-table';
import { formDataFromEntries } from '../../src/modules/scoring/table/table-form';
import type { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { Auth, CLUSTER_6_UNITS } from './cluster-pact';
import { bearerFor, TestApp } from './test-app';

/**
 * Helpers for score stages, reused by the end-to-end tests of the year-end evaluation: publish a table, a
 * self-score → cross-score workflow, fill a sheet with given points, submit every sheet of a stage.
 */

/** Publishes a scoring table through the API as the administrator; answers the version (id, number, sheet form). */
export async function publishScoringTable(t: TestApp, admin: Auth, key: string, document: ScoringTableDocument): Promise<{ id: string; number: number; sheetForm: { key: string; versionId: string } }> {
  const response = await t.http().post('/api/v1/scoring-tables').set(admin).send({ key, document });
  if (response.status !== 201 && response.status !== 200) throw new Error(`publishing scoring table ${key}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.version;
}

/** Self-scoring by every member, then cross-scoring by every member (5 sheets each in a cluster of six), then the end. */
export function selfAndPeerScoringDocument(table: string, extra: { peerEvidence?: 'as-table' | 'required' | 'optional' } = {}): WorkflowDocument {
  return {
    name: { vi: 'Chấm điểm thi đua thử nghiệm', en: 'Trial scoring' },
    subject: 'cluster',
    start: 'self-score',
    stages: {
      'self-score': { type: 'score', name: { vi: 'Đơn vị tự chấm điểm', en: 'Self-scoring' }, fanOut: 'each-member', settings: { table, scorers: 'self' }, on: { scored: 'cross-score' } },
      'cross-score': {
        type: 'score',
        name: { vi: 'Các đơn vị chấm điểm chéo', en: 'Cross-scoring' },
        fanOut: 'each-member',
        settings: { table, scorers: 'peers', ...(extra.peerEvidence ? { evidence: extra.peerEvidence } : {}) },
        on: { scored: 'done' },
      },
      done: { type: 'end' },
    },
  } as WorkflowDocument;
}

/** The sheet form's data for these entries (points as the scorer enters them: decimals, booleans for binary criteria). */
export function sheetData(table: ScoringTableDocument, entries: SheetEntry[]): Record<string, unknown> {
  return formDataFromEntries(table, entries);
}

/** Each officer of Cluster No. 6 (`<slug>.canbo`) by unit code, signed in once. */
export async function clusterOfficers(t: TestApp): Promise<Map<string, Auth>> {
  const officers = new Map<string, Auth>();
  for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
  return officers;
}

export interface SheetTask {
  taskId: string;
  sheetId: string;
  scorerCode: string;
  scoredCode: string;
  status: string;
}

/** A stage's sheets as the administrator's scoring matrix lists them (scorer and scored unit codes). */
export async function sheetsOfStage(t: TestApp, admin: Auth, campaignId: string, stageKey: string): Promise<SheetTask[]> {
  const matrix = (await t.http().get(`/api/v1/campaigns/${campaignId}/score-sheets?stage=${stageKey}`).set(admin).expect(200)).body;
  return matrix.rows.map((row: { taskId: string; sheetId: string; scorerCode: string; scoredCode: string; status: string }) => ({
    taskId: row.taskId,
    sheetId: row.sheetId,
    scorerCode: row.scorerCode,
    scoredCode: row.scoredCode,
    status: row.status,
  }));
}

/**
 * Submits every draft sheet of a stage as its scoring unit's officer, one after another, with the data `dataFor`
 * gives for (scorer, scored); `skip` leaves some open. Answers the number submitted.
 */
export async function submitAllSheets(
  t: TestApp,
  admin: Auth,
  campaignId: string,
  stageKey: string,
  dataFor: (scorerCode: string, scoredCode: string) => Record<string, unknown>,
  skip: (sheet: SheetTask) => boolean = () => false,
): Promise<number> {
  const officers = await clusterOfficers(t);
  let submitted = 0;
  for (const sheet of await sheetsOfStage(t, admin, campaignId, stageKey)) {
    if (sheet.status !== 'draft' || skip(sheet)) continue;
    const auth = officers.get(sheet.scorerCode);
    if (!auth) throw new Error(`no officer for ${sheet.scorerCode}`);
    const response = await t.http().post(`/api/v1/tasks/${sheet.taskId}/score-sheet`).set(auth).send({ data: dataFor(sheet.scorerCode, sheet.scoredCode) });
    if (response.status !== 200) throw new Error(`submitting ${sheet.scorerCode} → ${sheet.scoredCode}: ${response.status} ${JSON.stringify(response.body)}`);
    submitted++;
  }
  return submitted;
}
