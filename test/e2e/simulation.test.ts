import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Notification } from '../../src/workflows/engine/entities/notification.entity';
import { OutboxMessage } from '../../src/workflows/engine/entities/outbox-message.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { signInWithForm } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';

// A ceiling for a hung rehearsal, not a speed check: a year's rehearsal takes tens of seconds on an idle 2-core machine
// and several times that under a CPU hog beside the whole suite.
jest.setTimeout(600_000);

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Report {
  status: string;
  subject: string;
  stages: Array<{ key: string; outcome: string | null; enteredAt: string; completedAt: string | null }>;
  timeline: Array<{ at: string; kind: string; vi: string; en: string }>;
  missedDeadlines: Array<{ assignee: string; dueAt: string; doneAt: string | null }>;
  lateUnits: string[];
  remindersSent: number;
}

describe('the dry run: a campaign rehearsed on a virtual clock against a throwaway copy (e2e)', () => {
  let t: TestApp;
  let pact: ClusterPactFixture;

  const em = () => t.app.get(MikroORM).em.fork();
  /** What a rehearsal must leave as it was: the live campaigns, tasks, notices and outbox. */
  const liveCounts = async () => ({
    campaigns: await em().count(Campaign, {}),
    tasks: await em().count(Task, {}),
    notices: await em().count(Notification, {}),
    outbox: await em().count(OutboxMessage, {}),
  });
  const simulationKeys = async () => {
    const redis = new Redis(t.config.redis.url);
    try {
      return await redis.keys(`${t.config.redis.prefix}-simulation-*`);
    } finally {
      redis.disconnect();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    pact = await clusterPactFixture(t);
  });
  afterAll(() => t?.close());

  it('rehearses the pact year to its end: a decline sends it back to discussion, a late unit misses its deadlines, nothing live changes', async () => {
    const before = await liveCounts();
    const report: Report = (
      await t
        .http()
        .post('/api/v1/campaign-launches/simulation')
        .set(pact.admin)
        .send({ workflowVersionId: pact.versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId, startsOn: '2020-01-02', lateShare: 0.2, declines: 'VKS-QBI', seed: 1 })
        .expect(200)
    ).body;

    expect(report.subject).toBe('Cụm thi đua số 6');
    expect(report.status).toBe('completed');
    // One of six units is late (20 % rounded), chosen by the seed and named, not coded.
    expect(report.lateUnits).toHaveLength(1);
    expect(report.lateUnits[0]).toMatch(/^Viện kiểm sát nhân dân tỉnh /);
    const outcomes = report.stages.map((stage) => `${stage.key}:${stage.outcome}`);
    expect(outcomes.slice(0, 5)).toEqual(['draft:submitted', 'discussion:closed', 'adoption:passed', 'registration:submitted', 'signing:declined']);
    expect(outcomes.slice(-2)).toEqual(['signing:signed', 'in-force:end']);
    expect(report.timeline.some((entry) => entry.kind === 'action' && entry.vi.startsWith('Viện kiểm sát nhân dân tỉnh Quảng Bình: từ chối ký'))).toBe(true);
    // Virtual time: the rehearsal starts on 2 January 2020 and every stage starts no earlier than the one before.
    // (The virtual clock is set, then runs on with real time: the rehearsal's own seconds.)
    expect(Date.parse(report.timeline[0].at) - Date.parse('2020-01-02T01:00:00.000Z')).toBeLessThan(60_000);
    const entered = report.stages.map((stage) => Date.parse(stage.enteredAt));
    expect(entered).toEqual([...entered].sort((a, b) => a - b));
    // The late unit acts a day after each due date: every miss is its own, done after its due time or never (its
    // task closed unfinished when the stage moved on at the deadline).
    expect(report.missedDeadlines.length).toBeGreaterThan(0);
    for (const miss of report.missedDeadlines) {
      expect(miss.assignee).toBe(report.lateUnits[0]);
      if (miss.doneAt !== null) expect(Date.parse(miss.doneAt)).toBeGreaterThan(Date.parse(miss.dueAt));
    }
    expect(report.missedDeadlines.some((miss) => miss.doneAt !== null)).toBe(true);
    expect(report.remindersSent).toBeGreaterThan(0);

    expect(await liveCounts()).toEqual(before);
    expect(await simulationKeys()).toEqual([]);
  });

  it('shows a failed vote looping back to discussion when four units vote against, up to the last day asked for, and refuses bad scenarios with a coded 4xx', async () => {
    const scenario = { workflowVersionId: pact.versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId, startsOn: '2020-01-02', votesAgainst: ['VKS-QTR', 'VKS-QBI', 'VKS-HTI', 'VKS-NAN'] };
    // The loop never ends by itself: the rehearsal runs to its last day (by default 30 March of the next year).
    const report: Report & { stoppedBecause: { vi: string; en: string } } = (
      await t.http().post('/api/v1/campaign-launches/simulation').set(pact.admin).send({ ...scenario, until: '2020-04-30' }).expect(200)
    ).body;
    // Two of six in favour: the vote fails and the workflow goes back to the discussion (three each would be a tie, which the chair decides).
    expect(report.stages.slice(0, 4).map((stage) => `${stage.key}:${stage.outcome}`)).toEqual(['draft:submitted', 'discussion:closed', 'adoption:failed', 'discussion:closed']);
    expect(report.status).toBe('running');
    expect(report.stoppedBecause).toEqual({ vi: 'sự kiện kế tiếp sau ngày 30/04/2020', en: 'the next event falls after 2020-04-30' });
    const lastDayEnds = Date.parse('2020-04-30T17:00:00.000Z');
    expect(report.stages.every((stage) => Date.parse(stage.enteredAt) < lastDayEnds)).toBe(true);
    expect(report.timeline.every((entry) => Date.parse(entry.at) < lastDayEnds)).toBe(true);

    const tooEarly = await t.http().post('/api/v1/campaign-launches/simulation').set(pact.admin).send({ ...scenario, until: '2020-01-01' }).expect(422);
    expect(tooEarly.body.code).toBe('SIMULATION_UNTIL_INVALID');

    const refused = await t.http().post('/api/v1/campaign-launches/simulation').set(pact.admin).send({ workflowVersionId: pact.versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId, lateShare: 1.5 }).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    await t.http().post('/api/v1/campaign-launches/simulation').set(await bearerFor(t, 'thanhhoa.canbo')).send({ workflowVersionId: pact.versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId }).expect(403);
  });

  it('rehearses the individual titles: each unit proposes one eligible person, the council passes them, the decision awards them', async () => {
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const titles = definitions.find((definition) => definition.key === 'cluster-individual-titles')!;
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${titles.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    const report: Report = (
      await t.http().post('/api/v1/campaign-launches/simulation').set(pact.admin).send({ workflowVersionId: versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId, startsOn: '2020-12-01', seed: 3 }).expect(200)
    ).body;
    expect(report.stages.map((stage) => `${stage.key}:${stage.outcome}`)).toEqual(['propose:proposed', 'council-review:passed', 'decision:decided', 'done:end']);
    expect(report.status).toBe('completed');
    expect(report.timeline.filter((entry) => entry.vi.includes('đề nghị '))).not.toHaveLength(0);
  });

  it('rehearses the year-end evaluation: reports, self and cross scores with evidence, ranking, votes and the decision', async () => {
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items as Array<{ id: string; key: string }>;
    const yearEnd = definitions.find((definition) => definition.key === 'cluster-year-end')!;
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${yearEnd.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    const before = await liveCounts();
    const report: Report = (
      await t
        .http()
        .post('/api/v1/campaign-launches/simulation')
        .set(pact.admin)
        .send({ workflowVersionId: versionId, year: 2020, subjectKind: 'cluster', clusterId: pact.clusterId, startsOn: '2020-11-16', seed: 7 })
        .expect(200)
    ).body;
    expect(report.status).toBe('completed');
    expect(report.stages.map((stage) => `${stage.key}:${stage.outcome}`)).toEqual([
      'report:submitted',
      'self-score:scored',
      'cross-score:scored',
      'rank:ranked',
      'ranking-review:acknowledged',
      'nominate:passed',
      'proposal:submitted',
      'council-vote:passed',
      'decision:decided',
      'done:end',
    ]);
    // Six self scores and thirty cross scores, each by name.
    expect(report.timeline.filter((entry) => entry.kind === 'action' && / chấm điểm Viện kiểm sát/.test(entry.vi))).toHaveLength(36);
    expect(report.timeline.some((entry) => entry.vi.includes('ban hành quyết định 1/QĐ-DT'))).toBe(true);
    expect(await liveCounts()).toEqual(before);
  });

  it('rehearses from the wizard’s page and shows the report in the reader’s words', async () => {
    const before = await liveCounts();
    const { cookie, csrfToken } = await signInWithForm(t, 'admin');
    const page = await t
      .http()
      .post('/admin/campaigns/new')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfToken, action: 'simulate', workflowVersionId: pact.versionId, year: '2020', subjectKind: 'cluster', clusterId: pact.clusterId, startsOn: '2020-01-02', lateShare: '0', votesAgainst: 'VKS-QTR', declines: '', amends: 'VKS-HTI' })
      .expect(200);
    expect(page.text).toContain('Kết quả diễn tập: Cụm thi đua số 6');
    expect(page.text).toContain('Trạng thái cuối: đã hoàn thành');
    // Each stage's outcome in words: the adoption vote passed.
    expect(page.text).toMatch(/<td>Thông qua<\/td>/);
    expect(page.text).not.toMatch(/<td>(passed|submitted|closed)<\/td>/);
    expect(page.text).toMatch(/Kết thúc bước “[^”]+”: thông qua/);
    expect(page.text).not.toMatch(/Kết thúc bước “[^”]+”: (passed|submitted|closed)/);
    expect(page.text).toContain('Viện kiểm sát nhân dân tỉnh Quảng Trị: biểu quyết không đồng ý');
    // Hà Tĩnh proposes an amendment on the discussion's first day; the units vote on it the next, Quảng Trị against.
    expect(page.text).toContain('Viện kiểm sát nhân dân tỉnh Hà Tĩnh: đề xuất sửa đổi số 1');
    expect(page.text).toContain('Các đơn vị biểu quyết sửa đổi số 1: 5 đồng ý, 1 không đồng ý');
    // The scenario stays filled in for the next run.
    expect(page.text).toMatch(/<option value="VKS-QTR" selected>/);
    expect(await liveCounts()).toEqual(before);
  });

  it('rehearses from the CLI (node dist/cli.js simulate … --json)', async () => {
    if (!existsSync(CLI)) throw new Error('dist is missing: run `npm run build` first (npm test does it)');
    const env = { ...t.env, PATH: process.env.PATH ?? '' };
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'simulate', 'cluster-pact', '--cluster', 'Cụm thi đua số 6', '--year', '2020', '--json'], { cwd: ROOT, env });
    const report = JSON.parse(stdout) as Report;
    expect(report.status).toBe('completed');
    expect(report.stages.at(-1)?.key).toBe('in-force');
    const usage = await promisify(execFile)(process.execPath, [CLI, 'simulate'], { cwd: ROOT, env }).catch((error: { code: number; stdout: string }) => error);
    expect((usage as { code: number }).code).toBe(2);
  });
});
