import { randomUUID } from 'node:crypto';

/**
 * The rows the hand-written writes insert (DirectTaskCompletion, DirectLaunch), column for column as the ORM's unit
 * of work inserts them for the same change.
 */

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

/** A stage run entered by hand, with its tasks. */
export interface EnteredRun {
  id: string;
  stageKey: string;
  iteration: number;
  stageType: string;
  /** The end: closed as it is entered, and the campaign completed. */
  ends: boolean;
  /** One per assignee, open (none for the end). */
  tasks: Array<{ id: string; assigneeKey: string; unitId: string | null; personId: string | null }>;
}

export const RUN_COLUMNS = 'id, created_at, updated_at, campaign_id, stage_key, iteration, stage_type, status, outcome, due_at, overdue, closed_at';
export const RUN_TYPES = ['uuid', 'timestamptz', 'timestamptz', 'uuid', 'varchar', 'int', 'varchar', 'varchar', 'varchar', 'timestamptz', 'boolean', 'timestamptz'];
export const TASK_COLUMNS = 'id, created_at, updated_at, campaign_id, stage_run_id, assignee_key, assignee_unit_id, assignee_person_id, about_unit_id, status, due_at, late, outcome, comment, completed_by_id, completed_mandate_id, completed_at';
export const TASK_TYPES = ['uuid', 'timestamptz', 'timestamptz', 'uuid', 'uuid', 'varchar', 'uuid', 'uuid', 'uuid', 'varchar', 'timestamptz', 'boolean', 'varchar', 'text', 'uuid', 'uuid', 'timestamptz'];
export const EVENT_COLUMNS = 'id, created_at, updated_at, campaign_id, seq, type, actor, data, occurred_at, prev_hash, hash';
export const EVENT_TYPES = ['uuid', 'timestamptz', 'timestamptz', 'uuid', 'int', 'varchar', 'jsonb', 'jsonb', 'timestamptz', 'varchar', 'varchar'];

/** One row of parameters, each cast on PostgreSQL (the parameters of a SELECT have no type of their own). */
const placeholders = (types: string[], postgresql: boolean) => `(${types.map((type) => (postgresql ? `?::${type}` : '?')).join(', ')})`;
export const rowsOf = (types: string[], count: number, postgresql: boolean) => Array.from({ length: count }, () => placeholders(types, postgresql)).join(', ');

/** The entered run's row, created at the engine's time as enterStage creates it; the end closed as it is entered. */
export const runRow = (entered: EnteredRun, campaignId: string, at: Date): unknown[] => [
  entered.id, at, at, campaignId, entered.stageKey, entered.iteration, entered.stageType, ...(entered.ends ? ['completed', 'end'] : ['active', null]), null, false, entered.ends ? at : null,
];

/** Its open tasks' rows, in RUN_COLUMNS' and TASK_COLUMNS' order. */
export const taskRows = (entered: EnteredRun, campaignId: string, at: Date): unknown[] =>
  entered.tasks.flatMap((row) => [row.id, at, at, campaignId, entered.id, row.assigneeKey, row.unitId, row.personId, null, 'open', null, false, null, null, null, null, null]);

/** The events' rows, written at `now` (the rows' own times, as the ORM sets them). */
export const eventRowsOf = (events: EventRow[], campaignId: string, now: Date): unknown[] =>
  events.flatMap((event) => [
    randomUUID(), now, now, campaignId, event.seq, event.type,
    event.actor ? JSON.stringify(event.actor) : null, JSON.stringify(event.data), event.occurredAt, event.prevHash, event.hash,
  ]);
