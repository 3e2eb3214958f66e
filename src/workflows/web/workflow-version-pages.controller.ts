import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { WorkflowDefinitionsService } from '../definitions/workflow-definitions.service';
import { workflowDiagram } from '../definitions/workflow-diagram';
import { localText } from './page-format';
import { workflowVersionView } from './views/workflow-version.view';
import { WorkflowPageShell } from './workflow-page-shell.service';

/** A published workflow version, read-only, for administrators (as the versions API is). */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('workflow-versions')
export class WorkflowVersionPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly definitions: WorkflowDefinitionsService,
  ) {}

  @Get(':id')
  async version(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const version = await this.definitions.getVersion(id);
    this.shell.send(request, response, viewer, {
      title: localText(version.document.name, viewer.language, version.definitionKey),
      content: workflowVersionView({ language: viewer.language, version, mermaid: workflowDiagram(version.document) }),
    });
  }
}
