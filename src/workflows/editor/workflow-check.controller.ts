import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { resolveLanguage } from '../../common/i18n/language';
import { Roles } from '../../common/auth/auth.decorators';
import { CheckWorkflowDocumentDto, VersionPairParams, WorkflowCheckDto, WorkflowDiffDto } from './dto/workflow-check.dto';
import { WorkflowEditorService } from './workflow-editor.service';

@ApiTags('workflows')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/workflow-documents')
export class WorkflowCheckController {
  constructor(private readonly editor: WorkflowEditorService) {}

  /** Checks a workflow document without saving it: every problem with its JSON path, and the Mermaid diagram when it can be drawn. */
  @Post('check')
  @HttpCode(200)
  @ApiOkResponse({ type: WorkflowCheckDto })
  check(@Body() body: CheckWorkflowDocumentDto, @Req() request: Request): Promise<WorkflowCheckDto> {
    return this.editor.check(body.document, resolveLanguage(request));
  }
}

@ApiTags('workflows')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/workflow-versions')
export class WorkflowDiffController {
  constructor(private readonly editor: WorkflowEditorService) {}

  /** What changed from one published version of a workflow to another: the start, stages added and removed, each changed property. */
  @Get(':a/diff/:b')
  @ApiOkResponse({ type: WorkflowDiffDto })
  diff(@Param() { a, b }: VersionPairParams): Promise<WorkflowDiffDto> {
    return this.editor.diff(a, b);
  }
}
