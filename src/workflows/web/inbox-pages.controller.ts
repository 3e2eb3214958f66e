import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { listPage, pagerNav } from '../../modules/web/views/pager.view';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import type { TaskDto } from '../api/dto/campaign.dto';
import { CampaignCommandsService } from '../engine/campaign-commands.service';
import { CampaignPageReader } from './campaign-page-reader.service';
import { IRREVERSIBLE_COMMANDS, TaskCommandFormDto } from './dto/task-command-form.dto';
import { stageLabel } from './page-format';
import { CommandFailure, InboxTaskRow, inboxView } from './views/inbox.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';
import { COMMAND_TEXTS, FLASH_OF_COMMAND, FLASH_TEXTS, labelOf, wt } from './workflow-web-texts';

/** Done tasks per page under the open ones (`?donePage=`). */
const DONE_PAGE_SIZE = 50;

/**
 * The inbox page: the person's tasks and a plain form per command. A command answers with a 303
 * back to the inbox and a confirmation, or re-shows the inbox with the catalog's message.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('inbox')
export class InboxPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: CampaignQueriesService,
    private readonly commands: CampaignCommandsService,
    private readonly principals: PrincipalService,
    private readonly reader: CampaignPageReader,
  ) {}

  @Get()
  async inbox(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const flashCode = typeof request.query.flash === 'string' ? request.query.flash : undefined;
    const flash = flashCode && Object.hasOwn(FLASH_TEXTS, flashCode) ? FLASH_TEXTS[flashCode][viewer.language] : undefined;
    await this.render(request, response, viewer, { flash });
  }

  /** Acts for the task's unit (under the person's valid mandate for it), as the API does by default. */
  @Post('tasks/:id/commands')
  async command(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: TaskCommandFormDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const viewer = await this.shell.viewer(request, response, '/inbox');
    if (!viewer) return;
    try {
      if (IRREVERSIBLE_COMMANDS.has(form.command) && form.confirm !== 'yes') {
        throw new AppError('CONFIRMATION_REQUIRED', { action: labelOf(COMMAND_TEXTS, form.command, viewer.language) });
      }
      const task = await this.queries.task(id);
      // The code rather than the id, so that a refusal names the unit in words the person knows.
      const unitRef = task.unitCode ?? task.unitId ?? undefined;
      const actingFor = unitRef ? await this.principals.resolveActingFor(viewer.principal.personId, unitRef) : undefined;
      await this.commands.commandTask(id, { command: form.command, comment: form.comment }, viewer.principal, actingFor);
      const flash = FLASH_OF_COMMAND[form.command];
      return redirectSeeOther(response, flash ? `/inbox?flash=${flash}` : '/inbox');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      response.set(refusal.headers);
      await this.render(request, response, viewer, {
        status: refusal.status,
        failure: { taskId: id, command: form.command, comment: form.comment, code: refusal.body.code, message: refusal.body.message },
      });
    }
  }

  private async render(
    request: Request,
    response: Response,
    viewer: PageViewer,
    extra: { flash?: string; failure?: CommandFailure; status?: number },
  ): Promise<void> {
    const { language, principal } = viewer;
    const [open, done] = await Promise.all([
      this.queries.inbox(principal.personId, { status: 'open' }),
      this.queries.inbox(principal.personId, { status: 'done' }),
    ]);
    // Most recently due first: the inbox query sorts by due date ascending.
    const donePage = listPage(done.tasks.length, DONE_PAGE_SIZE, request.query.donePage);
    const doneShown = [...done.tasks].reverse().slice(donePage.offset, donePage.offset + donePage.size);
    const tasks = [...open.tasks, ...doneShown];
    const [documents, units] = await Promise.all([
      this.reader.documentsOf(tasks.map((t) => t.campaignId)),
      this.reader.unitsById(tasks.flatMap((t) => (t.unitId ? [t.unitId] : []))),
    ]);
    const row = (task: TaskDto): InboxTaskRow => ({
      task,
      stageName: stageLabel(documents.get(task.campaignId), task.stageKey, language),
      unit: task.unitId ? (units.get(task.unitId) ?? null) : null,
    });
    this.shell.send(request, response, viewer, {
      status: extra.status,
      title: wt(language, 'inboxTitle'),
      path: '/inbox',
      content: inboxView({
        language,
        counts: open.counts,
        open: open.tasks.map(row),
        done: doneShown.map(row),
        donePager: pagerNav(language, donePage, (page) => `/inbox?donePage=${page}#done-heading`, wt(language, 'inboxDoneHeading')),
        flash: extra.flash,
        failure: extra.failure,
      }),
    });
  }
}
