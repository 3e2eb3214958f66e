import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Language } from '../../../common/i18n/language';
import type { Ballot, OfflineConfirmation, StoredChoice } from '../entities/ballot.entity';
import type { OfflineMeeting } from '../entities/offline-meeting.entity';
import { POLL_SUBJECT_KINDS, type CloseReason, type ElectorateKind, type Poll, type PollStatus, type PollSubjectKind } from '../entities/poll.entity';
import { memberIdOf } from '../poll-tally';
import { explain, Decision, VotingOutcome } from '../rules/tally';
import { formatFraction } from '../rules/fraction';
import type { VotingRule } from '../rules/voting-rule';

const CHOICE_SCHEMA = {
  oneOf: [{ type: 'string', enum: ['agree', 'disagree', 'abstain'] }, { type: 'object', properties: { candidateIds: { type: 'array', items: { type: 'string' } } } }],
};

export class PollTextDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

export class PollSubjectDto {
  @ApiProperty({ enum: POLL_SUBJECT_KINDS }) kind!: PollSubjectKind;
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The content hash the poll binds; ballots count for this text only' }) hash!: string;
  @ApiProperty() label!: string;
}

export class PollCandidateDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

export class FractionDto {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
}

/** The rule as stored (see VotingRule), with a one-line summary. */
export class VotingRuleDto {
  @ApiProperty({ enum: ['cast', 'present', 'members'] }) denominator!: string;
  @ApiProperty({ type: FractionDto }) threshold!: FractionDto;
  @ApiProperty({ enum: ['>', '>='] }) comparison!: string;
  @ApiProperty({ type: FractionDto, nullable: true }) quorum!: FractionDto | null;
  @ApiProperty() abstentionsCountTowardQuorum!: boolean;
  @ApiProperty() abstentionsCountInDenominator!: boolean;
  @ApiProperty({ enum: ['open', 'secret'] }) ballot!: string;
  @ApiProperty({ enum: ['chair-decides', 'status-quo', 'revote'] }) tieBreak!: string;
  @ApiProperty({ example: '> 1/2 of members' }) summary!: string;

  static from(rule: VotingRule): VotingRuleDto {
    const fraction = (value: { numerator: number; denominator: number }) => ({ numerator: value.numerator, denominator: value.denominator });
    return {
      denominator: rule.denominator,
      threshold: fraction(rule.threshold),
      comparison: rule.comparison,
      quorum: rule.quorum ? fraction(rule.quorum) : null,
      abstentionsCountTowardQuorum: rule.abstentionsCountTowardQuorum,
      abstentionsCountInDenominator: rule.abstentionsCountInDenominator,
      ballot: rule.ballot,
      tieBreak: rule.tieBreak,
      summary: `${rule.comparison} ${formatFraction(rule.threshold)} of ${rule.denominator}` + (rule.quorum ? `, quorum ${formatFraction(rule.quorum)} of members` : ''),
    };
  }
}

export class ElectorateDto {
  @ApiProperty({ enum: ['units', 'people'] }) kind!: ElectorateKind;
  @ApiProperty({ type: [String], description: 'Unit ids or person ids' }) memberIds!: string[];
}

const subjectOf = (poll: Poll): PollSubjectDto => ({ kind: poll.subjectKind, id: poll.subjectId, hash: poll.subjectHash, label: poll.subjectLabel });

/** A poll as opened: its subject, electorate, rule and state. */
export class PollDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ type: PollSubjectDto }) subject!: PollSubjectDto;
  @ApiProperty({ type: ElectorateDto }) electorate!: ElectorateDto;
  @ApiProperty({ type: String, nullable: true }) chairUnitId!: string | null;
  @ApiProperty({ type: VotingRuleDto }) rule!: VotingRuleDto;
  @ApiProperty({ type: [PollCandidateDto], nullable: true }) candidates!: PollCandidateDto[] | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: PollStatus;
  @ApiProperty() opensAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) closesAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, enum: ['deadline', 'all-voted', 'manual', 'stage-closed'] }) closeReason!: CloseReason | null;
  @ApiProperty({ type: String, nullable: true, enum: ['passed', 'failed', 'no-quorum', 'tie'] }) outcome!: VotingOutcome | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ description: 'Optimistic lock, bumped by every cast and by the close' }) version!: number;

  static from(poll: Poll): PollDto {
    return {
      id: poll.id,
      key: poll.key,
      subject: subjectOf(poll),
      electorate: { kind: poll.electorateKind, memberIds: [...poll.electorate] },
      chairUnitId: poll.chairUnitId,
      rule: VotingRuleDto.from(poll.rule),
      candidates: poll.candidates?.map(({ id, label }) => ({ id, label })) ?? null,
      status: poll.status,
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
      closedAt: poll.closedAt,
      closeReason: poll.closeReason,
      outcome: poll.outcome,
      campaignId: poll.campaignId,
      version: poll.version,
    };
  }
}

