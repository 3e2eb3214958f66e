import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { contentHash } from '../hashing/canonical-json';
import { MAX_PAGE_OFFSET } from '../http/pagination';

/**
 * The response shapes shared by every registry of versioned documents (workflows, forms): a draft
 * that administrators edit, frozen by publishing into numbered versions identified by a content hash.
 */
interface PersonLike {
  id: string;
  username: string;
  fullName: string;
}

export interface DefinitionLike {
  id: string;
  key: string;
  name: string;
  builtIn: boolean;
  draft: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionLike {
  id: string;
  number: number;
  contentHash: string;
  publishedAt: Date;
  definition: { id: string; key: string };
  publishedBy: PersonLike | null;
}

export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset: number = 0;
}

export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;

  static from(person: PersonLike): PersonRefDto {
    return { id: person.id, username: person.username, fullName: person.fullName };
  }
}

export class VersionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedAt!: Date;

  static from(version: Pick<VersionLike, 'id' | 'number' | 'contentHash' | 'publishedAt'>): VersionRefDto {
    return { id: version.id, number: version.number, contentHash: version.contentHash, publishedAt: version.publishedAt };
  }
}

export class DefinitionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Loaded from a file shipped with the app; its draft is not edited through the API' }) builtIn!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Number of the latest published version' }) latestVersion!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(definition: DefinitionLike, latest: number | null): DefinitionSummaryDto {
    const { id, key, name, builtIn, createdAt, updatedAt } = definition;
    return { id, key, name, builtIn, latestVersion: latest, createdAt, updatedAt };
  }
}

export class DefinitionPageDto {
  @ApiProperty({ type: [DefinitionSummaryDto] }) items!: DefinitionSummaryDto[];
  @ApiProperty() total!: number;
}

/** A definition with what is known of its draft; each registry adds the draft itself, typed. */
export class DraftStateDto extends DefinitionSummaryDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the draft' }) draftHash!: string;
  @ApiProperty({ description: 'Whether the draft is exactly the latest version' }) draftPublished!: boolean;
  @ApiProperty({ type: VersionRefDto, nullable: true }) latest!: VersionRefDto | null;

  static of(definition: DefinitionLike, latest: VersionLike | null): DraftStateDto {
    const draftHash = contentHash(definition.draft);
    return {
      ...DefinitionSummaryDto.from(definition, latest?.number ?? null),
      draftHash,
      draftPublished: latest?.contentHash === draftHash,
      latest: latest ? VersionRefDto.from(latest) : null,
    };
  }
}

/** A published version without its content. `publishedBy` is null for built-in documents. */
export class VersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the content' }) contentHash!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) publishedBy!: PersonRefDto | null;
  @ApiProperty() publishedAt!: Date;

  /** Needs `definition` and `publishedBy` loaded. */
  static from(version: VersionLike): VersionSummaryDto {
    return {
      id: version.id,
      definitionId: version.definition.id,
      definitionKey: version.definition.key,
      number: version.number,
      contentHash: version.contentHash,
      publishedBy: version.publishedBy ? PersonRefDto.from(version.publishedBy) : null,
      publishedAt: version.publishedAt,
    };
  }
}

export class VersionListDto {
  @ApiProperty({ type: [VersionSummaryDto], description: 'Newest first' }) items!: VersionSummaryDto[];
  @ApiProperty() total!: number;
}

export class PublishResultDto {
  @ApiProperty({ description: 'false when the draft was already the latest version (nothing new was published)' })
  created!: boolean;

  @ApiProperty({ type: VersionSummaryDto }) version!: VersionSummaryDto;
}

export class ProblemDto {
  @ApiProperty({ example: '$.stages["draft-review"].on' }) path!: string;
  @ApiProperty({ example: 'OUTCOME_WITHOUT_TARGET' }) code!: string;
  @ApiProperty() message!: string;
}

export class ValidationResultDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [ProblemDto] }) problems!: ProblemDto[];
}
