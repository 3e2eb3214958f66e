import { EntityManager, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import type { Language } from '../../common/i18n/language';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
import { Unit } from '../org/entities/unit.entity';
import {
  BallotReceiptDto,
  DisputedBallotDto,
  OfflineConfirmationDto,
  OfflineMeetingDto,
  OwnBallotDto,
  PollDto,
  PollResultDto,
  PollStatusDto,
  VoterDto,
} from './dto/poll-response.dto';
import { BallotWriter } from './ballot-writer.service';
import { Ballot } from './entities/ballot.entity';
import { CloseReason, Poll, PollCandidate, PollSubjectKind } from './entities/poll.entity';
import { OfflineBallotsService, RecordOfflineBallotsInput } from './offline-ballots.service';
import { ChoiceInput, memberIdOf, normaliseChoice, tallyPoll, voterKeyOf } from './poll-tally';
import { RuleProblem } from './rules/fraction';
import { parseVotingRule, VotingRule } from './rules/voting-rule';
import { voterName } from './voter-name';

/** What a poll is about, bound by its hash. */
export interface PollSubjectInput {
  kind: PollSubjectKind;
  id: string;
  hash: string;
  label: string;
}

export type ElectorateInput = { kind: 'units'; unitIds: string[] } | { kind: 'people'; personIds: string[] };

export interface OpenPollInput {
  subject: PollSubjectInput;
  electorate: ElectorateInput;
  /** The chair's unit (the cluster head), a member of a unit electorate; its ballot breaks ties under `chair-decides`. */
  chairUnitId?: string | null;
  /** Parsed again here, so raw rule data (`{ threshold: "2/3", … }`) is accepted as well. */
  rule: VotingRule;
  closesAt?: Date | null;
  campaignId?: string | null;
  /** Unique idempotency key, e.g. `stage-run:<id>`: opening twice returns the same poll. */
  key?: string;
  /** Required for subject kind `candidates`, refused otherwise. */
  candidates?: Array<{ id: string; label: string }>;
}

/** Who casts: the person who clicks, and for a unit electorate the unit and the mandate they act under. */
export interface Voter {
  personId: string;
  unitId?: string;
  mandateId?: string;
}

export interface CastOptions {
  /** The subject hash the voter read; 409 POLL_SUBJECT_CHANGED when it is not the poll's. */
  expectedSubjectHash?: string;
}

/** Who looks at a poll: their own ballots are shown to them, even in a secret ballot. */
export interface PollViewer {
  personId: string;
  unitIds: string[];
}

/** In a secret ballot, who has voted is shown only once this many ballots are in, so that nobody is singled out. */
export const SECRET_VOTERS_VISIBLE_FROM = 3;

/**
 * Polls (cuộc biểu quyết): open, cast, close, read. Methods taking `em` work inside the caller's transaction
 * when given (on SQLite nothing else may touch the database meanwhile), else in a transaction of their own.
 * Every write takes the poll row first (`version = version + 1 where status = 'open'`), which serialises the
 * casts of one poll and its close on both dialects; the unique (poll, voterKey) constraint keeps one counted
 * ballot per voter whatever happens.
 */
@Injectable()
export class PollsService {
  private readonly logger = new Logger(PollsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly writer: BallotWriter,
    private readonly offline: OfflineBallotsService,
    @Optional() private readonly clock: Clock = new Clock(),
  ) {}

  /**
   * Opens a poll, or returns the poll already opened with the same `key`.
   * @throws AppError POLL_INVALID listing every problem; VOTING_RULE_INVALID; POLL_KEY_REUSED when the key opened a poll on another subject.
   */
  async openPoll(input: OpenPollInput, em?: EntityManager): Promise<PollDto> {
    const rule = parseVotingRule(input.rule);
    return this.transaction(em, async (tx) => {
      if (input.key) {
        const existing = await tx.findOne(Poll, { key: input.key });
        if (existing) return this.samePoll(existing, input);
      }
      const memberIds = input.electorate.kind === 'units' ? input.electorate.unitIds : input.electorate.personIds;
      const problems = await this.pollProblems(tx, input, rule, memberIds);
      if (problems.length) throw new AppError('POLL_INVALID', { count: problems.length }, problems);
      const now = this.clock.now();
      const poll = tx.create(Poll, {
        subjectKind: input.subject.kind,
        subjectId: input.subject.id,
        subjectHash: input.subject.hash,
        subjectLabel: input.subject.label,
        electorateKind: input.electorate.kind,
        electorate: [...memberIds],
        chairUnitId: input.chairUnitId ?? null,
        rule,
        candidates: input.candidates?.map(({ id, label }) => ({ id, label })) ?? null,
        opensAt: now,
        closesAt: input.closesAt ?? null,
        key: input.key ?? null,
        campaignId: input.campaignId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await tx.flush();
      return PollDto.from(poll);
    }, 1);
  }

  /**
   * Casts or changes the ballot of one voter: the last cast counts, every cast stays in the history with
   * its own sequence and receipt.
   * @throws AppError POLL_NOT_FOUND, POLL_CLOSED, POLL_SUBJECT_CHANGED, NOT_IN_ELECTORATE, BALLOT_INVALID.
   */
  async castBallot(pollId: string, voter: Voter, choice: ChoiceInput, em?: EntityManager, options: CastOptions = {}): Promise<BallotReceiptDto> {
    return this.transaction(em, async (tx) => {
      const poll = await this.writer.find(tx, pollId);
      this.writer.assertOpen(poll);
      if (options.expectedSubjectHash !== undefined && options.expectedSubjectHash !== poll.subjectHash) {
        throw new AppError('POLL_SUBJECT_CHANGED', { expected: options.expectedSubjectHash, actual: poll.subjectHash }, { expected: options.expectedSubjectHash, actual: poll.subjectHash });
      }
      const memberId = poll.electorateKind === 'units' ? voter.unitId : voter.personId;
      if (!memberId || !poll.electorate.includes(memberId)) {
        const named = await voterName(tx, memberId ? poll.electorateKind : 'people', memberId ?? voter.personId);
        throw new AppError('NOT_IN_ELECTORATE', { voter: named }, { voterKey: memberId ? voterKeyOf(poll.electorateKind, memberId) : null });
      }
      const stored = normaliseChoice(choice, poll.candidates);
      const [sequence] = await this.writer.takeSequences(tx, poll, 1);
      const { ballot, replaced } = await this.writer.record(tx, poll, {
        voterKey: voterKeyOf(poll.electorateKind, memberId),
        choice: stored,
        castBy: voter.personId,
        mandateId: voter.mandateId ?? null,
        unitId: voter.unitId ?? null,
        sequence,
        meeting: null,
      });
      const voted = await tx.count(Ballot, { poll: poll.id });
      return this.writer.receipt(poll, ballot, replaced, voted);
    }, 2);
  }

  /**
   * Closes the poll and decides it from the current ballots; closing a closed poll returns its result.
   * @throws AppError POLL_NOT_FOUND.
   */
  async closePoll(pollId: string, reason: CloseReason, em?: EntityManager, language: Language = 'vi'): Promise<PollResultDto> {
    return this.transaction(em, async (tx) => {
      let poll = await this.writer.find(tx, pollId);
      if (poll.status === 'open') {
        const taken = await tx.nativeUpdate(Poll, { id: pollId, status: 'open' }, { version: raw('version + 1') });
        poll = await this.writer.find(tx, pollId);
        if (taken === 1) {
          const ballots = await tx.find(Ballot, { poll: pollId });
          const tally = tallyPoll({
            rule: poll.rule,
            electorateKind: poll.electorateKind,
            members: poll.electorate.length,
            chairUnitId: poll.chairUnitId,
            candidates: poll.candidates,
            ballots,
          });
          const now = this.clock.now();
          Object.assign(poll, { status: 'closed', closedAt: now, closeReason: reason, outcome: tally.outcome, decision: tally.decision, candidateDecisions: tally.candidateDecisions, updatedAt: now });
          await tx.flush();
        }
      }
      return this.resultOf(tx, poll, language);
    }, 1);
  }

  /**
   * The result of a closed poll, with the arithmetic in Vietnamese and English.
   * @throws AppError POLL_NOT_FOUND; POLL_OPEN before the close.
   */
  async result(pollId: string, language: Language): Promise<PollResultDto> {
    const em = this.em.fork();
    const poll = await this.writer.find(em, pollId);
    if (poll.status !== 'closed') throw new AppError('POLL_OPEN');
    return this.resultOf(em, poll, language);
  }

  /**
   * Progress ("3/6 đơn vị đã bỏ phiếu"), who has voted (open ballot; secret ballot only from 3 ballots, never
   * with choices), the viewer's own ballots with their receipts, and disputed meeting ballots.
   * @throws AppError POLL_NOT_FOUND.
   */
  async status(pollId: string, viewer: PollViewer): Promise<PollStatusDto> {
    const em = this.em.fork();
    const poll = await this.writer.find(em, pollId);
    const ballots = this.inElectorateOrder(poll, await em.find(Ballot, { poll: pollId }, { populate: ['confirmedBy'] }));
    const secret = poll.rule.ballot === 'secret';
    const members = poll.electorate.length;
    const voted = ballots.length;
    const noun = poll.electorateKind === 'units' ? { vi: 'đơn vị', en: 'units' } : { vi: 'thành viên', en: 'members' };
    const visible = !secret || voted >= SECRET_VOTERS_VISIBLE_FROM;
    const voters: VoterDto[] | null = visible
      ? ballots.map((ballot) => ({
          voterKey: ballot.voterKey,
          memberId: memberIdOf(ballot.voterKey),
          castAt: ballot.castAt,
          offline: ballot.offlineMeeting !== null,
          ...(!secret && { choice: ballot.choice }),
        }))
      : null;
    const own = new Set([...viewer.unitIds.map((id) => voterKeyOf('units', id)), voterKeyOf('people', viewer.personId)].filter((key) => key.startsWith(poll.electorateKind === 'units' ? 'unit:' : 'person:')));
    const mine: OwnBallotDto[] = ballots
      .filter((ballot) => own.has(ballot.voterKey))
      .map((ballot) => ({
        voterKey: ballot.voterKey,
        choice: ballot.choice,
        sequence: ballot.sequence,
        castAt: ballot.castAt,
        receipt: ballot.receipt,
        offline: ballot.offlineMeeting !== null,
        confirmation: ballot.confirmation,
      }));
    const disputed: DisputedBallotDto[] = ballots
      // A dispute names its unit: in a secret ballot that still hides its voters, only the unit's own is shown.
      .filter((ballot) => visible || own.has(ballot.voterKey))
      .filter((ballot) => ballot.confirmation === 'disputed' && ballot.offlineMeeting)
      .map((ballot) => ({
        voterKey: ballot.voterKey,
        memberId: memberIdOf(ballot.voterKey),
        comment: ballot.confirmationComment,
        disputedBy: ballot.confirmedBy?.fullName ?? null,
        disputedAt: ballot.confirmedAt,
        meetingId: ballot.offlineMeeting!.id,
      }));
    return {
      ...PollDto.from(poll),
      progress: { voted, members, text: { vi: `${voted}/${members} ${noun.vi} đã bỏ phiếu`, en: `${voted} of ${members} ${noun.en} have voted` } },
      allVoted: voted === members,
      voters,
      mine,
      disputed,
    };
  }

  /** The poll as opened, without progress. @throws AppError POLL_NOT_FOUND. */
  async get(pollId: string): Promise<PollDto> {
    return PollDto.from(await this.writer.find(this.em.fork(), pollId));
  }

  /**
   * Closes every open poll whose deadline has passed (reason `deadline`) and returns the ids closed; safe to
   * call again. One poll that cannot be closed does not hold back the others: it is logged, and the first
   * such error is thrown after the rest are closed, so that a job retries.
   */
  async closeDuePolls(now: Date = this.clock.now()): Promise<string[]> {
    const due = await this.em.fork().find(Poll, { status: 'open', closesAt: { $lte: now } }, { fields: ['id'], orderBy: { closesAt: 'asc' } });
    const closed: string[] = [];
    let failure: unknown;
    for (const { id } of due) {
      try {
        await this.closePoll(id, 'deadline');
        closed.push(id);
      } catch (error) {
        this.logger.error({ err: error, pollId: id }, 'Closing a poll at its deadline failed');
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return closed;
  }

  /** The poll opened with this idempotency key, if any. */
  async findByKey(key: string): Promise<PollDto | null> {
    const poll = await this.em.fork().findOne(Poll, { key });
    return poll ? PollDto.from(poll) : null;
  }

  /**
   * Records the ballots of a physical meeting with its minutes (biên bản); each unit then confirms or
   * disputes its ballot within the window. Only a secretary or an administrator records.
   * @throws AppError FORBIDDEN_ROLE, POLL_NOT_FOUND, POLL_CLOSED, NOT_IN_ELECTORATE, BALLOT_INVALID.
   */
  recordOfflineBallots(pollId: string, input: RecordOfflineBallotsInput, em?: EntityManager): Promise<OfflineMeetingDto> {
    return this.transaction(em, (tx) => this.offline.record(tx, pollId, input), 2);
  }

  /**
   * The unit's answer to the ballot recorded for it at a meeting; the caller has checked that the person
   * acts for the unit. A dispute needs a comment and is listed in the poll's status.
   * @throws AppError POLL_NOT_FOUND, OFFLINE_BALLOT_NOT_FOUND, OFFLINE_CONFIRM_CLOSED, COMMENT_REQUIRED.
   */
  confirmOffline(pollId: string, unitId: string, personId: string, decision: 'confirm' | 'dispute', comment?: string, em?: EntityManager): Promise<OfflineConfirmationDto> {
    return this.transaction(em, (tx) => this.offline.confirm(tx, pollId, unitId, personId, decision, comment), 1);
  }

  private async transaction<T>(em: EntityManager | undefined, work: (em: EntityManager) => Promise<T>, retries: number): Promise<T> {
    if (em) return em.isInTransaction() ? work(em) : em.transactional(work);
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.em.fork().transactional(work);
      } catch (cause) {
        // A racing insert of the same (poll, voter) or (key) committed first: the retry sees it and updates instead.
        if (attempt < retries && cause instanceof UniqueConstraintViolationException) continue;
        throw cause;
      }
    }
  }

  private async resultOf(em: EntityManager, poll: Poll, language: Language): Promise<PollResultDto> {
    const ballots = this.inElectorateOrder(poll, await em.find(Ballot, { poll: poll.id }));
    return PollResultDto.from(poll, ballots, language);
  }

  private inElectorateOrder(poll: Poll, ballots: Ballot[]): Ballot[] {
    const position = new Map(poll.electorate.map((id, index) => [id, index]));
    return [...ballots].sort((a, b) => (position.get(memberIdOf(a.voterKey)) ?? 0) - (position.get(memberIdOf(b.voterKey)) ?? 0));
  }

  private samePoll(existing: Poll, input: OpenPollInput): PollDto {
    const same = existing.subjectKind === input.subject.kind && existing.subjectId === input.subject.id && existing.subjectHash === input.subject.hash;
    if (!same) throw new AppError('POLL_KEY_REUSED', { key: input.key }, { pollId: existing.id });
    return PollDto.from(existing);
  }

  private async pollProblems(em: EntityManager, input: OpenPollInput, rule: VotingRule, memberIds: string[]): Promise<RuleProblem[]> {
    const problems: RuleProblem[] = [];
    const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
    const list = input.electorate.kind === 'units' ? 'unitIds' : 'personIds';
    if (!Array.isArray(memberIds) || memberIds.length === 0) {
      problem(`$.electorate.${list}`, 'EMPTY_ELECTORATE', 'the electorate needs at least one member');
    } else {
      if (new Set(memberIds).size !== memberIds.length) problem(`$.electorate.${list}`, 'DUPLICATE_MEMBER', 'a member is listed twice');
      const found = input.electorate.kind === 'units'
        ? await em.find(Unit, { id: { $in: memberIds }, archivedAt: null }, { fields: ['id'] })
        : await em.find(Person, { id: { $in: memberIds }, archivedAt: null }, { fields: ['id'] });
      const known = new Set(found.map((entity) => entity.id));
      memberIds.forEach((id, index) => known.has(id) || problem(`$.electorate.${list}[${index}]`, 'UNKNOWN_MEMBER', `no active ${input.electorate.kind === 'units' ? 'unit' : 'person'} ${id}`));
    }
    if (input.chairUnitId && (input.electorate.kind !== 'units' || !memberIds.includes(input.chairUnitId))) {
      problem('$.chairUnitId', 'CHAIR_NOT_MEMBER', 'the chair unit must be a member of a unit electorate');
    }
    if (rule.tieBreak === 'chair-decides' && !input.chairUnitId) problem('$.chairUnitId', 'CHAIR_REQUIRED', 'the rule lets the chair break a tie; name the chair unit');
    const candidates: PollCandidate[] | undefined = input.candidates;
    if (input.subject.kind === 'candidates') {
      if (!candidates?.length) problem('$.candidates', 'CANDIDATES_REQUIRED', 'a poll on candidates needs the candidate list');
      else if (new Set(candidates.map((candidate) => candidate.id)).size !== candidates.length) problem('$.candidates', 'DUPLICATE_CANDIDATE', 'a candidate is listed twice');
    } else if (candidates !== undefined) {
      problem('$.candidates', 'CANDIDATES_NOT_ALLOWED', `a poll on a ${input.subject.kind} takes agree, disagree or abstain, not candidates`);
    }
    if (input.closesAt && input.closesAt.getTime() <= this.clock.now().getTime()) problem('$.closesAt', 'CLOSES_IN_THE_PAST', 'the deadline has already passed');
    return problems;
  }
}
