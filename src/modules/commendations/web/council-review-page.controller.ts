import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { anyOfRoles } from '../../../common/auth/role-names';
import { AppError } from '../../../common/errors/app-error';
import type { PollStatusDto } from '../../voting/dto/poll-response.dto';
import { PollsService } from '../../voting/polls.service';
import { redirectSeeOther } from '../../web/page-response';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { actsAsCouncilSecretary, COUNCIL_SECRETARY_ROLES, EVERY_UNIT_ROLES } from '../records/mandated';
import { ProposalCouncilService } from '../records/proposal-council.service';
import type { ProposalCouncilOverviewDto } from '../records/records.dto';
import { CommendationPages, PageSession } from './commendation-pages.service';
import { councilReviewPageView, councilReviewText } from './council-review-page.view';

/** Reading is the council's, its secretary's and administrators', as in the API (commendation-records.controller.ts). */
const READS = EVERY_UNIT_ROLES;
const holds = (person: Principal, roles: string[]) => roles.some((role) => person.roles.includes(role));

const yearOf = (value: unknown): number | undefined => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : undefined);
const text = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);

/**
 * The council's review of the units' proposals (/commendations/council-review): the secretary or an administrator
 * puts a title's waiting proposals to the council and records the decision; council members tick whom they agree
 * with. Every step goes through ProposalCouncilService and PollsService, as the API does.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations/council-review')
export class CouncilReviewPageController {
  constructor(
    private readonly council: ProposalCouncilService,
    private readonly polls: PollsService,
    private readonly pages: CommendationPages,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const flash = ['opened', 'voted', 'recorded'].find((key) => key === request.query.flash) as 'opened' | 'voted' | 'recorded' | undefined;
    await this.render(request, response, session, yearOf(request.query.year), { flash: flash && councilReviewText(session.language, flash) }, 200);
  }

  @Post()
  async open(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, yearOf(form.year), 'opened', async (session) => {
      if (!actsAsCouncilSecretary(session.person)) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(COUNCIL_SECRETARY_ROLES) });
      return (await this.council.openVote(yearOf(form.year) ?? 0, text(form, 'title') ?? '', session.language)).year;
    });
  }

  @Post(':pollId/ballot')
  async ballot(@Param('pollId', ParseUUIDPipe) pollId: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, undefined, 'voted', async (session) => {
      const { year } = await this.council.get(pollId, session.language);
      // A campaign's review: the ballot goes through the member's task, on the poll's page.
      await this.council.assertOutsideCampaigns(pollId);
      const ticked = ([] as unknown[]).concat(form.candidate ?? []).filter((id): id is string => typeof id === 'string');
      await this.polls.castBallot(pollId, { personId: session.person.personId }, { candidateIds: ticked });
      return year;
    });
  }

  @Post(':pollId/decision')
  async decide(@Param('pollId', ParseUUIDPipe) pollId: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.act(request, response, undefined, 'recorded', async (session) => {
      if (!actsAsCouncilSecretary(session.person)) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(COUNCIL_SECRETARY_ROLES) });
      const vote = await this.council.decide(pollId, { number: text(form, 'number'), signedOn: text(form, 'signedOn'), issuer: text(form, 'issuer') }, session.person.personId, session.language);
      return vote.year;
    });
  }

  /** A step (answering its year): done, the year's page with its notice; refused, the page with the reason in words. */
  private async act(request: Request, response: Response, year: number | undefined, flash: string, step: (session: PageSession) => Promise<number>): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    try {
      const done = await step(session);
      redirectSeeOther(response, `/commendations/council-review?${new URLSearchParams({ year: String(done), flash })}`);
    } catch (error) {
      const refusal = this.pages.refusal(error, session.language);
      await this.render(request, response, session, year, { alert: refusal.message }, refusal.status);
    }
  }

  private async render(request: Request, response: Response, session: PageSession, asked: number | undefined, notice: { flash?: string; alert?: string }, status: number): Promise<void> {
    const { person, language } = session;
    // By default the year just ended: proposals are made at year end.
    const year = asked ?? new Date().getFullYear() - 1;
    const page = { language, year, overview: { waiting: [], votes: [] } as ProposalCouncilOverviewDto, polls: new Map<string, PollStatusDto>(), mayDecide: actsAsCouncilSecretary(person), mayVote: person.roles.includes('council-member'), notice };
    if (!holds(person, READS)) {
      const refusal = this.pages.refusal(new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(READS) }), language);
      return this.pages.send(request, response, session, refusal.status, councilReviewText(language, 'title'), councilReviewPageView({ ...page, notice: { alert: refusal.message } }));
    }
    const overview = await this.council.overview(year, language);
    const polls = page.polls;
    for (const vote of overview.votes.filter((entry) => entry.decision === null)) {
      polls.set(vote.pollId, await this.polls.status(vote.pollId, { personId: person.personId, unitIds: [] }));
    }
    const content = councilReviewPageView({ ...page, overview });
    this.pages.send(request, response, session, status, councilReviewText(language, 'title'), content);
  }
}
