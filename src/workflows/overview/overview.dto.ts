import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LANGUAGES } from '../../common/i18n/language';

export class OverviewQueryDto {
  @ApiProperty({ example: 2020, minimum: 2000, maximum: 2100, description: 'The campaigns’ year' })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language of stage and workflow names (default: Accept-Language, else Vietnamese)' })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

/** Counts of a stage run's tasks, cancelled ones left out; in a reviewed stage a task is done once accepted. */
export class OverviewProgressDto {
  @ApiProperty() total!: number;
  @ApiProperty() done!: number;
  @ApiProperty() awaitingReview!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Tasks past their due date (open) or completed after it' }) late!: number;
}

export class OverviewStageDto {
  @ApiProperty() stageKey!: string;
  @ApiProperty({ description: 'The stage’s name in the pinned workflow, in the asked language' }) name!: string;
  @ApiProperty() iteration!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ description: 'Its deadline passed while it was open' }) overdue!: boolean;
  @ApiProperty({ type: OverviewProgressDto }) progress!: OverviewProgressDto;
}

export class OverviewCampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The pinned workflow’s name' }) workflowName!: string;
  @ApiProperty() workflowKey!: string;
  @ApiProperty() workflowVersion!: number;
  @ApiProperty({ enum: ['running', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [OverviewStageDto], description: 'The stages open now' }) currentStages!: OverviewStageDto[];
}

/** A cluster's campaigns (or a unit's, for campaigns whose subject is a unit). */
export class OverviewGroupDto {
  @ApiProperty({ enum: ['cluster', 'unit'] }) kind!: 'cluster' | 'unit';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [OverviewCampaignDto] }) campaigns!: OverviewCampaignDto[];
}

export class OverviewLatePlaceDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() stageName!: string;
  @ApiProperty() late!: number;
  @ApiProperty({ description: 'Of them, still open' }) overdue!: number;
}

export class OverviewLateUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: 'Late tasks: open past their due date, or completed after it' }) late!: number;
  @ApiProperty({ description: 'Of them, still open' }) overdue!: number;
  @ApiProperty({ type: [OverviewLatePlaceDto], description: 'The campaigns and stages they are in, most late first' }) places!: OverviewLatePlaceDto[];
}

export class OverviewDayDto {
  @ApiProperty({ example: '2020-03-02', description: 'A day in Vietnam (UTC+7)' }) day!: string;
  @ApiProperty({ description: 'Tasks assigned up to the end of that day (cancelled ones left out)' }) assigned!: number;
  @ApiProperty({ description: 'Tasks completed up to the end of that day' }) completed!: number;
}

export class OverviewTotalsDto {
  @ApiProperty() campaigns!: number;
  @ApiProperty() running!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ description: 'Tasks of the year’s campaigns, cancelled ones left out' }) tasks!: number;
  @ApiProperty({ description: 'Of them, completed' }) tasksDone!: number;
  @ApiProperty({ description: 'Late tasks assigned to units' }) late!: number;
  @ApiProperty({ description: 'Of them, still open' }) overdue!: number;
}

export class OverviewDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: OverviewTotalsDto }) totals!: OverviewTotalsDto;
  @ApiProperty({ type: [OverviewGroupDto], description: 'Clusters by name, then units by name; campaigns in the order launched' }) groups!: OverviewGroupDto[];
  @ApiProperty({ type: [OverviewLateUnitDto], description: 'Units with late tasks, most still open first, then most late' }) lateByUnit!: OverviewLateUnitDto[];
  @ApiProperty({ type: [OverviewDayDto], description: 'Every day from the first task assigned to the last change, cumulative' }) completion!: OverviewDayDto[];
}
