import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception of class 08', withCode('08006')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a connection lost mid-query, as MikroORM words it after knex', new DriverException(new Error("select 1 from refresh_token where family = 'f' limit 1 - Connection terminated unexpectedly"))],
    ['a query on a connection that has already failed', new DriverException(new Error("insert into \"idempotency_record\" (\"id\") values ('x') - Client has encountered a connection error and is not queryable"))],
    ['a connection lost at BEGIN, as knex reports it at the first query', new DriverException(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'))],
    ['no connection from the pool in time', Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' })],
    ["MikroORM's ConnectionException", new ConnectionException(new Error('x'))],
    ['a driver error wrapping a refused connection', new DriverException(withCode('ECONNREFUSED'))],
  ])('holds for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(withCode('23505'))],
    ['a syntax error', withCode('42601')],
    ['a plain error', new Error('Cannot read properties of undefined')],
    ['a message that only mentions connections', new Error('Connection limit per unit reached')],
    ['nothing', undefined],
  ])('does not hold for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
