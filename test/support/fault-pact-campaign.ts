import { EntityManager } from '@mikro-orm/core';
import { FormSubmission } from '../../src/modules/forms/submissions/form-submission.entity';
import { ScoreSheet } from '../../src/modules/scoring/entities/score-sheet.entity';
import { Score } from '../../src/modules/scoring/entities/score.entity';
import { leavesOf } from '../../src/modules/scoring/table/table-text';
import { sampleScoringTable } from '../../src/modules/scoring/table/testing/sample-scoring-table';
import { Signature } from '../../src/modules/signing/entities/signature.entity';
import { SigningEnvelope } from '../../src/modules/signing/entities/signing-envelope.entity';
import { Ballot } from '../../src/modules/voting/entities/ballot.entity';
import type { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { verifyChain } from '../../src/workflows/engine/campaign-history.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { pollOfRun } from '../../src/workflows/stages/vote/vote.effects';
import { CLUSTER_6_UNITS } from './cluster-pact';
import { pactDraft2020 } from './pact-draft';
import { ActionKind, ActionRecord, RetryingClient } from './retrying-client';
import { sheetData } from './scoring';
import { CLUSTER_6_UNIT_NAMES, SCANNED_PAGE } from './signing-flow';
import { DEMO_PASSWORD } from './test-app';
import { titleRegistration2020 } from './title-registration';
import { waitFor } from './wait-for';

/**
 * One cluster-pact campaign driven through every kind of action a member unit takes, for the fault rounds of the
 * scale-out test: the head's draft (form) and the close of the discussion, a ballot per unit (vote), a title
 * registration per unit (form), a paper signature per unit recorded by the secretary and confirmed by the unit's head
 * (sign), and every unit's score sheet on each other unit (score). No stage has a deadline: every outcome follows
 * from the actions alone.
 */

const TABLE = 'scale-out-sample';
const TABLE_DOCUMENT = sampleScoringTable();
const MEMBERS = CLUSTER_6_UNITS.length;

/** A complete sheet of the sample table (I.3 not achieved, so no evidence is asked for). */
const SHEET = sheetData(TABLE_DOCUMENT, [
  { code: 'I.1', value: 8 },
  { code: 'I.2.a', achieved: 15 },
  { code: 'I.2.b', achieved: 4, target: 5 },
  { code: 'I.3', value: false },
  { code: 'III.1', value: 1 },
  { code: 'IV.1', value: 0.5 },
]);

/** form (the head's draft) → discussion → vote → form (each unit) → sign (on paper) → score (each unit on the others) → end. */
export const PACT_TO_SCORES: WorkflowDocument = {
  name: { vi: 'Giao ước đến chấm điểm', en: 'Pact through scoring' },
  subject: 'cluster',
  start: 'draft',
  stages: {
    draft: { type: 'form', assignees: ['cluster-head'], settings: { form: 'pact/pact-draft' }, on: { submitted: 'discussion' } },
    discussion: { type: 'discussion', assignees: ['cluster-head'], settings: { document: { fromForm: 'pact/pact-draft' } }, on: { closed: 'adoption' } },
    adoption: { type: 'vote', fanOut: 'each-member', on: { passed: 'registration', failed: 'discussion', 'no-quorum': 'discussion', tie: 'discussion' } },
    registration: { type: 'form', fanOut: 'each-member', settings: { form: 'pact/title-registration', completion: 'all' }, on: { submitted: 'signing' } },
    signing: { type: 'sign', fanOut: 'each-member', settings: { methods: ['paper'] }, on: { signed: 'scoring', declined: 'discussion' } },
    scoring: { type: 'score', fanOut: 'each-member', settings: { table: TABLE, scorers: 'peers', evidence: 'optional' }, on: { scored: 'done' } },
    done: { type: 'end' },
  },
} as WorkflowDocument;

/** Each stage's outcome, once each, in this order. */
const OUTCOMES = [
  ['draft', 'submitted'],
  ['discussion', 'closed'],
  ['adoption', 'passed'],
  ['registration', 'submitted'],
  ['signing', 'signed'],
  ['scoring', 'scored'],
];

/** The actions of one campaign by kind: the draft, the close, then per unit a ballot, a registration, two signing steps and a sheet on each other unit. */
export const PACT_ACTIONS: Partial<Record<ActionKind, number>> = {
  draft: 1,
  'discussion-close': 1,
  ballot: MEMBERS,
  registration: MEMBERS,
  'paper-signature': MEMBERS,
  'signature-confirmation': MEMBERS,
  'score-sheet': MEMBERS * (MEMBERS - 1),
};

/** Bearer tokens: the administrator (as secretary), and each unit's officer and head by unit code (VKS-THA's head is the cluster head). */
export interface PactActors {
  admin: string;
  officers: Map<string, string>;
  heads: Map<string, string>;
}

/** Signs in the administrator and every member unit's officer and head over the API (demo accounts). */
export async function signInPactActors(base: string): Promise<PactActors> {
  const tokenOf = async (username: string) => {
    const response = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    if (response.status !== 200 && response.status !== 201) throw new Error(`signing in ${username}: ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const signedIn = async (role: string) => new Map(await Promise.all(CLUSTER_6_UNITS.map(async ([slug, code]) => [code, await tokenOf(`${slug}.${role}`)] as const)));
  return { admin: await tokenOf('admin'), officers: await signedIn('canbo'), heads: await signedIn('vientruong') };
}

/** Launches a campaign of the version for the cluster's 2020 year through the API; answers its id. */
export async function launchCampaign(client: RetryingClient, admin: string, clusterId: string, workflowVersionId: string, name: string): Promise<string> {
  return expectOk(`launching ${name}`, await client.post('/api/v1/campaigns', admin, { workflowVersionId, name, year: 2020, clusterId })).id as string;
}

const expectOk = (what: string, answer: { status: number; body: unknown }) => {
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
};

/** Publishes the sample table and the workflow through the API (built-in forms must be stored); answers the version's id. */
export async function publishPactToScores(client: RetryingClient, admin: string): Promise<string> {
  expectOk('the scoring table', await client.post('/api/v1/scoring-tables', admin, { key: TABLE, document: TABLE_DOCUMENT }));
  const definition = expectOk('the workflow', await client.post('/api/v1/workflow-definitions', admin, { key: 'scale-out-pact', name: 'scale-out-pact', document: PACT_TO_SCORES }));
  const published = expectOk('publishing it', await client.post(`/api/v1/workflow-definitions/${definition.id}/publish`, admin, {}));
  return (published.version as { id: string }).id;
}

/** Every action of the campaign, each unit's in its own order and the units side by side, through the retrying client. */
export async function drivePactCampaign(client: RetryingClient, actors: PactActors, campaignId: string): Promise<void> {
  /** The person's open tasks of a stage, once there are `count` of them (the stage before has ended). */
  const openTasks = (token: string, stageKey: string, count = 1) =>
    waitFor(
      async () => {
        const tasks = (await client.get(`/api/v1/inbox?campaignId=${campaignId}`, token)).body.tasks as Array<{ id: string; stageKey: string }>;
        const open = tasks.filter((task) => task.stageKey === stageKey).map((task) => task.id);
        return open.length >= count ? open : undefined;
      },
      `${count} open ${stageKey} task(s) of campaign ${campaignId}`,
      240_000,
    );
  const act = (kind: ActionKind, taskId: string, path: string, token: string, body?: unknown) => client.act(kind, taskId, `/api/v1/tasks/${taskId}${path}`, token, body);

  const clusterHead = actors.heads.get('VKS-THA')!;
  const headSteps = async () => {
    const [draft] = await openTasks(clusterHead, 'draft');
    await act('draft', draft, '/form/submit', clusterHead, { data: pactDraft2020() });
    const [discussion] = await openTasks(clusterHead, 'discussion');
    await act('discussion-close', discussion, '/commands', clusterHead, { command: 'close' });
  };
  const unitSteps = async (code: string) => {
    const officer = actors.officers.get(code)!;
    const head = actors.heads.get(code)!;
    const [ballot] = await openTasks(officer, 'adoption');
    await act('ballot', ballot, '/ballot', officer, { choice: 'agree' });
    const [registration] = await openTasks(officer, 'registration');
    await act('registration', registration, '/form/submit', officer, { data: titleRegistration2020(CLUSTER_6_UNIT_NAMES[code]) });
    const [signing] = await openTasks(head, 'signing');
    await act('paper-signature', signing, '/signing/paper', actors.admin, { scan: SCANNED_PAGE.toString('base64'), note: 'Ký tại hội nghị' });
    await act('signature-confirmation', signing, '/signing/paper/confirm', head);
    for (const sheet of await openTasks(officer, 'scoring', MEMBERS - 1)) await act('score-sheet', sheet, '/score-sheet', officer, { data: SHEET });
  };
  await Promise.all([headSteps(), ...CLUSTER_6_UNITS.map(([, code]) => unitSteps(code))]);
}

/**
 * Of the actions in flight when the api died, those whose work it had committed: their answer was lost, and their
 * retry must find it done (or replay it) rather than do it again. A paper signature is recorded before its task is done.
 */
export async function committedBy(em: EntityManager, inFlight: Array<{ kind: ActionKind; taskId: string }>): Promise<Array<{ kind: ActionKind; taskId: string }>> {
  const tasks = new Map((await em.find(Task, { id: { $in: inFlight.map((action) => action.taskId) } }, { populate: ['stageRun'] })).map((task) => [task.id, task]));
  const committed: Array<{ kind: ActionKind; taskId: string }> = [];
  for (const action of inFlight) {
    const task = tasks.get(action.taskId)!;
    const done =
      action.kind === 'paper-signature'
        ? (await em.count(Signature, { unit: task.assigneeUnit!.id, envelope: { stageRunId: task.stageRun.id } })) > 0
        : task.status === 'done';
    if (done) committed.push(action);
  }
  return committed;
}

/** How many ballots a retry cast again over the first (a replacement with the same choice), for the figures. */
export interface PactCheck {
  replacedBallots: number;
}

/**
 * After the faults: the chain verifies; each stage reached its outcome once and the campaign ended once; every task
 * was completed once; one first ballot per unit, one submission per form task, one signature per unit (and
 * one signature.recorded), one submitted sheet per scorer × scored unit with one score per criterion; and every
 * action of this campaign the client saw acknowledged or found done is among these records.
 */
export async function checkPactCampaign(em: EntityManager, campaignId: string, actions: ActionRecord[]): Promise<PactCheck> {
  const events = await em.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
  expect(verifyChain(campaignId, events)).toMatchObject({ intact: true });
  const ofType = (type: string) => events.filter((event) => event.type === type);
  expect(ofType('stage.completed').map((event) => [event.data.stage, event.data.outcome])).toEqual(OUTCOMES);
  expect(ofType('campaign.completed')).toHaveLength(1);

  const tasks = await em.find(Task, { campaign: campaignId }, { populate: ['stageRun', 'assigneeUnit', 'aboutUnit'] });
  const tasksOf = (stageKey: string) => tasks.filter((task) => task.stageRun.stageKey === stageKey);
  expect(tasks.filter((task) => task.status !== 'done').map((task) => [task.stageRun.stageKey, task.status])).toEqual([]);
  expect(OUTCOMES.map(([stageKey]) => tasksOf(stageKey).length)).toEqual([1, 1, MEMBERS, MEMBERS, MEMBERS, MEMBERS * (MEMBERS - 1)]);
  expect(ofType('task.completed').map((event) => event.data.taskId).sort()).toEqual(tasks.map((task) => task.id).sort());
  const unitsOf = (stageKey: string) => tasksOf(stageKey).map((task) => task.assigneeUnit!.id).sort();

  // Ballots: one per unit in the poll, which closed once with all of them; a unit's first cast once in the history.
  const campaign = await em.findOneOrFail(Campaign, campaignId);
  const ballots = await em.find(Ballot, { poll: pollOfRun(campaign.context, tasksOf('adoption')[0].stageRun.id)! });
  expect(ballots.map((ballot) => ballot.unitId).sort()).toEqual(unitsOf('adoption'));
  expect(ofType('poll.closed').map((event) => [event.data.outcome, event.data.ballots])).toEqual([['passed', MEMBERS]]);
  const casts = ofType('ballot.cast');
  expect(casts.filter((event) => !event.data.replaced).map((event) => event.actor?.unitId).sort()).toEqual(unitsOf('adoption'));

  // Form submissions: the draft's, each unit's registration and each score sheet's data, one per task, submitted.
  const submissions = await em.find(FormSubmission, { campaignId });
  const formTasks = [...tasksOf('draft'), ...tasksOf('registration'), ...tasksOf('scoring')];
  expect(submissions.map((submission) => `${submission.taskId} ${submission.status}`).sort()).toEqual(formTasks.map((task) => `${task.id} submitted`).sort());

  // Signatures: one valid signature per unit, recorded once each; the pact in force once.
  const envelope = await em.findOneOrFail(SigningEnvelope, { campaignId });
  expect(envelope.status).toBe('in-force');
  const signatures = await em.find(Signature, { envelope });
  expect(signatures.map((signature) => `${signature.unit.id} ${signature.status}`).sort()).toEqual(unitsOf('signing').map((unit) => `${unit} valid`));
  expect(ofType('signature.recorded').map((event) => event.data.unit).sort()).toEqual(tasksOf('signing').map((task) => task.assigneeUnit!.code).sort());
  expect(ofType('pact.in-force')).toHaveLength(1);

  // Score sheets: every scorer × scored pair once, submitted, with one score per criterion of the table.
  const sheets = await em.find(ScoreSheet, { campaignId });
  const pair = (scorer: { id: string } | null, scored: { id: string } | null) => `${scorer?.id} → ${scored?.id}`;
  expect(sheets.map((sheet) => `${pair(sheet.scorerUnit, sheet.scoredUnit)} ${sheet.status}`).sort()).toEqual(tasksOf('scoring').map((task) => `${pair(task.assigneeUnit, task.aboutUnit)} submitted`).sort());
  const leaves = leavesOf(TABLE_DOCUMENT).length;
  expect(await em.count(Score, { sheet: { $in: sheets.map((sheet) => sheet.id) } })).toBe(sheets.length * leaves);

  // 0 lost: every action on this campaign that was acknowledged (or found done after a lost answer) is recorded.
  const recorded: Record<ActionKind, Task[]> = {
    acknowledgement: [],
    draft: tasksOf('draft'),
    'discussion-close': tasksOf('discussion'),
    ballot: tasksOf('adoption'),
    registration: tasksOf('registration'),
    'paper-signature': tasksOf('signing'),
    'signature-confirmation': tasksOf('signing'),
    'score-sheet': tasksOf('scoring'),
  };
  const taskIds = new Set(tasks.map((task) => task.id));
  const mine = actions.filter((action) => taskIds.has(action.taskId));
  for (const [kind, stageTasks] of Object.entries(recorded)) {
    expect(mine.filter((action) => action.kind === kind).map((action) => action.taskId).sort()).toEqual(stageTasks.map((task) => task.id).sort());
  }
  // A ballot cast again by a retry replaces the unit's ballot with the same choice; only a retry after an uncertain
  // answer (none, or the database gone) may.
  const replacedBallots = casts.length - MEMBERS;
  expect(replacedBallots).toBeLessThanOrEqual(mine.filter((action) => action.kind === 'ballot' && action.lostAnswers + action.unavailable > 0).length);
  return { replacedBallots };
}
