import type { LocalText, WorkflowDocument } from '../definitions/workflow-document';
import { Campaign } from '../engine/entities/campaign.entity';
import { StageRun } from '../engine/entities/stage-run.entity';
import { Task } from '../engine/entities/task.entity';
import { CampaignDto, StageProgressDto, StageRunDto, TaskDto } from './dto/campaign.dto';

/** Commands each stage type accepts on a task; shown in the inbox so clients need not know the types. */
const COMMANDS: Record<string, string[]> = { review: ['approve', 'return'], acknowledge: ['acknowledge'] };

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

/** "4/6 xong, 1 trễ hạn": counts of a stage run's tasks, cancelled ones left out. */
export function progressOf(tasks: Task[]): StageProgressDto {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const done = counted.filter((t) => t.status === 'done').length;
  const late = counted.filter((t) => t.late).length;
  const total = counted.length;
  return { total, done, open: total - done, late, summary: `${done}/${total} xong${late ? `, ${late} trễ hạn` : ''}` };
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
    progress: progressOf(tasks),
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
