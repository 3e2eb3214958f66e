import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { LanguageQueryDto } from '../../org/dto/dto-helpers';
import { CommendationDto } from '../dto/commendation.dto';
import { DecisionSignedDto } from '../dto/decision-fields';
import { EXAMPLE_KINDS, type AdvancedExample, type ExampleKind } from '../entities/advanced-example.entity';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../entities/commendation-proposal.entity';
import { DISCIPLINE_LEVELS, INITIATIVE_SCOPES, TASK_RESULTS, TITLE_SUBJECTS, type TitleSubject } from '../rules/rule-pack';

/** Whose eligibility for which title in which year. */
export class EligibilityQueryDto extends LanguageQueryDto {
  @ApiProperty({ minimum: 1945, maximum: 2100, example: 2020, description: 'The evaluation year; it selects the rule pack in force' })
  @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'CSTDCS', description: "A title code of the year's rule pack (LDTT, CSTDCS, TTLDXS, …)" })
  @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'The proposing unit: its staff that year are the candidates of a personal title; the unit itself of a collective one' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this member of the unit' })
  @IsOptional() @IsUUID()
  personId?: string;
}

export class EligibilityReasonDto {
  @ApiProperty({ example: 'CSTDCS.same-year-LDTT', description: "The rule's id in the pack" }) rule!: string;
  @ApiProperty({ example: 'Luật Thi đua, khen thưởng 2003, Điều 23' }) source!: string;
  @ApiProperty({ oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['pending-vote'] }], description: 'Met, not met, or left to the vote' }) met!: boolean | 'pending-vote';
  @ApiProperty({ example: 'Chưa đủ điều kiện CSTĐCS năm 2020: chưa có danh hiệu Lao động tiên tiến năm 2020' }) text!: string;
}

export class EligibilityCandidateDto {
  @ApiProperty({ enum: TITLE_SUBJECTS }) subject!: TitleSubject;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) name!: string;
  @ApiProperty({ description: 'No rule fails (a vote may still be needed)' }) eligible!: boolean;
  @ApiProperty({ description: 'Some condition is a vote share that only the vote decides' }) pendingVote!: boolean;
  @ApiProperty({ type: [EligibilityReasonDto] }) reasons!: EligibilityReasonDto[];
}

export class RulePackRefDto {
  @ApiProperty({ example: 'rules-before-2024' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2018-01-01' }) effectiveFrom!: string;
}

export class TitleRefDto {
  @ApiProperty({ example: 'CSTDCS' }) code!: string;
  @ApiProperty({ example: 'Chiến sĩ thi đua cơ sở' }) name!: string;
  @ApiProperty({ enum: TITLE_SUBJECTS }) subject!: TitleSubject;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class EligibilityListDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: RulePackRefDto }) pack!: RulePackRefDto;
  @ApiProperty({ type: TitleRefDto }) title!: TitleRefDto;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ type: [EligibilityCandidateDto] }) candidates!: EligibilityCandidateDto[];
  @ApiProperty({ type: [String], example: ['Trong giới hạn: tối đa 15% × 13 người có LĐTT = 1,95 → 1 CSTĐCS (đề nghị 1)'], description: 'The caps on proposing every eligible candidate' })
  caps!: string[];
}

/** Annulling an award: why, and by which decision. */
export class RevocationDto {
  @ApiProperty({ example: 'Phát hiện vi phạm trong năm được khen thưởng', description: 'Required (422 REVOCATION_REASON_REQUIRED when blank)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ example: '45/QĐ-VKSTC', description: 'The number of the decision that annuls it' })
  @IsOptional() @IsString() @MaxLength(60)
  decisionNumber?: string;
}

export class RecordsImportCountsDto {
  @ApiProperty() staff!: number;
  @ApiProperty({ name: 'unit-result' }) 'unit-result'!: number;
  @ApiProperty() title!: number;
  @ApiProperty() initiative!: number;
  @ApiProperty() absence!: number;
  @ApiProperty() discipline!: number;
}

export class RecordsImportResultDto {
  @ApiProperty({ description: 'Data lines in the file' }) rows!: number;
  @ApiProperty({ type: RecordsImportCountsDto, description: 'Facts written, by kind (0 on a dry run)' }) created!: RecordsImportCountsDto;
  @ApiProperty() dryRun!: boolean;
}

export class RecordPersonDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() fullName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) position!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2015-09-01', description: 'Date of recruitment (ngày tuyển dụng)' }) recruitedOn!: string | null;
}

