import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../modules/calendar/clock';
import { EngineMetrics } from '../../modules/observability/engine-metrics.service';
import type { StageDefinition } from '../definitions/workflow-document';
import { StageRegistry } from '../stages/stage-registry';
import { AssigneeResolver } from './assignee-resolver.service';
import { CampaignHistoryService, eventActor } from './campaign-history.service';
import { CampaignLock } from './campaign-lock.service';
import { Campaign } from './entities/campaign.entity';
import { Notification } from './entities/notification.entity';
import { Task } from './entities/task.entity';
import { stageNameIn } from './refusal-words';
import { WorkflowRunner } from './workflow-runner.service';

export interface TaskReviewInput {
  decision: 'accept' | 'return';
  /** Required to return: what the assignee must fix. */
  comment?: string;
  /** Stage data that follows the decision (a returned form goes back to draft), in the same transaction. */
  record?: (em: EntityManager, task: Task) => Promise<void>;
}

/** Reviews of done tasks in stages whose handler names reviewers (a form stage with `review`). */
@Injectable()
export class TaskReviewService {
  constructor(
    private readonly em: EntityManager,
    private readonly lock: CampaignLock,
    private readonly runner: WorkflowRunner,
    private readonly registry: StageRegistry,
    private readonly assignees: AssigneeResolver,
    private readonly history: CampaignHistoryService,
    private readonly clock: Clock,
    private readonly metrics: EngineMetrics,
  ) {}

  /**
   * A reviewer's decision on a done task of a stage that has reviewers (a form stage with `review`): accept it,
   * or return it to its assignee with a reason, which reopens it. The reviewer acts for a reviewing unit under a
   * valid mandate, or is a reviewing person.
   */
  reviewTask(taskId: string, input: TaskReviewInput, principal: Principal, mandates: ActingFor[]): Promise<Task> {
    return this.metrics.countCommand(`task.review-${input.decision}`, () => this.runTaskReview(taskId, input, principal, mandates));
  }

  /**
   * Whether this person may review the task, and for which unit: the first of their `mandates` for a reviewing
   * unit, or none when they are a reviewing person. Null when they are no reviewer. For reading a submission.
   */
  async reviewerOf(taskId: string, principal: Principal, mandates: ActingFor[]): Promise<{ actingFor?: ActingFor } | null> {
    const em = this.em.fork();
    const task = await em.findOne(Task, taskId, { populate: ['stageRun', 'campaign', 'campaign.workflowVersion', 'campaign.subjectCluster'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    const stage = task.campaign.workflowVersion.document.stages[task.stageRun.stageKey];
    const rules = stage ? this.registry.get(stage.type).reviewers?.(stage) : undefined;
    if (!rules?.length) throw new AppError('TASK_NOT_REVIEWED', { stage: stageNameIn(task.campaign.workflowVersion.document, task.stageRun.stageKey) });
    return this.matchReviewer(em, task.campaign, task.stageRun.stageKey, { ...stage, assignees: rules, fanOut: undefined }, principal, mandates);
  }

  private async matchReviewer(em: EntityManager, campaign: Campaign, stageKey: string, reviewing: StageDefinition, principal: Principal, mandates: ActingFor[]) {
    const reviewers = await this.assignees.resolve(em, campaign, stageKey, reviewing);
    if (reviewers.some((reviewer) => reviewer.person?.id === principal.personId)) return {};
    const actingFor = mandates.find((mandate) => reviewers.some((reviewer) => reviewer.unit?.id === mandate.unitId));
    return actingFor ? { actingFor } : null;
  }

  private async runTaskReview(taskId: string, input: TaskReviewInput, principal: Principal, mandates: ActingFor[]): Promise<Task> {
    const campaignId = await this.lock.campaignIdOfTask(taskId);
    return this.lock.run(campaignId, { personId: principal.personId }, async (ctx) => {
      const task = await ctx.em.findOneOrFail(Task, taskId, { populate: ['stageRun', 'assigneeUnit', 'assigneePerson'] });
      const run = task.stageRun;
      if (run.status !== 'active') throw new AppError('STAGE_CLOSED', { stage: stageNameIn(ctx.document, run.stageKey) });
      const stage = this.runner.stageDefinition(ctx, run.stageKey);
      const rules = this.registry.get(stage.type).reviewers?.(stage);
      if (!rules?.length) throw new AppError('TASK_NOT_REVIEWED', { stage: stageNameIn(ctx.document, run.stageKey) });
      if (task.status !== 'done' || task.outcome === 'accepted') throw new AppError('TASK_NOT_AWAITING_REVIEW');
      const reviewer = await this.matchReviewer(ctx.em, ctx.campaign, run.stageKey, { ...stage, assignees: rules, fanOut: undefined }, principal, mandates);
      if (!reviewer) throw new AppError('NOT_REVIEWER');
      const { actingFor } = reviewer;
      const actor = eventActor(principal, actingFor);
      const comment = input.comment?.trim() || null;
      if (input.decision === 'return' && !comment) throw new AppError('COMMENT_REQUIRED');
      await input.record?.(ctx.em, task);
      if (input.decision === 'accept') {
        task.outcome = 'accepted';
      } else {
        task.status = 'open';
        task.outcome = null;
        task.comment = comment;
        task.completedAt = null;
        task.completedBy = null;
        task.completedMandateId = null;
        ctx.em.create(Notification, {
          dedupeKey: `returned-${task.id}-${this.clock.now().getTime()}`,
          unit: task.assigneeUnit,
          person: task.assigneePerson,
          campaign: ctx.campaign,
          task,
          kind: 'returned',
          message: { vi: `Bài nộp ở bước "${run.stageKey}" được trả lại: ${comment}`, en: `Your submission at stage "${run.stageKey}" was returned: ${comment}` },
        });
      }
      await ctx.em.flush();
      await this.history.append(ctx.em, ctx.campaign, 'task.reviewed', {
        stage: run.stageKey,
        iteration: run.iteration,
        taskId: task.id,
        assignee: task.assigneeKey,
        decision: input.decision,
        ...(comment ? { comment } : {}),
      }, actor);
      await this.runner.settle(ctx, run);
      return task;
    });
  }
}
