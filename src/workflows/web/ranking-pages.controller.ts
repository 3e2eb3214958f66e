import { EntityManager } from '@mikro-orm/core';
import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { RankingQueriesService } from '../stages/rank/ranking-queries.service';
import { stageLabel } from './page-format';
import { rt } from './ranking-web-texts';
import { breakdownView, RANKING_PAGE_STYLE, rankingView, scoresView } from './views/ranking.view';
import { WorkflowPageShell } from './workflow-page-shell.service';

/** Chart.js's UMD bundle (served from node_modules, see static-assets.ts), then our script that draws from the page's JSON. */
const CHART_ASSETS = { stylesheets: [] as string[], scripts: ['/assets/chartjs/chart.umd.js', '/assets/app/js/ranking-chart.js'] };

/** Scripts from this site only, no `eval` (Chart.js draws on a canvas and needs neither), nothing fetched. */
export const RANKING_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The ranking pages (xếp hạng): a campaign's ranking with its bar chart, tie explanations and the workbook link; one
 * unit's breakdown (criteria × self, each scorer, final; the sheets used and dropped); a unit's scores over the years
 * as a line chart. Who may read what is the API's rule (RankingQueriesService), shown as the localized error page.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class RankingPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly rankings: RankingQueriesService,
    private readonly em: EntityManager,
  ) {}

  @Get('campaigns/:id/ranking')
  async ranking(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const em = this.em.fork();
    const campaign = await this.rankings.campaignOf(em, id);
    const access = await this.rankings.access(em, campaign, principal);
    const ranking = await this.rankings.toRankingDto(em, await this.rankings.load(em, campaign), language);
    this.shell.send(request, response, viewer, {
      title: rt(language, 'rankingTitle', { campaign: ranking.campaignName }),
      content: rankingView({
        language,
        ranking,
        canDownload: access.level === 'all',
        canSeeBreakdown: (unitId) => access.level === 'all' || access.unitIds.includes(unitId),
      }),
      assets: CHART_ASSETS,
      styles: RANKING_PAGE_STYLE,
      contentSecurityPolicy: RANKING_PAGE_CONTENT_SECURITY_POLICY,
    });
  }

  @Get('campaigns/:id/ranking/units/:unitId')
  async breakdown(@Param('id', ParseUUIDPipe) id: string, @Param('unitId', ParseUUIDPipe) unitId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const breakdown = await this.rankings.breakdown(id, unitId, principal, language);
    const campaign = await this.rankings.campaignOf(this.em.fork(), id);
    this.shell.send(request, response, viewer, {
      title: rt(language, 'breakdownTitle', { unit: breakdown.unit.name }),
      content: breakdownView({ language, breakdown, stageName: (key) => stageLabel(campaign.workflowVersion.document, key, language) }),
      styles: RANKING_PAGE_STYLE,
    });
  }

  @Get('units/:unitId/scores')
  async scores(@Param('unitId', ParseUUIDPipe) unitId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const history = await this.rankings.scoreHistory(unitId, principal, language);
    this.shell.send(request, response, viewer, {
      title: rt(language, 'scoresTitle', { unit: history.unit.name }),
      content: scoresView({ language, history }),
      assets: CHART_ASSETS,
      styles: RANKING_PAGE_STYLE,
      contentSecurityPolicy: RANKING_PAGE_CONTENT_SECURITY_POLICY,
    });
  }
}
