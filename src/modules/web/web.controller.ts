import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { Language } from '../../common/i18n/language';
import { AppConfig } from '../../config/app-config';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from '../auth/auth-cookies';
import { CsrfTokens } from '../csrf/csrf-tokens.service';
import { PrincipalService } from '../auth/principal.service';
import { SessionService } from '../auth/session.service';
import { SignInFormDto } from './dto/sign-in-form.dto';
import { SafeHtml } from './html';
import { PageNavigation } from './page-navigation';
import { languageLinks, pageLanguage, redirectSeeOther, sendPage } from './page-response';
import { PageSessionService } from './page-session.service';
import { safeNextPath } from './safe-next-path';
import { homeView } from './views/home.view';
import { renderLayout } from './views/layout.view';
import { signInView } from './views/sign-in.view';
import { WebExceptionFilter } from './web-exception.filter';
import { text } from './web-texts';

interface PageOptions {
  status?: number;
  title: string;
  content: SafeHtml;
  person?: Principal;
}

/**
 * The server-rendered pages. Public to the global guard because they handle the session
 * themselves (redirect to sign-in, silent refresh); errors render as HTML, not JSON.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebController {
  constructor(
    private readonly sessions: SessionService,
    private readonly principals: PrincipalService,
    private readonly pageSessions: PageSessionService,
    private readonly navigation: PageNavigation,
    private readonly csrf: CsrfTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language = pageLanguage(request, response, this.auth);
    const principal = await this.pageSessions.resolve(request, response);
    if (!principal) return redirectSeeOther(response, signInLocation(request));
    const mandates = await this.principals.validMandates(principal.personId);
    this.page(request, response, language, {
      title: text(language, 'homeTitle'),
      person: principal,
      content: homeView({
        language,
        fullName: principal.fullName,
        roles: principal.roles,
        mandates: mandates.map((m) => ({ unitCode: m.unit.code, unitName: m.unit.name, role: m.role, validFrom: m.validFrom, validTo: m.validTo })),
      }),
    });
  }

  @Get('sign-in')
  signInPage(@Req() request: Request, @Res() response: Response): void {
    const language = pageLanguage(request, response, this.auth);
    this.page(request, response, language, {
      title: text(language, 'signInTitle'),
      content: signInView({ language, next: safeNextPath(request.query.next) }),
    });
  }

  @Post('sign-in')
  async signIn(@Body() form: SignInFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const language = pageLanguage(request, response, this.auth);
    const next = safeNextPath(form.next);
    try {
      const tokens = await this.sessions.signIn(form.username, form.password, request.ip ?? 'unknown');
      setSessionCookies(response, tokens, this.auth);
      return redirectSeeOther(response, next ?? '/');
    } catch (error) {
      // Wrong credentials and throttling re-show the form with the reason; anything else is the filter's.
      if (!(error instanceof AppError)) throw error;
      const failure = toErrorResponse(error, language, request.path);
      response.set(failure.headers);
      this.page(request, response, language, {
        status: failure.status,
        title: text(language, 'signInTitle'),
        content: signInView({ language, username: form.username, error: failure.body.message, next }),
      });
    }
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const refreshToken: unknown = request.cookies?.[REFRESH_COOKIE];
    await this.sessions.signOut(typeof refreshToken === 'string' ? refreshToken : undefined);
    clearSessionCookies(response, this.auth);
    redirectSeeOther(response, '/sign-in');
  }

  private get auth() {
    return this.config.get('auth', { infer: true });
  }

  private page(request: Request, response: Response, language: Language, options: PageOptions): void {
    const document = renderLayout({
      language,
      title: options.title,
      content: options.content,
      languageLinks: languageLinks(request),
      person: options.person,
      navigation: options.person && this.navigation.linksFor(options.person, language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, options.status ?? 200, document);
  }
}

/** Sign-in, remembering the page asked for unless it is the home page anyway. */
export function signInLocation(request: Request): string {
  const next = safeNextPath(request.originalUrl);
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}
