import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/load-config';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { OutboxMessage } from '../../src/workflows/engine/entities/outbox-message.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { CLUSTER_6_UNITS } from '../support/cluster-pact';
import { postgresBin, PrivatePostgres } from '../support/private-postgres';
import { bearerFor, DEMO_PASSWORD, prepareDatabase, startTestApp, TestApp, TEST_REDIS_URL } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

const bin = postgresBin();

/**
 * A real PostgreSQL restart (issue 9), not a relay: the app (API and worker in one process) runs on a server of the
 * test's own, which is crashed (`pg_ctl stop -m immediate`) while six units acknowledge at once, and started again.
 * Health answers 503 while it is down and 200 once it is back, without restarting the app; each unit's acknowledgement,
 * retried with its Idempotency-Key, counts once; the chain verifies and the outbox drains.
 */
(TEST_DIALECT === 'postgresql' && bin ? describe : describe.skip)('PostgreSQL restarted under the app (real server)', () => {
  let server: PrivatePostgres;
  let t: TestApp;

  beforeAll(async () => {
    server = new PrivatePostgres(bin!);
    await server.init();
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database thidua');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/thidua');
    await prepareDatabase(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, AUTH_JWT_SECRET: 'x'.repeat(64), DEMO_PASSWORD, DATABASE_URL: url }), true);
    t = await startTestApp({ role: 'all', env: { DATABASE_URL: url } });
  }, 180_000);
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await server?.destroy();
  });

  it('answers 503 while the server is down, and afterwards every acknowledgement counts once', async () => {
    const admin = await bearerFor(t, 'admin');
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const cluster = await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });
    const version = await publishedVersion(t, 'restart', fourStageDocument('mark-late'));
    const campaignId = (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: 'restart', year: 2020, clusterId: cluster.id }).expect(201)).body.id as string;
    const [review] = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(head).expect(200)).body.tasks;
    await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(200);

    // Each unit's acknowledgement, with its own key kept across retries as a careful client does.
    const units = await Promise.all(
      CLUSTER_6_UNITS.map(async ([slug, code]) => {
        const auth = await bearerFor(t, `${slug}.canbo`);
        const task = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body.tasks.find((candidate: { stageKey: string }) => candidate.stageKey === 'acknowledge');
        return { code, auth, task: task.id as string, key: randomUUID() };
      }),
    );
    const acknowledge = (unit: (typeof units)[number]) =>
      t.http().post(`/api/v1/tasks/${unit.task}/commands`).set(unit.auth).set('X-Acting-Unit', unit.code).set('Idempotency-Key', unit.key).send({ command: 'acknowledge' });

    // Three acknowledge and the server crashes while the others are sent.
    const first = await Promise.all(units.slice(0, 3).map(acknowledge));
    expect(first.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const inFlight = units.slice(3).map(acknowledge);
    await server.stop('immediate');
    const during = await Promise.all(inFlight);
    // Each answer is a success or a coded refusal the client can retry; never an internal error.
    for (const answer of during) expect(`${answer.status} ${answer.status >= 500 && answer.status !== 503 ? JSON.stringify(answer.body) : ""}`).toMatch(/^(200|503) /);
    const health = await waitFor(async () => {
      const answer = await t.http().get('/health');
      return answer.status === 503 ? answer : undefined;
    }, 'health to report the database down');
    expect(health.body.details).toMatchObject({ database: { status: 'down' } });

    await server.start();
    await waitFor(async () => ((await t.http().get('/health')).status === 200 ? true : undefined), 'health to recover', 60_000);
    // Everyone retries with the same key: what committed is answered again, what did not is done now, once.
    const retried = await Promise.all(units.map(acknowledge));
    expect(retried.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const em = t.app.get(MikroORM).em.fork();
    const acknowledgeTasks = await em.find(Task, { campaign: campaignId, stageRun: { stageKey: 'acknowledge' } });
    expect(acknowledgeTasks.map((task) => task.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    // One approval and six acknowledgements, each once.
    expect(await em.count(CampaignEvent, { campaign: campaignId, type: 'task.completed' })).toBe(7);
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}/verify`).set(admin).expect(200)).body).toMatchObject({ intact: true });
    // The outbox drains: every message written before, during and after the crash reaches the queue.
    await waitFor(async () => ((await t.app.get(MikroORM).em.fork().count(OutboxMessage, { sentAt: null, runAt: null })) === 0 ? true : undefined), 'the outbox to drain', 60_000);
  }, 240_000);
});
