import { Injectable } from '@nestjs/common';
import type { LockedTaskRows } from './locked-task.statement';

/** Campaigns whose reading is kept; the one used least recently is forgotten first. */
const KEPT_CAMPAIGNS = 2_000;
/** A run with more tasks is not kept (a sector's score sheets): its reading is large and each task's command rare. */
const KEPT_TASKS = 200;

type CampaignReading = Omit<LockedTaskRows, 'task' | 'siblingRows'>;

/** A run this process wrote with its tasks, all open, and the campaign's row as written with it. */
export interface WrittenRun {
  campaign: Record<string, unknown>;
  cluster: Record<string, unknown> | undefined;
  run: { id: string; stageKey: string; iteration: number; stageType: string };
  tasks: Array<{ id: string; assigneeKey: string; unitId: string | null; personId: string | null; dueAt: Date | null }>;
  head: { seq: number; hash: string };
  iterations: Map<string, number>;
}

interface Kept {
  reading: CampaignReading;
  /** The run's tasks by id, each with the columns the direct path reads of it. */
  tasks: Map<string, Record<string, unknown>>;
}

/**
 * What a task command read of its run and campaign, kept in this process as the direct writes left it, so that the
 * next command on one of the run's tasks starts from it instead of reading again (one statement of two). Safe because
 * every direct write is conditioned on the campaign's version, and every change of a campaign, in any process, bumps
 * it: a kept reading that another change made stale writes nothing, and its command is then read afresh. Only the
 * direct write starts from a kept reading; the unit of work's paths always read. Launches and the stages entered by
 * hand keep what they wrote.
 */
@Injectable()
export class KeptTaskReads {
  private readonly campaigns = new Map<string, Kept>();
  private readonly campaignOfTask = new Map<string, string>();

  /** The campaign of a task whose reading is kept. */
  campaignOf(taskId: string): string | undefined {
    return this.campaignOfTask.get(taskId);
  }

  /** The task's reading as the read statement would answer it if nothing changed since. */
  get(taskId: string): LockedTaskRows | undefined {
    const campaignId = this.campaignOfTask.get(taskId);
    const kept = campaignId === undefined ? undefined : this.campaigns.get(campaignId);
    const task = kept?.tasks.get(taskId);
    if (!kept || !task) return undefined;
    const siblingRows = [...kept.tasks.values()].filter((row) => row !== task);
    return { ...kept.reading, iterations: new Map(kept.reading.iterations), task, siblingRows };
  }

  /** A reading just made: kept unless one of a later version of its campaign is. */
  keep(read: LockedTaskRows): void {
    const campaignId = String(read.task.campaign_id);
    const kept = this.campaigns.get(campaignId);
    if (kept && kept.reading.campaign.version > read.campaign.version) return;
    this.forget(campaignId);
    const rows = [read.task, ...read.siblingRows];
    if (rows.length > KEPT_TASKS) return;
    const { task: _task, siblingRows: _rows, ...reading } = read;
    this.campaigns.set(campaignId, { reading, tasks: new Map(rows.map((row) => [String(row.id), row])) });
    for (const row of rows) this.campaignOfTask.set(String(row.id), campaignId);
    while (this.campaigns.size > KEPT_CAMPAIGNS) this.forget(this.campaigns.keys().next().value!);
  }

  /** A run this process just wrote (a launch's first, a stage entered by hand), as the read statement would answer it. */
  keepWritten(written: WrittenRun): void {
    const [task, ...siblingRows] = written.tasks.map((row) => ({
      id: row.id,
      campaign_id: written.campaign.id,
      stage_run_id: written.run.id,
      assignee_key: row.assigneeKey,
      assignee_unit_id: row.unitId,
      assignee_person_id: row.personId,
      status: 'open',
      outcome: null,
      late: false,
      due_at: row.dueAt?.toISOString() ?? null,
    }));
    if (!task) return;
    const { campaign: row, run } = written;
    this.keep({
      task,
      siblingRows,
      run: { id: run.id, stage_key: run.stageKey, iteration: run.iteration, status: 'active', stage_type: run.stageType },
      head: written.head,
      campaign: { version: Number(row.version), status: String(row.status), workflowVersionId: String(row.workflow_version_id), row },
      cluster: written.cluster,
      iterations: new Map(written.iterations),
    });
  }

  /**
   * The direct write of `read`'s task committed, its stage left open: the task done, the campaign one version on and
   * its chain's head the appended event.
   */
  completed(read: LockedTaskRows, task: { outcome: string; late: boolean }, head: { seq: number; hash: string }): void {
    const campaignId = String(read.task.campaign_id);
    const kept = this.campaigns.get(campaignId);
    if (!kept || kept.reading.campaign.version !== read.campaign.version) return this.forget(campaignId);
    const version = read.campaign.version + 1;
    kept.tasks.set(String(read.task.id), { ...read.task, status: 'done', outcome: task.outcome, late: task.late });
    kept.reading = { ...kept.reading, head, campaign: { ...kept.reading.campaign, version, row: { ...kept.reading.campaign.row, version } } };
    // The most recently used last.
    this.campaigns.delete(campaignId);
    this.campaigns.set(campaignId, kept);
  }

  forget(campaignId: string): void {
    const kept = this.campaigns.get(campaignId);
    if (!kept) return;
    this.campaigns.delete(campaignId);
    for (const taskId of kept.tasks.keys()) this.campaignOfTask.delete(taskId);
  }
}
