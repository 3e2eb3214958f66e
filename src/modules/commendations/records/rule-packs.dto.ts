import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';
import type { RulePackDefinition } from '../entities/rule-pack-definition.entity';
import type { RulePackVersion } from '../entities/rule-pack-version.entity';
import type { RulePack } from '../rules/rule-pack';

/** As validateRulePack wants a pack's `key`: lower-case kebab-case, as its file name `commendations/<key>.pack.json`. */
export const RULE_PACK_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,149}$/;

export class RulePackKeyParams {
  @ApiProperty({ example: 'rules-2024-procuracy' })
  @IsString() @Matches(RULE_PACK_KEY_PATTERN, { message: 'key must be a lowercase kebab-case name (rules-2024-procuracy)' })
  key!: string;
}

export class PublishRulePackDto {
  /** Checked by validateRulePack (422 RULE_PACK_INVALID with every problem), not here. */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The rule pack: key (the same as in the path), name { vi, en }, effectiveFrom YYYY-MM-DD, titles, caps, exclusions, nominationVote',
  })
  @IsObject()
  document!: Record<string, unknown>;
}

export class RulePackVersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ example: '2024-01-01', description: 'The day the pack takes effect: it governs evaluation years from this one until the next pack’s' }) effectiveFrom!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Username of the publisher; null for built-in packs' }) publishedBy!: string | null;

  static from(version: RulePackVersion): RulePackVersionSummaryDto {
    return {
      id: version.id,
      key: version.definition.key,
      number: version.number,
      effectiveFrom: version.effectiveFrom,
      contentHash: version.contentHash,
      publishedAt: version.publishedAt.toISOString(),
      publishedBy: version.publishedBy?.username ?? null,
    };
  }
}

export class RulePackVersionDto extends RulePackVersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) document!: RulePack;

  static full(version: RulePackVersion): RulePackVersionDto {
    return { ...RulePackVersionSummaryDto.from(version), document: version.document };
  }
}

export class RulePackSummaryDto {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'The Vietnamese name of its latest version' }) name!: string;
  @ApiProperty({ description: 'Loaded from commendations/<key>.pack.json' }) builtIn!: boolean;
  @ApiProperty({ nullable: true, type: Number }) latestVersion!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2024-01-01' }) effectiveFrom!: string | null;

  static from(definition: RulePackDefinition, latest: RulePackVersion | null): RulePackSummaryDto {
    return { key: definition.key, name: definition.name, builtIn: definition.builtIn, latestVersion: latest?.number ?? null, effectiveFrom: latest?.effectiveFrom ?? null };
  }
}

export class RulePackListDto {
  @ApiProperty({ type: [RulePackSummaryDto], description: 'Packs in force first, oldest effectiveFrom first' }) items!: RulePackSummaryDto[];
}

export class RulePackVersionListDto {
  @ApiProperty({ type: [RulePackVersionSummaryDto] }) items!: RulePackVersionSummaryDto[];
}

export class PublishRulePackResultDto {
  @ApiProperty({ description: 'false when the document is exactly the latest version (nothing published)' }) created!: boolean;
  @ApiProperty({ type: RulePackVersionDto }) version!: RulePackVersionDto;
}
