import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { ELECTORATE_KINDS, POLL_SUBJECT_KINDS } from '../entities/poll.entity';

/** `?lang=` picks the language of messages and summaries; it must survive `forbidNonWhitelisted`. */
export class PollLanguageQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class PollIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class PollSubjectInputDto {
  @ApiProperty({ enum: POLL_SUBJECT_KINDS })
  @IsIn(POLL_SUBJECT_KINDS)
  kind!: (typeof POLL_SUBJECT_KINDS)[number];

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255)
  id!: string;

  @ApiProperty({ description: 'Content hash of the subject (e.g. a document version\'s contentHash)' })
  @IsString() @MinLength(1) @MaxLength(128)
  hash!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500)
  label!: string;
}

export class ElectorateInputDto {
  @ApiProperty({ enum: ELECTORATE_KINDS })
  @IsIn(ELECTORATE_KINDS)
  kind!: (typeof ELECTORATE_KINDS)[number];

  @ApiPropertyOptional({ type: [String], description: 'Kind `units`: the member units' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Kind `people`: the council members' })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  personIds?: string[];
}

export class CandidateInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255)
  id!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500)
  label!: string;
}

/** An ad-hoc poll (administrators); workflow stages open theirs through PollsService. */
export class CreatePollDto {
  @ApiProperty({ type: PollSubjectInputDto })
  @ValidateNested() @Type(() => PollSubjectInputDto)
  subject!: PollSubjectInputDto;

  @ApiProperty({ type: ElectorateInputDto })
  @ValidateNested() @Type(() => ElectorateInputDto)
  electorate!: ElectorateInputDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  chairUnitId?: string | null;

  @ApiProperty({ description: 'A voting rule (see parseVotingRule); {} is "more than 1/2 of members, open ballot"', example: { denominator: 'members', threshold: '1/2', comparison: '>' } })
  @IsObject()
  rule!: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional() @IsDateString()
  closesAt?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  campaignId?: string | null;

  @ApiPropertyOptional({ description: 'Idempotency key: opening twice with it returns the same poll' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255)
  key?: string;

  @ApiPropertyOptional({ type: [CandidateInputDto], description: 'Required for subject kind `candidates`' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CandidateInputDto)
  candidates?: CandidateInputDto[];
}

export class CastBallotDto {
  @ApiProperty({
    description: '"agree", "disagree" or "abstain"; for a candidate poll { candidateIds: [...] }',
    oneOf: [{ type: 'string', enum: ['agree', 'disagree', 'abstain'] }, { type: 'object', properties: { candidateIds: { type: 'array', items: { type: 'string' } } } }],
  })
  @IsDefined()
  choice!: unknown;

  @ApiPropertyOptional({ description: 'The subject hash the voter read; refused with 409 POLL_SUBJECT_CHANGED when it is not the poll\'s' })
  @IsOptional() @IsString() @MaxLength(128)
  expectedSubjectHash?: string;
}

export class MinutesInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500)
  title!: string;

  @ApiProperty({ format: 'date-time' }) @IsDateString()
  heldAt!: string;

  @ApiProperty({ description: 'The text of the minutes (biên bản)' }) @IsString() @MinLength(1) @MaxLength(100_000)
  text!: string;
}

export class OfflineBallotInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  unitId!: string;

  @ApiProperty({ description: 'As for an online ballot' }) @IsDefined()
  choice!: unknown;
}

export class RecordOfflineBallotsDto {
  @ApiProperty({ type: MinutesInputDto })
  @ValidateNested() @Type(() => MinutesInputDto)
  minutes!: MinutesInputDto;

  @ApiProperty({ type: [OfflineBallotInputDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => OfflineBallotInputDto)
  ballots!: OfflineBallotInputDto[];

  @ApiProperty({ minimum: 1, maximum: 720, description: 'Hours each unit has to confirm or dispute its ballot' })
  @IsInt() @Min(1) @Max(720)
  confirmWindowHours!: number;
}

export class ConfirmOfflineBallotDto {
  @ApiProperty({ enum: ['confirm', 'dispute'] })
  @IsIn(['confirm', 'dispute'])
  decision!: 'confirm' | 'dispute';

  @ApiPropertyOptional({ description: 'Required to dispute: what the minutes got wrong' })
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}
