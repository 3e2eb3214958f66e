import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { preparedRows } from '../../src/database/prepared-rows';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';

/**
 * The hot path's statements run prepared, their values bound (preparedRows): they must store and read exactly what the
 * ORM's `execute` (values inlined) does, take part in the caller's transaction, fail as the ORM fails, and a prepared
 * text run again must answer for its new values.
 */
describe(`prepared statements (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let orm: MikroORM;
  const postgresql = TEST_DIALECT === 'postgresql';

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', demo: false });
    orm = t.app.get(MikroORM);
    const types = postgresql ? { at: 'timestamptz', flag: 'boolean', doc: 'jsonb' } : { at: 'datetime', flag: 'integer', doc: 'json' };
    await orm.em.getConnection().execute(`create table prepared_probe (id varchar(36) primary key, at ${types.at} null, flag ${types.flag} null, doc ${types.doc} null, note text null)`);
  });
  afterAll(() => t?.close());

  const INSERT = 'insert into prepared_probe (id, at, flag, doc, note) values (?, ?, ?, ?, ?)';
  const row = async (id: string) => (await orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>('select at, flag, doc, note from prepared_probe where id = ?', [id]))[0];

  it('stores dates, booleans, JSON and nulls as the ORM does with the values inlined', async () => {
    const at = new Date('2026-12-06T07:08:09.123Z');
    const values = [at, true, { vi: 'Cụm thi đua số 6', list: [1, 2] }, null];
    await orm.em.fork().getConnection().execute(INSERT, ['by-orm', ...values]);
    const written = await preparedRows(orm.em.fork(), INSERT, ['prepared', ...values]);
    expect(written.changed).toBe(1);
    expect(await row('prepared')).toEqual(await row('by-orm'));
    expect((await row('prepared')).note).toBeNull();
    const [read] = (await preparedRows<{ at: unknown; flag: unknown }>(orm.em.fork(), 'select at, flag from prepared_probe where id = ?', ['prepared'])).rows;
    expect(read).toEqual({ at: (await row('by-orm')).at, flag: (await row('by-orm')).flag });
  });

  it('answers a text prepared before for its new values, and counts the rows an update changed', async () => {
    for (const id of ['a', 'b', 'c']) await preparedRows(orm.em.fork(), INSERT, [`again-${id}`, null, false, null, id]);
    for (const id of ['c', 'a', 'b']) {
      const { rows } = await preparedRows<{ note: string }>(orm.em.fork(), 'select note from prepared_probe where id = ?', [`again-${id}`]);
      expect(rows).toEqual([{ note: id }]);
    }
    expect((await preparedRows(orm.em.fork(), "update prepared_probe set note = 'x' where id like ?", ['again-%'])).changed).toBe(3);
    expect((await preparedRows(orm.em.fork(), "update prepared_probe set note = 'y' where id = ?", ['nobody'])).changed).toBe(0);
  });

  it('fails as the ORM fails: a duplicate key is its unique-constraint violation, and nothing changes', async () => {
    await preparedRows(orm.em.fork(), INSERT, ['twice', null, null, null, 'first']);
    await expect(preparedRows(orm.em.fork(), INSERT, ['twice', null, null, null, 'second'])).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect((await row('twice')).note).toBe('first');
  });

  it("takes part in the caller's transaction, given as the entity manager's or as knex's", async () => {
    await expect(orm.em.fork().transactional(async (em) => {
      await preparedRows(em, INSERT, ['rolled-back-em', null, null, null, null]);
      expect(await preparedRows(em, 'select id from prepared_probe where id = ?', ['rolled-back-em'])).toMatchObject({ rows: [{ id: 'rolled-back-em' }] });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    const connection = orm.em.getConnection() as AbstractSqlConnection;
    await expect(connection.transactional(async (trx: Knex.Transaction) => {
      await preparedRows(orm.em, INSERT, ['rolled-back-trx', null, null, null, null], trx);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await row('rolled-back-em')).toBeUndefined();
    expect(await row('rolled-back-trx')).toBeUndefined();
  });

  it('announces each statement to knex as knex announces its own', async () => {
    const knex = (orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const sent: string[] = [];
    const listener = (query: { sql: string }) => sent.push(query.sql);
    knex.on('query', listener);
    try {
      await preparedRows(orm.em.fork(), 'select count(*) as n from prepared_probe where note = ?', ['x']);
    } finally {
      knex.off('query', listener);
    }
    expect(sent).toEqual(['select count(*) as n from prepared_probe where note = ?']);
  });

  it('runs texts past the ones it names (a varying text) correctly', async () => {
    for (let i = 0; i < 300; i++) {
      const { rows } = await preparedRows<{ n: number | string; v: string }>(orm.em.fork(), `select ${i} as n, upper(?) as v`, [`value ${i}`]);
      expect(rows.map((r) => ({ n: Number(r.n), v: r.v }))).toEqual([{ n: i, v: `VALUE ${i}` }]);
    }
  });
});
