import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { ProposeTaskService } from '../stages/propose/propose-task.service';
import { SubmitProposalsDto, TaskProposalsDto } from '../stages/propose/propose-task.dto';
import { CampaignQueriesService } from './campaign-queries.service';

/**
 * A unit's proposals for the year's individual titles through a propose stage's task (đề nghị danh hiệu): judged by
 * the rule pack of the campaign's year and recorded as the task completes, all or none.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/tasks/:id/proposals')
export class TaskProposalsController {
  constructor(
    private readonly proposals: ProposeTaskService,
    private readonly queries: CampaignQueriesService,
  ) {}

  /** Submits the unit's candidates per title (an empty list proposes nobody) and completes its propose task. */
  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
  @ApiOkResponse({ type: TaskProposalsDto })
  @ApiForbiddenResponse({ description: 'NOT_TASK_ASSIGNEE, PROPOSAL_FORBIDDEN, OVERRIDE_FORBIDDEN' })
  @ApiUnprocessableEntityResponse({ description: 'PROPOSAL_INELIGIBLE (details: each candidate’s unmet reasons), CAP_EXCEEDED, CANDIDATE_NOT_IN_UNIT, PROPOSAL_TITLE_NOT_IN_STAGE, PROPOSAL_TITLE_REPEATED, OVERRIDE_REASON_REQUIRED' })
  @ApiConflictResponse({ description: 'TASK_HAS_NO_PROPOSALS, TASK_CLOSED, STAGE_CLOSED, PROPOSAL_EXISTS' })
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitProposalsDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskProposalsDto> {
    // A task of another stage type is refused before anyone's mandate is looked at.
    await this.proposals.load(id);
    const actingFor = await this.queries.actingForTask(id, principal.personId, request.headers['x-acting-unit']);
    return this.proposals.submit(id, body, principal, actingFor, resolveLanguage(request));
  }

  /** What the task's unit has proposed for the stage's titles in the campaign's year: for its officers and administrators. */
  @Get()
  @ApiOkResponse({ type: TaskProposalsDto })
  @ApiForbiddenResponse({ description: 'NOT_TASK_ASSIGNEE' })
  @ApiConflictResponse({ description: 'TASK_HAS_NO_PROPOSALS' })
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskProposalsDto> {
    await this.proposals.load(id);
    const actingFor = principal.roles.includes('admin') ? undefined : await this.queries.actingForTask(id, principal.personId, request.headers['x-acting-unit']);
    return this.proposals.proposedThrough(id, resolveLanguage(request), actingFor);
  }
}
