import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import { CheckWorkflowDocumentDto, WorkflowCheckDto } from './dto/workflow-check.dto';
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
  check(@Body() body: CheckWorkflowDocumentDto): Promise<WorkflowCheckDto> {
    return this.editor.check(body.document);
  }
}
