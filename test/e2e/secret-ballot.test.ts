import { MikroORM } from '@mikro-orm/core';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture, SECRET_PACT_WORKFLOW } from '../support/cluster-pact';
import { pactDraft2020 } from '../support/pact-draft';
import { cookieHeader } from '../support/page-session';
import { bearerFor, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

const UNITS = CLUSTER_6_UNITS;
/** The units that vote, in this order; VKS-NAN never votes and reads everything as "another unit". */
const VOTERS = ['VKS-HTI', 'VKS-QBI', 'VKS-QTR'] as const;
const OBSERVER = 'VKS-NAN';
/** Each step reads every API and page as three readers: a test of its own, with room for a loaded machine. */
const READS_TIMEOUT_MS = 300_000;


type HistoryEvent = { type: string; actor: Record<string, string> | null; data: Record<string, unknown>; hash: string; prevHash: string };

/**
 * A secret vote read by everyone but its voters: before the third ballot, no API or page read by another unit, a council
 * member or the administrator may tell which unit has voted; from the third ballot on, who voted may be shown.
 */
describe('secret ballot: who voted stays unknown to everyone else until three ballots are in (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let campaignId: string;
  let pollId: string;
  let councilMember: Auth;
  const officers = new Map<string, Auth>();
  const slugOf = new Map<string, string>(UNITS.map(([slug, code]) => [code, slug]));
  const unitIds = new Map<string, string>();
  const unitNames = new Map<string, string>();
  /** Each unit's task in the adoption vote, read from its own inbox. */
  const voteTasks = new Map<string, string>();
  const pageCookies = new Map<string, string>();
  /** A page as this person's browser gets it, with the session cookies the API's sign-in sets. */
  const page = async (username: string, path: string): Promise<string> => {
    if (!pageCookies.has(username)) {
      pageCookies.set(username, cookieHeader(await t.http().post('/api/v1/auth/sign-in').send({ username, password: DEMO_PASSWORD }).expect(200)));
    }
    return (await t.http().get(path).set('Cookie', pageCookies.get(username)!).expect(200)).text;
  };

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    pact = await clusterPactFixture(t);
    const { admin, head, clusterId } = pact;
    for (const [slug, code] of UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
    councilMember = await bearerFor(t, 'tdkt.vutruong');
    const units = (await t.http().get('/api/v1/units').set(admin).expect(200)).body;
    for (const unit of (Array.isArray(units) ? units : units.items) as Array<{ id: string; code: string; name: string }>) {
      unitIds.set(unit.code, unit.id);
      unitNames.set(unit.code, unit.name);
    }

    const created = await t.http().post('/api/v1/workflow-definitions').set(admin).send({ key: 'secret-ballot-pact', name: 'Giao ước (kín)', document: SECRET_PACT_WORKFLOW }).expect(201);
    const versionId = (await t.http().post(`/api/v1/workflow-definitions/${created.body.id}/publish`).set(admin).expect(201)).body.version.id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: versionId, name: 'Giao ước kín 2020', year: 2020, clusterId }).expect(201)).body.id;
    await t.http().post(`/api/v1/tasks/${await ownTask(head, 'draft')}/form/submit`).set(head).send({ data: pactDraft2020() }).expect(200);
    await t.http().post(`/api/v1/tasks/${await ownTask(head, 'discussion')}/commands`).set(head).send({ command: 'close' }).expect(200);
    for (const [, code] of UNITS) voteTasks.set(code, await ownTask(officers.get(code)!, 'adoption'));
    pollId = (await t.http().get(`/api/v1/tasks/${voteTasks.get(OBSERVER)}/ballot`).set(officers.get(OBSERVER)!).expect(200)).body.id;
  }, READS_TIMEOUT_MS);
  afterAll(() => t?.close());

  async function ownTask(auth: Auth, stageKey: string): Promise<string> {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;
    const task = inbox.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === stageKey);
    expect(task).toBeDefined();
    return task.id;
  }

  const vote = (code: string) =>
    t.http().post(`/api/v1/tasks/${voteTasks.get(code)}/ballot`).set(officers.get(code)!).send({ choice: 'agree' }).expect(200);

  /** What is stored about the ballots cast so far and must not reach another reader: the actors, the tasks, and every hash from the first ballot on. */
  async function storedSecrets(): Promise<{ strings: string[]; votedUnitIds: string[] }> {
    const events = await t.app.get(MikroORM).em.fork().find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
    const first = events.findIndex((event) => event.type === 'ballot.cast');
    const ballots = events.filter((event) => event.type === 'ballot.cast' || (event.type === 'task.completed' && event.data.stage === 'adoption'));
    const strings = new Set<string>();
    for (const event of ballots) {
      for (const value of [event.actor?.personId, event.actor?.mandateId, event.data.taskId]) if (typeof value === 'string') strings.add(value);
    }
    if (first >= 0) for (const event of events.slice(first)) strings.add(event.hash);
    return { strings: [...strings], votedUnitIds: ballots.flatMap((event) => (event.actor?.unitId ? [event.actor.unitId] : [])) };
  }

  /** Every read the campaign offers, as `auth` (and the pages as `username`): answers by what was read. */
  async function readEverything(auth: Auth, username: string): Promise<Map<string, string>> {
    const get = async (path: string) => JSON.stringify((await t.http().get(path).set(auth).expect(200)).body);
    const reads = new Map<string, string>();
    reads.set('history', await get(`/api/v1/campaigns/${campaignId}/history`));
    reads.set('verify', await get(`/api/v1/campaigns/${campaignId}/verify`));
    reads.set('campaign', await get(`/api/v1/campaigns/${campaignId}`));
    reads.set('deliberation', await get(`/api/v1/campaigns/${campaignId}/deliberation`));
    reads.set('poll', await get(`/api/v1/polls/${pollId}`));
    for (const status of ['open', 'done', 'all']) reads.set(`inbox ${status}`, await get(`/api/v1/inbox?status=${status}&campaignId=${campaignId}`));
    reads.set('notifications', await get('/api/v1/notifications'));
    // The verification bundle holds the history as stored, actors included: refused while the voters are hidden.
    const bundle = await t.http().get(`/api/v1/campaigns/${campaignId}/bundle`).set(auth).expect(409);
    expect(bundle.body.code).toBe('BUNDLE_SEALED_BY_SECRET_BALLOT');
    for (const path of [`/campaigns/${campaignId}`, `/campaigns/${campaignId}/history`, `/polls/${pollId}`, '/inbox']) {
      reads.set(`page ${path}`, await page(username, path));
    }
    return reads;
  }

  /** Another unit's view of each unit's vote task, and of the ballot status through it. */
  async function readTasks(auth: Auth): Promise<Map<string, { task: Record<string, unknown>; ballot: Record<string, unknown> }>> {
    const read = new Map<string, { task: Record<string, unknown>; ballot: Record<string, unknown> }>();
    for (const [code, taskId] of voteTasks) {
      const task = (await t.http().get(`/api/v1/tasks/${taskId}`).set(auth).expect(200)).body;
      const ballot = (await t.http().get(`/api/v1/tasks/${taskId}/ballot`).set(auth).expect(200)).body;
      read.set(code, { task, ballot });
    }
    return read;
  }

  const readers = () => [
    { who: `${OBSERVER} officer`, auth: officers.get(OBSERVER)!, username: `${slugOf.get(OBSERVER)}.canbo`, unitPages: true },
    { who: 'council member', auth: councilMember, username: 'tdkt.vutruong', unitPages: false },
    { who: 'administrator', auth: pact.admin, username: 'admin', unitPages: false },
  ];

  async function expectNoVoterIdentity(voted: readonly string[]): Promise<void> {
    const secrets = await storedSecrets();
    expect(secrets.strings.length).toBeGreaterThanOrEqual(voted.length * 3);
    expect(secrets.votedUnitIds.sort()).toEqual(voted.flatMap((code) => [unitIds.get(code)!, unitIds.get(code)!]).sort());
    for (const reader of readers()) {
      const { auth } = reader;
      const reads = await readEverything(auth, reader.username);
      for (const [what, body] of reads) {
        for (const secret of secrets.strings) expect({ reader: reader.who, what, leaks: body.includes(secret) }).toEqual({ reader: reader.who, what, leaks: false });
      }

      // The history keeps the ballots and the completed votes, with nobody's unit on them.
      const history = JSON.parse(reads.get('history')!) as HistoryEvent[];
      const ballots = history.filter((e) => e.type === 'ballot.cast' || (e.type === 'task.completed' && e.data.stage === 'adoption'));
      expect(ballots).toHaveLength(2 * voted.length);
      for (const event of ballots) {
        expect(event.actor).toBeNull();
        expect(event.data.redacted).toBe(true);
        for (const code of voted) expect(JSON.stringify(event)).not.toContain(unitIds.get(code)!);
      }
      expect(JSON.parse(reads.get('verify')!)).toMatchObject({ intact: true });
      expect(JSON.parse(reads.get('poll')!)).toMatchObject({ voters: null, mine: [], disputed: [], progress: { voted: voted.length } });

      // No unit's vote task reads as done, and a voter's reads exactly as a unit's that has not voted.
      const tasks = await readTasks(auth);
      const nonVoter = UNITS.map(([, code]) => code).find((code) => code !== OBSERVER && !voted.includes(code as never))!;
      const comparable = (task: Record<string, unknown>) => ({ ...task, id: undefined, unitId: undefined, unitCode: undefined });
      for (const [code, { task, ballot }] of tasks) {
        if (reader.unitPages && code === OBSERVER) {
          expect(task.status).toBe('open');
          continue;
        }
        expect({ reader: reader.who, code, status: task.status, outcome: task.outcome }).toEqual({ reader: reader.who, code, status: 'sealed', outcome: null });
        expect(comparable(task)).toEqual(comparable(tasks.get(nonVoter)!.task));
        expect(ballot).toMatchObject({ voters: null, mine: [] });
      }

      // Pages a unit reads name no voter.
      if (reader.unitPages) {
        for (const [what, body] of reads) {
          if (!what.startsWith('page ')) continue;
          for (const code of voted) {
            expect({ what, code: body.includes(code), name: body.includes(unitNames.get(code)!) }).toEqual({ what, code: false, name: false });
          }
        }
      }
    }

    // Acting on another unit's vote task is refused alike whether that unit has voted or not.
    const observer = officers.get(OBSERVER)!;
    const refusals = new Set<string>();
    for (const [code, taskId] of voteTasks) {
      if (code === OBSERVER) continue;
      const command = await t.http().post(`/api/v1/tasks/${taskId}/commands`).set(observer).set('X-Acting-Unit', OBSERVER).send({ command: 'vote' });
      const ballot = await t.http().post(`/api/v1/tasks/${taskId}/ballot`).set(observer).set('X-Acting-Unit', OBSERVER).send({ choice: 'agree' });
      refusals.add(`${command.status} ${command.body.code} / ${ballot.status} ${ballot.body.code}`);
    }
    expect([...refusals]).toEqual(['403 NOT_TASK_ASSIGNEE / 403 NOT_TASK_ASSIGNEE']);
  }

  it('before any ballot: another unit acting on a vote task is refused as it is after a ballot', async () => {
    await expectNoVoterIdentity([]);
  }, READS_TIMEOUT_MS);

  it.each([1, 2])('after %i ballot(s) no reader but the voter learns who voted', async (count) => {
    const code = VOTERS[count - 1];
    await vote(code);
    // The voter sees its own task done, whatever the others see.
    const own = (await t.http().get(`/api/v1/tasks/${voteTasks.get(code)}`).set(officers.get(code)!).expect(200)).body;
    expect(own).toMatchObject({ status: 'done', unitCode: code });
    await expectNoVoterIdentity(VOTERS.slice(0, count));
  }, READS_TIMEOUT_MS);

  it('from the third ballot, who voted is shown: the list, the tasks, the actors and every hash', async () => {
    await vote(VOTERS[2]);
    // Three ballots: the who-voted list, the tasks and the history's actors appear.
    const observer = officers.get(OBSERVER)!;
    const status = (await t.http().get(`/api/v1/polls/${pollId}`).set(observer).expect(200)).body;
    expect(status.voters.map((voter: { memberId: string }) => voter.memberId).sort()).toEqual(VOTERS.map((code) => unitIds.get(code)!).sort());
    for (const code of VOTERS) expect((await t.http().get(`/api/v1/tasks/${voteTasks.get(code)}`).set(observer).expect(200)).body.status).toBe('done');
    const history = (await t.http().get(`/api/v1/campaigns/${campaignId}/history`).set(observer).expect(200)).body as HistoryEvent[];
    const ballots = history.filter((e) => e.type === 'ballot.cast' || (e.type === 'task.completed' && e.data.stage === 'adoption'));
    expect(ballots.map((e) => e.actor?.unitId).sort()).toEqual(VOTERS.flatMap((code) => [unitIds.get(code)!, unitIds.get(code)!]).sort());
    expect(history.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/verify`).set(observer).expect(200)).body).toMatchObject({ intact: true, headHash: history.at(-1)!.hash });
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/bundle`).set(observer).expect(200)).headers['content-type']).toContain('application/zip');
  }, READS_TIMEOUT_MS);
});
