import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { actingUnitHeader, PrincipalService, taskMandateJoin, TaskMandateRow, VALID_MANDATES_SQL, validMandateParams } from '../../modules/auth/principal.service';
import { sqlRows } from '../../database/sql-rows';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { PublishedDocuments } from '../engine/published-documents';
import { PollsService, SECRET_VOTERS_VISIBLE_FROM } from '../../modules/voting/polls.service';
import { CampaignHistoryService, ChainVerdict } from '../engine/campaign-history.service';
import { CampaignEvent } from '../engine/entities/campaign-event.entity';
import { Campaign } from '../engine/entities/campaign.entity';
import { StageRun } from '../engine/entities/stage-run.entity';
import { Task } from '../engine/entities/task.entity';
import { CampaignDetailDto, CampaignDto, HistoryEventDto, InboxDto, InboxQuery, TaskDto } from './dto/campaign.dto';
import { InboxRow, inboxTaskDto, toCampaignDto, toStageRunDto, toTaskDto } from './campaign-views';
import { pollOfRun } from '../stages/vote/vote.effects';
import { HiddenVoters, redactSecretVoters, redactVerdict, sealVoteTask } from './secret-ballot-redaction';

const TASK_POPULATE = ['stageRun', 'campaign.workflowVersion', 'assigneeUnit', 'assigneePerson'] as const;

