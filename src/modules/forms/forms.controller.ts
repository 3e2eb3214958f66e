import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateFormDto, FormDto, FormIdParams, UpdateFormDraftDto } from './dto/form-definition.dto';
import { FormsService } from './forms.service';
import { DefinitionPageDto, ListQueryDto, PublishResultDto, ValidationResultDto, VersionListDto } from '../../common/versioning/versioned-document.dto';

@ApiTags('forms')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  /** Forms ordered by key, each with the number of its latest version. */
  @Get()
  @ApiOkResponse({ type: DefinitionPageDto })
  list(@Query() query: ListQueryDto): Promise<DefinitionPageDto> {
    return this.forms.list(query);
  }

  /** A new form with a draft; the draft is checked only by validate and publish. Keys are unique (FORM_KEY_TAKEN). */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: FormDto })
  @ApiConflictResponse({ description: 'FORM_KEY_TAKEN' })
  create(@Body() body: CreateFormDto): Promise<FormDto> {
    return this.forms.create(body);
  }

  /** One form definition with its draft. */
  @Get(':id')
  @ApiOkResponse({ type: FormDto })
  get(@Param() { id }: FormIdParams): Promise<FormDto> {
    return this.forms.get(id);
  }

  /** Replaces the draft (published versions never change). A built-in form edited here is then left alone by `forms:sync`. */
  @Put(':id/draft')
  @ApiOkResponse({ type: FormDto })
  updateDraft(@Param() { id }: FormIdParams, @Body() body: UpdateFormDraftDto): Promise<FormDto> {
    return this.forms.updateDraft(id, body);
  }

  /** Every structural problem of the draft, each with its JSON path; an empty list means it can be published. */
  @Post(':id/validate')
  @HttpCode(200)
  @ApiOkResponse({ type: ValidationResultDto })
  validate(@Param() { id }: FormIdParams): Promise<ValidationResultDto> {
    return this.forms.validate(id);
  }

  /**
   * Freezes the draft as the next version (201). A draft identical to the latest version publishes
   * nothing and answers that version (200). Invalid drafts: 422 FORM_INVALID with every problem in `details`.
   */
  @Post(':id/publish')
  @ApiCreatedResponse({ type: PublishResultDto, description: 'A new version' })
  @ApiOkResponse({ type: PublishResultDto, description: 'The draft was already the latest version' })
  @ApiUnprocessableEntityResponse({ description: 'FORM_INVALID' })
  @ApiConflictResponse({ description: 'FORM_CONTENT_PUBLISHED, FORM_PUBLISH_CONFLICT' })
  async publish(@Param() { id }: FormIdParams, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<PublishResultDto> {
    const result = await this.forms.publish(id, principal.personId);
    if (!result.created) response.status(200);
    return result;
  }

  /** The published versions of a form, newest first. */
  @Get(':id/versions')
  @ApiOkResponse({ type: VersionListDto })
  versions(@Param() { id }: FormIdParams): Promise<VersionListDto> {
    return this.forms.listVersions(id);
  }
}