/** What the voter keeps: the receipt can be recomputed from these fields and the poll's subject hash. */
export class BallotReceiptDto {
  @ApiProperty() pollId!: string;
  @ApiProperty({ example: 'unit:…' }) voterKey!: string;
  @ApiProperty({ ...CHOICE_SCHEMA, description: 'Returned to the voter only' }) choice!: StoredChoice;
  @ApiProperty({ description: 'Poll-wide sequence of this cast' }) sequence!: number;
  @ApiProperty() castAt!: Date;
  @ApiProperty() subjectHash!: string;
  @ApiProperty({ description: 'sha256(canonical JSON of { pollId, subjectHash, voterKey, choice, sequence, castAt })' }) receipt!: string;
  @ApiProperty({ description: 'Whether a ballot of this voter was already counted and is now replaced' }) replaced!: boolean;
  @ApiProperty({ description: 'Whether every member has now voted (the caller may close the poll)' }) allVoted!: boolean;
}

export class PollProgressDto {
  @ApiProperty() voted!: number;
  @ApiProperty() members!: number;
  @ApiProperty({ type: PollTextDto, example: { vi: '3/6 đơn vị đã bỏ phiếu', en: '3 of 6 units have voted' } }) text!: PollTextDto;
}

export class VoterDto {
  @ApiProperty() voterKey!: string;
  @ApiProperty({ description: 'The unit or person id' }) memberId!: string;
  @ApiProperty() castAt!: Date;
  @ApiProperty({ description: 'Recorded at a physical meeting' }) offline!: boolean;
  @ApiPropertyOptional({ ...CHOICE_SCHEMA, description: 'Open ballots only; never for a secret ballot' }) choice?: StoredChoice;
}

export class OwnBallotDto {
  @ApiProperty() voterKey!: string;
  @ApiProperty(CHOICE_SCHEMA) choice!: StoredChoice;
  @ApiProperty() sequence!: number;
  @ApiProperty() castAt!: Date;
  @ApiProperty() receipt!: string;
  @ApiProperty() offline!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['pending', 'confirmed', 'disputed'] }) confirmation!: OfflineConfirmation | null;
}

export class DisputedBallotDto {
  @ApiProperty() voterKey!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true }) disputedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) disputedAt!: Date | null;
  @ApiProperty() meetingId!: string;
}

/** Progress of a poll as a viewer may see it. */
export class PollStatusDto extends PollDto {
  @ApiProperty({ type: PollProgressDto }) progress!: PollProgressDto;
  @ApiProperty({ description: 'Whether every member has voted' }) allVoted!: boolean;
  @ApiProperty({ type: [VoterDto], nullable: true, description: 'Who has voted: always for an open ballot; for a secret ballot only once at least 3 ballots are in, and never with choices' })
  voters!: VoterDto[] | null;
  @ApiProperty({ type: [OwnBallotDto], description: "The viewer's own ballots (their units' or their own)" }) mine!: OwnBallotDto[];
  @ApiProperty({ type: [DisputedBallotDto], description: 'Ballots recorded at a meeting that the unit disputed' }) disputed!: DisputedBallotDto[];
}

export class CandidateResultDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() approvals!: number;
  @ApiProperty({ enum: ['passed', 'failed', 'no-quorum', 'tie'] }) outcome!: VotingOutcome;
  @ApiProperty({ type: PollTextDto }) explanation!: PollTextDto;
  @ApiProperty({ type: Object, description: 'Every number behind the decision (TallyArithmetic)' }) arithmetic!: Decision['arithmetic'];
}

export class CountedBallotDto {
  @ApiProperty() voterKey!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty(CHOICE_SCHEMA) choice!: StoredChoice;
  @ApiProperty() receipt!: string;
}

