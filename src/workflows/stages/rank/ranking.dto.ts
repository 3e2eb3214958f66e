import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/**
 * At most two decimals, judged on the value rather than its text: class-validator's maxDecimalPlaces reads `5e-324` as
 * having none, and such a number then broke the ranking's arithmetic (500).
 */
const HasCents = () =>
  ValidateBy({
    name: 'hasCents',
    validator: { validate: (value: unknown) => typeof value === 'number' && Number(value.toFixed(2)) === value, defaultMessage: () => '$property must have at most 2 decimal places' },
  });

/** The council's final adjustment of one unit's score (điều chỉnh điểm), with its reason. */
export class RankingAdjustmentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId!: string;

  /** Points added to the aggregate (negative to deduct), at most 2 decimals; 0 takes an earlier adjustment back. */
  @ApiProperty({ example: -1.5, minimum: -1000, maximum: 1000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasCents()
  @Min(-1000)
  @Max(1000)
  points!: number;

  /** Required (422 RANKING_ADJUSTMENT_REASON_REQUIRED when missing or blank). */
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class RankingUnitRefDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class RankingGradeDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class RankingRowDto {
  @ApiProperty() unitId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() ranked!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: '1-based; tied units share a rank' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Points (2 decimals) aggregated from the used sheets' }) aggregate!: number | null;
  @ApiProperty({ description: "The council's adjustment in points (0 when none)" }) adjustment!: number;
  @ApiProperty({ type: String, nullable: true }) adjustmentReason!: string | null;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: RankingGradeDto, nullable: true }) grade!: RankingGradeDto | null;
  @ApiProperty({ type: [RankingUnitRefDto], description: 'Units sharing this rank (a tie the chain could not break)' }) tiedWith!: RankingUnitRefDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The tie-break key that placed the unit below the one above' }) decidedBy!: string | null;
  @ApiProperty({ type: [String], description: 'The aggregation arithmetic, then the tie-break lines, in the request language' }) explanation!: string[];
  @ApiProperty({ type: String, nullable: true }) notRankedReason!: string | null;
  @ApiProperty({ description: 'Sheets used in, dropped by, and recused from the aggregate' }) sheets!: { used: number; dropped: number; recused: number };
}

export class RankingDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() year!: number;
  @ApiProperty() stageRunId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty() computedAt!: string;
  @ApiProperty({ enum: ['mean', 'median', 'trimmed-mean'] }) aggregation!: string;
  @ApiProperty({ type: [String] }) tieBreak!: string[];
  @ApiProperty() tableName!: string;
  @ApiProperty({ type: [RankingUnitRefDto] }) leaders!: RankingUnitRefDto[];
  /** Whether the council may still adjust the ranking (the nomination has not started). */
  @ApiProperty() adjustable!: boolean;
  @ApiProperty({ type: [RankingRowDto] }) rows!: RankingRowDto[];
}

export class BreakdownSheetDto {
  @ApiProperty() sheetId!: string;
  @ApiProperty() stageKey!: string;
  @ApiProperty({ enum: ['self', 'peer', 'head', 'council', 'final'] }) kind!: string;
  @ApiProperty() scorer!: string;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ enum: ['used', 'dropped', 'recused', 'self'] }) use!: string;
  @ApiProperty({ type: String, nullable: true }) recusalReason!: string | null;
}

export class BreakdownCriterionDto {
  @ApiProperty() code!: string;
  @ApiProperty() text!: string;
  @ApiProperty() group!: string;
  @ApiProperty({ enum: ['full', 'binary', 'proportional', 'bonus', 'penalty'] }) method!: string;
  @ApiProperty({ description: 'Standard points, bonus limit or largest deduction' }) standard!: number;
  @ApiProperty({ type: Number, nullable: true, description: "The unit's own points (self-scoring), if any" }) self!: number | null;
  @ApiProperty({ description: 'Sheet id → points, for every counted sheet (see sheets)' }) scorers!: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'Aggregated over the counted sheets with the ranking method' }) final!: number | null;
}

export class RankingBreakdownDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ type: RankingUnitRefDto }) unit!: RankingUnitRefDto;
  @ApiProperty({ type: RankingRowDto }) row!: RankingRowDto;
  @ApiProperty({ enum: ['mean', 'median', 'trimmed-mean'] }) aggregation!: string;
  @ApiProperty({ description: 'Group code → points (aggregated), and the penalty points' }) groups!: Record<string, number>;
  @ApiProperty() penalties!: number;
  @ApiProperty({ type: [BreakdownSheetDto] }) sheets!: BreakdownSheetDto[];
  @ApiProperty({ type: [BreakdownCriterionDto] }) criteria!: BreakdownCriterionDto[];
}

export class ScoreHistoryPointDto {
  @ApiProperty() year!: number;
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rank!: number | null;
  @ApiProperty({ description: 'Units in that ranking' }) units!: number;
  @ApiProperty({ type: RankingGradeDto, nullable: true }) grade!: RankingGradeDto | null;
}

export class ScoreHistoryDto {
  @ApiProperty({ type: RankingUnitRefDto }) unit!: RankingUnitRefDto;
  @ApiProperty({ type: [ScoreHistoryPointDto] }) points!: ScoreHistoryPointDto[];
}
