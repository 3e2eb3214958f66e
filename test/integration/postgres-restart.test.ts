import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { contentHash } from '../../src/common/hashing/canonical-json';
import { loadConfig } from '../../src/config/load-config';
import { buildOrmOptions } from '../../src/database/orm-options';
import { ENTITIES } from '../../src/entities';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { verifyChain } from '../../src/workflows/engine/campaign-history.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { OutboxMessage } from '../../src/workflows/engine/entities/outbox-message.entity';
import { StageRun } from '../../src/workflows/engine/entities/stage-run.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { WorkflowDefinition } from '../../src/workflows/engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../src/workflows/engine/entities/workflow-version.entity';
import { CLUSTER_6_UNITS } from '../support/cluster-pact';
import { checkPactCampaign, drivePactCampaign, launchCampaign, PACT_ACTIONS, publishPactToScores, signInPactActors } from '../support/fault-pact-campaign';
import { MAIN, MainProcess, runMain } from '../support/main-process';
import { postgresBin, PrivatePostgres } from '../support/private-postgres';
import { ActionKind, RetryingClient } from '../support/retrying-client';
import { dropRedisPrefix, freePort, prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';

const bin = postgresBin();
const MEMBERS = CLUSTER_6_UNITS.length;
/**
 * The deadline of the acknowledge campaigns: well after the first crash, which follows their launch at once, so the
 * timer is set before the restart and fires after it (or fails while the server is down and is retried).
 */
const DUE_SECONDS = 10;
/** How long the server may take to come back, or the app to see it back, on a busy machine. */
const RECOVERY_MS = 60_000;

/** acknowledge by every member (due in DUE_SECONDS, marked late when due) → end. */
const document: WorkflowDocument = {
  name: { vi: 'Xác nhận nhanh', en: 'Quick acknowledgement' },
  subject: 'cluster',
  start: 'acknowledge',
  stages: {
    acknowledge: { type: 'acknowledge', fanOut: 'each-member', due: { minutes: DUE_SECONDS / 60 }, onDeadline: 'mark-late', on: { acknowledged: 'done' } },
    done: { type: 'end' },
  },
};

const title = bin
  ? `PostgreSQL restarted under the api and worker processes (own server, ${TEST_DIALECT})`
  : 'PostgreSQL restarted under the app: skipped, no initdb and pg_ctl under /usr/lib/postgresql/<version>/bin (scripts/lib.sh ensure_postgres installs them)';

/**
 * A real PostgreSQL restart (issue 9), not a relay. The test runs a server of its own (test/support/private-postgres.ts;
 * the shared one on 5432 is never touched) and one api and one worker process of dist/main.js on it. While every
 * member acknowledges two campaigns and a pact campaign is driven through its draft, ballots, registrations,
 * signatures and score sheets, the server is crashed (`pg_ctl stop -m immediate`) and later shut down (`-m fast`), and
 * started again each time; the processes are never restarted. While it is down /health answers 503 and a request a
 * coded 503; once it is back /health answers 200 and every client's retry (same Idempotency-Key) succeeds. Then every
 * action is recorded exactly once, every stage ended once, deadlines set before the crash fired once, every chain
 * verifies and the outbox is drained.
 */
(TEST_DIALECT === 'postgresql' && bin ? describe : describe.skip)(title, () => {
  let server: PrivatePostgres | undefined;
  let orm: MikroORM | undefined;
  let env: Record<string, string>;
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  const running: MainProcess[] = [];
  const start = (role: string, extra: Record<string, string> = {}) => {
    const started = runMain([`--role=${role}`], { ...env, ...extra });
    running.push(started);
    return started;
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does it)');
    server = new PrivatePostgres(bin!);
    await server.init();
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database thidua');
    await admin.end();
    env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), DATABASE_URL: server.urlOf('thidua') };
    const config = loadConfig(env);
    await prepareDatabase(config, true);
    orm = await MikroORM.init(buildOrmOptions(config.database, ENTITIES));
    // The pact's forms, as `thidua setup` stores them.
    await syncBuiltinForms(new FormsService(orm.em.fork()));
  }, 180_000);
  afterAll(async () => {
    for (const started of running) started.child.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exit));
    await orm?.close().catch(() => undefined);
    await dropRedisPrefix(TEST_REDIS_URL, prefix).catch(() => undefined);
    // Even after a failure: the private server must not outlive the test.
    server?.destroy();
  });

  it('answers 503 while the server is down, 200 once it is back, and loses and repeats nothing', async () => {
    const began = Date.now();
    const em = orm!.em.fork();
    const definition = em.create(WorkflowDefinition, { key: 'restart', name: 'restart', draft: document });
    const version = em.create(WorkflowVersion, { definition, number: 1, document, contentHash: contentHash(document), publishedAt: new Date() });
    await em.flush();
    const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = start('api', { PORT: String(port) });
    const worker = start('worker');
    const timers = new Queue(QUEUES.workflowTimers, { prefix, connection: { url: TEST_REDIS_URL } });
    const health = async () => {
      const answer = await fetch(`${base}/health`);
      return { status: answer.status, body: (await answer.json()) as { code?: string; details?: Record<string, { status: string }> } };
    };
    try {
      await waitFor(async () => ((await health()).status === 200 ? true : undefined), 'the api', RECOVERY_MS);
      await waitFor(async () => ((await timers.getWorkers()).length >= 1 ? true : undefined), 'the worker to take the timers queue', RECOVERY_MS);

      // Less patient than the idempotency lease (2 minutes): a key that a cut request left pending must be freed (or
      // its answer stored) by the api once the database is back, not by the lease's end.
      const client = new RetryingClient(base, 90_000);
      const actors = await signInPactActors(base);
      const pactVersionId = await publishPactToScores(client, actors.admin);
      const launch = (workflowVersionId: string, name: string) => launchCampaign(client, actors.admin, cluster.id, workflowVersionId, name);
      const pact = await launch(pactVersionId, 'restart pact');
      const acknowledged = [await launch(version.id, 'restart acknowledged 1'), await launch(version.id, 'restart acknowledged 2')];
      const leftToTheDeadline = [await launch(version.id, 'restart deadline 1'), await launch(version.id, 'restart deadline 2')];

      // The deadline timers are in Redis, waiting, before the server goes down.
      const deadlineRuns = await orm!.em.fork().find(StageRun, { campaign: { $in: leftToTheDeadline } });
      expect(deadlineRuns).toHaveLength(leftToTheDeadline.length);
      const deadlineJobs = deadlineRuns.map((run) => `deadline-${run.id}`);
      await waitFor(
        async () => ((await orm!.em.fork().count(OutboxMessage, { jobId: { $in: deadlineJobs }, sentAt: { $ne: null } })) === deadlineJobs.length ? true : undefined),
        'the deadline timers to be relayed',
        RECOVERY_MS,
      );

      /** What each outage saw: the health answer while down, and a request's answer meanwhile. */
      const outages: Array<{ mode: string; health: Awaited<ReturnType<typeof health>>; request: { status: number; code: unknown; retryAfter: string | null } }> = [];
      /**
       * Takes the server down a random 0–100 ms after `when` (an action of the traffic below has started), waits until
       * /health says so, asks once more meanwhile, and starts it again; then waits until /health answers 200 from the
       * same api process.
       */
      const outage = async (mode: 'immediate' | 'fast', when: Promise<void>, before?: () => Promise<void>) => {
        await when;
        await before?.();
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, 100)));
        await server!.stop(mode);
        const down = await waitFor(async () => {
          const answer = await health();
          return answer.status === 503 ? answer : undefined;
        }, `health to report the database down (${mode})`, RECOVERY_MS);
        const refused = await fetch(`${base}/api/v1/inbox?campaignId=${pact}`, { headers: { authorization: `Bearer ${actors.admin}` } });
        outages.push({ mode, health: down, request: { status: refused.status, code: ((await refused.json()) as { code?: unknown }).code, retryAfter: refused.headers.get('retry-after') } });
        await server!.start();
        await waitFor(async () => ((await health()).status === 200 ? true : undefined), `health to recover (${mode})`, RECOVERY_MS);
      };
      /** The timers set before the crash are still waiting in Redis when it comes. */
      const deadlinesStillWaiting = async () => {
        const states = await Promise.all(deadlineJobs.map(async (jobId) => (await timers.getJob(jobId))?.getState()));
        expect(states).toEqual(deadlineJobs.map(() => 'delayed'));
      };

      // The crash comes among the acknowledgements, the orderly shutdown among the ballots (or later actions, if the
      // ballots are all cast by then).
      const faults = (async () => {
        await outage('immediate', client.whenStarted('acknowledgement', randomInt(1, MEMBERS * acknowledged.length)), deadlinesStillWaiting);
        await outage('fast', client.whenStarted('ballot', randomInt(1, MEMBERS + 1)));
      })();
      const acknowledgements = acknowledged.flatMap((campaignId) =>
        [...actors.officers.values()].map(async (token) => {
          const [task] = (await client.get(`/api/v1/inbox?campaignId=${campaignId}`, token)).body.tasks as Array<{ id: string }>;
          await client.act('acknowledgement', task.id, `/api/v1/tasks/${task.id}/commands`, token, { command: 'acknowledge' });
        }),
      );
      await Promise.all([faults, ...acknowledgements, drivePactCampaign(client, actors, pact)]);

      // Down: health names the database (Redis stayed up), and a request is a coded 503 to retry, not a 500.
      expect(outages.map((seen) => [seen.mode, seen.health.status, seen.health.body.code, seen.health.body.details?.database?.status, seen.health.body.details?.redis?.status])).toEqual([
        ['immediate', 503, 'SERVICE_UNAVAILABLE', 'down', 'up'],
        ['fast', 503, 'SERVICE_UNAVAILABLE', 'down', 'up'],
      ]);
      expect(outages.map((seen) => seen.request)).toEqual([0, 1].map(() => ({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' })));
      expect(client.serverErrors).toEqual([]);

      // The deadlines set before the crash fire after it: the worker's database connections recovered.
      const overdue = () => orm!.em.fork().count(CampaignEvent, { campaign: { $in: leftToTheDeadline }, type: 'stage.overdue' });
      await waitFor(async () => ((await overdue()) >= leftToTheDeadline.length ? true : undefined), 'every deadline to be applied', RECOVERY_MS);
      // The outbox drains: every message written before, between and after the outages reaches the queue.
      await waitFor(async () => ((await orm!.em.fork().count(OutboxMessage, { sentAt: null })) === 0 ? true : undefined), 'the outbox to drain', RECOVERY_MS);

      const check = orm!.em.fork();
      for (const campaignId of [...acknowledged, ...leftToTheDeadline]) {
        const events = await check.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
        expect(verifyChain(campaignId, events)).toMatchObject({ intact: true });
        const tasks = await check.find(Task, { campaign: campaignId });
        const completions = events.filter((event) => event.type === 'task.completed').map((event) => event.data.taskId);
        if (acknowledged.includes(campaignId)) {
          // Every member's acknowledgement counted once, whatever was retried; the stage and the campaign ended once.
          expect(tasks.map((task) => task.status)).toEqual(Array(MEMBERS).fill('done'));
          expect(completions.sort()).toEqual(tasks.map((task) => task.id).sort());
          expect(client.actions.filter((action) => action.kind === 'acknowledgement' && tasks.some((task) => task.id === action.taskId))).toHaveLength(MEMBERS);
          expect(events.filter((event) => event.type === 'stage.completed')).toHaveLength(1);
          expect(events.filter((event) => event.type === 'campaign.completed')).toHaveLength(1);
        } else {
          // The deadline marked every open task late once and closed nothing.
          expect(events.filter((event) => event.type === 'stage.overdue')).toHaveLength(1);
          expect(completions).toEqual([]);
          expect(tasks.map((task) => [task.status, task.late])).toEqual(Array(MEMBERS).fill(['open', true]));
        }
      }
      // One ballot per unit, one submission per form task, one signature per unit, one sheet per pair, each stage once.
      const { replacedBallots } = await checkPactCampaign(check, pact, client.actions);
      const expected: Partial<Record<ActionKind, number>> = { acknowledgement: MEMBERS * acknowledged.length, ...PACT_ACTIONS };
      expect(client.actions).toHaveLength(Object.values(expected).reduce((sum, count) => sum + count, 0));

      // Neither process was restarted: the same api answers, the same worker runs.
      expect([api.child.exitCode, api.child.signalCode, worker.child.exitCode, worker.child.signalCode]).toEqual([null, null, null, null]);
      expect((await health()).status).toBe(200);

      const uncertain = client.actions.filter((action) => action.lostAnswers + action.unavailable > 0);
      process.stderr.write(
        `postgres-restart: ${((Date.now() - began) / 1000).toFixed(1)} s; ${client.actions.length} actions, ${uncertain.length} answered 503 or not at all ` +
          `(${uncertain.filter((action) => action.outcome === 'found-done').length} found done, ${uncertain.filter((action) => action.replayed).length} replayed), ` +
          `${client.actions.filter((action) => action.keyInProgress > 0).length} waited for a key in progress; ballots replaced by a retry ${replacedBallots}\n`,
      );
    } catch (error) {
      // What the processes logged (LOG_LEVEL=warn: the errors behind a 500 among them) explains a failure. pino writes
      // asynchronously: a graceful stop flushes it.
      for (const started of running) started.child.kill('SIGTERM');
      await Promise.race([Promise.all(running.map((started) => started.exit)), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      for (const started of running) process.stderr.write(`--- ${started.child.spawnargs.slice(-1)[0]}:\n${started.output().slice(-20_000)}\n`);
      throw error;
    } finally {
      await timers.close();
    }
  }, 240_000);
});
