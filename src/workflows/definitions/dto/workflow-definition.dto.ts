import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { contentHash } from '../../../common/hashing/canonical-json';
import { LANGUAGES } from '../../../common/i18n/language';
import { WorkflowDefinition } from '../../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../engine/entities/workflow-version.entity';
import type { WorkflowDocument } from '../workflow-document';

/** Definition keys are kebab-case, like stage keys and built-in file names. */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9-]{1,99}$/;

const documentProperty = {
  type: 'object',
  additionalProperties: true,
  description: 'The workflow document (free JSON here; checked by validate and publish against the workflow schema and graph rules)',
  example: { name: { vi: 'Giao ước thi đua' }, start: 'review', stages: { review: { type: 'review', assignees: ['cluster-head'], on: { approved: 'done', returned: 'review' } }, done: { type: 'end' } } },
} as const;

export class DefinitionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class WorkflowDefinitionListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class CreateWorkflowDefinitionDto {
  @ApiProperty({ example: 'cluster-pact' })
  @IsString() @Matches(WORKFLOW_KEY_PATTERN, { message: 'key must be 2 to 100 lowercase letters, digits or hyphens, starting with a letter' })
  key!: string;

  @ApiProperty({ example: 'Ký kết giao ước thi đua cụm' })
  @IsString() @MinLength(1) @MaxLength(255)
  name!: string;

  @ApiProperty(documentProperty)
  @IsObject()
  document!: Record<string, unknown>;
}

export class UpdateWorkflowDraftDto {
  @ApiPropertyOptional({ example: 'Ký kết giao ước thi đua cụm' })
  @ValidateIf((_object, value) => value !== undefined) @IsString() @MinLength(1) @MaxLength(255)
  name?: string;

  @ApiProperty(documentProperty)
  @IsObject()
  document!: Record<string, unknown>;
}

export class WorkflowVersionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() publishedAt!: Date;

  static from(version: WorkflowVersion): WorkflowVersionRefDto {
    return { id: version.id, number: version.number, contentHash: version.contentHash, publishedAt: version.publishedAt };
  }
}

export class WorkflowDefinitionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Loaded from a *.workflow.json file shipped with the app; its draft is not edited through the API' }) builtIn!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Number of the latest published version' }) latestVersion!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(definition: WorkflowDefinition, latest: number | null): WorkflowDefinitionSummaryDto {
    return {
      id: definition.id,
      key: definition.key,
      name: definition.name,
      builtIn: definition.builtIn,
      latestVersion: latest,
      createdAt: definition.createdAt,
      updatedAt: definition.updatedAt,
    };
  }
}

export class WorkflowDefinitionPageDto {
  @ApiProperty({ type: [WorkflowDefinitionSummaryDto] }) items!: WorkflowDefinitionSummaryDto[];
  @ApiProperty() total!: number;
}

/** One definition with its draft and what was last published. */
export class WorkflowDefinitionDto extends WorkflowDefinitionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) draft!: WorkflowDocument;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the draft' }) draftHash!: string;
  @ApiProperty({ description: 'Whether the draft is exactly the latest version' }) draftPublished!: boolean;
  @ApiProperty({ type: WorkflowVersionRefDto, nullable: true }) latest!: WorkflowVersionRefDto | null;

  static fromDraft(definition: WorkflowDefinition, latest: WorkflowVersion | null): WorkflowDefinitionDto {
    const draftHash = contentHash(definition.draft);
    return {
      ...WorkflowDefinitionSummaryDto.from(definition, latest?.number ?? null),
      draft: definition.draft,
      draftHash,
      draftPublished: latest?.contentHash === draftHash,
      latest: latest ? WorkflowVersionRefDto.from(latest) : null,
    };
  }
}
