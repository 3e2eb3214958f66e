import { EntityManager, ReferenceKind } from '@mikro-orm/core';
import { StageRun } from './entities/stage-run.entity';

const RUN = 'r__';
const HEAD = 'h__';

export interface LockedTaskRows {
  task: Record<string, unknown>;
  run: Record<string, unknown>;
  /** The campaign's last event; undefined for a campaign without one. */
  head: { seq: number; hash: string } | undefined;
}

/**
 * One statement for what a command on a task reads once its campaign is locked: the task, its stage run (columns
 * prefixed, listed from the ORM's metadata) and the head of the campaign's history chain.
 */
export function lockedTaskStatement(em: EntityManager): string {
  const runColumns = Object.values(em.getMetadata().get(StageRun.name).properties)
    .filter((property) => property.persist !== false && (property.kind === ReferenceKind.SCALAR || property.kind === ReferenceKind.MANY_TO_ONE))
    .flatMap((property) => property.fieldNames ?? []);
  const head = (column: string) => `(select e.${column} from campaign_event e where e.campaign_id = t.campaign_id order by e.seq desc limit 1) as ${HEAD}${column}`;
  const run = runColumns.map((column) => `r.${column} as ${RUN}${column}`).join(', ');
  return `select t.*, ${run}, ${head('seq')}, ${head('hash')} from task t join stage_run r on r.id = t.stage_run_id where t.id = ?`;
}

export function splitLockedTaskRow(row: Record<string, unknown>): LockedTaskRows {
  const task: Record<string, unknown> = {};
  const run: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column.startsWith(RUN)) run[column.slice(RUN.length)] = value;
    else if (!column.startsWith(HEAD)) task[column] = value;
  }
  const seq = row[`${HEAD}seq`];
  const head = seq === null || seq === undefined ? undefined : { seq: Number(seq), hash: String(row[`${HEAD}hash`]) };
  return { task, run, head };
}
