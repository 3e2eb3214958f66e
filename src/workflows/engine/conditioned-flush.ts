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

const quote = (name: string) => `"${name}"`;

/** A change the statement does not write (a delete, a collection, a composite key): the caller takes the locked path. */
class Unwritable extends Error {}

/** The property's one column; a property spread over several columns is not written here. */
function columnOf(property: EntityProperty | undefined): { name: string; type: string } {
  if (!property || property.fieldNames?.length !== 1 || property.columnTypes?.length !== 1) throw new Unwritable();
  return { name: property.fieldNames[0], type: property.columnTypes[0] };
}

/** Raised by an entity manager made by `writingAtTheEnd` when something must write before the end. */
export class WriteBeforeTheEnd extends Error {
  constructor(method: string) {
    super(`${method} before the conditioned write`);
  }
}

const WRITES = ['flush', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'insert', 'insertMany', 'upsert', 'upsertMany', 'transactional', 'begin'] as const;

/**
 * A fork of `em` that keeps every change in its unit of work for `conditionedStatement`: its writes (an explicit flush,
 * the flush a query of changed rows would trigger, a native statement, a transaction) throw WriteBeforeTheEnd instead,
 * having written nothing, so that work which must read its own writes (a stage's effects) goes the locked way.
 */
export function writingAtTheEnd(em: EntityManager): EntityManager {
  const fork = em.fork();
  for (const method of WRITES) {
    Object.defineProperty(fork, method, { value: () => Promise.reject(new WriteBeforeTheEnd(method)) });
  }
  return fork;
}

/**
 * What an entity manager holds unflushed, written by one PostgreSQL statement conditioned on a campaign's version:
 * a `WITH` whose first part bumps the version (and writes the campaign's own changes) only if it is still the one
 * read, and whose other parts (the other rows' updates and inserts, as the unit of work computed them) write only if
 * it did. One round trip and no transaction to open: the statement commits whole or writes nothing. A campaign's
 * rows change only with its version (every change bumps it), so rows read at that version are still as read.
 * Foreign keys are checked at the end of the statement, when every inserted row is there.
 */
export function conditionedStatement(em: EntityManager, campaign: CampaignVersion): Statement | undefined {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  try {
    if (uow.getCollectionUpdates().length) throw new Unwritable();
    return build(uow.getChangeSets(), campaign);
  } catch (error) {
    if (error instanceof Unwritable) return undefined;
    throw error;
  }
}

function build(changeSets: ChangeSet<object>[], campaign: CampaignVersion): Statement {
  const params: unknown[] = [];
  const parts: string[] = [];
  const own = changeSets.find((set) => set.type === ChangeSetType.UPDATE && set.meta.className === Campaign.name && set.getPrimaryKey() === campaign.id);
  const assignments = (set: ChangeSet<object>, skip?: string) =>
    Object.entries(set.payload)
      .filter(([name]) => name !== skip)
      .map(([name, value]) => {
        params.push(value);
        return `${quote(columnOf(set.meta.properties[name as never]).name)} = ?`;
      });

  // The version is the condition and is bumped here, whatever the unit of work thinks of it.
  const campaignSet = ['"version" = "version" + 1', ...(own ? assignments(own, 'version') : [])];
  params.push(campaign.id, campaign.version);
  parts.push(`bumped as (update "campaign" set ${campaignSet.join(', ')} where "id" = ? and "version" = ? and "status" = 'running' returning 1)`);

  const creates = new Map<string, ChangeSet<object>[]>();
  for (const set of changeSets) {
    if (set === own) continue;
    if (set.type === ChangeSetType.UPDATE) {
      if (set.meta.primaryKeys.length !== 1) throw new Unwritable();
      const id = columnOf(set.meta.properties[set.meta.primaryKeys[0] as never]);
      const values = assignments(set);
      params.push(set.getPrimaryKey());
      parts.push(`w${parts.length} as (update ${quote(set.meta.tableName)} set ${values.join(', ')} where ${quote(id.name)} = ? and exists (select 1 from bumped) returning 1)`);
    } else if (set.type === ChangeSetType.CREATE) {
      creates.set(set.meta.className, [...(creates.get(set.meta.className) ?? []), set]);
    } else {
      throw new Unwritable();
    }
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
    parts.push(`w${parts.length} as (insert into ${quote(meta.tableName)} (${columns.map((column) => quote(column.name)).join(', ')}) select * from (values ${rows.join(', ')}) v where exists (select 1 from bumped) returning 1)`);
  }
  return { sql: `with ${parts.join(',\n')}\nselect count(*) as bumped from bumped`, params };
}

/**
 * Writes the entity manager's changes by that one statement: true when the campaign was still at the version read,
 * false when it had changed (nothing written), undefined when the changes are not ones it writes or the database is
 * not PostgreSQL (nothing written).
 */
export async function writeConditioned(em: EntityManager, campaign: CampaignVersion): Promise<boolean | undefined> {
  // SQLite cannot write from a WITH (and, in process, saves no round trip by it).
  if (!conditionedWritesOn(em)) return undefined;
  const statement = conditionedStatement(em, campaign);
  if (!statement) return undefined;
  const connection = em.getConnection() as AbstractSqlConnection;
  const [row] = await connection.execute<Array<{ bumped: number | string }>>(statement.sql, statement.params, 'all');
  return Number(row?.bumped) === 1;
}

/** Whether the database writes a conditioned statement: PostgreSQL. */
export const conditionedWritesOn = (em: EntityManager) => em.getPlatform().constructor.name === 'PostgreSqlPlatform';
