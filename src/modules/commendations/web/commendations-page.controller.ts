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
import { commendationsPageView, commendationText } from './commendations-page.view';

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
}
