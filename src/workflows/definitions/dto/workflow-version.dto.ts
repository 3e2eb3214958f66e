import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { Person } from '../../../modules/org/entities/person.entity';
import { WorkflowVersion } from '../../engine/entities/workflow-version.entity';
import type { WorkflowDocument } from '../workflow-document';

export class VersionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  versionId!: string;
}

export class DiagramQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'text'], default: 'json', description: '`text` answers the Mermaid source as text/plain' })
  @IsOptional() @IsIn(['json', 'text'])
  format?: 'json' | 'text';

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional() @IsIn(LANGUAGES)
  lang?: string;
}

export class PersonRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;

  static from(person: Person): PersonRefDto {
    return { id: person.id, username: person.username, fullName: person.fullName };
  }
}

/** A published version without its document. `publishedBy` is null for built-in workflows. */
export class WorkflowVersionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical JSON of the document' }) contentHash!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) publishedBy!: PersonRefDto | null;
  @ApiProperty() publishedAt!: Date;

  /** Needs `definition` and `publishedBy` loaded. */
  static from(version: WorkflowVersion): WorkflowVersionSummaryDto {
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

export class WorkflowVersionDto extends WorkflowVersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen workflow document' })
  document!: WorkflowDocument;

  static override from(version: WorkflowVersion): WorkflowVersionDto {
    return { ...WorkflowVersionSummaryDto.from(version), document: version.document };
  }
}

export class WorkflowVersionListDto {
  @ApiProperty({ type: [WorkflowVersionSummaryDto], description: 'Newest first' }) items!: WorkflowVersionSummaryDto[];
  @ApiProperty() total!: number;
}

export class PublishResultDto {
  @ApiProperty({ description: 'false when the draft was already the latest version (nothing new was published)' })
  created!: boolean;

  @ApiProperty({ type: WorkflowVersionSummaryDto }) version!: WorkflowVersionSummaryDto;
}

export class WorkflowProblemDto {
  @ApiProperty({ example: '$.stages["draft-review"].on' }) path!: string;
  @ApiProperty({ example: 'OUTCOME_WITHOUT_TARGET' }) code!: string;
  @ApiProperty() message!: string;
}

export class WorkflowValidationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [WorkflowProblemDto] }) problems!: WorkflowProblemDto[];
}

export class WorkflowDiagramDto {
  @ApiProperty({ example: 'flowchart TD\n  workflow_start(("Bắt đầu"))\n  …' }) mermaid!: string;
}
