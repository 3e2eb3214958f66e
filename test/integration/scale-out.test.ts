import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { contentHash } from '../../src/common/hashing/canonical-json';
import { loadConfig } from '../../src/config/load-config';
import { buildOrmOptions } from '../../src/database/orm-options';
import { ENTITIES } from '../../src/entities';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { verifyChain } from '../../src/workflows/engine/campaign-history.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { WorkflowDefinition } from '../../src/workflows/engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../src/workflows/engine/entities/workflow-version.entity';
import { MAIN, MainProcess, runMain } from '../support/main-process';
import { DEMO_PASSWORD, dropRedisPrefix, freePort, prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/** Rounds of launches and commands, each with one process killed; FAULT_ROUNDS=20 for the full fault run. */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 4);
const CAMPAIGNS_PER_ROUND = 4;
const OFFICERS = ['thanhhoa', 'nghean', 'hatinh', 'quangbinh', 'quangtri', 'hue'].map((slug) => `${slug}.canbo`);
/** Each campaign's deadline: soon enough for the test, late enough that the kills land before or among them. */
const DUE_SECONDS = 6;


/** acknowledge by every member (due in a few seconds, marked late when due) → end. */
const document: WorkflowDocument = {
  name: { vi: 'Xác nhận nhanh', en: 'Quick acknowledgement' },
  subject: 'cluster',
  start: 'acknowledge',
  stages: {
    acknowledge: { type: 'acknowledge', fanOut: 'each-member', due: { minutes: DUE_SECONDS / 60 }, onDeadline: 'mark-late', on: { acknowledged: 'done' } },
    done: { type: 'end' },
  },
};

/**
 * One api and two worker processes of dist/main.js on one PostgreSQL database and one Redis: a worker and the api are
 * killed with SIGKILL while campaigns are launched and their deadlines fall due, and replaced. Every deadline is still
 * applied exactly once, by whichever worker took it, and every campaign's history chain verifies.
 */
