import { ChangeSet, ChangeSetType, EntityManager, EntityProperty } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { preparedRows } from '../../database/prepared-rows';
import { Campaign } from './entities/campaign.entity';

/** The campaign as it was read: the write needs this version unchanged, and bumps it. */
export interface CampaignVersion {
  id: string;
  version: number;
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** Raised by an entity manager made by `deferringWrites` when something must write before the end. */
export class WriteNotDeferred extends Error {
  constructor(method: string) {
    super(`${method} before the deferred write`);
  }
}

const WRITES = ['flush', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'insert', 'insertMany', 'upsert', 'upsertMany', 'transactional', 'begin'] as const;

/**
 * A fork of `em` that keeps every change in its unit of work for `writeDeferred`: its writes (an explicit flush, the
 * flush a query of changed rows would trigger, a native statement, a transaction) throw WriteNotDeferred instead,
 * having written nothing, so that work which must read its own writes (a stage's effects) goes the transactional way.
 */
export function deferringWrites(em: EntityManager): EntityManager {
  const fork = em.fork();
  for (const method of WRITES) {
    Object.defineProperty(fork, method, { value: () => Promise.reject(new WriteNotDeferred(method)) });
  }
  return fork;
}

/**
 * Writes what a `deferringWrites` entity manager holds, as the unit of work computed it: on PostgreSQL by one
 * statement, a `WITH` of one part per table and kind of change (one round trip, no transaction to open; foreign keys
 * are checked at its end, when every inserted row is there); on SQLite (in process, where a statement costs no round
 * trip, and which cannot write from a `WITH`) by the same writes in one transaction. Either commits whole or writes
 * nothing.
 *
 * `campaign`: the write is conditioned on that campaign's version, as read with the rows the changes were computed
 * from. The first write bumps the version (and writes the campaign's own changes) only if it is still the one read;
 * the others write only if it did. A campaign's rows change only with its version (every change bumps it), so rows
 * read at that version are still as read.
 *
 * Answers true when written, false when the campaign's version had changed (nothing written), undefined when a change
 * is not one written here (a delete, a collection, a column spread over several) (nothing written): the caller then
 * writes the transactional way.
 */
export async function writeDeferred(em: EntityManager, campaign?: CampaignVersion): Promise<boolean | undefined> {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  if (uow.getCollectionUpdates().length) return undefined;
  const postgresql = em.getPlatform().constructor.name === 'PostgreSqlPlatform';
  const writes = writesOf(uow.getChangeSets(), campaign, postgresql);
  if (!writes) return undefined;
  if (postgresql) {
    const statement = oneStatement(writes, campaign !== undefined);
    const [row] = (await preparedRows<{ written: number | string }>(em, statement.sql, statement.params)).rows;
    return Number(row?.written) === 1;
  }
  try {
    await (em.getConnection() as AbstractSqlConnection).transactional(async (trx) => {
      for (const write of writes) {
        const { changed } = await preparedRows(em, write.sql, write.params, trx);
        if (write.kind === 'bump' && changed !== 1) throw new VersionChanged();
      }
    });
    return true;
  } catch (error) {
    if (error instanceof VersionChanged) return false;
    throw error;
  }
}

/** Rolls SQLite's transaction back: the campaign's version is no longer the one read. */
class VersionChanged extends Error {}

interface Write {
  kind: 'bump' | 'update' | 'insert';
  sql: string;
  params: unknown[];
}

/** The writes as one PostgreSQL statement: each part after the bump writes only if the bump did. */
function oneStatement(writes: Write[], conditioned: boolean): Statement {
  const parts = writes.map((write, index) => {
    if (write.kind === 'bump') return `bumped as (${write.sql} returning 1)`;
    const condition = !conditioned ? '' : write.kind === 'update' ? ' and exists (select 1 from bumped)' : ' where exists (select 1 from bumped)';
    return `w${index} as (${write.sql}${condition} returning 1)`;
  });
  return { sql: `with ${parts.join(',\n')}\nselect ${conditioned ? '(select count(*) from bumped)' : '1'} as written`, params: writes.flatMap((write) => write.params) };
}

const quote = (name: string) => `"${name}"`;
/** PostgreSQL binds at most 65,535 parameters to a statement, SQLite 32,766: a larger change goes the transactional way. */
const MAX_PARAMETERS = 30_000;

/** A change not written here. */
class Unwritable extends Error {}

/** The property's one column. */
function columnOf(property: EntityProperty | undefined): { name: string; type: string } {
  if (!property || property.fieldNames?.length !== 1 || property.columnTypes?.length !== 1) throw new Unwritable();
  return { name: property.fieldNames[0], type: property.columnTypes[0] };
}

function writesOf(changeSets: ChangeSet<object>[], campaign: CampaignVersion | undefined, postgresql: boolean): Write[] | undefined {
  try {
    const writes = build(changeSets, campaign, postgresql);
    return writes.length && writes.reduce((sum, write) => sum + write.params.length, 0) <= MAX_PARAMETERS ? writes : undefined;
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

function build(changeSets: ChangeSet<object>[], campaign: CampaignVersion | undefined, postgresql: boolean): Write[] {
  const writes: Write[] = [];
  const assignments = (set: ChangeSet<object>, params: unknown[], skip?: string) =>
    Object.entries(set.payload)
      .filter(([name]) => name !== skip)
      .map(([name, value]) => {
        params.push(value);
        return `${quote(columnOf(set.meta.properties[name as never]).name)} = ?`;
      });

  const own = campaign && changeSets.find((set) => set.type === ChangeSetType.UPDATE && set.meta.className === Campaign.name && set.getPrimaryKey() === campaign.id);
  if (campaign) {
    // The version is the condition, and bumped here whatever the unit of work thinks of it.
    const params: unknown[] = [];
    const values = ['"version" = "version" + 1', ...(own ? assignments(own, params, 'version') : [])];
    params.push(campaign.id, campaign.version);
    writes.push({ kind: 'bump', sql: `update "campaign" set ${values.join(', ')} where "id" = ? and "version" = ? and "status" = 'running'`, params });
  }

  const creates = new Map<string, ChangeSet<object>[]>();
  for (const set of changeSets) {
    if (set === own) continue;
    if (set.type === ChangeSetType.CREATE) {
      creates.set(set.meta.className, [...(creates.get(set.meta.className) ?? []), set]);
      continue;
    }
    if (set.type !== ChangeSetType.UPDATE || set.meta.primaryKeys.length !== 1) throw new Unwritable();
    const id = columnOf(set.meta.properties[set.meta.primaryKeys[0] as never]);
    const params: unknown[] = [];
    const values = assignments(set, params);
    params.push(set.getPrimaryKey());
    writes.push({ kind: 'update', sql: `update ${quote(set.meta.tableName)} set ${values.join(', ')} where ${quote(id.name)} = ?`, params });
  }
  for (const sets of creates.values()) {
    const meta = sets[0].meta;
    const names = Object.keys(sets[0].payload);
    if (sets.some((set) => Object.keys(set.payload).length !== names.length || names.some((name) => !(name in set.payload)))) throw new Unwritable();
    const columns = names.map((name) => columnOf(meta.properties[name as never]));
    const params = sets.flatMap((set) => names.map((name) => (set.payload as Record<string, unknown>)[name]));
    // On PostgreSQL the rows are a SELECT (to be conditioned), whose values have no type of their own: each is cast.
    const row = `(${columns.map((column) => (postgresql ? `?::${column.type}` : '?')).join(', ')})`;
    const values = sets.map(() => row).join(', ');
    const into = `insert into ${quote(meta.tableName)} (${columns.map((column) => quote(column.name)).join(', ')})`;
    writes.push({ kind: 'insert', sql: postgresql ? `${into} select * from (values ${values}) v` : `${into} values ${values}`, params });
  }
  return writes;
}
