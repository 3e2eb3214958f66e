import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/core';
import { Cluster as RedisCluster, Redis } from 'ioredis';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { ScheduledLaunch } from '../../src/workflows/schedules/entities/scheduled-launch.entity';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

const run = promisify(execFile);
/** The Debian package redis-server's programs, on the PATH (npm test installs them when missing). */
const onPath = (name: string) => (process.env.PATH ?? '').split(':').map((folder) => join(folder, name)).find((path) => existsSync(path));
const REDIS_SERVER = onPath('redis-server');
const REDIS_CLI = onPath('redis-cli');

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port free on the loopback whose cluster bus port (port + 10000) is free too and below 65536. */
async function clusterPort(taken: number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (!taken.includes(port) && (await canListen(port)) && (await canListen(port + 10_000))) return port;
  }
}

/**
 * The app on a Redis Cluster of three masters started by the test: health sees it, and a scheduled launch (a BullMQ
 * flow over the workers' queues, whose scripts touch many keys at once) launches one campaign per cluster, which a
 * cluster allows only because every queue key shares one hash slot.
 */
describe(`on a Redis Cluster (${TEST_DIALECT})`, () => {
  const nodes: ChildProcess[] = [];
  let dir: string;
  let seeds: string;
  let api: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    if (!REDIS_SERVER || !REDIS_CLI) throw new Error('redis-server and redis-cli are needed: install the Debian package redis-server');
    dir = mkdtempSync(join(tmpdir(), 'thidua-redis-cluster-'));
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) ports.push(await clusterPort(ports));
    for (const port of ports) {
      nodes.push(
        spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }),
      );
    }
    for (const port of ports) {
      await waitFor(async () => {
        const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG' ? true : undefined;
        } finally {
          probe.disconnect();
        }
      }, `redis-server on port ${port}`);
    }
    seeds = ports.map((port) => `127.0.0.1:${port}`).join(',');
    await run(REDIS_CLI!, ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) {
      await waitFor(async () => ((await run(REDIS_CLI!, ['-p', String(port), 'cluster', 'info'])).stdout.includes('cluster_state:ok') ? true : undefined), `cluster state ok on ${port}`);
    }
    const env = { REDIS_CLUSTER_NODES: seeds };
    api = await startTestApp({ role: 'api', env });
    worker = await startTestApp({ role: 'worker', shareWith: api, env });
  }, 120_000);

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    for (const node of nodes) node.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers health with Redis up', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body.redis).toEqual({ status: 'up' });
  });

  it('runs a scheduled launch through the queues: one campaign per cluster of the year', async () => {
    const admin = await bearerFor(api, 'admin');
    await publishedVersion(api, 'int-cluster-launch', fourStageDocument('close'));
    const schedule = (
      await api.http().post('/api/v1/launch-schedules').set(admin).send({ workflowKey: 'int-cluster-launch', year: 2020, subjectKind: 'every-active-cluster', date: '--12-31', shift: 'next-working-day' }).expect(201)
    ).body as { id: string };
    await api.http().post(`/api/v1/launch-schedules/${schedule.id}/run-now`).set(admin).send().expect(202);

    const em = () => api.app.get(MikroORM).em.fork();
    const clusters = await em().count(Cluster, { year: 2020, archivedAt: null });
    const rows = await waitFor(async () => {
      const launched = await em().find(ScheduledLaunch, { schedule: schedule.id });
      return launched.length === clusters && launched.every((row) => row.status === 'launched') ? launched : undefined;
    }, 'the scheduled launch to settle', 45_000);
    expect(rows).toHaveLength(clusters);
    expect(await em().count(Campaign, { year: 2020, workflowVersion: { definition: { key: 'int-cluster-launch' } } })).toBe(clusters);

    // The queues live on the cluster, every key in the hash slot of the prefix's tag.
    const client = new RedisCluster(seeds.split(',').map((seed) => ({ host: '127.0.0.1', port: Number(seed.split(':')[1]) })), { lazyConnect: true });
    try {
      await client.connect();
      const tag = `{${api.config.redis.prefix}}`;
      const queueKeys = (await Promise.all(client.nodes('master').map((node) => node.keys(`${tag}:*`)))).flat();
      expect(queueKeys).toEqual(expect.arrayContaining([`${tag}:evaluation-schedules:meta`, `${tag}:workflow-timers:meta`]));
      expect(new Set(await Promise.all(queueKeys.map((key) => client.cluster('KEYSLOT', key))))).toEqual(new Set([await client.cluster('KEYSLOT', tag)]));
    } finally {
      client.disconnect();
    }
  });
});
