import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Clock } from '../../../modules/calendar/clock';
import { CommendationsService, AwardInput } from '../../../modules/commendations/commendations.service';
import { RecordedDecisionDto } from '../../../modules/commendations/dto/commendation.dto';
import { checkedNumberAndDay } from '../../../modules/commendations/dto/decision-fields';
import { Unit } from '../../../modules/org/entities/unit.entity';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import type { LocalText } from '../../definitions/workflow-document';
import { CampaignCommandsService } from '../../engine/campaign-commands.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import { Campaign } from '../../engine/entities/campaign.entity';
import { Task } from '../../engine/entities/task.entity';
import { CommendationProposal } from '../../../modules/commendations/entities/commendation-proposal.entity';
import { RulePacksService } from '../../../modules/commendations/records/rule-packs.service';
import { decisionSettingsOf, DecisionStageSettings, isUnitAward, UnitAward } from './decision.stage';
import { RecordDecisionDto } from './decision.dto';

/** The engine's refusals that a concurrent first recording causes: the second caller then reads what the first stored. */
const RACE_CODES = new Set(['CAMPAIGN_CHANGED', 'CAMPAIGN_NOT_RUNNING', 'STAGE_CLOSED', 'TASK_CLOSED']);

const textOf = (text: LocalText | undefined): string | undefined => (text === undefined ? undefined : typeof text === 'string' ? text : text.vi);

/** The units an award of the stage goes to, from the campaign's context. */
export function recipientsOf(award: UnitAward, context: EvaluationContext): string[] {
  if (award.to === 'ranking-top') return context.ranking?.leaders ?? [];
  return context.councilApproved?.unitIds ?? context.acclaimed?.unitIds ?? [];
}

interface LoadedDecisionTask {
  task: Task;
  campaign: Campaign;
  settings: DecisionStageSettings;
}

/**
 * Recording a commendation decision through a decision stage's task: checks the input, resolves the awards, and stores
 * the decision with its commendations in the engine's transaction as the task completes (the first recording completes
 * the stage). A replay of the same decision, or a concurrent second call, answers the decision already stored; another
 * decision for the same stage run is refused, and the unique stage run keeps it so even under a race.
 */
