import { EntityManager, ReferenceKind } from '@mikro-orm/core';
import type { TaskView } from '../stages/stage-handler';
import { Cluster } from '../../modules/org/entities/cluster.entity';
import { Campaign } from './entities/campaign.entity';
import { StageRun } from './entities/stage-run.entity';
import { Task } from './entities/task.entity';

const RUN = 'r__';
const CAMPAIGN = 'c__';
const CLUSTER = 's__';
const HEAD = 'h__';
const OPEN_TASK = 'k__';

export interface LockedTaskRows {
  task: Record<string, unknown>;
  run: Record<string, unknown>;
  /** The campaign's last event; undefined for a campaign without one. */
  head: { seq: number; hash: string } | undefined;
  /**
   * The run's other tasks with what a command on one of them reads of it (SIBLING_COLUMNS): with the task's new state,
   * the stage's verdict needs no read (taskView), and a later command may start from these.
   */
  siblingRows: Array<Record<string, unknown>>;
  /** The campaign as this statement saw it: a write conditioned on its `version` finds everything above unchanged. */
  campaign: { version: number; status: string; workflowVersionId: string; row: Record<string, unknown> };
  /** The campaign's subject cluster, if it has one: a stage assigned to its head or deputy needs no query. */
  cluster: Record<string, unknown> | undefined;
  /** The last iteration of every stage the campaign has run: a stage the command enters is numbered without a query. */
  iterations: Map<string, number>;
}

/** A task's row as a stage handler judges it. */
export const taskView = (row: Record<string, unknown>): TaskView => ({ status: row.status as TaskView['status'], outcome: (row.outcome as string | null) ?? null });

/** What the read brings of the run's other tasks: what a command on one of them needs of it (the direct path's columns). */
const SIBLING_COLUMNS = ['id', 'campaign_id', 'stage_run_id', 'assignee_key', 'assignee_unit_id', 'assignee_person_id', 'status', 'outcome', 'late', 'due_at'] as const;
const siblingList = SIBLING_COLUMNS.map((column) => `s.${column}`).join(', ');

/**
 * The other tasks of the run as one JSON list of lists (SIBLING_COLUMNS), and the campaign's stages with their last
 * iteration as one JSON object (json on PostgreSQL, text on SQLite).
 */
const AGGREGATES = {
  postgresql: [
    `(select coalesce(json_agg(json_build_array(${siblingList})), '[]'::json) from task s where s.stage_run_id = t.stage_run_id and s.id <> t.id) as ${HEAD}siblings`,
    `(select coalesce(json_object_agg(i.stage_key, i.iteration), '{}'::json) from (select stage_key, max(iteration) as iteration from stage_run where campaign_id = t.campaign_id group by stage_key) i) as ${HEAD}iterations`,
  ],
  sqlite: [
    `(select json_group_array(json_array(${siblingList})) from task s where s.stage_run_id = t.stage_run_id and s.id <> t.id) as ${HEAD}siblings`,
    `(select json_group_object(i.stage_key, i.iteration) from (select stage_key, max(iteration) as iteration from stage_run where campaign_id = t.campaign_id group by stage_key) i) as ${HEAD}iterations`,
  ],
};

/**
 * One statement for what a command on a task reads: the task, its stage run, its campaign and the campaign's cluster
 * (columns prefixed, listed from the ORM's metadata), the head of the campaign's history chain and the run's other
 * tasks. Read under the campaign's lock, they stay as read until the command commits; read before it (the writes
 * without the lock), they are still so when the campaign's version is.
 */
export function lockedTaskStatement(em: EntityManager): string {
  const aggregates = AGGREGATES[em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? 'postgresql' : 'sqlite'].join(', ');
  const cluster = prefixed(em, Cluster.name, 's', CLUSTER);
  return `select t.*, ${prefixed(em, StageRun.name, 'r', RUN)}, ${chainHead('t')}, ${aggregates}, ${prefixed(em, Campaign.name, 'c', CAMPAIGN)}, ${cluster} from task t join stage_run r on r.id = t.stage_run_id join campaign c on c.id = t.campaign_id left join cluster s on s.id = c.subject_cluster_id where t.id = ?`;
}

/**
 * What a deadline reads before it is handled, in one statement: the stage run, its campaign, the head of the
 * campaign's history and the run's open tasks (one row each; one row without a task when none is open).
 */
