import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { PollsService } from '../../modules/voting/polls.service';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { BallotTaskService } from '../stages/vote/ballot-task.service';
import { CampaignPageReader } from './campaign-page-reader.service';
import { BallotFormDto } from './dto/ballot-form.dto';
import { pt } from './poll-web-texts';
import { pollView, PollViewModel } from './views/poll.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';

/**
 * A poll's page (biểu quyết): its subject and rule, progress, a ballot form for the viewer's member units, and the
 * result with its arithmetic once closed. A ballot on a vote stage's poll goes through the unit's task.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('polls')
export class PollPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly polls: PollsService,
    private readonly ballots: BallotTaskService,
    private readonly principals: PrincipalService,
    private readonly queries: CampaignQueriesService,
    private readonly reader: CampaignPageReader,
  ) {}

  @Get(':id')
  async poll(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const flash = typeof request.query.receipt === 'string' && typeof request.query.unit === 'string' ? pt(viewer.language, 'flashCast', { unit: request.query.unit, receipt: request.query.receipt }) : undefined;
    await this.render(request, response, viewer, id, { flash });
  }

  @Post(':id/ballot')
  async cast(@Param('id', ParseUUIDPipe) id: string, @Body() form: BallotFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/polls/${id}`);
    if (!viewer) return;
    try {
      const actingFor = await this.principals.resolveActingFor(viewer.principal.personId, form.unit);
      const receipt = await this.ballots.castOnPoll(id, { choice: form.choice, subjectHash: form.subjectHash }, viewer.principal, actingFor);
      return redirectSeeOther(response, `/polls/${id}?unit=${encodeURIComponent(actingFor.unitCode)}&receipt=${receipt.receipt.slice(0, 16)}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      response.set(refusal.headers);
      await this.render(request, response, viewer, id, { status: refusal.status, failure: { message: refusal.body.message, choice: form.choice } });
    }
  }

  private async render(request: Request, response: Response, viewer: PageViewer, id: string, extra: { flash?: string; failure?: PollViewModel['failure']; status?: number }): Promise<void> {
    const { language, principal } = viewer;
    const mandates = await this.principals.actingForAll(principal.personId);
    const status = await this.polls.status(id, { personId: principal.personId, unitIds: mandates.map((m) => m.unitId) });
    const result = status.status === 'closed' ? await this.polls.result(id, language) : null;
    const memberIds = status.electorate.kind === 'units' ? status.electorate.memberIds : [];
    const units = await this.reader.unitsById(memberIds);
    const names = new Map([...units].map(([unitId, unit]) => [unitId, `${unit.code} — ${unit.name}`]));
    const electorate = new Set(memberIds);
    this.shell.send(request, response, viewer, {
      status: extra.status,
      path: `/polls/${id}`,
      title: pt(language, 'pollTitle', { label: status.subject.label }),
      content: pollView({
        language,
        status,
        result,
        subjectLink: await this.subjectLink(status),
        campaignId: status.campaignId,
        names,
        voteFor: mandates.filter((mandate) => electorate.has(mandate.unitId)).map((mandate) => ({ unitId: mandate.unitId, unitCode: mandate.unitCode })),
        flash: extra.flash,
        failure: extra.failure,
      }),
    });
  }

  /** The document version voted on, or the amendment on its document's page. */
  private async subjectLink(status: Awaited<ReturnType<PollsService['status']>>): Promise<string | null> {
    if (!status.campaignId) return null;
    const { context } = await this.queries.contextOf(status.campaignId);
    const documentId = typeof context.documentId === 'string' ? context.documentId : null;
    if (!documentId) return null;
    if (status.subject.kind === 'amendment') return `/documents/${documentId}#amendment-${status.subject.id}`;
    const number = /phiên bản (\d+)$/.exec(status.subject.label)?.[1];
    return number ? `/documents/${documentId}?v=${number}` : `/documents/${documentId}`;
  }
}
