import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { preparedRows } from '../../database/prepared-rows';
import { RowUpsert, upsertStatement } from '../../database/row-upsert';

/**
 * A task command that changes nothing but its task, the history and, if it carries one, its record's row: the task's
 * new state, the event it appends and the row.
 */
export interface TaskCompletion {
  campaignId: string;
  /** The campaign's version when the task, its run and the chain's head were read: the write needs it unchanged. */
  campaignVersion: number;
  taskId: string;
  outcome: string;
  comment: string | null;
  completedById: string;
  completedMandateId: string | null;
  completedAt: Date;
  late: boolean;
  event: { type: string; seq: number; actor: Record<string, string> | null; data: Record<string, unknown>; occurredAt: Date; prevHash: string; hash: string };
  record?: RowUpsert;
}

const BUMP = `update campaign set version = version + 1 where id = ? and version = ? and status = 'running'`;
const COMPLETE = `update task set status = 'done', outcome = ?, comment = ?, completed_by_id = ?, completed_mandate_id = ?, completed_at = ?, late = ?, updated_at = ? where id = ? and status = 'open'`;
const EVENT_COLUMNS = 'id, created_at, updated_at, campaign_id, seq, type, actor, data, occurred_at, prev_hash, hash';

/**
 * PostgreSQL: the compare-and-set, the task, the record's row and the event in one statement, one round trip and no
 * transaction to open: each part runs only if the one before it changed its row. (Parameters of a SELECT list have no
 * type of their own.)
 */
const postgresql = (record?: RowUpsert) => `with bumped as (${BUMP} returning id), completed as (${COMPLETE} and exists (select 1 from bumped) returning id)${
  record ? `, recorded as (${upsertStatement(record, `select ${record.values.map((value) => `?::${value.type}`).join(', ')} where exists (select 1 from completed)`)} returning 1)` : ''
}
insert into campaign_event (${EVENT_COLUMNS})
select ?::uuid, ?::timestamptz, ?::timestamptz, ?::uuid, ?::int, ?::varchar, ?::jsonb, ?::jsonb, ?::timestamptz, ?::varchar, ?::varchar where exists (select 1 from completed)
returning id`;

/** Rolls the SQLite transaction back: the campaign or the task changed since they were read. */
class Changed extends Error {}

/**
 * Writes a task command that completes its task without completing its stage, outside the ORM's unit of work: the
 * hot path of a whole sector's units acting in the same week. The task, its run and the chain's head were read
 * without a lock, with the campaign's version; the write is conditioned on that version (every change of a campaign
 * bumps it, under CampaignLock), so it either finds everything as read or writes nothing and answers false, and the
 * caller takes the locked path. The history chain and its unique (campaign, seq) are as strong as on that path.
 */
@Injectable()
export class DirectTaskCompletion {
  constructor(private readonly em: EntityManager) {}

  async write(completion: TaskCompletion): Promise<boolean> {
    const connection = this.em.getConnection() as AbstractSqlConnection;
    // Dates and booleans are bound as the platform stores them (preparedRows).
    const now = new Date(); // the rows' updatedAt, as the ORM would set it
    const bump = [completion.campaignId, completion.campaignVersion];
    const task = [completion.outcome, completion.comment, completion.completedById, completion.completedMandateId, completion.completedAt, completion.late, now, completion.taskId];
    const { event } = completion;
    const eventRow = [
      randomUUID(), now, now, completion.campaignId, event.seq, event.type,
      event.actor ? JSON.stringify(event.actor) : null, JSON.stringify(event.data), event.occurredAt, event.prevHash, event.hash,
    ];
    const { record } = completion;
    const recordRow = record?.values.map((value) => value.value) ?? [];
    if (this.em.getPlatform().constructor.name === 'PostgreSqlPlatform') {
      const written = await preparedRows(this.em, postgresql(record), [...bump, ...task, ...recordRow, ...eventRow]);
      return written.rows.length === 1;
    }
    // SQLite (in process: a statement costs no round trip) cannot write from a WITH, so its statements in a transaction.
    try {
      await connection.transactional(async (trx) => {
        const changed = async (sql: string, params: unknown[]) => (await preparedRows(this.em, sql, params, trx)).changed === 1;
        if (!(await changed(BUMP, bump)) || !(await changed(COMPLETE, task))) throw new Changed();
        if (record) await preparedRows(this.em, upsertStatement(record, `values (${recordRow.map(() => '?').join(', ')})`), recordRow, trx);
        await preparedRows(this.em, `insert into campaign_event (${EVENT_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, eventRow, trx);
      });
      return true;
    } catch (error) {
      if (error instanceof Changed) return false;
      throw error;
    }
  }
}