export function dueRunStatement(em: EntityManager): string {
  const openTask = prefixed(em, Task.name, 'k', OPEN_TASK);
  return `select ${prefixed(em, StageRun.name, 'r', RUN)}, ${chainHead('r')}, ${prefixed(em, Campaign.name, 'c', CAMPAIGN)}, ${openTask} from stage_run r join campaign c on c.id = r.campaign_id left join task k on k.stage_run_id = r.id and k.status = 'open' where r.id = ?`;
}

export interface DueRunRows {
  run: Record<string, unknown>;
  head: { seq: number; hash: string } | undefined;
  campaign: { version: number; status: string; row: Record<string, unknown> };
  openTasks: Array<Record<string, unknown>>;
}

/** An entity's stored columns (from the ORM's metadata), each as `<alias>.<column> as <prefix><column>`. */
function prefixed(em: EntityManager, entity: string, alias: string, prefix: string): string {
  return Object.values(em.getMetadata().get(entity).properties)
    .filter((property) => property.persist !== false && (property.kind === ReferenceKind.SCALAR || property.kind === ReferenceKind.MANY_TO_ONE))
    .flatMap((property) => property.fieldNames ?? [])
    .map((column) => `${alias}.${column} as ${prefix}${column}`)
    .join(', ');
}

/**
 * An entity's stored columns (from the ORM's metadata) with its values, a relation's as its id: the row the read
 * statement would answer for it, built from what this process wrote (KeptTaskReads).
 */
export function columnsOf(em: EntityManager, entity: object): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const property of Object.values(em.getMetadata().get(entity.constructor.name).properties)) {
    if (property.persist === false || !(property.kind === ReferenceKind.SCALAR || property.kind === ReferenceKind.MANY_TO_ONE)) continue;
    const value = (entity as Record<string, unknown>)[property.name] ?? null;
    row[property.fieldNames[0]] = property.kind === ReferenceKind.MANY_TO_ONE && value !== null ? (value as { id: string }).id : value;
  }
  return row;
}

/** The last event of the campaign of the row aliased `alias`: its seq and hash. */
function chainHead(alias: string): string {
  const head = (column: string) => `(select e.${column} from campaign_event e where e.campaign_id = ${alias}.campaign_id order by e.seq desc limit 1) as ${HEAD}${column}`;
  return `${head('seq')}, ${head('hash')}`;
}

export function splitLockedTaskRow(row: Record<string, unknown>): LockedTaskRows {
  const { rest: task, run, campaign, cluster, head } = splitRow(row);
  const json = (column: string) => (typeof row[column] === 'string' ? JSON.parse(row[column] as string) : row[column]) as unknown;
  const lists = json(`${HEAD}siblings`) as unknown[][];
  const siblingRows = lists.map((values) => Object.fromEntries(SIBLING_COLUMNS.map((column, index) => [column, values[index]])));
  const iterations = new Map(Object.entries(json(`${HEAD}iterations`) as Record<string, number | string>).map(([stage, iteration]) => [stage, Number(iteration)]));
  return {
    task,
    run,
    head,
    siblingRows,
    campaign: { ...campaign, workflowVersionId: String(campaign.row.workflow_version_id) },
    cluster: cluster.id ? cluster : undefined,
    iterations,
  };
}

export function splitDueRunRows(rows: Array<Record<string, unknown>>): DueRunRows {
  const { run, head, campaign } = splitRow(rows[0]);
  const openTasks = rows
    .map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => column.startsWith(OPEN_TASK)).map(([column, value]) => [column.slice(OPEN_TASK.length), value])))
    .filter((task) => task.id !== null && task.id !== undefined);
  return { run, head, campaign, openTasks };
}

/** A row of prefixed columns taken apart: the stage run's, the campaign's, the cluster's, the chain head and the rest. */
function splitRow(row: Record<string, unknown>) {
  const rest: Record<string, unknown> = {};
  const run: Record<string, unknown> = {};
  const campaignRow: Record<string, unknown> = {};
  const cluster: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith(RUN)) run[column.slice(RUN.length)] = value;
    else if (column.startsWith(CAMPAIGN)) campaignRow[column.slice(CAMPAIGN.length)] = value;
    else if (column.startsWith(CLUSTER)) cluster[column.slice(CLUSTER.length)] = value;
    else if (!column.startsWith(HEAD) && !column.startsWith(OPEN_TASK)) rest[column] = value;
  }
  const seq = row[`${HEAD}seq`];
  const head = seq === null || seq === undefined ? undefined : { seq: Number(seq), hash: String(row[`${HEAD}hash`]) };
  const campaign = { version: Number(campaignRow.version), status: String(campaignRow.status), row: campaignRow };
  return { rest, run, campaign, cluster, head };
}
