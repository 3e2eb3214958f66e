import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { DiagramQueryDto, VersionIdParams, WorkflowDiagramDto, WorkflowVersionDto } from './dto/workflow-version.dto';
import { WorkflowDefinitionsService } from './workflow-definitions.service';
import { workflowDiagram } from './workflow-diagram';

@ApiTags('workflows')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/workflow-versions')
export class WorkflowVersionsController {
  constructor(private readonly definitions: WorkflowDefinitionsService) {}

  /** A published version with its frozen document. */
  @Get(':versionId')
  @ApiOkResponse({ type: WorkflowVersionDto })
  get(@Param() { versionId }: VersionIdParams): Promise<WorkflowVersionDto> {
    return this.definitions.getVersion(versionId);
  }

  /** The version as a Mermaid flowchart: `{ mermaid }`, or the bare source as text/plain with `?format=text`. */
  @Get(':versionId/diagram')
  @ApiProduces('application/json', 'text/plain')
  @ApiOkResponse({ type: WorkflowDiagramDto })
  async diagram(@Param() { versionId }: VersionIdParams, @Query() query: DiagramQueryDto, @Res({ passthrough: true }) response: Response): Promise<WorkflowDiagramDto | string> {
    const mermaid = workflowDiagram(await this.definitions.versionDocument(versionId));
    if (query.format !== 'text') return { mermaid };
    response.type('text/plain');
    return mermaid;
  }
}
