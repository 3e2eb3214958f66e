import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
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

/** A fresh, empty database of the selected dialect: a temp SQLite file or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `thidua_test_${randomBytes(6).toString('hex')}`;
  if (TEST_DIALECT === 'postgresql') {
    await withAdmin((client) => client.query(`create database ${name}`));
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
    };
  }
  const path = join(tmpdir(), `${name}.sqlite`);
  return {
    env: { SQLITE_PATH: path },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}