@Injectable()
export class DecisionTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly commendations: CommendationsService,
    private readonly history: CampaignHistoryService,
    private readonly clock: Clock,
    private readonly packs: RulePacksService,
  ) {}

  async record(taskId: string, body: RecordDecisionDto, principal: Principal, actingFor: ActingFor | undefined): Promise<RecordedDecisionDto> {
    const { task, campaign, settings } = await this.load(taskId);
    const mine = task.assigneeUnit ? actingFor?.unitId === task.assigneeUnit.id : task.assigneePerson?.id === principal.personId;
    if (!mine) throw new AppError('NOT_TASK_ASSIGNEE');
    const number = body.number?.trim() ?? '';
    const replayed = await this.replay(task.stageRun.id, number);
    if (replayed) return replayed;

    const { signedOn } = checkedNumberAndDay(body);
    const issuer = body.issuer?.trim() || textOf(settings.issuer)?.trim();
    if (!issuer) throw new AppError('DECISION_ISSUER_REQUIRED', {}, { path: 'issuer' });
    const awards = await this.awards(campaign, settings, body);
    if (!awards.length) throw new AppError('DECISION_NO_RECIPIENTS');

    try {
      await this.commands.commandTask(
        taskId,
        {
          command: 'decide',
          record: async (em, locked) => {
            const decision = await this.commendations.recordDecision(em, {
              number,
              signedOn,
              issuer,
              year: campaign.year,
              campaignId: campaign.id,
              campaignName: campaign.name,
              stageRunId: locked.stageRun.id,
              recordedBy: principal.personId,
              recordedAt: this.clock.now(),
              awards,
            });
            await this.history.append(em, locked.campaign, 'decision.recorded', {
              stage: locked.stageRun.stageKey,
              decisionId: decision.id,
              number,
              signedOn,
              issuer,
              awards: awards.map((award) => ({ unitId: 'unitId' in award.recipient ? award.recipient.unitId : null, personId: 'personId' in award.recipient ? award.recipient.personId : null, title: award.titleCode })),
            }, eventActor(principal, actingFor));
            await this.settleProposals(em, campaign.context as EvaluationContext, settings, decision.id);
          },
        },
        principal,
        actingFor,
      );
    } catch (error) {
      const raced = (error instanceof AppError && RACE_CODES.has(error.code)) || error instanceof UniqueConstraintViolationException;
      const stored = raced ? await this.replay(task.stageRun.id, number) : undefined;
      if (stored) return stored;
      if (raced && (await this.commendations.findByStageRun(task.stageRun.id))) return this.alreadyRecorded(task.stageRun.id);
      throw error;
    }
    const decision = await this.commendations.findByStageRun(task.stageRun.id);
    return this.commendations.decision(decision!.id);
  }

  /** @throws AppError TASK_NOT_FOUND; TASK_HAS_NO_DECISION for a task of another stage type. */
  async assertDecisionTask(taskId: string): Promise<void> {
    await this.load(taskId);
  }

  /** The decision this stage run already recorded when it has this number (a replay); another number is refused. */
  private async replay(stageRunId: string, number: string): Promise<RecordedDecisionDto | undefined> {
    const existing = await this.commendations.findByStageRun(stageRunId);
    if (!existing) return undefined;
    if (existing.number !== number) return this.alreadyRecorded(stageRunId);
    return this.commendations.decision(existing.id);
  }

  private async alreadyRecorded(stageRunId: string): Promise<never> {
    const existing = await this.commendations.findByStageRun(stageRunId);
    throw new AppError('DECISION_ALREADY_RECORDED', { number: existing?.number ?? '' }, { decisionId: existing?.id });
  }

  /**
   * The commendations: the given list (each unit a member of the campaign's subject, each title one of the stage's
   * unit awards), or the stage's awards to the units the context names and to the proposals the council passed. A
   * recipient gets each title once.
   */
  private async awards(campaign: Campaign, settings: DecisionStageSettings, body: RecordDecisionDto): Promise<AwardInput[]> {
    const toInput = (unitId: string, award: UnitAward): AwardInput => ({ recipient: { unitId }, kind: award.kind ?? 'title', titleCode: award.title, titleLabel: { ...award.label } });
    const unitAwards = settings.awards.filter(isUnitAward);
    if (body.awards === undefined) {
      const seen = new Set<string>();
      const toUnits = unitAwards.flatMap((award) =>
        recipientsOf(award, campaign.context as EvaluationContext).flatMap((unitId) => {
          const key = `${unitId}:${award.title}`;
          if (seen.has(key)) return [];
          seen.add(key);
          return [toInput(unitId, award)];
        }),
      );
      const toProposals = settings.awards.some((award) => award.to === 'proposals') ? await this.approvedProposals(campaign) : [];
      return [...toUnits, ...toProposals];
    }
    const members = await this.memberIds(campaign);
    const seen = new Set<string>();
    const inputs: AwardInput[] = [];
    for (const [index, given] of body.awards.entries()) {
      const award = unitAwards.find((candidate) => candidate.title === given.title);
      if (!award) throw new AppError('AWARD_TITLE_UNKNOWN', { title: given.title, known: [...new Set(unitAwards.map((a) => a.title))].join(', ') || '—' }, { path: `awards[${index}].title` });
      if (!members.has(given.unitId)) {
        const unit = await this.em.fork().findOne(Unit, given.unitId);
        const subject = campaign.subjectCluster ? `${campaign.subjectCluster.name} ${campaign.subjectCluster.year}` : (campaign.subjectUnit?.name ?? campaign.name);
        throw new AppError('AWARD_RECIPIENT_NOT_MEMBER', { unit: unit?.name ?? given.unitId, subject }, { path: `awards[${index}].unitId` });
      }
      const key = `${given.unitId}:${given.title}`;
      if (seen.has(key)) {
        const unit = campaign.subjectCluster?.members.getItems().find((member) => member.id === given.unitId) ?? campaign.subjectUnit;
        throw new AppError('AWARD_DUPLICATE', { unit: unit?.name ?? given.unitId, title: given.title }, { path: `awards[${index}]` });
      }
      seen.add(key);
      inputs.push(toInput(given.unitId, award));
    }
    return inputs;
  }

  /** The proposals the council's review passed, each awarded its own title as the rule pack of its year names it. */
  private async approvedProposals(campaign: Campaign): Promise<AwardInput[]> {
    const ids = (campaign.context as EvaluationContext).approvedProposals?.proposalIds ?? [];
    if (!ids.length) return [];
    const rows = await this.em.fork().find(CommendationProposal, { id: { $in: ids } }, { fields: ['person', 'unit', 'titleCode', 'year'], orderBy: { unit: 'asc', priority: 'asc' } });
    return rows.map((row) => {
      const { title } = this.packs.title(row.year, row.titleCode);
      return { recipient: row.person ? { personId: row.person.id } : { unitId: row.unit.id }, kind: title.kind ?? 'title', titleCode: row.titleCode, titleLabel: { ...title.name } };
    });
  }

  /**
   * The proposals of the council's review leave `in-vote` with the decision: awarded when the review passed them, else
   * not awarded. Runs in the decision's transaction, so both are recorded together.
   */
  private async settleProposals(em: EntityManager, context: EvaluationContext, settings: DecisionStageSettings, decisionId: string): Promise<void> {
    const reviewed = context.approvedProposals;
    if (!reviewed || !settings.awards.some((award) => award.to === 'proposals')) return;
    const at = this.clock.now();
    await em.nativeUpdate(CommendationProposal, { pollId: reviewed.pollId, status: 'in-vote' }, { status: 'not-awarded', decision: decisionId, updatedAt: at });
    if (reviewed.proposalIds.length) await em.nativeUpdate(CommendationProposal, { id: { $in: reviewed.proposalIds } }, { status: 'awarded', updatedAt: at });
  }

  private async memberIds(campaign: Campaign): Promise<Set<string>> {
    if (campaign.subjectUnit) return new Set([campaign.subjectUnit.id]);
    const cluster = campaign.subjectCluster;
    if (!cluster) return new Set();
    return new Set(cluster.members.getItems().filter((unit) => !unit.archivedAt).map((unit) => unit.id));
  }

  private async load(taskId: string): Promise<LoadedDecisionTask> {
    const task = await this.em.fork().findOne(Task, taskId, {
      populate: ['stageRun', 'campaign', 'campaign.workflowVersion', 'campaign.subjectCluster', 'campaign.subjectCluster.members', 'campaign.subjectUnit', 'assigneeUnit', 'assigneePerson'],
    });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    const stage = task.campaign.workflowVersion.document.stages[task.stageRun.stageKey];
    if (stage?.type !== 'decision') throw new AppError('TASK_HAS_NO_DECISION', { id: taskId });
    return { task, campaign: task.campaign, settings: decisionSettingsOf(stage) };
  }
}