export class StaffYearDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiPropertyOptional({ type: String, nullable: true, enum: TASK_RESULTS }) taskResult!: string | null;
}

export class InitiativeRecordDto {
  @ApiProperty() name!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: INITIATIVE_SCOPES }) scope!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNumber!: string | null;
}

export class AbsenceDto {
  @ApiProperty({ example: '2020-03-01' }) from!: string;
  @ApiProperty({ example: '2020-05-31' }) to!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
}

export class DisciplineDto {
  @ApiProperty({ enum: DISCIPLINE_LEVELS }) level!: string;
  @ApiProperty() violationDate!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionDate!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNumber!: string | null;
}

export class ExampleRecordDto {
  static from(example: AdvancedExample): ExampleRecordDto {
    return { id: example.id, kind: example.kind, title: example.title, year: example.year, person: example.person?.fullName ?? null };
  }


  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXAMPLE_KINDS }) kind!: ExampleKind;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The person nominated (a unit record lists its people’s too); null for the unit itself' }) person!: string | null;
}

export class PersonRecordDto {
  @ApiProperty({ type: RecordPersonDto }) person!: RecordPersonDto;
  @ApiProperty({ type: [StaffYearDto] }) years!: StaffYearDto[];
  @ApiProperty({ type: [CommendationDto], description: 'Titles and commendations by year, revoked ones included and marked' }) commendations!: CommendationDto[];
  @ApiProperty({ type: [InitiativeRecordDto] }) initiatives!: InitiativeRecordDto[];
  @ApiProperty({ type: [AbsenceDto] }) absences!: AbsenceDto[];
  @ApiProperty({ type: [DisciplineDto] }) disciplines!: DisciplineDto[];
  @ApiProperty({ type: [ExampleRecordDto], description: 'Accepted advanced examples and good deeds' }) examples!: ExampleRecordDto[];
}

export class TitleCountDto {
  @ApiProperty({ example: 'LDTT' }) code!: string;
  @ApiProperty({ example: { vi: 'Lao động tiên tiến', en: 'Advanced Worker' } }) label!: { vi: string; en?: string };
  @ApiProperty({ example: 9 }) count!: number;
}

export class UnitYearDto {
  @ApiProperty() year!: number;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Whether the unit was evaluated and graded that year; null when not recorded' }) evaluated!: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, enum: TASK_RESULTS }) taskResult!: string | null;
  @ApiProperty({ description: 'People on its staff that year' }) staff!: number;
  @ApiProperty({ type: [TitleCountDto], description: "Its staff's personal titles and commendations that year (revoked ones not counted), by title" })
  personalTitles!: TitleCountDto[];
}

export class UnitStaffDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [Number], description: 'The years they served in the unit' }) years!: number[];
}

export class UnitRecordDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ type: [UnitYearDto], description: 'Every year with a result, staff or an award, in order' }) years!: UnitYearDto[];
  @ApiProperty({ type: [CommendationDto], description: "The unit's own titles and commendations, revoked ones included and marked" }) commendations!: CommendationDto[];
  @ApiProperty({ type: [InitiativeRecordDto], description: "The unit's own recognised initiatives" }) initiatives!: InitiativeRecordDto[];
  @ApiProperty({ type: [UnitStaffDto], description: 'Everyone who served in it, by name' }) staff!: UnitStaffDto[];
  @ApiProperty({ type: [ExampleRecordDto], description: 'Its accepted nominations: of itself and of its people' }) examples!: ExampleRecordDto[];
}

/** An administrator's override of a failed eligibility: the written reason is required and kept. */
export class OverrideDto {
  @ApiPropertyOptional({ example: 'Có thành tích đột xuất trong phòng, chống tội phạm', description: 'Required (422 OVERRIDE_REASON_REQUIRED when blank)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

export class ProposedCandidateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member of the unit’s staff that year (personal titles)' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ type: OverrideDto, description: 'Administrators only (403 OVERRIDE_FORBIDDEN): propose although not eligible' })
  @IsOptional() @ValidateNested() @Type(() => OverrideDto)
  override?: OverrideDto;

  @ApiPropertyOptional({ example: 'Trực tiếp phát hiện, kiến nghị khắc phục vi phạm trong vụ án…', description: 'The achievement (tóm tắt thành tích): required for a commendation form (422 PROPOSAL_ACCOUNT_REQUIRED)' })
  @IsOptional() @IsString() @MaxLength(4000)
  account?: string;
}

/** A unit proposes candidates for a title of a year, in its order of priority (the caps keep the first). */
export class ProposeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 2020 }) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'CSTDCS' }) @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title!: string;

  @ApiPropertyOptional({ type: [ProposedCandidateDto], description: 'The people proposed; for a collective title the unit itself (leave empty, or one entry with an override)' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ProposedCandidateDto)
  candidates?: ProposedCandidateDto[];
}

