import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_OFFSET } from '../../../common/http/pagination';
import type { CommendationDecision } from '../entities/commendation-decision.entity';
import { AWARD_KINDS, type AwardKind, type CommendationRecord } from '../entities/commendation-record.entity';

/** Filters of the register; all optional, combined with "and". */
export class CommendationListQueryDto {
  @ApiPropertyOptional({ minimum: 1900, maximum: 2200, description: 'The year the commendation is for' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(2200)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the commendations of this unit' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the commendations of this person' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ example: 'LDTT', description: 'Only this title or commendation form (its code)' })
  @IsOptional() @IsString() @MaxLength(64)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the commendations decided in this campaign' })
  @IsOptional() @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class AwardLabelDto {
  @ApiProperty({ example: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao' }) vi!: string;
  @ApiPropertyOptional({ example: "Emulation Flag of the Supreme People's Procuracy" }) en?: string;
}

export class CommendationRecipientDto {
  @ApiProperty({ enum: ['unit', 'person'] }) kind!: 'unit' | 'person';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Units only' }) code!: string | null;
  @ApiProperty({ example: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' }) name!: string;
}

export class CommendationTitleDto {
  @ApiProperty({ example: 'co-thi-dua-vksndtc' }) code!: string;
  @ApiProperty({ enum: AWARD_KINDS, description: 'An emulation title (danh hiệu) or a commendation form (hình thức khen thưởng)' }) kind!: AwardKind;
  @ApiProperty({ type: AwardLabelDto }) label!: AwardLabelDto;
}

export class CommendationDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '123/QĐ-VKSTC' }) number!: string;
  @ApiProperty({ example: '2020-12-25', description: 'The day it was signed' }) signedOn!: string;
  @ApiProperty({ example: 'Viện trưởng Viện kiểm sát nhân dân tối cao' }) issuer!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) campaignId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The campaign’s name when the decision was recorded' }) campaignName!: string | null;
  @ApiProperty() recordedAt!: Date;

  static from(decision: CommendationDecision): CommendationDecisionDto {
    const { id, number, signedOn, issuer, campaignId, campaignName, recordedAt } = decision;
    return { id, number, signedOn, issuer, campaignId, campaignName, recordedAt };
  }
}

/** Why and when an award was annulled. */
export class RevocationInfoDto {
  @ApiProperty() revokedAt!: Date;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '45/QĐ-VKSTC' }) decisionNumber!: string | null;
}

/** One entry of the commendation register. */
export class CommendationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: CommendationRecipientDto }) recipient!: CommendationRecipientDto;
  @ApiProperty({ type: CommendationTitleDto }) title!: CommendationTitleDto;
  @ApiProperty({ example: 2020 }) year!: number;
  @ApiProperty({ type: CommendationDecisionDto }) decision!: CommendationDecisionDto;
  @ApiPropertyOptional({ type: RevocationInfoDto, nullable: true, description: 'Set when the award was annulled; it then counts as never held' })
  revocation!: RevocationInfoDto | null;

  /** The record with its decision, unit and person populated. */
  static from(record: CommendationRecord): CommendationDto {
    const recipient: CommendationRecipientDto = record.unit
      ? { kind: 'unit', id: record.unit.id, code: record.unit.code, name: record.unit.name }
      : { kind: 'person', id: record.person!.id, code: null, name: record.person!.fullName };
    return {
      id: record.id,
      recipient,
      title: { code: record.titleCode, kind: record.kind, label: { ...record.titleLabel } },
      year: record.year,
      decision: CommendationDecisionDto.from(record.decision),
      revocation: record.revokedAt ? { revokedAt: record.revokedAt, reason: record.revocationReason ?? '', decisionNumber: record.revocationDecision } : null,
    };
  }
}

export class CommendationPageDto {
  @ApiProperty({ type: [CommendationDto] }) items!: CommendationDto[];
  @ApiProperty() total!: number;
}

/** A decision with the commendations it made. */
export class RecordedDecisionDto extends CommendationDecisionDto {
  @ApiProperty({ type: [CommendationDto] }) commendations!: CommendationDto[];
}