/** Read side of campaigns: lists, the stage timeline with progress, the inbox, history and chain verification. */
@Injectable()
export class CampaignQueriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly principals: PrincipalService,
    private readonly history: CampaignHistoryService,
    private readonly polls: PollsService,
    private readonly documents: PublishedDocuments,
  ) {}

  async list(status?: string): Promise<CampaignDto[]> {
    const campaigns = await this.em.fork().find(Campaign, status ? { status: status as Campaign['status'] } : {}, {
      populate: ['workflowVersion.definition'],
      orderBy: { createdAt: 'desc' },
      limit: 500,
    });
    return campaigns.map(toCampaignDto);
  }

  async detail(id: string): Promise<CampaignDetailDto> {
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, id, { populate: ['workflowVersion.definition'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
    const runs = await em.find(StageRun, { campaign }, { orderBy: { createdAt: 'asc', iteration: 'asc' } });
    const tasks = await em.find(Task, { campaign });
    const document = campaign.workflowVersion.document;
    return {
      ...toCampaignDto(campaign),
      stages: runs.map((run) => toStageRunDto(run, document, tasks.filter((t) => t.stageRun.id === run.id))),
    };
  }

  /** The campaign's context (pinned forms, its document, its polls), or CAMPAIGN_NOT_FOUND. */
  async contextOf(id: string): Promise<{ context: Record<string, unknown> }> {
    const campaign = await this.em.fork().findOne(Campaign, id);
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id });
    return { context: campaign.context };
  }

  /**
   * A person's tasks: those of every unit they hold a valid mandate for, and their own. The page most people open
   * most often: two plain statements (the tasks, the counts) with the mandates as a subquery, and stage names from
   * the published documents' cache.
   */
  async inbox(personId: string, query: InboxQuery): Promise<InboxDto> {
    const em = this.em.fork();
    const status = query.status ?? 'open';
    const mine = `(t.assignee_person_id = ? or t.assignee_unit_id in (select m.unit_id ${VALID_MANDATES_SQL}))${query.campaignId ? ' and t.campaign_id = ?' : ''}`;
    const mineParams = [personId, ...validMandateParams(personId), ...(query.campaignId ? [query.campaignId] : [])];
    // One statement: the counts (one row) joined with the tasks listed, so an empty inbox is one row of counts.
    const rows = await sqlRows<Partial<InboxRow> & Record<'open_count' | 'late_count' | 'done_count', number | string | null>>(
      em,
      `select k.open_count, k.late_count, k.done_count, x.* from (
         select sum(case when t.status = 'open' then 1 else 0 end) as open_count, sum(case when t.status = 'open' and t.late then 1 else 0 end) as late_count,
           sum(case when t.status = 'done' then 1 else 0 end) as done_count
         from task t where ${mine}) k
       left join (
         select t.id, t.campaign_id, c.name as campaign_name, c.workflow_version_id, r.stage_key, r.stage_type, r.iteration, t.assignee_unit_id, u.code as unit_code,
           t.assignee_person_id, t.status, t.late, t.due_at, t.outcome, t.comment, t.created_at
         from task t join stage_run r on r.id = t.stage_run_id join campaign c on c.id = t.campaign_id left join unit u on u.id = t.assignee_unit_id
         where ${mine} and ${status === 'all' ? "t.status <> 'cancelled'" : 't.status = ?'}
         order by t.due_at asc, t.created_at asc limit 500) x on 1 = 1
       order by x.due_at asc, x.created_at asc`,
      [...mineParams, ...mineParams, ...(status === 'all' ? [] : [status])],
    );
    const counts = rows[0];
    const tasks = rows.filter((row): row is InboxRow & typeof counts => row.id !== null && row.id !== undefined);
    const documents = new Map<string, WorkflowDocument>();
    for (const row of tasks) {
      if (!documents.has(row.workflow_version_id)) documents.set(row.workflow_version_id, await this.documents.get(em, row.workflow_version_id));
    }
    return {
      tasks: tasks.map((row) => inboxTaskDto(row, documents.get(row.workflow_version_id)!)),
      counts: { open: Number(counts.open_count ?? 0), late: Number(counts.late_count ?? 0), done: Number(counts.done_count ?? 0) },
    };
  }

  /**
   * The unit a caller acts for on a task: the X-Acting-Unit header's, else the task's own unit; checked against the
   * caller's valid mandates (403 NOT_MANDATED). Asked before every action on a task, so it is one statement.
   */
  async actingForTask(taskId: string, personId: string, actingUnit: string | string[] | undefined): Promise<ActingFor | undefined> {
    const header = actingUnitHeader(actingUnit);
    const mandate = taskMandateJoin(personId, header);
    const [row] = await sqlRows<TaskMandateRow>(this.em, `select ${mandate.columns} from task t ${mandate.join} where t.id = ? order by v.code limit 1`, [...mandate.params, taskId]);
    if (!row) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    return this.principals.actingForTaskRow(personId, header, row);
  }

  /** A task as stored, for the commands that act on it (whose checks decide who may); readers get {@link taskSeenBy}. */
  async task(id: string): Promise<TaskDto> {
    return toTaskDto(await this.loadTask(id));
  }

  /**
   * A task as this person may see it: another unit's task in a secret vote that still hides its voters is sealed,
   * for everyone (administrators too) but the unit itself, so that whether it has voted stays unknown.
   */
  async taskSeenBy(id: string, personId: string): Promise<TaskDto> {
    const task = await this.loadTask(id);
    const shown = toTaskDto(task);
    const run = task.stageRun;
    if (run.stageType !== 'vote' || (await this.isOwnTask(task, personId))) return shown;
    const pollId = pollOfRun(task.campaign.context, run.id);
    return pollId && (await this.votersHidden(pollId)) ? sealVoteTask(shown, run.overdue) : shown;
  }

  private async loadTask(id: string): Promise<Task> {
    const task = await this.em.fork().findOne(Task, id, { populate: TASK_POPULATE });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id });
    return task;
  }

  private async isOwnTask(task: Task, personId: string): Promise<boolean> {
    if (task.assigneePerson?.id === personId) return true;
    const unitId = task.assigneeUnit?.id;
    return unitId !== undefined && (await this.principals.validMandates(personId)).some((mandate) => mandate.unit.id === unitId);
  }

  /** A secret poll with fewer ballots than it takes to show who voted. */
  private async votersHidden(pollId: string): Promise<boolean> {
    const status = await this.polls.status(pollId, { personId: '', unitIds: [] });
    return status.rule.ballot === 'secret' && status.progress.voted < SECRET_VOTERS_VISIBLE_FROM;
  }

  /** The campaign's event log, with who voted hidden while a secret poll has fewer than three ballots. */
  async historyOf(campaignId: string): Promise<HistoryEventDto[]> {
    const em = this.em.fork();
    return this.readableHistory(em, await this.history.list(em, await this.existing(campaignId)), campaignId);
  }

  private async readableHistory(em: EntityManager, events: CampaignEvent[], campaignId: string): Promise<HistoryEventDto[]> {
    const shown = events.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, data: e.data, occurredAt: e.occurredAt.toISOString(), prevHash: e.prevHash, hash: e.hash }));
    return redactSecretVoters(shown, await this.hiddenVoters(em, campaignId));
  }

  private async hiddenVoters(em: EntityManager, campaignId: string): Promise<HiddenVoters[]> {
    const campaign = await em.findOneOrFail(Campaign, campaignId);
    const byRun = (campaign.context.polls as Record<string, string> | undefined) ?? {};
    const others = Object.values((campaign.context.amendmentPolls as Record<string, string> | undefined) ?? {});
    const hidden: HiddenVoters[] = [];
    for (const [runId, pollId] of [...Object.entries(byRun), ...others.map((pollId) => [null, pollId] as const)]) {
      if (!(await this.votersHidden(pollId))) continue;
      const run = runId ? await em.findOne(StageRun, runId) : null;
      hidden.push({ pollId, ...(run ? { stage: { key: run.stageKey, iteration: run.iteration } } : {}) });
    }
    return hidden;
  }

  /** Recomputes the chain as stored; the head hash is withheld while the history withholds hashes (secret ballot). */
  async verify(campaignId: string): Promise<ChainVerdict> {
    const em = this.em.fork();
    const id = await this.existing(campaignId);
    const events = await this.history.list(em, id);
    return redactVerdict(this.history.verify(id, events), await this.readableHistory(em, events, id));
  }

  private async existing(campaignId: string): Promise<string> {
    if (!(await this.em.fork().count(Campaign, { id: campaignId }))) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    return campaignId;
  }
}