/** The result of a closed poll: the outcome, the rule and its arithmetic in words and numbers. */
export class PollResultDto {
  @ApiProperty() pollId!: string;
  @ApiProperty({ type: PollSubjectDto }) subject!: PollSubjectDto;
  @ApiProperty({ enum: ['passed', 'failed', 'no-quorum', 'tie'] }) outcome!: VotingOutcome;
  @ApiProperty({ type: VotingRuleDto }) rule!: VotingRuleDto;
  @ApiProperty() closedAt!: Date;
  @ApiProperty({ enum: ['deadline', 'all-voted', 'manual', 'stage-closed'] }) closeReason!: CloseReason;
  @ApiProperty() members!: number;
  @ApiProperty({ description: 'Counted ballots (one per voter)' }) ballots!: number;
  @ApiPropertyOptional({ description: 'Motion polls' }) agree?: number;
  @ApiPropertyOptional() disagree?: number;
  @ApiPropertyOptional() abstain?: number;
  @ApiProperty({ type: PollTextDto, description: 'The arithmetic in words and numbers, e.g. "4/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 8 > 6 → thông qua"' })
  explanation!: PollTextDto;
  @ApiProperty({ description: 'The explanation in the language of the request' }) summary!: string;
  @ApiPropertyOptional({ type: Object, description: 'Every number behind the decision (TallyArithmetic), motion polls' }) arithmetic?: Decision['arithmetic'];
  @ApiPropertyOptional({ type: [CandidateResultDto], description: 'Candidate polls: the rule applied to each candidate' }) candidates?: CandidateResultDto[];
  @ApiPropertyOptional({ type: [CountedBallotDto], description: 'Open ballots only: who chose what' }) counted?: CountedBallotDto[];

  static from(poll: Poll, ballots: Ballot[], language: Language): PollResultDto {
    const both = (decision: Decision): PollTextDto => ({ vi: explain(decision, 'vi'), en: explain(decision, 'en') });
    const candidates = poll.candidateDecisions?.map((entry) => ({
      id: entry.id,
      label: entry.label,
      approvals: entry.decision.arithmetic.agree,
      outcome: entry.decision.outcome,
      explanation: both(entry.decision),
      arithmetic: entry.decision.arithmetic,
    }));
    const explanation: PollTextDto = poll.decision
      ? both(poll.decision)
      : {
          vi: (candidates ?? []).map((entry) => `${entry.label}: ${entry.explanation.vi}`).join('\n'),
          en: (candidates ?? []).map((entry) => `${entry.label}: ${entry.explanation.en}`).join('\n'),
        };
    const arithmetic = poll.decision?.arithmetic;
    return {
      pollId: poll.id,
      subject: subjectOf(poll),
      outcome: poll.outcome!,
      rule: VotingRuleDto.from(poll.rule),
      closedAt: poll.closedAt!,
      closeReason: poll.closeReason!,
      members: poll.electorate.length,
      ballots: arithmetic?.ballots ?? ballots.length,
      ...(arithmetic && { agree: arithmetic.agree, disagree: arithmetic.disagree, abstain: arithmetic.abstain, arithmetic }),
      explanation,
      summary: explanation[language],
      ...(candidates && { candidates }),
      ...(poll.rule.ballot === 'open' && {
        counted: ballots.map((ballot) => ({ voterKey: ballot.voterKey, memberId: memberIdOf(ballot.voterKey), choice: ballot.choice, receipt: ballot.receipt })),
      }),
    };
  }
}

/** The meeting recorded, with the receipt of each ballot it recorded. */
export class OfflineMeetingDto {
  @ApiProperty() id!: string;
  @ApiProperty() pollId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() heldAt!: Date;
  @ApiProperty() text!: string;
  @ApiProperty() confirmBy!: Date;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ type: [BallotReceiptDto] }) receipts!: BallotReceiptDto[];

  static from(meeting: OfflineMeeting, receipts: BallotReceiptDto[]): OfflineMeetingDto {
    return {
      id: meeting.id,
      pollId: meeting.poll.id,
      title: meeting.title,
      heldAt: meeting.heldAt,
      text: meeting.text,
      confirmBy: meeting.confirmBy,
      recordedBy: meeting.recordedBy.id,
      receipts,
    };
  }
}

/** A unit's answer to the ballot recorded for it at a meeting. */
export class OfflineConfirmationDto {
  @ApiProperty() pollId!: string;
  @ApiProperty() voterKey!: string;
  @ApiProperty({ enum: ['confirmed', 'disputed'] }) confirmation!: OfflineConfirmation;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() confirmedBy!: string;
  @ApiProperty() confirmedAt!: Date;
  @ApiProperty() meetingId!: string;
}
