import { createHash } from 'node:crypto';
import type { EntityManager, Platform } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';

/** What this needs of a node-postgres client and of a better-sqlite3 connection (the latter ships no types). */
interface PostgresClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
interface SqliteStatement {
  reader: boolean;
  all(values: unknown[]): unknown[];
  run(values: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(source: string): SqliteStatement;
}

export interface PreparedResult<T> {
  rows: T[];
  /** Rows a statement without a result (update, insert without `returning`) changed. */
  changed: number;
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the statements given here hold no `?` in a literal or an operator). */
const numbered = (sql: string) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};

/**
 * Texts named so far; past this many a statement runs unnamed (bound, but planned afresh), so that a text varying
 * without end (a row count) cannot fill every connection with prepared statements.
 */
const NAMED_STATEMENTS = 256;
const statementNames = new Map<string, { name?: string; text: string }>();

const postgresStatement = (sql: string) => {
  let statement = statementNames.get(sql);
  if (statement) return statement;
  statement = statementNames.size < NAMED_STATEMENTS ? { name: `p${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`, text: numbered(sql) } : { text: numbered(sql) };
  if (statement.name) statementNames.set(sql, statement);
  return statement;
};

/**
 * A value as the ORM's inlining stores it: an object or a list (a JSON column's) as its JSON, a date as the platform's,
 * a boolean as SQLite's 0 or 1.
 */
function boundValue(value: unknown, platform: Platform, postgresql: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return platform.processDateProperty(value);
  if (typeof value === 'boolean') return postgresql ? value : Number(value);
  if (Array.isArray(value) || (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value)))) return JSON.stringify(value);
  return value;
}

/**
 * Runs one of the hot path's fixed statements (`?` placeholders) as a prepared statement of the driver, with its values
 * bound, on the connection the ORM would use (`trx`'s, `em`'s transaction's, or one from the pool). The ORM's `execute`
 * inlines the values into the text instead, so PostgreSQL parses and plans every call afresh (a command's read: 0.9 ms,
 * prepared 0.2 ms) and SQLite's statement cache (sqlite-statement-cache) never finds it again. Named PostgreSQL
 * statements stay on their connection for its life, so only the first NAMED_STATEMENTS texts are named.
 * Errors are the ORM's (a unique constraint is its UniqueConstraintViolationException), as from `execute`.
 */
export async function preparedRows<T>(em: EntityManager, sql: string, params: unknown[], trx?: Knex.Transaction): Promise<PreparedResult<T>> {
  const platform = em.getPlatform();
  const client = (trx ?? em.getTransactionContext<Knex.Transaction>() ?? (em.getConnection() as AbstractSqlConnection).getKnex()).client;
  const postgresql = platform.constructor.name === 'PostgreSqlPlatform';
  const values = params.map((value) => boundValue(value, platform, postgresql));
  const connection = (await client.acquireConnection()) as PostgresClient & SqliteConnection;
  try {
    client.emit('query', { sql, bindings: values }); // announced as knex announces its own (query logs, tests counting statements)
    if (postgresql) {
      const result = await connection.query({ ...postgresStatement(sql), values });
      return { rows: result.rows as T[], changed: result.rowCount ?? 0 };
    }
    const statement = connection.prepare(sql);
    if (statement.reader) return { rows: statement.all(values) as T[], changed: 0 };
    return { rows: [], changed: statement.run(values).changes };
  } catch (error) {
    throw platform.getExceptionConverter().convertException(error as Error);
  } finally {
    await client.releaseConnection(connection);
  }
}
