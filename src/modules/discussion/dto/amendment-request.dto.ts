import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { AMENDMENT_KINDS, AMENDMENT_STATUSES, AmendmentKind, AmendmentStatus } from '../entities/amendment.entity';

/**
 * A unit's proposal to change one clause of the latest version. Missing text or justification are reported
 * with their own codes (422) rather than as VALIDATION_FAILED, so that forms can say exactly what is missing.
 */
export class ProposeAmendmentDto {
  @ApiProperty({ minimum: 1, example: 1, description: 'The version proposed against; must be the latest' })
  @IsInt() @Min(1)
  baseVersion!: number;

  @ApiProperty({ enum: AMENDMENT_KINDS })
  @IsIn(AMENDMENT_KINDS)
  kind!: AmendmentKind;

  @ApiProperty({ type: String, nullable: true, example: 'c-2', description: 'The clause replaced or deleted; for an insert, the clause it follows (null: at the start)' })
  @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(64)
  clauseId!: string | null;

  @ApiPropertyOptional({ description: "replace: the new heading ('' removes it; absent keeps it); insert: the new clause's heading" })
  @IsOptional() @IsString() @MaxLength(500)
  heading?: string;

  @ApiPropertyOptional({ description: 'replace and insert: the new text' })
  @IsOptional() @IsString() @MaxLength(20000)
  text?: string;

  @ApiProperty({ example: 'Nâng chỉ tiêu cho phù hợp kết quả năm 2019' })
  @IsString() @MaxLength(5000)
  justification!: string;
}

export class AmendmentListQueryDto {
  @ApiPropertyOptional({ enum: AMENDMENT_STATUSES })
  @IsOptional() @IsIn(AMENDMENT_STATUSES)
  status?: AmendmentStatus;
}

export const DECISIONS = ['accepted', 'rejected'] as const;
export type AmendmentDecision = (typeof DECISIONS)[number];

export class DecideAmendmentDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: AmendmentDecision;

  @ApiPropertyOptional({ example: 'Biểu quyết ngày 20/02/2020: 5/6 đơn vị đồng ý' })
  @IsOptional() @IsString() @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The poll that decided it' })
  @IsOptional() @IsUUID()
  pollId?: string;
}
