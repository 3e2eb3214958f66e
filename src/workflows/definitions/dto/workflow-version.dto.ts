import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LANGUAGES } from '../../../common/i18n/language';
import { WorkflowVersion } from '../../engine/entities/workflow-version.entity';
import type { WorkflowDocument } from '../workflow-document';
import { VersionSummaryDto } from '../../../common/versioning/versioned-document.dto';

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

export class WorkflowVersionDto extends VersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The frozen workflow document' })
  document!: WorkflowDocument;

  static override from(version: WorkflowVersion): WorkflowVersionDto {
    return { ...VersionSummaryDto.from(version), document: version.document };
  }
}

export class WorkflowDiagramDto {
  @ApiProperty({ example: 'flowchart TD\n  workflow_start(("Bắt đầu"))\n  …' }) mermaid!: string;
}
