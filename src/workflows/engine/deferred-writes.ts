import { ChangeSet, ChangeSetType, EntityManager, EntityProperty } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
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

/** Whether the database writes deferred changes in one statement: PostgreSQL (SQLite cannot write from a WITH). */
export const deferredWritesOn = (em: EntityManager) => em.getPlatform().constructor.name === 'PostgreSqlPlatform';

/**
 * Writes what a `deferringWrites` entity manager holds by one PostgreSQL statement: a `WITH` of one part per table
 * and kind of change, as the unit of work computed them. One round trip and no transaction to open: the statement
 * commits whole or writes nothing; foreign keys are checked at its end, when every inserted row is there.
 *
 * `campaign`: the write is conditioned on that campaign's version, as read with the rows the changes were computed
 * from. The first part bumps the version (and writes the campaign's own changes) only if it is still the one read;
 * the others write only if it did. A campaign's rows change only with its version (every change bumps it), so rows
 * read at that version are still as read.
 *
 * Answers true when written, false when the campaign's version had changed (nothing written), undefined when a change
 * is not one this statement writes (a delete, a collection, a column spread over several) or the database is not
 * PostgreSQL (nothing written): the caller then writes the transactional way.
 */
export async function writeDeferred(em: EntityManager, campaign?: CampaignVersion): Promise<boolean | undefined> {
  if (!deferredWritesOn(em)) return undefined;
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  if (uow.getCollectionUpdates().length) return undefined;
  const statement = deferredStatement(uow.getChangeSets(), campaign);
  if (!statement) return undefined;
  const connection = em.getConnection() as AbstractSqlConnection;
  const [row] = await connection.execute<Array<{ written: number | string }>>(statement.sql, statement.params, 'all');
  return Number(row?.written) === 1;
}

const quote = (name: string) => `"${name}"`;
const MAX_PARAMETERS = 30_000;

/** A change the statement does not write. */
class Unwritable extends Error {}

/** The property's one column. */
function columnOf(property: EntityProperty | undefined): { name: string; type: string } {
  if (!property || property.fieldNames?.length !== 1 || property.columnTypes?.length !== 1) throw new Unwritable();
  return { name: property.fieldNames[0], type: property.columnTypes[0] };
}

function deferredStatement(changeSets: ChangeSet<object>[], campaign: CampaignVersion | undefined): Statement | undefined {
  try {
    return build(changeSets, campaign);
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

function build(changeSets: ChangeSet<object>[], campaign: CampaignVersion | undefined): Statement {
  const params: unknown[] = [];
  const parts: string[] = [];
  const condition = campaign ? ' and exists (select 1 from bumped)' : '';
  const assignments = (set: ChangeSet<object>, skip?: string) =>
    Object.entries(set.payload)
      .filter(([name]) => name !== skip)
      .map(([name, value]) => {
        params.push(value);
        return `${quote(columnOf(set.meta.properties[name as never]).name)} = ?`;
      });

  const own = campaign && changeSets.find((set) => set.type === ChangeSetType.UPDATE && set.meta.className === Campaign.name && set.getPrimaryKey() === campaign.id);
  if (campaign) {
    // The version is the condition, and bumped here whatever the unit of work thinks of it.
    const values = ['"version" = "version" + 1', ...(own ? assignments(own, 'version') : [])];
    params.push(campaign.id, campaign.version);
    parts.push(`bumped as (update "campaign" set ${values.join(', ')} where "id" = ? and "version" = ? and "status" = 'running' returning 1)`);
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
    const values = assignments(set);
    params.push(set.getPrimaryKey());
    parts.push(`w${parts.length} as (update ${quote(set.meta.tableName)} set ${values.join(', ')} where ${quote(id.name)} = ?${condition} returning 1)`);
  }
  for (const sets of creates.values()) {
    const meta = sets[0].meta;
    const names = Object.keys(sets[0].payload);
    if (sets.some((set) => Object.keys(set.payload).length !== names.length || names.some((name) => !(name in set.payload)))) throw new Unwritable();
    const columns = names.map((name) => columnOf(meta.properties[name as never]));
    // Values of a SELECT have no type of their own: each is cast to its column's.
    const rows = sets.map((set) => {
      params.push(...names.map((name) => (set.payload as Record<string, unknown>)[name]));
      return `(${columns.map((column) => `?::${column.type}`).join(', ')})`;
    });
    const where = campaign ? ' where exists (select 1 from bumped)' : '';
    parts.push(`w${parts.length} as (insert into ${quote(meta.tableName)} (${columns.map((column) => quote(column.name)).join(', ')}) select * from (values ${rows.join(', ')}) v${where} returning 1)`);
  }
  // PostgreSQL binds at most 65,535 parameters to a statement: a larger change (a stage of thousands of score sheets)
  // is written the transactional way.
  if (!parts.length || params.length > MAX_PARAMETERS) throw new Unwritable();
  return { sql: `with ${parts.join(',\n')}\nselect ${campaign ? '(select count(*) from bumped)' : '1'} as written`, params };
}
