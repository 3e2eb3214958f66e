import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { Clock } from '../../../modules/calendar/clock';
import { CommendationProposal } from '../../../modules/commendations/entities/commendation-proposal.entity';
import { ProposalDto } from '../../../modules/commendations/records/records.dto';
import { proposalDto, ProposalsService } from '../../../modules/commendations/records/proposals.service';
import { CampaignCommandsService } from '../../engine/campaign-commands.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import type { LocalText } from '../../definitions/workflow-document';
import { Task } from '../../engine/entities/task.entity';
import { stageNameText } from '../../engine/refusal-words';
import { proposeSettingsOf } from './propose.stage';
import { SubmitProposalsDto, TaskProposalsDto } from './propose-task.dto';

interface LoadedProposeTask {
  task: Task;
  titles: string[];
  criteria?: LocalText;
  stageName: ReturnType<typeof stageNameText>;
}

/**
 * A unit's proposals through its propose task: every title's candidates are judged (eligibility by the rule pack of
 * the campaign's year, the unit's caps) and recorded in the engine's transaction as the task completes, so the
 * proposals and the task's completion commit together or not at all; one ineligible candidate refuses the whole
 * answer with the reasons. The unique proposal per candidate, title and year keeps a retry from doubling anything.
 */
@Injectable()
export class ProposeTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly proposals: ProposalsService,
    private readonly history: CampaignHistoryService,
    private readonly clock: Clock,
  ) {}

  /**
   * @throws AppError TASK_NOT_FOUND, TASK_HAS_NO_PROPOSALS, NOT_TASK_ASSIGNEE, PROPOSAL_TITLE_NOT_IN_STAGE,
   *   PROPOSAL_TITLE_REPEATED, and the proposals' own refusals (PROPOSAL_INELIGIBLE, CAP_EXCEEDED, CANDIDATE_NOT_IN_UNIT…).
   */
  async submit(taskId: string, body: SubmitProposalsDto, principal: Principal, actingFor: ActingFor | undefined, language: Language): Promise<TaskProposalsDto> {
    const { task, titles, stageName } = await this.load(taskId);
    const unit = task.assigneeUnit;
    if (!unit || actingFor?.unitId !== unit.id) throw new AppError('NOT_TASK_ASSIGNEE');
    const seen = new Set<string>();
    for (const entry of body.proposals) {
      if (!titles.includes(entry.title)) throw new AppError('PROPOSAL_TITLE_NOT_IN_STAGE', { stage: stageName, titles: titles.join(', '), title: entry.title });
      if (seen.has(entry.title)) throw new AppError('PROPOSAL_TITLE_REPEATED', { title: entry.title });
      seen.add(entry.title);
    }
    const named = { names: '—', title: '' };
    const made: ProposalDto[] = [];
    try {
      await this.commands.commandTask(
        taskId,
        {
          command: 'propose',
          record: async (em, locked) => {
            made.length = 0;
            // In the stage's order of titles, so that a CSTĐCS candidate's LĐTT proposed just before counts as pending.
            const inOrder = [...body.proposals].sort((a, b) => titles.indexOf(a.title) - titles.indexOf(b.title));
            for (const entry of inOrder.filter((e) => e.candidates.length > 0)) {
              named.title = entry.title;
              const body = { unitId: unit.id, year: locked.campaign.year, title: entry.title, candidates: entry.candidates };
              made.push(...(await this.proposals.proposeIn(em, body, principal, language, { now: this.clock.now(), named, campaignId: locked.campaign.id })));
            }
            await this.history.append(
              em,
              locked.campaign,
              'proposals.submitted',
              { stage: locked.stageRun.stageKey, unitId: unit.id, proposals: made.map((p) => ({ proposalId: p.id, title: p.title, candidate: p.candidate.id })) },
              eventActor(principal, actingFor),
            );
          },
        },
        principal,
        actingFor,
      );
    } catch (error) {
      // Someone proposed one of these candidates for the title in the meantime (the proposals API): nothing was recorded.
      if (error instanceof UniqueConstraintViolationException) throw new AppError('PROPOSAL_EXISTS', { name: named.names, title: named.title, year: task.campaign.year });
      throw error;
    }
    return { taskId, proposals: made };
  }

  /**
   * What the task's unit has proposed in this campaign, for its page: read by the unit (`actingFor`) or, without one,
   * by an administrator the caller has checked.
   * @throws AppError NOT_TASK_ASSIGNEE when acting for another unit.
   */
  async proposedThrough(taskId: string, language: Language, actingFor?: ActingFor): Promise<TaskProposalsDto> {
    const { task } = await this.load(taskId);
    if (actingFor && actingFor.unitId !== task.assigneeUnit?.id) throw new AppError('NOT_TASK_ASSIGNEE');
    const rows = task.assigneeUnit
      ? await this.em.fork().find(CommendationProposal, { unit: task.assigneeUnit.id, campaignId: task.campaign.id }, { populate: ['person', 'unit', 'decision'], orderBy: { priority: 'asc' } })
      : [];
    return { taskId, proposals: rows.map((row) => proposalDto(row, row.person?.fullName ?? row.unit.name, language)) };
  }

  /** The stage's titles and name, for the task's page. @throws AppError TASK_NOT_FOUND, TASK_HAS_NO_PROPOSALS. */
  async load(taskId: string, em: EntityManager = this.em.fork()): Promise<LoadedProposeTask> {
    const task = await em.findOne(Task, taskId, { populate: ['stageRun', 'campaign', 'campaign.workflowVersion', 'assigneeUnit'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    const stage = task.campaign.workflowVersion.document.stages[task.stageRun.stageKey];
    if (stage?.type !== 'propose') throw new AppError('TASK_HAS_NO_PROPOSALS', { id: taskId });
    const { titles, criteria } = proposeSettingsOf(stage);
    return { task, titles, criteria, stageName: stageNameText(stage, task.stageRun.stageKey) };
  }
}
