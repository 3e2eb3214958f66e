import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class SaveFormDraftDto {
  /** Checked against the pinned form version by the form validator (422 FORM_INVALID), not here. */
  @ApiProperty({ type: 'object', additionalProperties: true }) @Allow() data!: unknown;
}

export class SubmitFormDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @Allow() data!: unknown;

  /** The version the client rendered; 409 FORM_VERSION_MISMATCH when it is not the one the task pins. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() formVersionId?: string;
}

export class TaskFormDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ example: 'pact/title-registration' }) formKey!: string;
  @ApiProperty({ description: 'The pinned form version: render and submit against this one' }) formVersionId!: string;
  @ApiProperty() formVersionNumber!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) schema!: unknown;
  @ApiProperty({ enum: ['draft', 'submitted'], nullable: true, type: String }) status!: 'draft' | 'submitted' | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The latest draft or submission, as stored (cleaned)' })
  data!: Record<string, unknown> | null;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ description: 'Whether a submission is accepted now (open task, or resubmission before the due time)' }) canSubmit!: boolean;
}

export class ReviewFormDto {
  @ApiProperty({ enum: ['accept', 'return'] }) @IsIn(['accept', 'return']) decision!: 'accept' | 'return';

  /** Required to return: what the unit must fix (422 COMMENT_REQUIRED otherwise). */
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

/** A submission as its reviewer sees it. */
export class FormReviewDto extends TaskFormDto {
  @ApiProperty({ nullable: true, type: String, description: 'Unit code of the submitting unit' }) unitCode!: string | null;
  @ApiProperty({ enum: ['awaiting-review', 'accepted', 'returned', 'not-submitted'] }) review!: 'awaiting-review' | 'accepted' | 'returned' | 'not-submitted';
  @ApiProperty({ nullable: true, type: String, description: 'The reason given when it was returned' }) reviewComment!: string | null;
}
