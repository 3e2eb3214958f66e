import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { anyOfRoles } from '../../../common/auth/role-names';
import { AppError } from '../../../common/errors/app-error';
import { EvidenceUploadInterceptor, UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import { PollsService } from '../../voting/polls.service';
import { html } from '../../web/html';
import { redirectSeeOther } from '../../web/page-response';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { InitiativeApplicationDto, SubmitInitiativeDto } from '../initiatives/initiatives.dto';
import { InitiativesService } from '../initiatives/initiatives.service';
import type { InitiativeScope } from '../rules/rule-pack';
import { actsAsCouncilSecretary, COUNCIL_SECRETARY_ROLES } from '../records/mandated';
import { CommendationPages, PageSession } from './commendation-pages.service';
import { initiativePageView, initiativesPageView, initiativeText } from './initiatives-page.view';

/** A ballot posted without one of the three choices. */
const NO_CHOICE = { vi: 'hãy chọn đồng ý, không đồng ý hoặc không biểu quyết.', en: 'choose agree, disagree or abstain.' };

/** Descriptions keep their line breaks. */
const STYLE = html`<style>.prose{white-space:pre-line}.ballot label{margin-right:1rem}</style>`;

/**
 * The initiatives' pages (/commendations/initiatives): the applications a person may see and the form their units
 * submit with; one application's page with its files, the council members' ballot, and the secretary's or an
 * administrator's review and decision. Every step goes through InitiativesService, as the API does.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations/initiatives')
export class InitiativesPageController {
  constructor(
    private readonly initiatives: InitiativesService,
    private readonly polls: PollsService,
    private readonly pages: CommendationPages,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const flash = request.query.flash === 'submitted' ? initiativeText(session.language, 'submitted') : undefined;
    await this.renderList(request, response, session, { flash }, 200);
  }

  @Post()
  async submit(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    const input: SubmitInitiativeDto = {
      unitId: text('unitId'),
      personId: text('personId') || undefined,
      year: Number(text('year')),
      name: text('name'),
      description: text('description'),
      benefits: text('benefits'),
      scope: text('scope') as InitiativeScope,
    };
    try {
      // The page's form asks for what the API's DTO checks; what it cannot (a blank text, a bad year) is said here.
      if (!input.name || input.description.length < 10 || input.benefits.length < 10 || !Number.isInteger(input.year)) {
        throw new AppError('VALIDATION_FAILED', { fields: [initiativeText(session.language, 'name'), initiativeText(session.language, 'description'), initiativeText(session.language, 'benefits')].join(', ') });
      }
      const created = await this.initiatives.submit(input, session.person);
      redirectSeeOther(response, `/commendations/initiatives/${created.id}?flash=submitted`);
    } catch (error) {
      const alert = this.pages.refusal(error, session.language);
      const kept = Object.fromEntries(['unitId', 'personId', 'year', 'name', 'description', 'benefits', 'scope'].map((name) => [name, text(name)]));
      await this.renderList(request, response, session, { alert: alert.message, form: kept }, alert.status);
    }
  }

  @Get(':id')
  async application(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const flashes: Record<string, 'submitted' | 'reviewOpened' | 'voted' | 'decided'> = { submitted: 'submitted', review: 'reviewOpened', voted: 'voted', decided: 'decided' };
    const flashKey = typeof request.query.flash === 'string' ? flashes[request.query.flash] : undefined;
    await this.renderApplication(request, response, session, id, { flash: flashKey && initiativeText(session.language, flashKey) }, 200);
  }

  /** The page's upload: multipart with the page's CSRF token in X-CSRF-Token (sent by attachments-upload.js); answers JSON. */
  @Post(':id/attachments')
  @UseInterceptors(EvidenceUploadInterceptor('file'))
  async attach(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedEvidence, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    await this.pages.json(request, response, session, () => this.initiatives.attach(id, file, session.person));
  }

  @Post(':id/review')
  async review(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'review', async (session) => {
      if (!actsAsCouncilSecretary(session.person)) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(COUNCIL_SECRETARY_ROLES) });
      await this.initiatives.openReview(id);
    });
  }

  @Post(':id/ballot')
  async ballot(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'voted', async (session) => {
      const application = await this.initiatives.get(id, session.person, session.language);
      const choice = form.choice === 'agree' || form.choice === 'disagree' || form.choice === 'abstain' ? form.choice : undefined;
      if (!choice) throw new AppError('BALLOT_INVALID', { reason: NO_CHOICE }, { reason: NO_CHOICE });
      if (!application.pollId) throw new AppError('INITIATIVE_NOT_IN_REVIEW', { name: application.name });
      await this.polls.castBallot(application.pollId, { personId: session.person.personId }, choice);
    });
  }

  @Post(':id/decision')
  async decide(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, id, 'decided', async (session) => {
      if (!actsAsCouncilSecretary(session.person)) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(COUNCIL_SECRETARY_ROLES) });
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
      await this.initiatives.decide(id, { number: text('number'), signedOn: text('signedOn'), scope: text('scope') as InitiativeScope | undefined }, session.language);
    });
  }

  /** A step of the application's page: done, the page again with its notice; refused, the page with the reason. */
  private async act(request: Request, response: Response, id: string, flash: string, step: (session: PageSession) => Promise<void>): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    try {
      await step(session);
      redirectSeeOther(response, `/commendations/initiatives/${id}?flash=${flash}`);
    } catch (error) {
      const refusal = this.pages.refusal(error, session.language);
      await this.renderApplication(request, response, session, id, { alert: refusal.message }, refusal.status);
    }
  }

  private async renderList(request: Request, response: Response, session: PageSession, extras: { flash?: string; alert?: string; form?: Record<string, string> }, status: number): Promise<void> {
    const { person, language } = session;
    const applications = await this.initiatives.list({}, person);
    const { units, latestYear } = await this.pages.unitsWithStaff(person.personId);
    this.pages.send(request, response, session, status, initiativeText(language, 'title'), initiativesPageView({
      language,
      applications,
      units,
      year: latestYear,
      ...extras,
    }), STYLE);
  }

  private async renderApplication(request: Request, response: Response, session: PageSession, id: string, extras: { flash?: string; alert?: string }, status: number): Promise<void> {
    const { person, language } = session;
    const application: InitiativeApplicationDto = await this.initiatives.get(id, person, language);
    const poll = application.pollId && application.status === 'in-review' ? await this.polls.status(application.pollId, { personId: person.personId, unitIds: [] }) : null;
    const mayAttach = await this.pages.actsFor(person, application.unit.unitId);
    const view = initiativePageView({
      language,
      application,
      poll,
      mayAttach,
      mayDecide: actsAsCouncilSecretary(person),
      mayVote: !!poll && poll.electorate.memberIds.includes(person.personId),
      ...extras,
    });
    this.pages.send(request, response, session, status, application.name, view, STYLE);
  }

}

/** Who puts applications to the council and records its decisions: its secretary and administrators. */
