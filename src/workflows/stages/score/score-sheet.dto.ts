import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class SaveScoreDraftDto {
  /** Checked against the pinned sheet form for formats and limits (422 FORM_INVALID), not for completeness. */
  @ApiProperty({ type: 'object', additionalProperties: true }) @Allow() data!: unknown;
}

export class SubmitScoreSheetDto {
  /** The sheet form's data; checked against the pinned sheet form and the table (422 SCORE_SHEET_INVALID). */
  @ApiProperty({ type: 'object', additionalProperties: true }) @Allow() data!: unknown;

  /** The table version the client rendered; 409 SCORE_TABLE_VERSION_MISMATCH when it is not the pinned one. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() tableVersionId?: string;
}

export class RecuseScoreSheetDto {
  @ApiProperty({ maxLength: 2000, description: 'Why the unit does not score this one (kept in the campaign history)' })
  @IsString() @MinLength(1) @MaxLength(2000)
  reason!: string;
}

/** The text fields sent with an evidence file (multipart). */
export class EvidenceFieldsDto {
  @ApiProperty({ example: 'I.3', description: 'The criterion code the file is evidence for' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/, { message: 'criterion must be a criterion code, e.g. I.3' })
  criterion!: string;
}

export class EvidenceFileDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'Download URL (the sheet’s own route)' }) url!: string;
}

export class CriterionEvidenceDto {
  @ApiProperty({ example: 'I.3' }) criterion!: string;
  @ApiProperty({ example: 'c_I_3', description: 'The Form.io field key of the criterion' }) path!: string;
  @ApiProperty({ description: 'Whether a submission needs at least one file here when the criterion is given points' }) required!: boolean;
  @ApiProperty({ type: [EvidenceFileDto] }) files!: EvidenceFileDto[];
}

export class UnitRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ScoreSheetViewDto {
  @ApiProperty() taskId!: string;
  @ApiProperty() sheetId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: ['self', 'peer', 'head', 'council', 'final'] }) kind!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'recused'] }) status!: 'draft' | 'submitted' | 'recused';
  @ApiProperty({ example: 'procuracy-cluster-2020' }) tableKey!: string;
  @ApiProperty({ description: 'The pinned table version: submit against this one' }) tableVersionId!: string;
  @ApiProperty() tableVersionNumber!: number;
  @ApiProperty({ example: 'scoring/procuracy-cluster-2020' }) formKey!: string;
  @ApiProperty() formVersionId!: string;
  @ApiProperty() formVersionNumber!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The pinned sheet form (Form.io)' }) schema!: unknown;
  @ApiProperty({ type: UnitRefDto }) scoredUnit!: UnitRefDto;
  @ApiProperty({ type: UnitRefDto, nullable: true }) scorerUnit!: UnitRefDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Full name of the scoring person (council members)' }) scorerPerson!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The draft or the submitted data (cleaned)' }) data!: Record<string, unknown> | null;
  @ApiProperty({ type: [CriterionEvidenceDto] }) evidence!: CriterionEvidenceDto[];
  @ApiProperty({ enum: ['as-table', 'required', 'optional'] }) evidenceRule!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Total in hundredths of a point, once submitted' }) total!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '87,50' }) totalText!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true, description: 'Group code → hundredths' }) groupTotals!: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: String }) recusalReason!: string | null;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() canSubmit!: boolean;
  @ApiProperty() canRecuse!: boolean;
}

export class ScoreMatrixRowDto {
  @ApiProperty() sheetId!: string;
  @ApiProperty() taskId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: ['self', 'peer', 'head', 'council', 'final'] }) kind!: string;
  @ApiProperty({ description: 'The scoring unit’s name, or the council member’s full name' }) scorer!: string;
  @ApiProperty({ nullable: true, type: String }) scorerCode!: string | null;
  @ApiProperty() scoredUnit!: string;
  @ApiProperty() scoredCode!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'recused'] }) status!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Hundredths of a point' }) total!: number | null;
  @ApiProperty({ nullable: true, type: String }) totalText!: string | null;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) recusalReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
}

export class ScoreMatrixDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ nullable: true, type: String }) stageKey!: string | null;
  @ApiProperty({ type: [ScoreMatrixRowDto] }) rows!: ScoreMatrixRowDto[];
}

export class ScoreMatrixQueryDto {
  @ApiPropertyOptional({ description: 'A score stage key; absent → every score stage of the campaign' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'stage must be a stage key' })
  stage?: string;
}
