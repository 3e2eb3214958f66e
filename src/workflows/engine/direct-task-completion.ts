import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { preparedRows } from '../../database/prepared-rows';
import { RowUpsert, upsertStatement } from '../../database/row-upsert';

/** An event row as the history chains it (chainEvent). */
export interface EventRow {
  type: string;
  seq: number;
  actor: Record<string, string> | null;
  data: Record<string, unknown>;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * A command that completes its stage where that stage leads straight to the end: its run closed, the end stage's run
 * entered and closed in the same instant, and the campaign completed (WorkflowRunner.finishingStage says when).
 */
export interface CampaignFinish {
  stageRunId: string;
  stageOutcome: string;
  /** The campaign's context with the stage's outcome recorded. */
  context: Record<string, unknown>;
  endRun: { id: string; stageKey: string; iteration: number; stageType: string };
}

/**
 * A task command that changes nothing but its task, the history and, if it carries one, its record's row: the task's
 * new state, the events it appends and the row; or, with `finish`, also what ending the campaign changes.
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
  /** In chain order; the first is the task's. */
  events: EventRow[];
  record?: RowUpsert;
  finish?: CampaignFinish;
}

const BUMP = `update campaign set version = version + 1 where id = ? and version = ? and status = 'running'`;
/** The bump of a command that ends its campaign: the campaign completed with it. */
const BUMP_FINISHED = `update campaign set version = version + 1, status = 'completed', active_stages = ?, context = ?, ended_at = ?, updated_at = ? where id = ? and version = ? and status = 'running'`;
const COMPLETE = `update task set status = 'done', outcome = ?, comment = ?, completed_by_id = ?, completed_mandate_id = ?, completed_at = ?, late = ?, updated_at = ? where id = ? and status = 'open'`;
const CLOSE_RUN = `update stage_run set status = 'completed', outcome = ?, closed_at = ?, updated_at = ? where id = ? and status = 'active'`;
const RUN_COLUMNS = 'id, created_at, updated_at, campaign_id, stage_key, iteration, stage_type, status, outcome, due_at, overdue, closed_at';
const RUN_TYPES = ['uuid', 'timestamptz', 'timestamptz', 'uuid', 'varchar', 'int', 'varchar', 'varchar', 'varchar', 'timestamptz', 'boolean', 'timestamptz'];
const EVENT_COLUMNS = 'id, created_at, updated_at, campaign_id, seq, type, actor, data, occurred_at, prev_hash, hash';
const EVENT_TYPES = ['uuid', 'timestamptz', 'timestamptz', 'uuid', 'int', 'varchar', 'jsonb', 'jsonb', 'timestamptz', 'varchar', 'varchar'];

/** One row of parameters, each cast on PostgreSQL (the parameters of a SELECT have no type of their own). */
const placeholders = (types: string[], postgresql: boolean) => `(${types.map((type) => (postgresql ? `?::${type}` : '?')).join(', ')})`;
const rowsOf = (types: string[], count: number, postgresql: boolean) => Array.from({ length: count }, () => placeholders(types, postgresql)).join(', ');

/**
 * PostgreSQL: the compare-and-set, the task, the record's row, the stage runs and the events in one statement, one round
 * trip and no transaction to open: each part runs only if the one before it changed its row.
 */
function postgresql(completion: TaskCompletion): string {
  const { record, finish, events } = completion;
  const parts = [`bumped as (${finish ? BUMP_FINISHED : BUMP} returning id)`, `completed as (${COMPLETE} and exists (select 1 from bumped) returning id)`];
  if (record) parts.push(`recorded as (${upsertStatement(record, `select ${record.values.map((value) => `?::${value.type}`).join(', ')} where exists (select 1 from completed)`)} returning 1)`);
  if (finish) {
    parts.push(`closed as (${CLOSE_RUN} and exists (select 1 from completed) returning id)`);
    parts.push(`ended as (insert into stage_run (${RUN_COLUMNS}) select * from (values ${rowsOf(RUN_TYPES, 1, true)}) v where exists (select 1 from closed) returning id)`);
  }
  return `with ${parts.join(', ')}
insert into campaign_event (${EVENT_COLUMNS})
select * from (values ${rowsOf(EVENT_TYPES, events.length, true)}) v where exists (select 1 from completed)
returning id`;
}

