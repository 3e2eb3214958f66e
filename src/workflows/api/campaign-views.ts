import type { LocalText, WorkflowDocument } from '../definitions/workflow-document';
import { Campaign } from '../engine/entities/campaign.entity';
import { StageRun } from '../engine/entities/stage-run.entity';
import { Task } from '../engine/entities/task.entity';
import { CampaignDto, StageProgressDto, StageRunDto, TaskDto } from './dto/campaign.dto';

/** Commands each stage type accepts on a task; shown in the inbox so clients need not know the types. */
const COMMANDS: Record<string, string[]> = { review: ['approve', 'return'], acknowledge: ['acknowledge'], discussion: ['close'] };

export const textOf = (text: LocalText | undefined, fallback: string): string => (text === undefined ? fallback : typeof text === 'string' ? text : text.vi);

export function stageName(document: WorkflowDocument, key: string): string {
  return textOf(document.stages[key]?.name, key);
}

export function toCampaignDto(campaign: Campaign): CampaignDto {
  return {
    id: campaign.id,
    name: campaign.name,
    year: campaign.year,
    status: campaign.status,
    workflowKey: campaign.workflowVersion.definition.key,
    workflowVersion: campaign.workflowVersion.number,
    clusterId: campaign.subjectCluster?.id ?? null,
    unitId: campaign.subjectUnit?.id ?? null,
    activeStages: campaign.activeStages,
    version: campaign.version,
    cancelReason: campaign.cancelReason,
    createdAt: campaign.createdAt.toISOString(),
    endedAt: campaign.endedAt?.toISOString() ?? null,
  };
}

/**
 * "4/6 xong, 1 chờ duyệt, 1 trễ hạn": counts of a stage run's tasks, cancelled ones left out. In a stage whose
 * submissions are reviewed, a task is done once accepted; one submitted and not yet accepted awaits review.
 */
export function progressOf(tasks: Task[], reviewed = false): StageProgressDto {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const finished = counted.filter((t) => t.status === 'done');
  const done = reviewed ? finished.filter((t) => t.outcome === 'accepted').length : finished.length;
  const awaitingReview = finished.length - done;
  const late = counted.filter((t) => t.late).length;
  const total = counted.length;
  const parts = [`${done}/${total} xong`, ...(awaitingReview ? [`${awaitingReview} chờ duyệt`] : []), ...(late ? [`${late} trễ hạn`] : [])];
  return { total, done, open: total - done - awaitingReview, awaitingReview, late, summary: parts.join(', ') };
}

export function toStageRunDto(run: StageRun, document: WorkflowDocument, tasks: Task[]): StageRunDto {
  return {
    id: run.id,
    stageKey: run.stageKey,
    name: stageName(document, run.stageKey),
    type: run.stageType,
    iteration: run.iteration,
    status: run.status,
    outcome: run.outcome,
    dueAt: run.dueAt?.toISOString() ?? null,
    overdue: run.overdue,
    enteredAt: run.createdAt.toISOString(),
    closedAt: run.closedAt?.toISOString() ?? null,
    // A form stage with `review` (the only stage type with reviewers so far).
    progress: progressOf(tasks, Boolean((document.stages[run.stageKey]?.settings as { review?: unknown } | undefined)?.review)),
  };
}

export function toTaskDto(task: Task): TaskDto {
  const run = task.stageRun;
  return taskDto(task.campaign.workflowVersion.document, {
    id: task.id,
    campaignId: task.campaign.id,
    campaignName: task.campaign.name,
    stageKey: run.stageKey,
    stageType: run.stageType,
    iteration: run.iteration,
    unitId: task.assigneeUnit?.id ?? null,
    unitCode: task.assigneeUnit?.code ?? null,
    personId: task.assigneePerson?.id ?? null,
    status: task.status,
    late: task.late,
    dueAt: task.dueAt,
    outcome: task.outcome,
    comment: task.comment,
  });
}

/** A task row of the inbox's statement, in either dialect (SQLite answers dates as milliseconds, booleans as 0/1). */
export interface InboxRow {
  id: string;
  campaign_id: string;
  campaign_name: string;
  workflow_version_id: string;
  stage_key: string;
  stage_type: string;
  iteration: number;
  assignee_unit_id: string | null;
  unit_code: string | null;
  assignee_person_id: string | null;
  status: Task['status'];
  late: boolean | number;
  due_at: Date | number | string | null;
  outcome: string | null;
  comment: string | null;
}

export function inboxTaskDto(row: InboxRow, document: WorkflowDocument): TaskDto {
  return taskDto(document, {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    stageKey: row.stage_key,
    stageType: row.stage_type,
    iteration: Number(row.iteration),
    unitId: row.assignee_unit_id,
    unitCode: row.unit_code,
    personId: row.assignee_person_id,
    status: row.status,
    late: Boolean(row.late),
    dueAt: row.due_at === null ? null : new Date(row.due_at),
    outcome: row.outcome,
    comment: row.comment,
  });
}

type TaskFields = Omit<TaskDto, 'stageName' | 'dueAt' | 'commands'> & { dueAt: Date | null };

function taskDto(document: WorkflowDocument, fields: TaskFields): TaskDto {
  return {
    ...fields,
    stageName: stageName(document, fields.stageKey),
    dueAt: fields.dueAt?.toISOString() ?? null,
    commands: fields.status === 'open' ? (COMMANDS[fields.stageType] ?? []) : [],
  };
}
