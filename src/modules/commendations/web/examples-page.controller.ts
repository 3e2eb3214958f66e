import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { EvidenceUploadInterceptor, UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import { html } from '../../web/html';
import { redirectSeeOther } from '../../web/page-response';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import type { ExampleKind } from '../entities/advanced-example.entity';
import { AdvancedExamplesService } from '../examples/advanced-examples.service';
import { RulePacksService } from '../records/rule-packs.service';
import { CommendationPages, PageSession } from './commendation-pages.service';
import { examplePageView, examplesPageView, exampleText } from './examples-page.view';

const STYLE = html`<style>.prose{white-space:pre-line}</style>`;

/**
 * The advanced examples' pages (/commendations/examples): the published list, the nominations a reader may follow and
 * their units' nomination form; one nomination with its evidence and the cluster head's review. Through
 * AdvancedExamplesService, as the API.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations/examples')
export class ExamplesPageController {
  constructor(
    private readonly examples: AdvancedExamplesService,
    private readonly pages: CommendationPages,
    private readonly packs: RulePacksService,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    await this.renderList(request, response, session, {}, 200);
  }

  @Post()
  async nominate(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    try {
      if (text('title').length < 3 || text('account').length < 10 || !Number.isInteger(Number(text('year')))) {
        throw new AppError('VALIDATION_FAILED', { fields: [exampleText(session.language, 'deed'), exampleText(session.language, 'account')].join(', ') });
      }
      const kind = text('kind') === 'good-deed' ? 'good-deed' : 'advanced-example';
      const created = await this.examples.nominate(
        { kind: kind as ExampleKind, unitId: text('unitId'), personId: text('personId') || undefined, year: Number(text('year')), title: text('title'), account: text('account') },
        session.person,
      );
      redirectSeeOther(response, `/commendations/examples/${created.id}?flash=nominated`);
    } catch (error) {
      const refusal = this.pages.refusal(error, session.language);
      const kept = Object.fromEntries(['kind', 'unitId', 'personId', 'year', 'title', 'account'].map((name) => [name, text(name)]));
      await this.renderList(request, response, session, { alert: refusal.message, form: kept }, refusal.status);
    }
  }

  @Get(':id')
  async example(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    const flash = request.query.flash === 'nominated' ? 'nominated' : request.query.flash === 'reviewed' ? 'reviewed' : undefined;
    await this.renderExample(request, response, session, id, { flash: flash && exampleText(session.language, flash) }, 200);
  }

  /** The page's upload (attachments-upload.js, with the CSRF header); answers JSON. */
  @Post(':id/attachments')
  @UseInterceptors(EvidenceUploadInterceptor('file'))
  async attach(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedEvidence, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    await this.pages.json(request, response, session, () => this.examples.attach(id, file, session.person));
  }

  @Post(':id/review')
  async review(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    try {
      const decision = form.decision === 'decline' ? 'decline' : 'accept';
      await this.examples.review(id, { decision, note: typeof form.note === 'string' ? form.note : undefined }, session.person);
      redirectSeeOther(response, `/commendations/examples/${id}?flash=reviewed`);
    } catch (error) {
      const refusal = this.pages.refusal(error, session.language);
      await this.renderExample(request, response, session, id, { alert: refusal.message }, refusal.status);
    }
  }

  private async renderList(request: Request, response: Response, session: PageSession, extras: { alert?: string; form?: Record<string, string> }, status: number): Promise<void> {
    const examples = await this.examples.list({}, session.person);
    const { units, latestYear } = await this.pages.unitsWithStaff(session.person.personId);
    const content = examplesPageView({ language: session.language, examples, units, year: latestYear, ...extras });
    this.pages.send(request, response, session, status, exampleText(session.language, 'title'), content, STYLE);
  }

  private async renderExample(request: Request, response: Response, session: PageSession, id: string, extras: { flash?: string; alert?: string }, status: number): Promise<void> {
    const example = await this.examples.get(id, session.person);
    const content = examplePageView({
      language: session.language,
      example,
      mayAttach: await this.pages.actsFor(session.person, example.unit.unitId),
      mayReview: await this.examples.mayReviewOne(id, session.person),
      forms: this.packs
        .forYear(example.year)
        .titles.filter((title) => title.kind === 'form' && title.subject === (example.person ? 'person' : 'unit'))
        .map((title) => ({ code: title.code, name: title.name[session.language] })),
      ...extras,
    });
    this.pages.send(request, response, session, status, example.title, content, STYLE);
  }
}
