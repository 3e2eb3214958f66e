import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { Language } from '../../../common/i18n/language';
import { AppConfig } from '../../../config/app-config';
import { CsrfTokens } from '../../csrf/csrf-tokens.service';
import { PageNavigation } from '../../web/page-navigation';
import { languageLinks, pageLanguage, redirectSeeOther, sendPage } from '../../web/page-response';
import { PageSessionService } from '../../web/page-session.service';
import { renderLayout } from '../../web/views/layout.view';
import { signInLocation } from '../../web/web.controller';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { CommendationsService } from '../commendations.service';
import { EligibilityService } from '../records/eligibility.service';
import { RulePacksService } from '../records/rule-packs.service';
import { commendationsPageView, commendationText } from './commendations-page.view';
import { eligibilityPageView, eligibilityText } from './eligibility-page.view';

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
   * may look at, the year's titles, and each candidate with a badge and the reasons. Defaults: the first unit, the
   * latest year its staff is on record, the pack's first title.
   */
  @Get('eligibility')
  async eligibilityPage(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) return redirectSeeOther(response, signInLocation(request));
    const units = await this.eligibility.unitsFor(person);
    const query = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : undefined);
    const unit = units.find((candidate) => candidate.id === query('unit')) ?? units[0];
    const askedYear = Number(query('year'));
    const year = Number.isInteger(askedYear) && askedYear >= 1945 && askedYear <= 2100 ? askedYear : (unit?.latestYear ?? new Date().getFullYear());
    const pack = this.packs.inForce(year);
    const titles = (pack?.titles ?? []).map((title) => ({ code: title.code, name: title.name[language] }));
    const title = titles.find((candidate) => candidate.code === query('title'))?.code ?? titles[0]?.code ?? '';
    const list = unit && pack ? await this.eligibility.list({ unitId: unit.id, year, title }, person, language) : null;
    const document = renderLayout({
      language,
      title: eligibilityText(language, 'title'),
      content: eligibilityPageView({ language, units, titles, chosen: { unitId: unit?.id, year, title }, list }),
      languageLinks: languageLinks(request),
      person,
      navigation: this.navigation.linksFor(person, language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, 200, document);
  }
}
