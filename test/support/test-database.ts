import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Which database the suite runs against: its jest project's (jest.config.js), else `TEST_DB`, else SQLite. */
const selected = (globalThis as { TEST_DB?: string }).TEST_DB ?? process.env.TEST_DB;
export const TEST_DIALECT: 'sqlite' | 'postgresql' = selected === 'postgresql' ? 'postgresql' : 'sqlite';

/** Admin connection used to create and drop one throwaway database per suite. */
const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database of the selected dialect, a temp SQLite file or a new PostgreSQL database: empty, or a copy of this
 * run's template (see `createDatabaseFrom`).
 */
export async function createTestDatabase(template?: DatabaseTemplate): Promise<TestDatabase> {
  const name = `thidua_test_${randomBytes(6).toString('hex')}`;
  if (TEST_DIALECT === 'postgresql') {
    const source = template ? await pgTemplate(template) : undefined;
    await withAdmin((client) => client.query(source ? `create database ${name} template ${source}` : `create database ${name}`));
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
    };
  }
  const path = join(tmpdir(), `${name}.sqlite`);
  if (template) copyFileSync(await sqliteTemplate(template), path);
  return {
    env: { SQLITE_PATH: path },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}

/**
 * This jest run's id (test/support/global-setup.ts): the templates below belong to one run, so a run never reads a
 * template built from other code, and its teardown removes them.
 */
const RUN = process.env.THIDUA_TEST_RUN;

/** How a template is made: migrate a fresh database (and load the demo), given the env that points the app at it. */
export interface DatabaseTemplate {
  key: string;
  build(env: Record<string, string>): Promise<void>;
}

/**
 * A fresh database already in the template's state: the template is built once per run and kind (migrations, demo
 * data), then copied for each suite (a file copy for SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL), which
 * costs milliseconds instead of the seconds of migrating and seeding. Outside a jest run with the global setup,
 * every database is built from scratch.
 */
export async function createDatabaseFrom(template: DatabaseTemplate): Promise<TestDatabase> {
  const database = await createTestDatabase(RUN ? template : undefined);
  if (!RUN) await template.build(database.env);
  return database;
}

/** `thidua_tpl_<run>_<key>`: the template database (PostgreSQL) or file stem (SQLite) of this run (global-teardown.js). */
const templateName = (run: string, key: string): string => `thidua_tpl_${run}_${key}`;

async function pgTemplate(template: DatabaseTemplate): Promise<string> {
  const name = templateName(RUN!, template.key);
  const exists = await withAdmin((client) => client.query('select 1 from pg_database where datname = $1', [name]));
  if (exists.rowCount) return name;
  // Built under another name, then renamed: a half-built template is never seen under its real name.
  const building = `${name}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${building}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${building}`;
  await template.build({ DATABASE_URL: url.toString() });
  try {
    await withAdmin((client) => client.query(`alter database ${building} rename to ${name}`));
  } catch (error) {
    // Another worker of this run renamed its copy first: use theirs.
    await withAdmin((client) => client.query(`drop database if exists ${building} with (force)`));
    if ((error as { code?: string }).code !== '42P04') throw error;
  }
  return name;
}

function sqliteTemplate(template: DatabaseTemplate): Promise<string> {
  const path = join(tmpdir(), `${templateName(RUN!, template.key)}.sqlite`);
  if (existsSync(path)) return Promise.resolve(path);
  const building = `${path}.${randomBytes(4).toString('hex')}`;
  return template.build({ SQLITE_PATH: building }).then(() => {
    renameSync(building, path);
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${building}${suffix}`, { force: true });
    return path;
  });
}
