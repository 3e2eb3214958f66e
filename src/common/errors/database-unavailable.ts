import { ConnectionException } from '@mikro-orm/core';

/** How long a client is asked to wait before retrying while the database is unreachable (a restart takes seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a server that is down or restarting. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * PostgreSQL's SQLSTATEs for a server that cannot serve now: class 08 (connection exception), and 57P01–57P03 (shut down
 * by an administrator, crashed, starting up).
 */
const unavailableState = (code: string) => code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';

/**
 * Messages of a connection lost under a query, as pg words them, or as knex does after the query ("… - Connection
 * terminated unexpectedly"). The last two were met when PostgreSQL crashed under many requests
 * (test/integration/postgres-restart.test.ts): pg refuses a query on a connection that has already failed, and a
 * connection lost at a transaction's BEGIN is swallowed by knex, which only ends the transaction, so the first query
 * in it fails with "already complete" (MikroORM holds a transaction for its whole callback: nothing else ends one
 * under a query).
 */
const LOST_CONNECTION =
  /(?:^| - )(?:Connection terminated|Connection ended unexpectedly|Client has encountered a connection error and is not queryable|Transaction query already complete)/;

/**
 * Whether an error means the database cannot be reached right now (down, restarting, its connections cut), as opposed
 * to a fault of the request or of the code: such a request is answered 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { previous?: unknown; cause?: unknown }).previous ?? (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof ConnectionException) return true;
    const { code, name, message } = cause as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || unavailableState(code))) return true;
    // knex found no connection in time (the pool could not open one); pg lost one mid-query. knex puts the query in
    // front of pg's message ("select … - Connection terminated unexpectedly"), and MikroORM keeps that message.
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
  }
  return false;
}
