import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { actingUnitHeader, PrincipalService } from '../../modules/auth/principal.service';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { FormReviewDto, ReviewFormDto, SaveFormDraftDto, SubmitFormDto, TaskFormDto } from '../stages/form/form-task.dto';
import { FormTaskService } from '../stages/form/form-task.service';

/**
 * The form of a form-stage task: read it in its pinned version, save a draft, submit. A unit's task is
 * filled for the unit named by X-Acting-Unit, or by default for the task's own unit, under a valid mandate.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
@Controller('api/v1/tasks/:id/form')
export class FormSubmissionsController {
  constructor(
    private readonly forms: FormTaskService,
    private readonly principals: PrincipalService,
  ) {}

  /** The form of a form task: the pinned form version, the draft and the submission. */
  @Get()
  @ApiOkResponse({ type: TaskFormDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskFormDto> {
    return this.forms.get(id, principal, actingUnitHeader(request.headers['x-acting-unit']));
  }

  /** Saves a draft of a form task (validated as a draft: required fields may be empty). */
  @Put('draft')
  @ApiOkResponse({ type: TaskFormDto })
  async saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveFormDraftDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskFormDto> {
    return this.forms.saveDraft(id, body.data, principal, actingUnitHeader(request.headers['x-acting-unit']), resolveLanguage(request));
  }

  /** Submits a form task: validated against the pinned form version, then the task completes. */
  @Post('submit')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TaskFormDto })
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitFormDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskFormDto> {
    return this.forms.submit(id, body, principal, actingUnitHeader(request.headers['x-acting-unit']), resolveLanguage(request));
  }

  /** The submission, for a reviewer of the stage (`review` setting): 403 NOT_REVIEWER for anyone else. */
  @Get('review')
  @ApiOkResponse({ type: FormReviewDto })
  async reviewView(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<FormReviewDto> {
    return this.forms.reviewView(id, principal, await this.principals.actingForAll(principal.personId));
  }

  /**
   * Accept a submission, or return it with a reason (the unit's task reopens, its data kept as a draft). A
   * reviewing unit's head or officer acts for that unit under their mandate.
   */
  @Post('review')
  @HttpCode(200)
  @ApiOkResponse({ type: FormReviewDto })
  async review(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewFormDto, @CurrentPrincipal() principal: Principal): Promise<FormReviewDto> {
    return this.forms.review(id, body, principal, await this.principals.actingForAll(principal.personId));
  }

}
