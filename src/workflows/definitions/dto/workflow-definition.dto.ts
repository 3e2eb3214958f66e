import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { WorkflowDefinition } from '../../engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../engine/entities/workflow-version.entity';
import type { WorkflowDocument } from '../workflow-document';
import { DraftStateDto, ListQueryDto } from '../../../common/versioning/versioned-document.dto';

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

export class WorkflowDefinitionListQueryDto extends ListQueryDto {
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

/** One definition with its draft and what was last published. */
export class WorkflowDefinitionDto extends DraftStateDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) draft!: WorkflowDocument;

  static fromDraft(definition: WorkflowDefinition, latest: WorkflowVersion | null): WorkflowDefinitionDto {
    return { ...DraftStateDto.of(definition, latest), draft: definition.draft };
  }
}
