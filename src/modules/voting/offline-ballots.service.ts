import { EntityManager, raw } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { momentText } from '../../common/i18n/date-text';
import { Person } from '../org/entities/person.entity';
import { RoleGrant } from '../org/entities/role-grant.entity';
import { BallotWriter } from './ballot-writer.service';
import { BallotReceiptDto, OfflineConfirmationDto, OfflineMeetingDto } from './dto/poll-response.dto';
import { Ballot } from './entities/ballot.entity';
import { OfflineMeeting } from './entities/offline-meeting.entity';
import { Poll } from './entities/poll.entity';
import { ChoiceInput, normaliseChoice, voterKeyOf } from './poll-tally';
import { voterName } from './voter-name';

export interface RecordOfflineBallotsInput {
  secretaryPersonId: string;
  minutes: { title: string; heldAt: Date; text: string };
  ballots: Array<{ unitId: string; choice: ChoiceInput }>;
  confirmWindowHours: number;
}

/** Who may record a meeting's ballots. */
export const OFFLINE_RECORDER_ROLES = ['secretary', 'admin'] as const;

/**
 * Ballots cast in a physical meeting (họp trực tiếp): a secretary records them with the minutes (biên bản);
 * they count at once, and each unit confirms or disputes its own within the window. A disputed ballot
 * still counts as recorded, is listed in the poll's status, and the unit may replace it by casting its own
 * ballot before the close.
 */
@Injectable()
export class OfflineBallotsService {
  constructor(private readonly writer: BallotWriter) {}

  async record(em: EntityManager, pollId: string, input: RecordOfflineBallotsInput): Promise<OfflineMeetingDto> {
    const allowed = await em.count(RoleGrant, { person: input.secretaryPersonId, role: { $in: [...OFFLINE_RECORDER_ROLES] }, revokedAt: null });
    if (!allowed) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(OFFLINE_RECORDER_ROLES) });
    const poll = await this.writer.find(em, pollId);
    this.writer.assertOpen(poll);
    const seen = new Set<string>();
    const ballots: Array<{ unitId: string; choice: ReturnType<typeof normaliseChoice> }> = [];
    for (const { unitId, choice } of input.ballots) {
      if (poll.electorateKind !== 'units' || !poll.electorate.includes(unitId)) {
        throw new AppError('NOT_IN_ELECTORATE', { voter: await voterName(em, 'units', unitId) }, { voterKey: voterKeyOf('units', unitId) });
      }
      if (seen.has(unitId)) {
        const unit = await voterName(em, 'units', unitId);
        const reason = { vi: `${unit} có hai phiếu trong biên bản.`, en: `${unit} has two ballots in the minutes.` };
        throw new AppError('BALLOT_INVALID', { reason }, { reason, unitId });
      }
      seen.add(unitId);
      ballots.push({ unitId, choice: normaliseChoice(choice, poll.candidates) });
    }
    const sequences = await this.writer.takeSequences(em, poll, ballots.length);
    const now = this.writer.now();
    const meeting = em.create(OfflineMeeting, {
      poll,
      recordedBy: em.getReference(Person, input.secretaryPersonId),
      title: input.minutes.title,
      heldAt: input.minutes.heldAt,
      text: input.minutes.text,
      confirmBy: new Date(now.getTime() + input.confirmWindowHours * 3600 * 1000),
      createdAt: now,
      updatedAt: now,
    });
    const receipts: BallotReceiptDto[] = [];
    for (const [index, ballot] of ballots.entries()) {
      const voterKey = voterKeyOf('units', ballot.unitId);
      const written = await this.writer.record(em, poll, { voterKey, choice: ballot.choice, castBy: input.secretaryPersonId, mandateId: null, unitId: ballot.unitId, sequence: sequences[index], meeting });
      receipts.push(this.writer.receipt(poll, written.ballot, written.replaced, 0));
    }
    const voted = await em.count(Ballot, { poll: poll.id });
    return OfflineMeetingDto.from(meeting, receipts.map((receipt) => ({ ...receipt, allVoted: voted === poll.electorate.length })));
  }

  async confirm(em: EntityManager, pollId: string, unitId: string, personId: string, decision: 'confirm' | 'dispute', comment?: string): Promise<OfflineConfirmationDto> {
    const poll = await this.writer.find(em, pollId);
    const text = comment?.trim() || null;
    if (decision === 'dispute' && !text) throw new AppError('COMMENT_REQUIRED');
    // Takes the poll row (open or closed), so that a confirmation and a cast of the same unit do not interleave.
    await em.nativeUpdate(Poll, { id: poll.id }, { version: raw('version + 1') });
    const ballot = await em.findOne(Ballot, { poll: poll.id, voterKey: voterKeyOf('units', unitId), offlineMeeting: { $ne: null } }, { populate: ['offlineMeeting'], refresh: true });
    if (!ballot?.offlineMeeting) throw new AppError('OFFLINE_BALLOT_NOT_FOUND', { unit: await voterName(em, 'units', unitId) });
    const now = this.writer.now();
    if (now.getTime() > ballot.offlineMeeting.confirmBy.getTime()) {
      throw new AppError('OFFLINE_CONFIRM_CLOSED', { deadline: momentText(ballot.offlineMeeting.confirmBy) }, { confirmBy: ballot.offlineMeeting.confirmBy });
    }
    Object.assign(ballot, { confirmation: decision === 'confirm' ? 'confirmed' : 'disputed', confirmedBy: em.getReference(Person, personId), confirmationComment: text, confirmedAt: now, updatedAt: now });
    await em.flush();
    return {
      pollId: poll.id,
      voterKey: ballot.voterKey,
      confirmation: ballot.confirmation!,
      comment: text,
      confirmedBy: personId,
      confirmedAt: now,
      meetingId: ballot.offlineMeeting.id,
    };
  }
}
