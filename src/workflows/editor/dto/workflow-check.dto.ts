import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsUUID } from 'class-validator';

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

export class VersionPairParams {
  @ApiProperty({ format: 'uuid', description: 'The earlier version' }) @IsUUID() a!: string;
  @ApiProperty({ format: 'uuid', description: 'The later version' }) @IsUUID() b!: string;
}

class StageRefDto {
  @ApiProperty() key!: string;
  @ApiProperty() type!: string;
}

class StageChangeDto {
  @ApiProperty({ example: 'due' }) property!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Canonical JSON, null when absent' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Canonical JSON, null when absent' }) to!: string | null;
}

class ChangedStageDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: [StageChangeDto] }) changes!: StageChangeDto[];
}

class StartChangeDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class WorkflowDiffDto {
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ type: StartChangeDto, nullable: true }) start!: StartChangeDto | null;
  @ApiProperty({ type: [StageRefDto] }) added!: StageRefDto[];
  @ApiProperty({ type: [StageRefDto] }) removed!: StageRefDto[];
  @ApiProperty({ type: [ChangedStageDto] }) changed!: ChangedStageDto[];
}
