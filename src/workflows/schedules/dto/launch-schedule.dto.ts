import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SCHEDULE_SHIFTS, SCHEDULE_SUBJECT_KINDS } from '../entities/launch-schedule.entity';
import type { ScheduleShift, ScheduleSubjectKind } from '../entities/launch-schedule.entity';
import { UNIT_TYPES } from '../schedule-subjects';

export class ScheduleIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class CreateLaunchScheduleDto {
  @ApiProperty({ example: 'cluster-year-end', description: 'The key of a workflow definition; its latest published version is launched at run time' })
  @IsString() @MinLength(1) @MaxLength(100)
  workflowKey!: string;

  @ApiProperty({ example: 2020, minimum: 2000, maximum: 2100 })
  @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiProperty({ enum: SCHEDULE_SUBJECT_KINDS })
  @IsIn(SCHEDULE_SUBJECT_KINDS)
  subjectKind!: ScheduleSubjectKind;

  @ApiPropertyOptional({ enum: UNIT_TYPES, description: 'Required with units-of-type' })
  @IsOptional() @IsIn(UNIT_TYPES)
  unitType?: string;

  @ApiProperty({ example: '--11-15', description: '--MM-DD in the year (Vietnam time)' })
  @IsString() @MaxLength(20)
  date!: string;

  @ApiPropertyOptional({ enum: SCHEDULE_SHIFTS, default: 'none' })
  @IsOptional() @IsIn(SCHEDULE_SHIFTS)
  shift?: ScheduleShift;

  @ApiPropertyOptional({ example: 'Tổng kết, chấm điểm năm {year} — {subject}', description: '{year} and {subject} are filled in' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255)
  nameTemplate?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateLaunchScheduleDto {
  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ example: '--11-15' })
  @IsOptional() @IsString() @MaxLength(20)
  date?: string;

  @ApiPropertyOptional({ enum: SCHEDULE_SHIFTS })
  @IsOptional() @IsIn(SCHEDULE_SHIFTS)
  shift?: ScheduleShift;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MinLength(1) @MaxLength(255)
  nameTemplate?: string;

  @ApiPropertyOptional({ description: 'The version read; a stale one gets 409 LAUNCH_SCHEDULE_CHANGED' })
  @IsOptional() @IsInt() @Min(1) @Max(2147483647)
  version?: number;
}

export class ScheduleRunSummaryDto {
  @ApiProperty() finishedAt!: string;
  @ApiProperty() year!: number;
  @ApiProperty() subjects!: number;
  @ApiProperty() launched!: number;
  @ApiProperty() existed!: number;
  @ApiProperty() failed!: number;
}

export class ScheduleResultCountsDto {
  @ApiProperty() subjects!: number;
  @ApiProperty() launched!: number;
  @ApiProperty() existed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Subjects not attempted yet' }) pending!: number;
}

export class LaunchScheduleDto {
  @ApiProperty() id!: string;
  @ApiProperty() workflowKey!: string;
  @ApiProperty() workflowName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: SCHEDULE_SUBJECT_KINDS }) subjectKind!: ScheduleSubjectKind;
  @ApiProperty({ type: String, nullable: true }) unitType!: string | null;
  @ApiProperty({ example: '--11-15' }) date!: string;
  @ApiProperty({ enum: SCHEDULE_SHIFTS }) shift!: ScheduleShift;
  @ApiProperty() nameTemplate!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The day the rule gives in the year (YYYY-MM-DD, Vietnam)' }) runDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Start of the run day in Vietnam; null when disabled or every subject is launched' }) nextRunAt!: string | null;
  @ApiProperty({ type: ScheduleRunSummaryDto, nullable: true }) lastRun!: ScheduleRunSummaryDto | null;
  @ApiProperty({ type: ScheduleResultCountsDto }) results!: ScheduleResultCountsDto;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class LaunchScheduleListDto {
  @ApiProperty({ type: [LaunchScheduleDto] }) items!: LaunchScheduleDto[];
}

export class ScheduleCampaignRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class ScheduledLaunchDto {
  @ApiProperty({ example: 'cluster:…' }) subjectKey!: string;
  @ApiProperty({ enum: ['cluster', 'unit'] }) subjectKind!: 'cluster' | 'unit';
  @ApiProperty() subjectId!: string;
  @ApiProperty() subjectName!: string;
  @ApiProperty({ enum: ['launched', 'existed', 'failed', 'pending'] }) status!: 'launched' | 'existed' | 'failed' | 'pending';
  @ApiProperty({ type: ScheduleCampaignRefDto, nullable: true }) campaign!: ScheduleCampaignRefDto | null;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, enum: ['launched', 'existed', 'failed'] }) lastOutcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
}

export class ScheduledLaunchListDto {
  @ApiProperty({ type: ScheduleRunSummaryDto, nullable: true }) lastRun!: ScheduleRunSummaryDto | null;
  @ApiProperty({ type: [ScheduledLaunchDto] }) items!: ScheduledLaunchDto[];
}

export class RunNowResultDto {
  @ApiProperty({ description: 'The run’s job id (deterministic: a run under way is not added twice)' }) jobId!: string;
  @ApiProperty({ description: 'Subjects the run attempts' }) subjects!: number;
}
