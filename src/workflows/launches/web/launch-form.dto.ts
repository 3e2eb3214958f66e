import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * The wizard's form as the browser posts it (every field a string, empty when not chosen); the controller turns it into
 * a LaunchRequest, so that the page and the API share one set of rules.
 */
export class LaunchFormDto {
  @IsOptional() @IsIn(['preview', 'launch']) action?: 'preview' | 'launch';
  @IsOptional() @IsString() @MaxLength(64) workflowVersionId?: string;
  @IsOptional() @IsString() @MaxLength(8) year?: string;
  @IsOptional() @IsString() @MaxLength(32) subjectKind?: string;
  @IsOptional() @IsString() @MaxLength(64) clusterId?: string;
  @IsOptional() @IsString() @MaxLength(64) unitId?: string;
  @IsOptional() @IsString() @MaxLength(32) unitType?: string;
  @IsOptional() @IsString() @MaxLength(16) startsOn?: string;
  @IsOptional() @IsString() @MaxLength(255) nameTemplate?: string;
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