(TEST_DIALECT === 'postgresql' ? describe : describe.skip)(`scale-out: api and workers as processes, killed mid-run (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let orm: MikroORM;
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  const running: MainProcess[] = [];
  const start = (role: string, extra: Record<string, string> = {}) => {
    const started = runMain([`--role=${role}`], { ...env, ...extra });
    running.push(started);
    return started;
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does it)');
    database = await createTestDatabase();
    env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), ...database.env };
    const config = loadConfig(env);
    await prepareDatabase(config, true);
    orm = await MikroORM.init(buildOrmOptions(config.database, ENTITIES));
  });
  afterAll(async () => {
    for (const started of running) started.child.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exit));
    await orm?.close();
    await dropRedisPrefix(TEST_REDIS_URL, prefix);
    await database?.drop();
  });

  it('loses and repeats nothing across rounds where a worker or the api is killed -9 at a random moment', async () => {
    const em = orm.em.fork();
    const definition = em.create(WorkflowDefinition, { key: 'scale-out', name: 'scale-out', draft: document });
    const version = em.create(WorkflowVersion, { definition, number: 1, document, contentHash: contentHash(document), publishedAt: new Date() });
    await em.flush();
    const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const processes = { api: start('api', { PORT: String(port) }), workers: [start('worker'), start('worker')] };
    const timers = new Queue(QUEUES.workflowTimers, { prefix, connection: { url: TEST_REDIS_URL } });
    try {
      await waitFor(async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined), 'the api', 60_000);
      await waitFor(async () => ((await timers.getWorkers()).length >= 2 ? true : undefined), 'both workers to take the timers queue', 60_000);

      /** A client that retries while the api is down, as a browser's user would; an answer (even 409) ends it. */
      const call = async (path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
        const deadline = Date.now() + 90_000;
        for (;;) {
          try {
            const response = await fetch(`${base}${path}`, {
              method: body === undefined ? 'GET' : 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: body === undefined ? undefined : JSON.stringify(body),
            });
            return { status: response.status, body: (await response.json()) as Record<string, unknown> };
          } catch (error) {
            if (Date.now() > deadline) throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      };
      const tokenOf = async (username: string) => {
        const response = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
        return ((await response.json()) as { accessToken: string }).accessToken;
      };
      const admin = await tokenOf('admin');
      const officers = await Promise.all(OFFICERS.map(tokenOf));

      const acknowledged: string[] = [];
      const leftToTheDeadline: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const launched: string[] = [];
        for (let i = 0; i < CAMPAIGNS_PER_ROUND; i++) {
          const answer = await call('/api/v1/campaigns', admin, { workflowVersionId: version.id, name: `scale-out ${round}.${i}`, year: 2020, clusterId: cluster.id });
          expect(answer.status).toBe(201);
          launched.push(answer.body.id as string);
        }
        // Half the campaigns are acknowledged by every member while a process dies, the others wait for their deadline.
        const victim = round % 2 === 0 ? 'api' : 'worker';
        const kill = (async () => {
          await new Promise((resolve) => setTimeout(resolve, randomInt(0, DUE_SECONDS * 1000)));
          const doomed = victim === 'api' ? processes.api : processes.workers.shift()!;
          doomed.child.kill('SIGKILL');
          await doomed.exit;
          if (victim === 'api') processes.api = start('api', { PORT: String(port) });
          else processes.workers.push(start('worker'));
        })();
        const commands = launched.slice(0, CAMPAIGNS_PER_ROUND / 2).flatMap((campaignId) =>
          officers.map(async (token) => {
            const inbox = await call(`/api/v1/inbox?campaignId=${campaignId}`, token);
            const [task] = inbox.body.tasks as Array<{ id: string }>;
            // CAMPAIGN_CHANGED: another member's command on the same campaign won the lock; a client tries again.
            let answer = await call(`/api/v1/tasks/${task.id}/commands`, token, { command: 'acknowledge' });
            while (answer.body.code === 'CAMPAIGN_CHANGED') answer = await call(`/api/v1/tasks/${task.id}/commands`, token, { command: 'acknowledge' });
            // Another 409 only when an earlier attempt committed before the api died, and the retry found the task done.
            if (answer.status !== 200) expect(answer.body.code).toMatch(/^(TASK_CLOSED|STAGE_CLOSED|CAMPAIGN_NOT_RUNNING)$/);
          }),
        );
        await Promise.all([kill, ...commands]);
        acknowledged.push(...launched.slice(0, CAMPAIGNS_PER_ROUND / 2));
        leftToTheDeadline.push(...launched.slice(CAMPAIGNS_PER_ROUND / 2));
      }

      const overdue = () => orm.em.fork().count(CampaignEvent, { campaign: { $in: leftToTheDeadline }, type: 'stage.overdue' });
      // Recovery may wait for the dead worker's job to be found stalled, or for the sweep (every 30 s).
      await waitFor(async () => ((await overdue()) >= leftToTheDeadline.length ? true : undefined), 'every deadline to be applied', 120_000);

      const check = orm.em.fork();
      for (const campaignId of [...acknowledged, ...leftToTheDeadline]) {
        const events = await check.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
        expect(verifyChain(campaignId, events)).toMatchObject({ intact: true });
        const tasks = await check.find(Task, { campaign: campaignId });
        const completions = events.filter((event) => event.type === 'task.completed').map((event) => event.data.taskId);
        if (acknowledged.includes(campaignId)) {
          // Every member's acknowledgement counted once, whatever was retried; the campaign ended.
          expect(tasks.map((task) => task.status)).toEqual(Array(6).fill('done'));
          expect(completions.sort()).toEqual(tasks.map((task) => task.id).sort());
          expect(events.filter((event) => event.type === 'campaign.completed')).toHaveLength(1);
        } else {
          // The deadline marked every open task late once and closed nothing.
          expect(events.filter((event) => event.type === 'stage.overdue')).toHaveLength(1);
          expect(tasks.map((task) => [task.status, task.late])).toEqual(Array(6).fill(['open', true]));
        }
      }
    } finally {
      await timers.close();
    }
  }, 600_000);
});
