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
  const document = task.campaign.workflowVersion.document;
  return {
    id: task.id,
    campaignId: task.campaign.id,
    campaignName: task.campaign.name,
    stageKey: run.stageKey,
    stageName: stageName(document, run.stageKey),
    stageType: run.stageType,
    iteration: run.iteration,
    unitId: task.assigneeUnit?.id ?? null,
    unitCode: task.assigneeUnit?.code ?? null,
    personId: task.assigneePerson?.id ?? null,
    status: task.status,
    late: task.late,
    dueAt: task.dueAt?.toISOString() ?? null,
    outcome: task.outcome,
    comment: task.comment,
    commands: task.status === 'open' ? (COMMANDS[run.stageType] ?? []) : [],
  };
}
