import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { catalogMessage } from '../../common/errors/error-catalog';
import { resolveLanguage } from '../../common/i18n/language';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { CampaignDetailDto } from '../api/dto/campaign.dto';
import { ExampleCommendationService } from './example-commendation.service';
import { UnitStartedCampaignsService } from './unit-started-campaigns.service';
import { ExampleCommendationDto, ExampleCommendationResultDto, StartableWorkflowDto, StartUnitCampaignDto } from './unit-started.dto';

const actingUnitOf = (request: Request) => {
  const header = request.headers['x-acting-unit'];
  return Array.isArray(header) ? header[0] : header;
};

/** Campaigns a unit starts itself: ad hoc commendations, and an accepted advanced example proposed in one step. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1')
export class UnitStartedController {
  constructor(
    private readonly started: UnitStartedCampaignsService,
    private readonly examples: ExampleCommendationService,
    private readonly principals: PrincipalService,
    private readonly queries: CampaignQueriesService,
  ) {}

  /** The published workflows a unit's officer may start for their unit. */
  @Get('unit-campaigns/workflows')
  @ApiOkResponse({ type: [StartableWorkflowDto] })
  workflows(@Req() request: Request): Promise<StartableWorkflowDto[]> {
    return this.started.startable(resolveLanguage(request));
  }

  /** Starts a `startedBy: "unit"` workflow for the unit the officer acts for, in the current year. */
  @Post('unit-campaigns')
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: true, description: 'Unit id or code' })
  @ApiCreatedResponse({ type: CampaignDetailDto })
  @ApiForbiddenResponse({ description: 'WORKFLOW_NOT_STARTED_BY_UNITS, NOT_MANDATED' })
  async start(@Body() body: StartUnitCampaignDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<CampaignDetailDto> {
    const actingFor = await this.principals.resolveActingFor(principal.personId, actingUnitOf(request));
    const campaign = await this.started.start(body.workflowKey, actingFor, principal, { name: body.name, year: body.year });
    return this.queries.detail(campaign.id);
  }

  /**
   * Proposes an accepted advanced example for an ad hoc commendation in one step: the unit's ad hoc workflow is started
   * and its proposal sent with the example's account. Asked again, the same campaign. A refused proposal is answered
   * with its reason; the campaign then waits at its propose task.
   */
  @Post('advanced-examples/:id/commendation')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: ExampleCommendationResultDto })
  @ApiForbiddenResponse({ description: 'NOT_MANDATED (not an officer of the example’s unit)' })
  @ApiConflictResponse({ description: 'EXAMPLE_NOT_ACCEPTED' })
  @ApiUnprocessableEntityResponse({ description: 'EXAMPLE_TITLE_NOT_A_FORM' })
  async proposeExample(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExampleCommendationDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ExampleCommendationResultDto> {
    const language = resolveLanguage(request);
    const result = await this.examples.propose(id, body.title, principal, (unitId) => this.principals.resolveActingFor(principal.personId, unitId), language);
    const refusal = result.refusal ? { code: result.refusal.code, message: catalogMessage(result.refusal.code, result.refusal.params, language) } : null;
    return { campaignId: result.campaignId, proposals: result.proposals, refusal };
  }
}
