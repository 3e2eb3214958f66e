import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { resolveLanguage } from '../../common/i18n/language';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { CreateWorkflowDefinitionDto, DefinitionIdParams, UpdateWorkflowDraftDto, WorkflowDefinitionDto, WorkflowDefinitionListQueryDto } from './dto/workflow-definition.dto';
import { WorkflowDefinitionsService } from './workflow-definitions.service';
import { DefinitionPageDto, PublishResultDto, ValidationResultDto, VersionListDto } from '../../common/versioning/versioned-document.dto';

@ApiTags('workflows')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/workflow-definitions')
export class WorkflowDefinitionsController {
  constructor(private readonly definitions: WorkflowDefinitionsService) {}

  /** Definitions ordered by key, each with the number of its latest version. */
  @Get()
  @ApiOkResponse({ type: DefinitionPageDto })
  list(@Query() query: WorkflowDefinitionListQueryDto): Promise<DefinitionPageDto> {
    return this.definitions.list(query);
  }

  /** A new definition with a draft; the draft is checked only by validate and publish. Keys are unique (WORKFLOW_KEY_TAKEN). */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: WorkflowDefinitionDto })
  @ApiConflictResponse({ description: 'WORKFLOW_KEY_TAKEN' })
  create(@Body() body: CreateWorkflowDefinitionDto): Promise<WorkflowDefinitionDto> {
    return this.definitions.create(body);
  }

  /** One workflow definition with its draft. */
  @Get(':id')
  @ApiOkResponse({ type: WorkflowDefinitionDto })
  get(@Param() { id }: DefinitionIdParams): Promise<WorkflowDefinitionDto> {
    return this.definitions.get(id);
  }

  /** Replaces the draft (published versions never change). Built-in definitions are edited in their files (WORKFLOW_BUILT_IN). */
  @Put(':id/draft')
  @ApiOkResponse({ type: WorkflowDefinitionDto })
  updateDraft(@Param() { id }: DefinitionIdParams, @Body() body: UpdateWorkflowDraftDto): Promise<WorkflowDefinitionDto> {
    return this.definitions.updateDraft(id, body);
  }

  /** Every problem of the draft, each with its JSON path; an empty list means it can be published. */
  @Post(':id/validate')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationResultDto })
  validate(@Param() { id }: DefinitionIdParams, @Req() request: Request): Promise<ValidationResultDto> {
    return this.definitions.validate(id, resolveLanguage(request));
  }

  /**
   * Freezes the draft as the next version (201). A draft identical to the latest version publishes
   * nothing and answers that version (200). Invalid drafts: 422 WORKFLOW_INVALID with every problem in `details`.
   */
  @Post(':id/publish')
  @ApiCreatedResponse({ type: PublishResultDto, description: 'A new version' })
  @ApiOkResponse({ type: PublishResultDto, description: 'The draft was already the latest version' })
  @ApiUnprocessableEntityResponse({ description: 'WORKFLOW_INVALID' })
  @ApiConflictResponse({ description: 'WORKFLOW_CONTENT_PUBLISHED, WORKFLOW_PUBLISH_CONFLICT' })
  async publish(@Param() { id }: DefinitionIdParams, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<PublishResultDto> {
    const result = await this.definitions.publish(id, principal.personId, resolveLanguage(request));
    if (!result.created) response.status(200);
    return result;
  }

  /** The published versions of a workflow definition, newest first. */
  @Get(':id/versions')
  @ApiOkResponse({ type: VersionListDto })
  versions(@Param() { id }: DefinitionIdParams): Promise<VersionListDto> {
    return this.definitions.listVersions(id);
  }
}
