import { EntityManager, raw } from '@mikro-orm/core';
import { Injectable, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
import { BallotReceiptDto } from './dto/poll-response.dto';
import { Ballot, StoredChoice } from './entities/ballot.entity';
import { BallotRecord } from './entities/ballot-record.entity';
import { OfflineMeeting } from './entities/offline-meeting.entity';
import { Poll } from './entities/poll.entity';
import { receiptOf } from './poll-tally';

/** One cast to record: online (meeting null) or from a meeting's minutes. */
export interface CastRecord {
  voterKey: string;
  choice: StoredChoice;
  castBy: string;
  mandateId: string | null;
  unitId: string | null;
  sequence: number;
  meeting: OfflineMeeting | null;
}

/**
 * Writes ballots the one way both online casts and meeting records use: take the poll row and the next
 * sequence numbers, append the history record, make the ballot the voter's current one, hash the receipt.
 */
@Injectable()
export class BallotWriter {
  constructor(@Optional() private readonly clock: Clock = new Clock()) {}

  now(): Date {
    return this.clock.now();
  }

  async find(em: EntityManager, id: string): Promise<Poll> {
    const poll = await em.findOne(Poll, { id }, { refresh: true });
    if (!poll) throw new AppError('POLL_NOT_FOUND', { id });
    return poll;
  }

  /** Closed, or past its deadline even if the deadline job has not run yet. */
  assertOpen(poll: Poll): void {
    if (poll.status !== 'open' || (poll.closesAt && poll.closesAt.getTime() <= this.clock.now().getTime())) throw new AppError('POLL_CLOSED');
  }

  /**
   * Takes the poll row and the next `count` sequence numbers in one statement: concurrent casts wait for the
   * row (PostgreSQL) or the connection (SQLite), and a cast after the close finds no open row.
   */
  async takeSequences(em: EntityManager, poll: Poll, count: number): Promise<number[]> {
    const taken = await em.nativeUpdate(Poll, { id: poll.id, status: 'open' }, { version: raw('version + 1'), ballotSequence: raw(`ballot_sequence + ${count}`) });
    if (taken !== 1) throw new AppError('POLL_CLOSED');
    const fresh = await this.find(em, poll.id);
    return Array.from({ length: count }, (_, index) => fresh.ballotSequence - count + 1 + index);
  }

  /** Writes the history record and makes the ballot the voter's current one (update, or insert under the unique constraint). */
  async record(em: EntityManager, poll: Poll, cast: CastRecord): Promise<{ ballot: Ballot; replaced: boolean }> {
    const castAt = this.clock.now();
    const receipt = receiptOf({ pollId: poll.id, subjectHash: poll.subjectHash, voterKey: cast.voterKey, choice: cast.choice, sequence: cast.sequence, castAt });
    const fields = {
      choice: cast.choice,
      castBy: em.getReference(Person, cast.castBy),
      mandateId: cast.mandateId,
      unitId: cast.unitId,
      sequence: cast.sequence,
      receipt,
      castAt,
      offlineMeeting: cast.meeting,
      confirmation: cast.meeting ? ('pending' as const) : null,
      confirmedBy: null,
      confirmationComment: null,
      confirmedAt: null,
      updatedAt: castAt,
    };
    em.create(BallotRecord, { poll, voterKey: cast.voterKey, choice: cast.choice, castBy: fields.castBy, mandateId: cast.mandateId, unitId: cast.unitId, sequence: cast.sequence, receipt, castAt, offlineMeeting: cast.meeting, createdAt: castAt, updatedAt: castAt });
    const existing = await em.findOne(Ballot, { poll: poll.id, voterKey: cast.voterKey }, { refresh: true });
    const ballot = existing ? Object.assign(existing, fields) : em.create(Ballot, { poll, voterKey: cast.voterKey, ...fields, createdAt: castAt });
    await em.flush();
    return { ballot, replaced: existing !== null };
  }

  receipt(poll: Poll, ballot: Ballot, replaced: boolean, voted: number): BallotReceiptDto {
    return {
      pollId: poll.id,
      voterKey: ballot.voterKey,
      choice: ballot.choice,
      sequence: ballot.sequence,
      castAt: ballot.castAt,
      subjectHash: poll.subjectHash,
      receipt: ballot.receipt,
      replaced,
      allVoted: voted === poll.electorate.length,
    };
  }
}