/** Rolls the SQLite transaction back: the campaign or the task changed since they were read. */
class Changed extends Error {}

/**
 * Writes a task command that completes its task without completing its stage, or that ends its campaign (`finish`),
 * outside the ORM's unit of work: the hot path of a whole sector's units acting in the same week. The task, its run
 * and the chain's head were read without a lock, with the campaign's version; the write is conditioned on that version
 * (every change of a campaign bumps it, under CampaignLock), so it either finds everything as read or writes nothing
 * and answers false, and the caller takes the locked path. The history chain and its unique (campaign, seq) are as
 * strong as on that path.
 */
@Injectable()
export class DirectTaskCompletion {
  constructor(private readonly em: EntityManager) {}

  async write(completion: TaskCompletion): Promise<boolean> {
    const connection = this.em.getConnection() as AbstractSqlConnection;
    // Dates and booleans are bound as the platform stores them (preparedRows).
    const now = new Date(); // the rows' updatedAt, as the ORM would set it
    const { record, finish, events, campaignId } = completion;
    const ended = finish && [[], finish.context, completion.completedAt, now];
    const bump = [...(ended ?? []), campaignId, completion.campaignVersion];
    const task = [completion.outcome, completion.comment, completion.completedById, completion.completedMandateId, completion.completedAt, completion.late, now, completion.taskId];
    const recordRow = record?.values.map((value) => value.value) ?? [];
    const closed = finish ? [finish.stageOutcome, completion.completedAt, now, finish.stageRunId] : [];
    const endRun = finish
      ? [finish.endRun.id, completion.completedAt, completion.completedAt, campaignId, finish.endRun.stageKey, finish.endRun.iteration, finish.endRun.stageType, 'completed', 'end', null, false, completion.completedAt]
      : [];
    const eventRows = events.flatMap((event) => [
      randomUUID(), now, now, campaignId, event.seq, event.type,
      event.actor ? JSON.stringify(event.actor) : null, JSON.stringify(event.data), event.occurredAt, event.prevHash, event.hash,
    ]);
    if (this.em.getPlatform().constructor.name === 'PostgreSqlPlatform') {
      const written = await preparedRows(this.em, postgresql(completion), [...bump, ...task, ...recordRow, ...closed, ...endRun, ...eventRows]);
      return written.rows.length === events.length;
    }
    // SQLite (in process: a statement costs no round trip) cannot write from a WITH, so its statements in a transaction.
    try {
      await connection.transactional(async (trx) => {
        const changed = async (sql: string, params: unknown[]) => (await preparedRows(this.em, sql, params, trx)).changed === 1;
        if (!(await changed(finish ? BUMP_FINISHED : BUMP, bump)) || !(await changed(COMPLETE, task))) throw new Changed();
        if (record) await preparedRows(this.em, upsertStatement(record, `values (${recordRow.map(() => '?').join(', ')})`), recordRow, trx);
        if (finish) {
          if (!(await changed(CLOSE_RUN, closed))) throw new Changed();
          await preparedRows(this.em, `insert into stage_run (${RUN_COLUMNS}) values ${rowsOf(RUN_TYPES, 1, false)}`, endRun, trx);
        }
        await preparedRows(this.em, `insert into campaign_event (${EVENT_COLUMNS}) values ${rowsOf(EVENT_TYPES, events.length, false)}`, eventRows, trx);
      });
      return true;
    } catch (error) {
      if (error instanceof Changed) return false;
      throw error;
    }
  }
}
