import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { UNIT_TYPES } from '../../schedules/schedule-subjects';
import type { UnitType } from '../../schedules/schedule-subjects';
import { LAUNCH_SUBJECT_KINDS } from '../campaign-launches.service';
import type { LaunchSubjectKind } from '../campaign-launches.service';

export class LaunchRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A published workflow version' })
  @IsUUID()
  workflowVersionId!: string;

  @ApiProperty({ example: 2020, minimum: 2000, maximum: 2100 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ enum: LAUNCH_SUBJECT_KINDS, description: 'every-cluster: one campaign per active cluster of the year (the cascade)' })
  @IsIn(LAUNCH_SUBJECT_KINDS)
  subjectKind!: LaunchSubjectKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'With subjectKind cluster' })
  @IsOptional() @IsUUID()
  clusterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'With subjectKind unit' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: UNIT_TYPES, description: 'With subjectKind units-of-type' })
  @IsOptional() @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @ApiPropertyOptional({ example: '2020-02-13', description: 'The start day in the year (Vietnam); due dates count from it while it is ahead. Default: today in this year, else 1 January' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn?: string;

  @ApiPropertyOptional({ example: 'Giao ước thi đua năm {year} – {subject}', description: '{year} and {subject} are filled in' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255)
  nameTemplate?: string;
}

class LaunchWorkflowDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
}

class TimetableRowDto {
  @ApiProperty() stageKey!: string;
  @ApiProperty() name!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'The earliest start: when the previous stage is due at the latest' }) startsAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ type: [String] }) reminders!: string[];
}

class PinnedVersionDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
}

class PinnedDto {
  @ApiProperty({ type: [PinnedVersionDto] }) forms!: PinnedVersionDto[];
  @ApiProperty({ type: [PinnedVersionDto] }) scoringTables!: PinnedVersionDto[];
}

class LaunchProblemDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

class FirstTaskDto {
  @ApiProperty({ description: 'The stage’s name' }) stage!: string;
  @ApiProperty({ description: 'The unit’s or person’s name' }) assignee!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dueAt!: string | null;
}

class CampaignRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class LaunchSubjectDto {
  @ApiProperty({ enum: ['cluster', 'unit'] }) kind!: 'cluster' | 'unit';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['ready', 'launched', 'skipped', 'refused'], description: 'skipped: the workflow already runs for it this year (cascades only)' })
  outcome!: string;
  @ApiProperty() campaignName!: string;
  @ApiPropertyOptional({ nullable: true, type: CampaignRefDto }) campaign!: CampaignRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: LaunchProblemDto }) problem!: LaunchProblemDto | null;
  @ApiProperty({ type: [FirstTaskDto] }) firstTasks!: FirstTaskDto[];
}

export class LaunchPlanDto {
  @ApiProperty({ type: LaunchWorkflowDto }) workflow!: LaunchWorkflowDto;
  @ApiProperty() year!: number;
  @ApiProperty({ example: '2020-02-13' }) startsOn!: string;
  @ApiProperty({ description: 'When the first stage’s time starts: the start day, or now once it has passed' }) countedFrom!: string;
  @ApiProperty({ description: 'Whether campaigns were launched (false for a preview)' }) launched!: boolean;
  @ApiProperty({ type: [TimetableRowDto] }) schedule!: TimetableRowDto[];
  @ApiProperty({ type: PinnedDto }) pinned!: PinnedDto;
  @ApiProperty({ type: [LaunchSubjectDto] }) subjects!: LaunchSubjectDto[];
}

/** A launch request and how the dry run's synthetic actors behave. */
export class SimulationRequestDto extends LaunchRequestDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 0, description: 'Share of units that act only after their due date' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  lateShare?: number;

  @ApiPropertyOptional({ type: [String], description: 'Codes of units that vote against in every vote' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  votesAgainst?: string[];

  @ApiPropertyOptional({ description: 'Code of a unit that declines to sign the first time it is asked' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  declines?: string;

  @ApiPropertyOptional({ description: 'Code of a unit that proposes an amendment in the first discussion (the others vote on it)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  amends?: string;

  @ApiPropertyOptional({ example: '2020-06-30', description: 'The last day rehearsed (Vietnam); default: 30 March of the following year' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  until?: string;

  @ApiPropertyOptional({ default: 1, description: 'Seed of the choice of late units (the same seed, the same run)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

class BilingualDto {
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

class SimulatedStageDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: BilingualDto }) name!: BilingualDto;
  @ApiProperty({ description: 'Virtual time' }) enteredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) outcome!: string | null;
}

class TimelineEntryDto {
  @ApiProperty({ description: 'Virtual time' }) at!: string;
  @ApiProperty({ enum: ['launch', 'action', 'reminder', 'deadline', 'stage', 'refusal', 'end'] }) kind!: string;
  @ApiProperty() vi!: string;
  @ApiProperty() en!: string;
}

class MissedDeadlineDto {
  @ApiProperty({ type: BilingualDto }) stage!: BilingualDto;
  @ApiProperty() assignee!: string;
  @ApiProperty() dueAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Done after its due time; null when still open' }) doneAt!: string | null;
}

class SimulatedWorkflowDto {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
}

/** What a dry run found; nothing of it was kept. */
export class SimulationReportDto {
  @ApiProperty({ type: SimulatedWorkflowDto }) workflow!: SimulatedWorkflowDto;
  @ApiProperty() subject!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() endedAt!: string;
  @ApiProperty({ description: 'running (stopped at the horizon or waiting), completed, cancelled or refused' }) status!: string;
  @ApiProperty({ type: [BilingualDto] }) activeStages!: BilingualDto[];
  @ApiProperty({ type: [SimulatedStageDto] }) stages!: SimulatedStageDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
  @ApiProperty() remindersSent!: number;
  @ApiProperty() noticesSent!: number;
  @ApiProperty({ type: [MissedDeadlineDto] }) missedDeadlines!: MissedDeadlineDto[];
  @ApiProperty({ type: [String], description: 'Names of the units the scenario made late' }) lateUnits!: string[];
  @ApiProperty({ type: BilingualDto }) stoppedBecause!: BilingualDto;
}