export class ProposalQueryDto extends LanguageQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 2020 }) @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ example: 'CSTDCS' }) @IsOptional() @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title?: string;
}

export class ProposalCandidateDto {
  @ApiProperty({ enum: TITLE_SUBJECTS }) subject!: TitleSubject;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ProposalCandidateDto }) candidate!: ProposalCandidateDto;
  @ApiProperty({ nullable: true, description: 'The account of the achievement, as proposed' }) account!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty({ example: 'CSTDCS' }) title!: string;
  @ApiProperty({ example: 'rules-before-2024', description: 'The rule pack that judged it' }) packKey!: string;
  @ApiProperty({ description: 'Eligible when proposed; false only with an override' }) eligible!: boolean;
  @ApiProperty({ type: [EligibilityReasonDto], description: 'The reasons as they read when proposed' }) reasons!: EligibilityReasonDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) overrideReason!: string | null;
  @ApiProperty() proposedAt!: Date;
  @ApiProperty({ enum: PROPOSAL_STATUSES, description: 'proposed → in-vote (the council’s poll) → awarded or not-awarded (the decision)' }) status!: ProposalStatus;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The council’s poll (GET /api/v1/polls/:id; council members vote with POST …/ballots)' }) pollId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '15/QĐ-VKS', description: 'The decision that followed the vote' }) decisionNumber!: string | null;
}

/** Which proposals the council is to vote on: a title's, in a year, from every unit. */
export class OpenProposalVoteDto {
  @ApiProperty({ minimum: 1945, maximum: 2100, example: 2020 })
  @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year!: number;

  @ApiProperty({ example: 'CSTDCS', description: "A title code of the year's rule pack" })
  @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title!: string;
}

/** The decision that follows the council's vote on proposals. */
export class DecideProposalsDto extends DecisionSignedDto {
  @ApiPropertyOptional({ example: 'Viện trưởng VKSND tỉnh Thanh Hóa', maxLength: 255, description: 'Required: who issued it' })
  @IsOptional() @IsString() @MaxLength(255)
  issuer?: string;
}

export class ProposalVoteDecisionDto {
  @ApiProperty() number!: string;
  @ApiProperty({ example: '2020-12-28' }) signedOn!: string;
  @ApiProperty() issuer!: string;
}

/** A council vote on proposals (bình xét): the poll, the proposals it judges and, once recorded, the decision. */
export class ProposalVoteDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/polls/:id; council members vote with POST …/ballots, a choice per proposal id' }) pollId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ example: 'CSTDCS' }) title!: string;
  @ApiProperty({ example: 'Chiến sĩ thi đua cơ sở' }) titleName!: string;
  @ApiProperty({ type: [ProposalDto] }) proposals!: ProposalDto[];
  @ApiPropertyOptional({ type: ProposalVoteDecisionDto, nullable: true }) decision!: ProposalVoteDecisionDto | null;
}

/** Whose council votes to list: a year's. */
export class ProposalVoteQueryDto extends LanguageQueryDto {
  @ApiProperty({ example: 2020 }) @Type(() => Number) @IsInt() @Min(1945) @Max(2100)
  year!: number;
}

export class WaitingProposalsDto {
  @ApiProperty({ example: 'LDTT' }) title!: string;
  @ApiProperty({ example: 'Lao động tiên tiến' }) titleName!: string;
  @ApiProperty({ description: 'Proposals of the year for this title not yet put to the council' }) count!: number;
}

/** A year's council review: the titles whose proposals still wait, and each vote, the latest first. */
export class ProposalCouncilOverviewDto {
  @ApiProperty({ type: [WaitingProposalsDto] }) waiting!: WaitingProposalsDto[];
  @ApiProperty({ type: [ProposalVoteDto] }) votes!: ProposalVoteDto[];
}

