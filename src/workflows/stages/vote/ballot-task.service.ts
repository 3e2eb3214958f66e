import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { sha256Hex } from '../../../common/hashing/canonical-json';
import { BallotReceiptDto, PollDto, PollStatusDto } from '../../../modules/voting/dto/poll-response.dto';
import { ChoiceInput } from '../../../modules/voting/poll-tally';
import { RecordOfflineBallotsInput } from '../../../modules/voting/offline-ballots.service';
import { PollsService } from '../../../modules/voting/polls.service';
import { CampaignCommandsService } from '../../engine/campaign-commands.service';
import { CampaignRecordsService } from '../../engine/campaign-records.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import { Campaign } from '../../engine/entities/campaign.entity';
import { Task } from '../../engine/entities/task.entity';
import { AmendmentDecisionService } from '../discussion/amendment-decision.service';
import { TaskBallotReceiptDto } from './ballot.dto';
import { pollOfRun, runOfPoll } from './vote.effects';

type BallotBody = { choice?: ChoiceInput; candidateIds?: string[]; subjectHash?: string };

const voterOf = (principal: Principal, actingFor: ActingFor | undefined) => ({ personId: principal.personId, unitId: actingFor?.unitId, mandateId: actingFor?.mandateId });

const ballotInvalid = (vi: string, en: string) => new AppError('BALLOT_INVALID', { reason: vi }, { reason: { vi, en } });

/**
 * The choice a body makes on this poll. On a candidate list, `agree` approves every candidate and `abstain` none, so a
 * unit can vote on a single nominee as on a motion; `disagree` with one of several is ambiguous and refused (send
 * `candidateIds`). The voting module checks the result against the poll.
 */
export function choiceOf(poll: PollDto, body: BallotBody): ChoiceInput {
  if (body.candidateIds !== undefined) {
    if (body.choice !== undefined) throw ballotInvalid('hãy gửi "choice" hoặc "candidateIds", không gửi cả hai.', 'send "choice" or "candidateIds", not both.');
    return { candidateIds: body.candidateIds };
  }
  const choice = body.choice;
  if (!poll.candidates || typeof choice !== 'string') return choice as ChoiceInput;
  if (choice === 'agree') return { candidateIds: poll.candidates.map((candidate) => candidate.id) };
  if (choice === 'abstain') return { candidateIds: [] };
  throw ballotInvalid(
    'đây là bình chọn ứng viên: "agree" đồng ý với tất cả, "abstain" không chọn ai; để chọn một số ứng viên hãy gửi candidateIds.',
    'this poll is on candidates: "agree" approves them all, "abstain" none; to approve some, send candidateIds.',
  );
}

/**
 * A unit's ballot in a vote stage, cast through its task: the first ballot completes the task (in the same
 * transaction as the ballot), a later one replaces it while the vote is open. Each cast appends its receipt to
 * the campaign's hash-chained history; the choice itself is never written there.
 */
@Injectable()
export class BallotTaskService {
  constructor(
    private readonly em: EntityManager,
    private readonly commands: CampaignCommandsService,
    private readonly records: CampaignRecordsService,
    private readonly polls: PollsService,
    private readonly history: CampaignHistoryService,
    private readonly amendmentDecisions: AmendmentDecisionService,
  ) {}

  async cast(taskId: string, body: BallotBody, principal: Principal, actingFor: ActingFor | undefined): Promise<TaskBallotReceiptDto> {
    const { task, pollId } = await this.load(taskId);
    return this.castThroughTask(task, await this.polls.get(pollId), body, principal, actingFor);
  }

  /** The first ballot completes the task with it; a later one only replaces the ballot, both under the campaign lock. */
  private async castThroughTask(task: Task, poll: PollDto, body: BallotBody, principal: Principal, actingFor: ActingFor | undefined): Promise<TaskBallotReceiptDto> {
    const taskId = task.id;
    const caster = this.caster(poll, body, principal, actingFor);
    if (task.status === 'open') {
      await this.commands.commandTask(taskId, { command: 'vote', record: (em, locked) => caster.castAndRecord(em, locked.campaign) }, principal, actingFor);
    } else {
      // A cancelled task is refused only once the caller is known to be its unit, as a done one would be.
      await this.records.recordOnTask(taskId, 'ballot-change', principal, actingFor, (em, current, campaign) => {
        if (current.status !== 'done') throw new AppError('TASK_CLOSED');
        return caster.castAndRecord(em, campaign);
      });
    }
    return caster.receipt();
  }

