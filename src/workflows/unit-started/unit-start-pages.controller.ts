import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Clock } from '../../modules/calendar/clock';
import { vietnamDate } from '../../modules/calendar/dates';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../web/workflow-page-shell.service';
import { ExampleCommendationService } from './example-commendation.service';
import { UnitStartedCampaignsService } from './unit-started-campaigns.service';
import { unitStartPageView, UnitStartPageModel, unitStartText } from './unit-start-page.view';

/**
 * /unit-campaigns/new: a unit's officer starts a workflow units start themselves (an ad hoc commendation) for one of
 * their units, then lands on its first task.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('unit-campaigns/new')
export class UnitStartPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly started: UnitStartedCampaignsService,
    private readonly examples: ExampleCommendationService,
    private readonly principals: PrincipalService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    await this.render(request, response, viewer, {});
  }

  @Post()
  async start(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, '/unit-campaigns/new');
    if (!viewer) return;
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    const year = Number(text('year'));
    try {
      const actingFor = await this.principals.resolveActingFor(viewer.principal.personId, text('unit') || undefined);
      const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
      const campaign = await this.started.start(text('workflow'), actingFor, viewer.principal, { name: text('name') || undefined, year: validYear });
      const task = await this.examples.proposeTaskOf(campaign.id);
      redirectSeeOther(response, task ? `/inbox/tasks/${task}/proposals` : `/campaigns/${campaign.id}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      if (refusal.status >= 500) throw error;
      await this.render(request, response, viewer, { status: refusal.status, alert: refusal.body.message, kept: { workflow: text('workflow'), unit: text('unit'), name: text('name'), year: text('year') } });
    }
  }

  private async render(request: Request, response: Response, viewer: PageViewer, extra: { status?: number } & Pick<UnitStartPageModel, 'alert' | 'kept'>): Promise<void> {
    const { language, principal } = viewer;
    this.shell.send(request, response, viewer, {
      status: extra.status,
      path: '/unit-campaigns/new',
      title: unitStartText(language, 'title'),
      content: unitStartPageView({
        language,
        workflows: await this.started.startable(language),
        units: await this.principals.actingForAll(principal.personId),
        year: Number(vietnamDate(this.clock.now()).slice(0, 4)),
        alert: extra.alert,
        kept: extra.kept,
      }),
    });
  }
}
