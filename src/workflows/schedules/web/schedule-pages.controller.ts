import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { LaunchSchedulesService } from '../launch-schedules.service';
import { scheduleListView } from './schedule-list.view';
import { st } from './schedule-web-texts';

/** The administrators' page of scheduled launches: each schedule's rule, next run and results, and "run now". */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/schedules')
export class SchedulePagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly schedules: LaunchSchedulesService,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const schedules = [];
    for (const schedule of await this.schedules.list()) schedules.push({ schedule, runs: await this.schedules.runs(schedule.id, language) });
    const flash = request.query.flash === 'run-started' ? st(language, 'runStarted') : undefined;
    this.shell.send(request, response, viewer, { title: st(language, 'title'), content: scheduleListView({ language, schedules, flash }), path: '/admin/schedules' });
  }

  @Post(':id/run-now')
  async runNow(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/schedules');
    if (!viewer) return;
    await this.schedules.runNow(id);
    redirectSeeOther(response, '/admin/schedules?flash=run-started');
  }
}