  /**
   * A ballot on a poll by its id (the poll page): through the unit's task when the poll is a vote stage's, under the
   * campaign lock with its receipt in the history when it is another poll of a campaign (an amendment's), else directly.
   */
  async castOnPoll(pollId: string, body: BallotBody, principal: Principal, actingFor: ActingFor | undefined): Promise<TaskBallotReceiptDto> {
    const poll = await this.polls.get(pollId);
    if (!poll.campaignId) {
      const receipt = await this.polls.castBallot(pollId, voterOf(principal, actingFor), choiceOf(poll, body), undefined, { expectedSubjectHash: body.subjectHash });
      return { ...receipt, auditEntry: receipt.receipt, auditNonce: null };
    }
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, poll.campaignId);
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: poll.campaignId });
    const runId = runOfPoll(campaign.context, pollId);
    if (runId) {
      // A unit's task for a unit electorate; the person's own task for a council's (people) electorate.
      const task =
        poll.electorate.kind === 'people'
          ? await em.findOne(Task, { stageRun: runId, assigneePerson: principal.personId })
          : actingFor
            ? await em.findOne(Task, { stageRun: runId, assigneeUnit: actingFor.unitId })
            : null;
      if (!task) throw new AppError('NOT_IN_ELECTORATE', { voter: poll.electorate.kind === 'people' || !actingFor ? principal.fullName : actingFor.unitName });
      return this.castThroughTask(task, poll, body, principal, actingFor);
    }
    const caster = this.caster(poll, body, principal, actingFor);
    await this.records.recordOnCampaign(campaign.id, 'ballot', principal, actingFor, async (txEm, locked) => {
      await caster.castAndRecord(txEm, locked);
      // An amendment's vote closes once every member has voted, and the amendment is decided then and there.
      if (poll.subject.kind === 'amendment' && caster.receipt().allVoted) {
        await this.amendmentDecisions.decide(txEm, poll.subject.id, pollId, 'all-voted', async (type, data) => void (await this.history.append(txEm, locked, type, data, null)));
      }
    });
    return caster.receipt();
  }

  /**
   * Ballots a secretary records from a physical meeting, with its minutes: for a vote stage's poll they also complete
   * those units' tasks (the stage closes when everyone has voted); for any other poll they are recorded as they are.
   */
  async recordMeeting(pollId: string, input: RecordOfflineBallotsInput, principal: Principal): Promise<void> {
    const poll = await this.polls.get(pollId);
    const campaign = poll.campaignId ? await this.em.fork().findOne(Campaign, poll.campaignId) : null;
    const runId = campaign ? runOfPoll(campaign.context, pollId) : undefined;
    if (!runId) {
      await this.polls.recordOfflineBallots(pollId, input);
      return;
    }
    await this.records.recordMeeting(runId, principal, async (em) => {
      await this.polls.recordOfflineBallots(pollId, input, em);
      return input.ballots.map((ballot) => ballot.unitId);
    });
  }

  /**
   * Casts in the caller's transaction and appends the receipt to the campaign's history. The chain is readable by
   * everyone who sees the campaign: a secret ballot's receipt goes there only salted with a nonce that the voter
   * alone receives, so nobody can try the three choices against it.
   */
  private caster(poll: PollDto, body: BallotBody, principal: Principal, actingFor: ActingFor | undefined) {
    const pollId = poll.id;
    const choice = choiceOf(poll, body);
    const nonce = poll.rule.ballot === 'secret' ? randomBytes(16).toString('hex') : null;
    const actor = eventActor(principal, actingFor);
    let cast: { receipt: BallotReceiptDto; auditEntry: string } | undefined;
    return {
      castAndRecord: async (em: EntityManager, campaign: Campaign): Promise<void> => {
        const receipt = await this.polls.castBallot(pollId, voterOf(principal, actingFor), choice, em, { expectedSubjectHash: body.subjectHash });
        const auditEntry = nonce ? sha256Hex(`${receipt.receipt}:${nonce}`) : receipt.receipt;
        await this.history.append(em, campaign, 'ballot.cast', { pollId, receipt: auditEntry, salted: nonce !== null, subjectHash: receipt.subjectHash, replaced: receipt.replaced }, actor);
        cast = { receipt, auditEntry };
      },
      receipt: (): TaskBallotReceiptDto => ({ ...cast!.receipt, auditEntry: cast!.auditEntry, auditNonce: nonce }),
    };
  }

  /** The vote the task belongs to: its subject, rule and progress ("3/6 đơn vị đã bỏ phiếu"), as the voting module shows it to this person. */
  async status(taskId: string, principal: Principal, unitIds: string[]): Promise<PollStatusDto> {
    const { pollId } = await this.load(taskId);
    return this.polls.status(pollId, { personId: principal.personId, unitIds });
  }

  /** The poll of a vote task (for the page that opens it). */
  async pollOfTask(taskId: string): Promise<string> {
    return (await this.load(taskId)).pollId;
  }

  private async load(taskId: string): Promise<{ task: Task; pollId: string }> {
    const task = await this.em.fork().findOne(Task, taskId, { populate: ['stageRun', 'campaign'] });
    if (!task) throw new AppError('TASK_NOT_FOUND', { id: taskId });
    if (task.stageRun.stageType !== 'vote') throw new AppError('TASK_HAS_NO_BALLOT', { id: taskId });
    const pollId = pollOfRun(task.campaign.context, task.stageRun.id);
    if (!pollId) throw new AppError('POLL_NOT_FOUND', { id: `stage-run:${task.stageRun.id}` });
    return { task, pollId };
  }
}
