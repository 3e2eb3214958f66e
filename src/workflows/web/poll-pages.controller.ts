import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { OFFLINE_RECORDER_ROLES } from '../../modules/voting/offline-ballots.service';
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
    const { language } = viewer;
    const query = request.query;
    const flash =
      typeof query.receipt === 'string' && typeof query.unit === 'string'
        ? pt(language, 'flashCast', { unit: query.unit, receipt: query.receipt })
        : query.flash === 'offline'
          ? pt(language, 'flashOffline')
          : query.flash === 'confirmed'
            ? pt(language, 'flashConfirmed')
            : undefined;
    await this.render(request, response, viewer, id, { flash });
  }

  @Post(':id/ballot')
  async cast(@Param('id', ParseUUIDPipe) id: string, @Body() form: BallotFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/polls/${id}`);
    if (!viewer) return;
    try {
      // A unit's ballot names its unit; a council member votes in person, on the candidates ticked.
      const actingFor = form.unit === undefined ? undefined : await this.principals.resolveActingFor(viewer.principal.personId, form.unit);
      const body = actingFor ? { choice: form.choice, subjectHash: form.subjectHash } : { candidateIds: form.candidate ?? [], subjectHash: form.subjectHash };
      const receipt = await this.ballots.castOnPoll(id, body, viewer.principal, actingFor);
      // The notice names the unit as the page's lists do, or the person.
      const unit = actingFor ? `${actingFor.unitCode} — ${actingFor.unitName}` : viewer.principal.fullName;
      return redirectSeeOther(response, `/polls/${id}?unit=${encodeURIComponent(unit)}&receipt=${receipt.receipt.slice(0, 16)}`);
    } catch (error) {
      await this.refuse(request, response, viewer, id, error, form.choice);
    }
  }

  /** A secretary records the ballots cast at a meeting, with its minutes (fields `ballot_<unit code>`). */
  @Post(':id/offline')
  async offline(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/polls/${id}`);
    if (!viewer) return;
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    try {
      const status = await this.polls.status(id, { personId: viewer.principal.personId, unitIds: [] });
      const units = await this.reader.unitsById(status.electorate.memberIds);
      const ballots = [...units].flatMap(([unitId, unit]) => {
        const choice = text(`ballot_${unit.code}`);
        return ['agree', 'disagree', 'abstain'].includes(choice) ? [{ unitId, choice: choice as 'agree' | 'disagree' | 'abstain' }] : [];
      });
      const heldAt = new Date(`${text('heldAt')}:00+07:00`);
      const hours = Number(text('confirmWindowHours'));
      if (!text('title') || !text('text') || Number.isNaN(heldAt.getTime()) || !ballots.length || !Number.isInteger(hours) || hours < 1 || hours > 720) {
        throw new AppError('VALIDATION_FAILED', { fields: pt(viewer.language, 'offlineInvalid') });
      }
      await this.ballots.recordMeeting(
        id,
        { secretaryPersonId: viewer.principal.personId, minutes: { title: text('title'), heldAt, text: text('text') }, ballots, confirmWindowHours: hours },
        viewer.principal,
      );
      return redirectSeeOther(response, `/polls/${id}?flash=offline`);
    } catch (error) {
      await this.refuse(request, response, viewer, id, error);
    }
  }

  /** A unit confirms or disputes the ballot recorded for it at a meeting. */
  @Post(':id/offline/confirm')
  async confirmOffline(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/polls/${id}`);
    if (!viewer) return;
    try {
      const decision = form.decision === 'dispute' ? 'dispute' : form.decision === 'confirm' ? 'confirm' : undefined;
      if (!decision || typeof form.unit !== 'string') {
        const fields = `${pt(viewer.language, 'confirm')} / ${pt(viewer.language, 'dispute')}, ${pt(viewer.language, 'unit')}`;
        throw new AppError('VALIDATION_FAILED', { fields });
      }
      const actingFor = await this.principals.resolveActingFor(viewer.principal.personId, form.unit);
      const comment = typeof form.comment === 'string' && form.comment.trim() ? form.comment.trim() : undefined;
      await this.polls.confirmOffline(id, actingFor.unitId, viewer.principal.personId, decision, comment);
      return redirectSeeOther(response, `/polls/${id}?flash=confirmed`);
    } catch (error) {
      await this.refuse(request, response, viewer, id, error);
    }
  }

  /** The page again with the catalog's message and status; `choice` keeps what the person chose. */
  private async refuse(request: Request, response: Response, viewer: PageViewer, id: string, error: unknown, choice?: string): Promise<void> {
    if (!(error instanceof AppError)) throw error;
    const refusal = toErrorResponse(error, viewer.language, request.path);
    response.set(refusal.headers);
    await this.render(request, response, viewer, id, { status: refusal.status, failure: { message: refusal.body.message, choice } });
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
        voteFor: mandates.filter((mandate) => electorate.has(mandate.unitId)).map((mandate) => ({ unitId: mandate.unitId, unitCode: mandate.unitCode, unitName: mandate.unitName })),
        votesInPerson: status.electorate.kind === 'people' && status.electorate.memberIds.includes(principal.personId),
        flash: extra.flash,
        failure: extra.failure,
        canRecordOffline: OFFLINE_RECORDER_ROLES.some((role) => principal.roles.includes(role)),
        unitCodes: new Map([...units].map(([unitId, unit]) => [unitId, unit.code])),
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
