import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { loadConfig } from '../../src/config/load-config';
import { QUEUES } from '../../src/queue/queue-names';
import { MAIN, runMain } from '../support/main-process';
import { dropRedisPrefix, freePort, prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

interface OpenApiDocument {
  paths: Record<string, Record<string, { summary?: string; responses?: Record<string, { content?: unknown }> }>>;
}

describe(`run roles of dist/main.js (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const prefixes: string[] = [];
  /** Each process gets its own queue prefix, so what one test sees was done by its own process. */
  const freshPrefix = () => {
    prefixes.push(`test-${randomBytes(5).toString('hex')}`);
    return prefixes[prefixes.length - 1];
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does it)');
    database = await createTestDatabase();
    env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), ...database.env };
    await prepareDatabase(loadConfig(env), false);
  });
  afterAll(async () => {
    for (const prefix of prefixes) await dropRedisPrefix(TEST_REDIS_URL, prefix);
    await database?.drop();
  });

  it.each(['api', 'all'])('--role=%s serves /health and stops cleanly on SIGTERM', async (role) => {
    const port = await freePort();
    const app = runMain([`--role=${role}`], { ...env, QUEUE_PREFIX: freshPrefix(), PORT: String(port) });
    try {
      const status = await waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        return response.status === 200 ? response.status : undefined;
      }, `/health of role ${role}`);
      expect(status).toBe(200);
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exit).toBe(0);
  });

  it('the built API documents every operation: a summary and, for each success but 204, its body', async () => {
    const port = await freePort();
    const app = runMain(['--role=api'], { ...env, QUEUE_PREFIX: freshPrefix(), PORT: String(port) });
    try {
      const document = await waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/docs-json`).catch(() => undefined);
        return response?.status === 200 ? ((await response.json()) as OpenApiDocument) : undefined;
      }, 'the OpenAPI document of the built app');
      const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));
      expect(operations.length).toBeGreaterThan(150);
      // The summaries come from each handler's doc comment (the @nestjs/swagger build plugin, nest-cli.json).
      expect(operations.filter(({ operation }) => !operation.summary?.trim()).map(({ name }) => name)).toEqual([]);
      const undocumented = operations.filter(({ operation }) => {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        return !successes.length || successes.some(([status, response]) => status !== '204' && !response.content);
      });
      expect(undocumented.map(({ name }) => name)).toEqual([]);
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exit).toBe(0);
  });

  it('--role=worker serves no HTTP, schedules its housekeeping job and stops cleanly', async () => {
    const port = await freePort();
    const prefix = freshPrefix();
    const worker = runMain(['--role=worker'], { ...env, QUEUE_PREFIX: prefix, PORT: String(port) });
    const queue = new Queue(QUEUES.maintenance, { prefix, connection: { url: TEST_REDIS_URL } });
    try {
      const schedulers = await waitFor(async () => {
        const found = await queue.getJobSchedulers();
        return found.length ? found : undefined;
      }, 'the worker to upsert its job scheduler');
      expect(schedulers.map((s) => s.key)).toContain('refresh-token.purge');
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await queue.close();
      worker.child.kill('SIGTERM');
    }
    expect(await worker.exit).toBe(0);
  });

  it('refuses an unknown role and a bad configuration with readable messages', async () => {
    const badRole = runMain(['--role=boss'], env);
    expect(await badRole.exit).toBe(1);
    expect(badRole.output()).toContain('Unknown role "boss"');

    const badConfig = runMain([], { ...env, PORT: 'eighty', REDIS_URL: 'http://nowhere' });
    expect(await badConfig.exit).toBe(1);
    expect(badConfig.output()).toMatch(/PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/);
    expect(badConfig.output()).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
