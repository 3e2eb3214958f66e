import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * The wizard's form as the browser posts it (every field a string, empty when not chosen); the controller turns it into
 * a LaunchRequest, so that the page and the API share one set of rules.
 */
export class LaunchFormDto {
  @IsOptional() @IsIn(['preview', 'launch', 'simulate']) action?: 'preview' | 'launch' | 'simulate';
  @IsOptional() @IsString() @MaxLength(64) workflowVersionId?: string;
  @IsOptional() @IsString() @MaxLength(8) year?: string;
  @IsOptional() @IsString() @MaxLength(32) subjectKind?: string;
  @IsOptional() @IsString() @MaxLength(64) clusterId?: string;
  @IsOptional() @IsString() @MaxLength(64) unitId?: string;
  @IsOptional() @IsString() @MaxLength(32) unitType?: string;
  @IsOptional() @IsString() @MaxLength(16) startsOn?: string;
  @IsOptional() @IsString() @MaxLength(255) nameTemplate?: string;
  // The dry run's scenario.
  @IsOptional() @IsString() @MaxLength(8) lateShare?: string;
  // One chosen option comes as a string, several as an array.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(32, { each: true }) votesAgainst?: string[];
  @IsOptional() @IsString() @MaxLength(32) declines?: string;
  @IsOptional() @IsString() @MaxLength(32) amends?: string;
  @IsOptional() @IsString() @MaxLength(12) seed?: string;
}

/** The cancel form of a running campaign. */
export class CancelCampaignFormDto {
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @IsOptional() @IsIn(['yes']) confirm?: string;
}

/** The version a running campaign moves to. */
export class MigrateCampaignFormDto {
  @IsUUID() workflowVersionId!: string;
}
