import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActingFor, CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { ActingFor, Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { IdempotencyInterceptor } from '../../modules/idempotency/idempotency.interceptor';
import { RankingAdjustmentService } from '../stages/rank/ranking-adjustment.service';
import { RankingExportService } from '../stages/rank/ranking-export.service';
import { RankingQueriesService } from '../stages/rank/ranking-queries.service';
import { RankingAdjustmentDto, RankingBreakdownDto, RankingDto, ScoreHistoryDto } from '../stages/rank/ranking.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A campaign's ranking (xếp hạng) from its rank stage: the rows with every figure explained, a unit's breakdown, the
 * council's adjustments and the XLSX workbook; and a unit's scores over the years. The cluster head, the council and
 * administrators read everything; a member unit reads the ranking and its own breakdown.
 */
@ApiTags('rankings')
@ApiBearerAuth()
@Controller('api/v1')
export class RankingsController {
  constructor(
    private readonly queries: RankingQueriesService,
    private readonly adjustments: RankingAdjustmentService,
    private readonly exports: RankingExportService,
  ) {}

  /** The rows in rank order (units not ranked last, with why), the leaders and whether the council may still adjust. */
  @Get('campaigns/:id/ranking')
  @ApiOkResponse({ type: RankingDto })
  @ApiForbiddenResponse({ description: 'RANKING_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND, RANKING_NOT_FOUND (not computed yet)' })
  ranking(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<RankingDto> {
    return this.queries.ranking(id, principal, resolveLanguage(request));
  }

  /** One unit's breakdown: its sheets (used, dropped, recused, self) and each criterion's self, scorer and final points. */
  @Get('campaigns/:id/ranking/units/:unitId')
  @ApiOkResponse({ type: RankingBreakdownDto })
  @ApiForbiddenResponse({ description: 'RANKING_FORBIDDEN, RANKING_BREAKDOWN_FORBIDDEN (another unit, for a member unit)' })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND, RANKING_NOT_FOUND, RANKING_UNIT_NOT_LISTED' })
  breakdown(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<RankingBreakdownDto> {
    return this.queries.breakdown(id, unitId, principal, resolveLanguage(request));
  }

  /**
   * The council's final adjustment of one unit (points may be negative, at most 2 decimals; a reason is required),
   * while the nomination has not started; the ranking is recomputed and answered.
   */
  @Roles('council-member', 'admin')
  @Post('campaigns/:id/ranking/adjustments')
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: RankingDto })
  @ApiUnprocessableEntityResponse({ description: 'RANKING_ADJUSTMENT_REASON_REQUIRED' })
  @ApiConflictResponse({ description: 'RANKING_NOMINATION_STARTED, RANKING_UNIT_NOT_RANKED, CAMPAIGN_NOT_RUNNING, CAMPAIGN_CHANGED' })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND, RANKING_NOT_FOUND, RANKING_UNIT_NOT_LISTED' })
  async adjust(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RankingAdjustmentDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActingFor() actingFor: ActingFor | undefined,
    @Req() request: Request,
  ): Promise<RankingDto> {
    await this.adjustments.adjust(id, body, principal, actingFor);
    return this.queries.ranking(id, principal, resolveLanguage(request));
  }

  /** The workbook: "Xếp hạng", "Điểm theo tiêu chí" and "Phiếu chấm", Vietnamese headers, points as numbers. */
  @Get('campaigns/:id/ranking.xlsx')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The XLSX workbook', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiForbiddenResponse({ description: 'RANKING_EXPORT_FORBIDDEN (member units), RANKING_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND, RANKING_NOT_FOUND' })
  async workbook(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const file = await this.exports.workbook(id, principal);
    return new StreamableFile(file.body, { type: XLSX, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }

  /** The unit's total and rank in each campaign that ranked it, by year (the line chart of /units/:id/scores). */
  @Get('units/:unitId/score-history')
  @ApiOkResponse({ type: ScoreHistoryDto })
  @ApiForbiddenResponse({ description: 'SCORE_HISTORY_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND' })
  scoreHistory(@Param('unitId', ParseUUIDPipe) unitId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreHistoryDto> {
    return this.queries.scoreHistory(unitId, principal, resolveLanguage(request));
  }
}
