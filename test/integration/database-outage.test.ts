import { createServer, Server, Socket } from 'node:net';
import { MikroORM } from '@mikro-orm/core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

/**
 * The app reaches PostgreSQL through a TCP relay that the test can take down as a restart would: open connections
 * are cut and new ones refused (ECONNREFUSED), then it listens again on the same port.
 */
class Relay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket().connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => (socket === client ? upstream : client).destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

(TEST_DIALECT === 'postgresql' ? describe : describe.skip)(`the database going away and coming back (${TEST_DIALECT})`, () => {
  let owner: TestApp;
  let t: TestApp;
  let relay: Relay;

  beforeAll(async () => {
    owner = await startTestApp({ role: 'api' });
    const direct = new URL(owner.config.database.url!);
    relay = new Relay({ host: direct.hostname, port: Number(direct.port || 5432) });
    await relay.up();
    const relayed = new URL(direct);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    t = await startTestApp({ role: 'api', shareWith: owner, env: { DATABASE_URL: relayed.toString() } });
  });
  afterAll(async () => {
    await t?.app.close();
    await relay?.down().catch(() => undefined);
    await owner?.close();
  });

  it('answers 503 while it is down, loses nothing, and works again once it is back', async () => {
    const admin = await bearerFor(t, 'admin');
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const cluster = await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });
    const version = await publishedVersion(t, 'outage', fourStageDocument());
    const launched = await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: 'outage', year: 2020, clusterId: cluster.id }).expect(201);
    const [review] = (await t.http().get(`/api/v1/inbox?campaignId=${launched.body.id}`).set(head).expect(200)).body.tasks;

    await relay.down();
    try {
      const health = await waitFor(async () => {
        const answer = await t.http().get('/health');
        return answer.status === 503 ? answer : undefined;
      }, 'health to report the database down');
      expect(health.body.details).toMatchObject({ database: { status: 'down' }, redis: { status: 'up' } });
      // A command meanwhile: a coded 503 the client can retry, not an internal error.
      const refused = await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).set('Accept-Language', 'vi').send({ command: 'approve' });
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('Tạm thời không kết nối được cơ sở dữ liệu') });
      expect(refused.headers['retry-after']).toBe('5');
    } finally {
      await relay.up();
    }

    await waitFor(async () => ((await t.http().get('/health')).status === 200 ? true : undefined), 'health to recover');
    await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const em = owner.app.get(MikroORM).em.fork();
    // The refused command left nothing behind: one approval, and the next stage's six tasks once.
    expect(await em.count(CampaignEvent, { campaign: launched.body.id, type: 'task.completed' })).toBe(1);
    expect(await em.count(Task, { campaign: launched.body.id, status: 'open' })).toBe(6);
    expect((await t.http().get(`/api/v1/campaigns/${launched.body.id}/verify`).set(admin).expect(200)).body).toMatchObject({ intact: true });
  });
});
