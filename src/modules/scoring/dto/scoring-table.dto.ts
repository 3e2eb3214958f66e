import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import type { ScoringTableDefinition } from '../entities/scoring-table-definition.entity';
import type { ScoringTableVersion } from '../entities/scoring-table-version.entity';
import type { ScoringTableDocument } from '../table/scoring-table';

/** A lower-case kebab-case name: the sheet form is `scoring/<key>`, which must be a form key. */
export const SCORING_TABLE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,79}$/;

export class PublishScoringTableDto {
  @ApiProperty({ example: 'procuracy-cluster-2020' })
  @IsString() @Matches(SCORING_TABLE_KEY_PATTERN, { message: 'key must be a lowercase kebab-case name (procuracy-cluster-2020)' })
  key!: string;

  /** Checked by validateScoringTable (422 SCORING_TABLE_INVALID with every problem), not here. */
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The scoring table document: name, year, rounding, grades, groups → criteria' })
  @IsObject()
  document!: Record<string, unknown>;
}

export class ScoringTableSummaryDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() builtIn!: boolean;
  @ApiProperty({ nullable: true, type: Number }) latestVersion!: number | null;

  static from(definition: ScoringTableDefinition, latest: number | null): ScoringTableSummaryDto {
    return { key: definition.key, name: definition.name, builtIn: definition.builtIn, latestVersion: latest };
  }
}

export class ScoringTableListDto {
  @ApiProperty({ type: [ScoringTableSummaryDto] }) items!: ScoringTableSummaryDto[];
}

export class SheetFormRefDto {
  @ApiProperty({ example: 'scoring/procuracy-cluster-2020' }) key!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty() number!: number;
}

export class ScoringTableVersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() number!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Username of the publisher; null for built-in tables' }) publishedBy!: string | null;
  @ApiProperty({ type: SheetFormRefDto, nullable: true }) sheetForm!: SheetFormRefDto | null;

  static from(version: ScoringTableVersion): ScoringTableVersionSummaryDto {
    const form = version.sheetForm;
    return {
      id: version.id,
      key: version.definition.key,
      number: version.number,
      contentHash: version.contentHash,
      publishedAt: version.publishedAt.toISOString(),
      publishedBy: version.publishedBy?.username ?? null,
      sheetForm: form ? { key: `scoring/${version.definition.key}`, versionId: form.id, number: form.number } : null,
    };
  }
}

export class ScoringTableVersionDto extends ScoringTableVersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) document!: ScoringTableDocument;

  static full(version: ScoringTableVersion): ScoringTableVersionDto {
    return { ...ScoringTableVersionSummaryDto.from(version), document: version.document };
  }
}

export class ScoringTableVersionListDto {
  @ApiProperty({ type: [ScoringTableVersionSummaryDto] }) items!: ScoringTableVersionSummaryDto[];
}

export class PublishScoringTableResultDto {
  @ApiProperty({ description: 'false when the document is exactly the latest version (nothing published)' }) created!: boolean;
  @ApiProperty({ type: ScoringTableVersionSummaryDto }) version!: ScoringTableVersionSummaryDto;
}

export class ScoringTableKeyParams {
  @ApiProperty() @IsString() @Matches(SCORING_TABLE_KEY_PATTERN, { message: 'key must be a lowercase kebab-case name' }) key!: string;
}
