import { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { preparedRows } from '../../database/prepared-rows';
import { RowUpsert, upsertStatement } from '../../database/row-upsert';
import { EnteredRun, EVENT_COLUMNS, EVENT_TYPES, EventRow, eventRowsOf, RUN_COLUMNS, RUN_TYPES, rowsOf, runRow, TASK_COLUMNS, TASK_TYPES, taskRows } from './direct-rows';

/**
 * A command that completes its stage and moves the campaign on (WorkflowRunner.directTransition says when): the
 * stage's run closed, the next stage's run entered with its tasks; or, when that stage is the end, entered and closed
 * in the same instant, and the campaign completed.
 */
export interface StageAdvance {
  stageRunId: string;
  stageOutcome: string;
  /** The campaign's context with the stage's outcome recorded, and its active stages after the transition. */
  context: Record<string, unknown>;
  activeStages: string[];
  entered: EnteredRun;
}

/**
 * A task command that changes nothing but its task, the history and, if it carries one, its record's row: the task's
 * new state, the events it appends and the row; or, with `advance`, also what its stage's transition changes.
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
  advance?: StageAdvance;
}

const BUMP = `update campaign set version = version + 1 where id = ? and version = ? and status = 'running'`;
/** The bump of a command that moves its campaign to another stage. */
const BUMP_ADVANCED = `update campaign set version = version + 1, active_stages = ?, context = ?, updated_at = ? where id = ? and version = ? and status = 'running'`;
/** The bump of a command that ends its campaign: the campaign completed with it. */
const BUMP_FINISHED = `update campaign set version = version + 1, status = 'completed', active_stages = ?, context = ?, ended_at = ?, updated_at = ? where id = ? and version = ? and status = 'running'`;
const COMPLETE = `update task set status = 'done', outcome = ?, comment = ?, completed_by_id = ?, completed_mandate_id = ?, completed_at = ?, late = ?, updated_at = ? where id = ? and status = 'open'`;
const CLOSE_RUN = `update stage_run set status = 'completed', outcome = ?, closed_at = ?, updated_at = ? where id = ? and status = 'active'`;

/**
 * PostgreSQL: the compare-and-set, the task, the record's row, the stage runs and the events in one statement, one round
 * trip and no transaction to open: each part runs only if the one before it changed its row.
 */
function postgresql(completion: TaskCompletion): string {
  const { record, advance, events } = completion;
  const parts = [`bumped as (${bumpOf(advance)} returning id)`, `completed as (${COMPLETE} and exists (select 1 from bumped) returning id)`];
  if (record) parts.push(`recorded as (${upsertStatement(record, `select ${record.values.map((value) => `?::${value.type}`).join(', ')} where exists (select 1 from completed)`)} returning 1)`);
  if (advance) {
    parts.push(`closed as (${CLOSE_RUN} and exists (select 1 from completed) returning id)`);
    parts.push(`entered as (insert into stage_run (${RUN_COLUMNS}) select * from (values ${rowsOf(RUN_TYPES, 1, true)}) v where exists (select 1 from closed) returning id)`);
    const tasks = advance.entered.tasks.length;
    if (tasks) parts.push(`assigned as (insert into task (${TASK_COLUMNS}) select * from (values ${rowsOf(TASK_TYPES, tasks, true)}) v where exists (select 1 from entered) returning id)`);
  }
  return `with ${parts.join(', ')}
insert into campaign_event (${EVENT_COLUMNS})
select * from (values ${rowsOf(EVENT_TYPES, events.length, true)}) v where exists (select 1 from completed)
returning id`;
}

const bumpOf = (advance: StageAdvance | undefined) => (!advance ? BUMP : advance.entered.ends ? BUMP_FINISHED : BUMP_ADVANCED);

/** Rolls the SQLite transaction back: the campaign or the task changed since they were read. */
class Changed extends Error {}

/**
 * Writes a task command that completes its task without completing its stage, or with its stage's transition
 * (`advance`), outside the ORM's unit of work: the hot path of a whole sector's units acting in the same week. The
 * task, its run and the chain's head were read without a lock, with the campaign's version; the write is conditioned
 * on that version (every change of a campaign bumps it, under CampaignLock), so it either finds everything as read or
 * writes nothing and answers false, and the caller takes the locked path. The history chain and its unique (campaign,
 * seq) are as strong as on that path.
 */
@Injectable()
export class DirectTaskCompletion {
  constructor(private readonly em: EntityManager) {}

  async write(completion: TaskCompletion): Promise<boolean> {
    const connection = this.em.getConnection() as AbstractSqlConnection;
    // Dates and booleans are bound as the platform stores them (preparedRows).
    const now = new Date(); // the rows' updatedAt, as the ORM would set it
    const { record, advance, events, campaignId, completedAt } = completion;
    const entered = advance?.entered;
    const campaign = !advance ? [] : entered!.ends ? [advance.activeStages, advance.context, completedAt, now] : [advance.activeStages, advance.context, now];
    const bump = [...campaign, campaignId, completion.campaignVersion];
    const task = [completion.outcome, completion.comment, completion.completedById, completion.completedMandateId, completedAt, completion.late, now, completion.taskId];
    const recordRow = record?.values.map((value) => value.value) ?? [];
    const closed = advance ? [advance.stageOutcome, completedAt, now, advance.stageRunId] : [];
    const run = entered ? runRow(entered, campaignId, completedAt) : [];
    const tasks = entered ? taskRows(entered, campaignId, completedAt) : [];
    const eventRows = eventRowsOf(events, campaignId, now);
    if (this.em.getPlatform().constructor.name === 'PostgreSqlPlatform') {
      const written = await preparedRows(this.em, postgresql(completion), [...bump, ...task, ...recordRow, ...closed, ...run, ...tasks, ...eventRows]);
      return written.rows.length === events.length;
    }
    // SQLite (in process: a statement costs no round trip) cannot write from a WITH, so its statements in a transaction.
    try {
      await connection.transactional(async (trx) => {
        const changed = async (sql: string, params: unknown[]) => (await preparedRows(this.em, sql, params, trx)).changed === 1;
        if (!(await changed(bumpOf(advance), bump)) || !(await changed(COMPLETE, task))) throw new Changed();
        if (record) await preparedRows(this.em, upsertStatement(record, `values (${recordRow.map(() => '?').join(', ')})`), recordRow, trx);
        if (entered) {
          if (!(await changed(CLOSE_RUN, closed))) throw new Changed();
          await preparedRows(this.em, `insert into stage_run (${RUN_COLUMNS}) values ${rowsOf(RUN_TYPES, 1, false)}`, run, trx);
          if (entered.tasks.length) await preparedRows(this.em, `insert into task (${TASK_COLUMNS}) values ${rowsOf(TASK_TYPES, entered.tasks.length, false)}`, tasks, trx);
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
