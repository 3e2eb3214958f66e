import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { catalogMessage, statusOf } from '../../../common/errors/error-catalog';
import { Language } from '../../../common/i18n/language';
import { AppConfig } from '../../../config/app-config';
import { CsrfTokens } from '../../csrf/csrf-tokens.service';
import type { SafeHtml } from '../../web/html';
import { PageNavigation } from '../../web/page-navigation';
import { languageLinks, pageLanguage, redirectSeeOther, sendPage } from '../../web/page-response';
import { PageSessionService } from '../../web/page-session.service';
import { renderLayout } from '../../web/views/layout.view';
import { signInLocation } from '../../web/web.controller';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { CommendationsService } from '../commendations.service';
import { EligibilityService } from '../records/eligibility.service';
import { PersonRecordService } from '../records/person-record.service';
import { ProposalsService } from '../records/proposals.service';
import { RulePacksService } from '../records/rule-packs.service';
import { UnitRecordService } from '../records/unit-record.service';
import { commendationsPageView, commendationText } from './commendations-page.view';
import { eligibilityPageView, eligibilityText } from './eligibility-page.view';
import { personRecordPageView, personRecordText } from './person-record-page.view';
import { RECORD_TIMELINE_STYLE } from './record-timeline.view';
import { unitRecordPageView, unitRecordText } from './unit-record-page.view';

/** Rows shown on the page; the API pages through the rest. */
const PAGE_ROWS = 200;

/** The commendation register's page (/commendations) for anyone signed in: Vietnamese first, English by choice. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations')
export class CommendationsPageController {
  constructor(
    private readonly commendations: CommendationsService,
    private readonly eligibility: EligibilityService,
    private readonly packs: RulePacksService,
    private readonly proposals: ProposalsService,
    private readonly records: PersonRecordService,
    private readonly unitRecords: UnitRecordService,
    private readonly sessions: PageSessionService,
    private readonly navigation: PageNavigation,
    private readonly csrf: CsrfTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) return redirectSeeOther(response, signInLocation(request));
    // A year that is not a plain year is ignored, as a filter left empty would be.
    const asked = typeof request.query.year === 'string' && /^\d{4}$/.test(request.query.year) ? Number(request.query.year) : undefined;
    const year = asked !== undefined && asked >= 1900 && asked <= 2200 ? asked : undefined;
    const { items, total } = await this.commendations.list({ year, limit: PAGE_ROWS, offset: 0 });
    const document = renderLayout({
      language,
      title: commendationText(language, 'title'),
      content: commendationsPageView({ language, items, total, year }),
      languageLinks: languageLinks(request),
      person,
      navigation: this.navigation.linksFor(person, language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, 200, document);
  }

  /**
   * Who of a unit may be proposed for a title (/commendations/eligibility?unit=&year=&title=): the units the person
   * may look at, the year's titles, and each candidate with a badge and the reasons; eligible people not yet proposed
   * can be chosen and proposed. Defaults: the first unit, the latest year its staff is on record, the pack's first title.
   */
  @Get('eligibility')
  async eligibilityPage(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) return redirectSeeOther(response, signInLocation(request));
    const flash = request.query.flash === 'proposed' ? eligibilityText(language, 'proposedFlash') : undefined;
    await this.renderEligibility(request, response, person, language, request.query, { flash }, 200);
  }

  /** Proposes the chosen people; a refusal shows the page again with the reason and the choices kept, nothing recorded. */
  @Post('eligibility/proposals')
  async propose(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) return redirectSeeOther(response, signInLocation(request));
    const form = (request.body ?? {}) as Record<string, unknown>;
    const chosen = ([] as unknown[]).concat(form.candidate ?? []).filter((id): id is string => typeof id === 'string');
    const choice = { unit: String(form.unit ?? ''), year: String(form.year ?? ''), title: String(form.title ?? '') };
    try {
      await this.proposals.propose({ unitId: choice.unit, year: Number(choice.year), title: choice.title, candidates: chosen.map((personId) => ({ personId })) }, person, language);
    } catch (error) {
      if (!(error instanceof AppError) || statusOf(error.code) >= 500) throw error;
      const alert = catalogMessage(error.code, error.params, language);
      return this.renderEligibility(request, response, person, language, choice, { alert, checked: new Set(chosen) }, statusOf(error.code));
    }
    redirectSeeOther(response, `/commendations/eligibility?${new URLSearchParams({ ...choice, flash: 'proposed' })}`);
  }

  /** A person's record (/commendations/people/:id), for the person, their units' officers, the council and administrators. */
  @Get('people/:id')
  async personRecord(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.recordPage(request, response, async (person, language) => {
      const record = await this.records.get(id, person);
      return { title: personRecordText(language, 'title', { name: record.person.fullName }), content: personRecordPageView(record, language) };
    });
  }

  /** A unit's record (/commendations/units/:id), for its officers, the council and administrators. */
  @Get('units/:id')
  async unitRecord(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.recordPage(request, response, async (person, language) => {
      const record = await this.unitRecords.get(id, person);
      return { title: unitRecordText(language, 'title', { name: record.unit.name }), content: unitRecordPageView(record, language) };
    });
  }

  /** A record's page for the signed-in reader, with the timeline's style. */
  private async recordPage(request: Request, response: Response, read: (person: Principal, language: Language) => Promise<{ title: string; content: SafeHtml }>): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) return redirectSeeOther(response, signInLocation(request));
    const { title, content } = await read(person, language);
    const document = renderLayout({
      language,
      title,
      content,
      styles: RECORD_TIMELINE_STYLE,
      languageLinks: languageLinks(request),
      person,
      navigation: this.navigation.linksFor(person, language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, 200, document);
  }

  private async renderEligibility(
    request: Request,
    response: Response,
    person: Principal,
    language: Language,
    query: Record<string, unknown>,
    extras: { flash?: string; alert?: string; checked?: Set<string> },
    status: number,
  ): Promise<void> {
    const units = await this.eligibility.unitsFor(person);
    const asked = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
    const unit = units.find((candidate) => candidate.id === asked('unit')) ?? units[0];
    const askedYear = Number(asked('year'));
    const year = Number.isInteger(askedYear) && askedYear >= 1945 && askedYear <= 2100 ? askedYear : (unit?.latestYear ?? new Date().getFullYear());
    const pack = this.packs.inForce(year);
    const titles = (pack?.titles ?? []).map((title) => ({ code: title.code, name: title.name[language] }));
    const title = titles.find((candidate) => candidate.code === asked('title'))?.code ?? titles[0]?.code ?? '';
    const list = unit && pack ? await this.eligibility.list({ unitId: unit.id, year, title }, person, language) : null;
    const proposed = new Map(list ? (await this.proposals.list(unit!.id, year, title, person, language)).map((p) => [p.candidate.id, p.status] as const) : []);
    const document = renderLayout({
      language,
      title: eligibilityText(language, 'title'),
      content: eligibilityPageView({ language, units, titles, chosen: { unitId: unit?.id, year, title }, list, proposed, ...extras }),
      languageLinks: languageLinks(request),
      person,
      navigation: this.navigation.linksFor(person, language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, status, document);
  }
}
