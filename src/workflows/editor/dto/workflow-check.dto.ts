import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';

export class CheckWorkflowDocumentDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A workflow document being edited (any JSON: every problem is reported)' })
  @IsDefined()
  document!: unknown;
}

export class WorkflowProblemDto {
  @ApiProperty({ example: '$.stages.review.on.approved' }) path!: string;
  @ApiProperty({ example: 'UNKNOWN_STAGE' }) code!: string;
  @ApiProperty() message!: string;
}

export class WorkflowCheckDto {
  @ApiProperty({ type: [WorkflowProblemDto], description: 'Empty when the document can be published' }) problems!: WorkflowProblemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The diagram as Mermaid source, when the stages can be drawn' }) mermaid!: string | null;
}

export class WorkflowVersionRunsDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'Running campaigns pinned to this version' }) running!: number;
  @ApiProperty({ description: 'All campaigns pinned to this version' }) campaigns!: number;
}
