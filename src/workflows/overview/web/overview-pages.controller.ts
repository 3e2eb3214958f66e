import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { anyOfRoles } from '../../../common/auth/role-names';
import { AppError } from '../../../common/errors/app-error';
import { Clock } from '../../../modules/calendar/clock';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { RANKING_PAGE_CONTENT_SECURITY_POLICY } from '../../web/ranking-pages.controller';
import { WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { OverviewQueriesService } from '../overview-queries.service';
import { OverviewPageQueryDto } from './overview-page-query.dto';
import { OVERVIEW_PAGE_STYLE, overviewView } from './overview.view';
import { ot } from './overview-web-texts';

/** Chart.js's UMD bundle (from node_modules, see static-assets.ts), then our script that draws from the page's JSON. */
const CHART_ASSETS = { stylesheets: [] as string[], scripts: ['/assets/chartjs/chart.umd.js', '/assets/app/js/overview-chart.js'] };
const VIEWER_ROLES = ['admin', 'council-member'];

/** The overview page: the API's figures for a year, its chart and tables; for administrators and council members. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/overview')
export class OverviewPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: OverviewQueriesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async overview(@Query() query: OverviewPageQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    if (!VIEWER_ROLES.some((role) => principal.roles.includes(role))) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(VIEWER_ROLES) });
    const years = await this.queries.years();
    // By default the latest year with campaigns, else this year (Vietnam).
    const year = query.year ?? years[0] ?? new Date(this.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
    const overview = await this.queries.overview(year, language);
    this.shell.send(request, response, viewer, {
      title: ot(language, 'title', { year }),
      content: overviewView({ language, overview, years: [...new Set([year, ...years])].sort((a, b) => b - a) }),
      assets: CHART_ASSETS,
      styles: OVERVIEW_PAGE_STYLE,
      contentSecurityPolicy: RANKING_PAGE_CONTENT_SECURITY_POLICY,
    });
  }
}
