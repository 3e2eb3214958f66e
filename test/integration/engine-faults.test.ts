import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { StageDeadlinesService } from '../../src/workflows/engine/stage-deadlines.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { OutboxMessage } from '../../src/workflows/engine/entities/outbox-message.entity';
import { StageRun } from '../../src/workflows/engine/entities/stage-run.entity';
import { RecoverySweeper } from '../../src/workflows/engine/recovery-sweeper.service';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';
import { waitFor } from '../support/wait-for';

const HOUR = 3600 * 1000;


/** Launches the test workflow for Cluster No. 6 and has the head approve, so the acknowledge stage (due in 1 h) is open. */
async function campaignAtAcknowledge(t: TestApp, key: string): Promise<{ campaignId: string; run: StageRun }> {
  const admin = await bearerFor(t, 'admin');
  const em = t.app.get(MikroORM).em.fork();
  const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });
  const version = await publishedVersion(t, key, fourStageDocument('close'));
  const launched = await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: key, year: 2020, clusterId: cluster.id }).expect(201);
  const head = await bearerFor(t, 'thanhhoa.vientruong');
  const task = (await t.http().get(`/api/v1/inbox?campaignId=${launched.body.id}`).set(head).expect(200)).body.tasks[0];
  await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
  const run = await em.findOneOrFail(StageRun, { campaign: launched.body.id, stageKey: 'acknowledge' });
  return { campaignId: launched.body.id, run };
}

const overdueEvents = (t: TestApp, campaignId: string) => t.app.get(MikroORM).em.fork().count(CampaignEvent, { campaign: campaignId, type: 'stage.overdue' });

describe(`engine under faults (${TEST_DIALECT})`, () => {
  describe('duplicate delivery and a worker restart', () => {
    let api: TestApp;
    beforeAll(async () => {
      api = await startTestApp({ role: 'api' });
    });
    afterAll(() => api?.close());

    it('applies a deadline delivered twice exactly once', async () => {
      const { campaignId, run } = await campaignAtAcknowledge(api, 'dup-delivery');
      api.app.get(Clock).advance(HOUR + 1000);
      const deadlines = api.app.get(StageDeadlinesService);
      expect(await Promise.all([deadlines.onDue(run.id), deadlines.onDue(run.id)].map((p) => p.catch((e: { code?: string }) => e.code)))).toEqual(
        expect.arrayContaining(['handled']),
      );
      expect(await deadlines.onDue(run.id)).toBe('stale');
      expect(await overdueEvents(api, campaignId)).toBe(1);
    });

    it('relays a deadline whose process died between the commit and the enqueue', async () => {
      const { run } = await campaignAtAcknowledge(api, 'crash-before-enqueue');
      const timers = new Queue(QUEUES.workflowTimers, { prefix: api.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
      const em = api.app.get(MikroORM).em.fork();
      try {
        await waitFor(async () => (await timers.getJob(`deadline-${run.id}`)) ?? undefined, 'the first relay');
        // As if the process had died right after the commit: the row is unsent and BullMQ never got the job.
        await (await timers.getJob(`deadline-${run.id}`))!.remove();
        await em.nativeUpdate(OutboxMessage, { jobId: `deadline-${run.id}` }, { sentAt: null });
        const report = await api.app.get(RecoverySweeper).sweep();
        expect(report.relayed).toBeGreaterThanOrEqual(1);
        expect(await (await timers.getJob(`deadline-${run.id}`))?.getState()).toBe('delayed');
        expect(await em.fork().count(OutboxMessage, { sentAt: null })).toBe(0);
      } finally {
        await timers.close();
      }
    });

    it('lets a restarted worker run the deadline job the api left in the queue', async () => {
      const { campaignId, run } = await campaignAtAcknowledge(api, 'worker-restart');
      const timers = new Queue(QUEUES.workflowTimers, { prefix: api.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
      try {
        // The api relayed the deadline through the outbox; no worker is running yet.
        const job = await waitFor(async () => (await timers.getJob(`deadline-${run.id}`)) ?? undefined, 'the deadline job');
        expect(await job.getState()).toBe('delayed');

        let worker = await startTestApp({ role: 'worker', shareWith: api });
        await worker.close(); // a worker that dies before the deadline
        worker = await startTestApp({ role: 'worker', shareWith: api });
        try {
          // Each app has its own clock; the api's was moved by the test before, so go well past the deadline.
          worker.app.get(Clock).set(new Date(run.dueAt!.getTime() + 1000));
          await timers.promoteJobs();
          await waitFor(async () => ((await overdueEvents(api, campaignId)) === 1 ? true : undefined), 'the restarted worker to apply the deadline');
          const closed = await api.app.get(MikroORM).em.fork().findOneOrFail(StageRun, run.id);
          expect(closed).toMatchObject({ status: 'completed', outcome: 'timeout' });
        } finally {
          await worker.close();
        }
      } finally {
        await timers.close();
      }
    });
  });

  describe('a Redis that restarts and loses its data', () => {
    let dir: string;
    let port: number;
    let redis: ChildProcess | undefined;
    let t: TestApp;

    const startRedis = async () => {
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      await waitFor(async () => {
        const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await client.connect();
          return (await client.ping()) === 'PONG' ? true : undefined;
        } finally {
          client.disconnect();
        }
      }, 'redis-server to start');
    };
    const stopRedis = async () => {
      const exited = new Promise((resolve) => redis!.once('exit', resolve));
      redis!.kill('SIGKILL');
      await exited;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'thidua-redis-'));
      port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = server.address() as { port: number };
          server.close(() => resolve(free));
        });
      });
      await startRedis();
      t = await startTestApp({ role: 'all', env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    });
    afterAll(async () => {
      await t?.close();
      if (redis && redis.exitCode === null) await stopRedis();
      rmSync(dir, { recursive: true, force: true });
    });

    it('still applies every deadline once: the outbox and the sweeper rebuild what Redis lost', async () => {
      const { campaignId, run } = await campaignAtAcknowledge(t, 'redis-outage');
      const em = t.app.get(MikroORM).em.fork();
      await waitFor(async () => ((await em.count(OutboxMessage, { jobId: `deadline-${run.id}`, sentAt: { $ne: null } })) ? true : undefined), 'the deadline to be relayed');

      await stopRedis();
      // Work goes on while Redis is down: the database is the source of truth.
      const officer = await bearerFor(t, 'nghean.canbo');
      const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(officer).expect(200)).body.tasks[0];
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(officer).send({ command: 'acknowledge' }).expect(200);

      await startRedis(); // empty: the delayed deadline job is gone
      t.app.get(Clock).advance(HOUR + 1000);
      const report = await t.app.get(RecoverySweeper).sweep();
      expect(report.overdueHandled).toBe(1);
      expect(await t.app.get(RecoverySweeper).sweep()).toMatchObject({ overdueHandled: 0 });
      expect(await overdueEvents(t, campaignId)).toBe(1);
      expect(await em.fork().findOneOrFail(StageRun, run.id)).toMatchObject({ status: 'completed', outcome: 'timeout' });
      // The next stage's timer went through the outbox to the new Redis.
      const next = await em.fork().findOneOrFail(StageRun, { campaign: campaignId, stageKey: 'cool-off' });
      await waitFor(async () => ((await em.fork().count(OutboxMessage, { jobId: `deadline-${next.id}`, sentAt: { $ne: null } })) ? true : undefined), 'the next timer to be relayed');
    });
  });
});
