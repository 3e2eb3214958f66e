import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { loadConfig } from '../../src/config/load-config';
import { QUEUES } from '../../src/queue/queue-names';
import { dropRedisPrefix, prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Running {
  let output = '';
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
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
    const app = run([`--role=${role}`], { ...env, QUEUE_PREFIX: freshPrefix(), PORT: String(port) });
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

  it('--role=worker serves no HTTP, schedules its housekeeping job and stops cleanly', async () => {
    const port = await freePort();
    const prefix = freshPrefix();
    const worker = run(['--role=worker'], { ...env, QUEUE_PREFIX: prefix, PORT: String(port) });
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
    const badRole = run(['--role=boss'], env);
    expect(await badRole.exit).toBe(1);
    expect(badRole.output()).toContain('Unknown role "boss"');

    const badConfig = run([], { ...env, PORT: 'eighty', REDIS_URL: 'http://nowhere' });
    expect(await badConfig.exit).toBe(1);
    expect(badConfig.output()).toMatch(/PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*PORT/);
    expect(badConfig.output()).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
