import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TaskProposalsDto } from '../stages/propose/propose-task.dto';

export class StartableWorkflowDto {
  @ApiProperty({ example: 'unit-adhoc-commendation' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
}

/** A unit's officer starts a `startedBy: "unit"` workflow for their unit (X-Acting-Unit). */
export class StartUnitCampaignDto {
  @ApiProperty({ example: 'unit-adhoc-commendation' }) @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/)
  workflowKey!: string;

  @ApiPropertyOptional({ description: 'By default the workflow’s name, the unit and the day' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ example: 2020, description: 'The year the achievement belongs to; by default the current year' }) @IsOptional() @IsInt() @Min(2000) @Max(2100)
  year?: number;
}

/** The commendation form an accepted example is proposed for, e.g. `GIAY-KHEN`. */
export class ExampleCommendationDto {
  @ApiProperty({ example: 'GIAY-KHEN' }) @IsString() @Matches(/^[A-Z0-9-]{2,64}$/)
  title!: string;
}

export class ExampleRefusalDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class ExampleCommendationResultDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiPropertyOptional({ type: TaskProposalsDto, nullable: true, description: 'The proposal as recorded; null when refused' }) proposals!: TaskProposalsDto | null;
  @ApiPropertyOptional({ type: ExampleRefusalDto, nullable: true, description: 'Why the proposal was refused: the campaign then waits at its propose task' }) refusal!: ExampleRefusalDto | null;
}
