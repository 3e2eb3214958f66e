import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { IdempotencyInterceptor } from '../../modules/idempotency/idempotency.interceptor';
import { CampaignRecordsService } from '../engine/campaign-records.service';
import { CampaignLaunchService } from '../engine/campaign-launch.service';
import { CampaignMigrationService } from '../engine/campaign-migration.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { CampaignDetailDto, CampaignDto, CancelCampaignDto, HistoryEventDto, LaunchCampaignDto, ListCampaignsQuery, MigrateCampaignDto } from './dto/campaign.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(
    private readonly records: CampaignRecordsService,
    private readonly launches: CampaignLaunchService,
    private readonly migrations: CampaignMigrationService,
    private readonly queries: CampaignQueriesService,
  ) {}

  /** Launches a published workflow version for a cluster (or a unit): the first stage's tasks are created at once. */
  @Roles('admin')
  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CampaignDetailDto })
  async launch(@Body() body: LaunchCampaignDto, @CurrentPrincipal() principal: Principal): Promise<CampaignDetailDto> {
    const campaign = await this.launches.launch(body, principal);
    return this.queries.detail(campaign.id);
  }

  /** Every campaign, newest first, optionally by status. */
  @Get()
  @ApiOkResponse({ type: [CampaignDto] })
  list(@Query() query: ListCampaignsQuery): Promise<CampaignDto[]> {
    return this.queries.list(query.status);
  }

  /** The campaign with its stage timeline and the progress of each stage ("4/6 xong, 1 trễ hạn"). */
  @Get(':id')
  @ApiOkResponse({ type: CampaignDetailDto })
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignDetailDto> {
    return this.queries.detail(id);
  }

  /** Cancels a running campaign with a reason: open tasks are closed and its deadlines stop. */
  @Roles('admin')
  @Post(':id/cancel')
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOkResponse({ type: CampaignDetailDto })
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelCampaignDto, @CurrentPrincipal() principal: Principal): Promise<CampaignDetailDto> {
    await this.records.cancel(id, body.reason, principal);
    return this.queries.detail(id);
  }

  /**
   * Moves a running campaign to a newer published version of its workflow (instance migration), recorded in its
   * history; 422 CAMPAIGN_MIGRATION_REFUSED lists every reason (an active stage missing or of another type).
   */
  @Roles('admin')
  @Post(':id/migration')
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiOkResponse({ type: CampaignDetailDto })
  async migrate(@Param('id', ParseUUIDPipe) id: string, @Body() body: MigrateCampaignDto, @CurrentPrincipal() principal: Principal): Promise<CampaignDetailDto> {
    await this.migrations.migrate(id, body.workflowVersionId, principal);
    return this.queries.detail(id);
  }

  /** The append-only event log, each event with its hash and the previous one's. */
  @Get(':id/history')
  @ApiOkResponse({ type: [HistoryEventDto] })
  history(@Param('id', ParseUUIDPipe) id: string): Promise<HistoryEventDto[]> {
    return this.queries.historyOf(id);
  }

  /** Recomputes the hash chain: `{ intact: true, headHash }` or the first broken event. */
  @Get(':id/verify')
  @ApiOkResponse({
    description: '{ intact: true, events, headHash } or { intact: false, events, brokenAtSeq, reason }',
    schema: { type: 'object', properties: { intact: { type: 'boolean' }, events: { type: 'integer' }, headHash: { type: 'string' }, brokenAtSeq: { type: 'integer' }, reason: { type: 'string' } } },
  })
  verify(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.verify(id);
  }
}
