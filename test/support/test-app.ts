import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { MikroORM } from '@mikro-orm/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { Role } from '../../src/app.module';
import { createApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { DemoDataLoader } from '../../src/demo/demo-data';
import { ENTITIES } from '../../src/entities';
import { createDatabaseFrom, TestDatabase } from './test-database';
import { dropRedisPrefix } from '../../src/queue/drop-redis-prefix';

export { dropRedisPrefix };

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DEMO_PASSWORD = 'demo-password-2020';

/** What configuring the app needs besides its database, when only the database is being prepared. */
const BUILD_ENV = { NODE_ENV: 'test', LOG_LEVEL: 'silent', REDIS_URL: TEST_REDIS_URL, AUTH_JWT_SECRET: 'x'.repeat(64), DEMO_PASSWORD };

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** The environment the app was configured from, for a second app on the same database and prefix. */
  env: Record<string, string>;
  http: () => TestAgent;
  /** Base URL when started with `listen: true`. */
  url?: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  role?: Role;
  /** Extra environment variables (e.g. a Redis URL that points nowhere). */
  env?: Record<string, string>;
  /** Load the demo cluster (default true). */
  demo?: boolean;
  /** Listen on a free port, for the browser tests. */
  listen?: boolean;
  /**
   * Listen (implies `listen`) on a free port chosen before the app is configured, with PUBLIC_URL (WebAuthn's origin
   * and relying party) `http://localhost:<port>`, which `url` then is: passkeys need a host name, not an IP address.
   */
  publicUrl?: boolean;
  /** Another app of the same deployment: same database, Redis prefix and secret; it owns the clean-up. */
  shareWith?: TestApp;
}

/** Deletes every Redis key of a test run's prefix, so runs never see each other's queues. */

/**
 * Migrates the database of `config` and optionally loads the demo cluster, as `thidua setup` does. The migrator is
 * loaded here, not with the suite: only the suite that builds a run's template migrates.
 */
export async function prepareDatabase(config: AppConfig, demo: boolean): Promise<void> {
  const { migratingOrmOptions } = await import('../../src/database/migrating-orm-options');
  const orm = await MikroORM.init(migratingOrmOptions(config.database, ENTITIES));
  try {
    await orm.getMigrator().up();
    if (demo) await new DemoDataLoader(orm.em.fork(), DEMO_PASSWORD, config.auth.passwordHashing).load();
  } finally {
    await orm.close();
  }
}

/**
 * Starts the real application on its own throwaway database and Redis key prefix,
 * migrated and (by default) seeded with the demo cluster.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const demo = options.demo !== false;
  const database: TestDatabase | undefined = options.shareWith
    ? undefined
    : await createDatabaseFrom({ key: demo ? 'demo' : 'empty', build: (env) => prepareDatabase(loadConfig({ ...BUILD_ENV, ...env }), demo) });
  const publicPort = options.publicUrl ? await freePort() : undefined;
  const env: Record<string, string> = {
    ...(options.shareWith?.env ?? {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `test-${randomBytes(5).toString('hex')}`,
      REDIS_URL: TEST_REDIS_URL,
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      DEMO_PASSWORD,
      ...database!.env,
    }),
    ...(publicPort ? { PUBLIC_URL: `http://localhost:${publicPort}` } : {}),
    ...options.env,
  };
  const config = loadConfig(env);

  const app = await createApp({ role: options.role ?? 'api', config, quiet: true });
  let url: string | undefined;
  if (publicPort) {
    await app.listen(publicPort, '127.0.0.1');
    url = `http://localhost:${publicPort}`;
  } else if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  return {
    app,
    config,
    env,
    url,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (!database) return;
      await dropRedisPrefix(config.redis.url, config.redis.prefix);
      await database.drop();
    },
  };
}

/** A port free on the loopback now (the system's choice), for an app that must know its URL before it starts. */
/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Signs in through the API and returns the bearer header. */
export async function bearerFor(testApp: TestApp, username: string, password = DEMO_PASSWORD): Promise<{ Authorization: string }> {
  const response = await testApp.http().post('/api/v1/auth/sign-in').send({ username, password });
  if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { Authorization: `Bearer ${response.body.accessToken}` };
}
