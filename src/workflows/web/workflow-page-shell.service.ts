import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Principal } from '../../common/auth/principal';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { Language } from '../../common/i18n/language';
import { AppConfig } from '../../config/app-config';
import { CsrfTokens } from '../../modules/csrf/csrf-tokens.service';
import { html, SafeHtml } from '../../modules/web/html';
import { PageNavigation } from '../../modules/web/page-navigation';
import { FORM_PAGE_CONTENT_SECURITY_POLICY, languageLinks, pageLanguage, redirectSeeOther, sendPage } from '../../modules/web/page-response';
import { PageSessionService } from '../../modules/web/page-session.service';
import { renderLayout } from '../../modules/web/views/layout.view';
import { signInLocation } from '../../modules/web/web.controller';
import { WORKFLOW_PAGE_STYLE } from './views/workflow-page.style';

/** Who is looking at a page, in which language. */
export interface PageViewer {
  language: Language;
  principal: Principal;
}

export interface WorkflowPage {
  title: string;
  content: SafeHtml;
  status?: number;
  /** The page's own address when answering a form POST, so the language links and the navigation point at a page. */
  path?: string;
  /** For pages that run Form.io: its stylesheets and scripts, under the form pages' content security policy. */
  assets?: { stylesheets: string[]; scripts: string[] };
  /** The page's own rules, after the workflow pages' stylesheet. */
  styles?: SafeHtml;
  /** A page with scripts that need less than Form.io's policy (no `unsafe-eval`) says so here. */
  contentSecurityPolicy?: string;
}

/** The shell's session, language and layout, as every workflow page uses them. */
@Injectable()
export class WorkflowPageShell {
  constructor(
    private readonly sessions: PageSessionService,
    private readonly navigation: PageNavigation,
    private readonly csrf: CsrfTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * The viewer of a page, or undefined once a visitor without a session was sent to sign in.
   * `next` is where to come back to; by default the page asked for.
   */
  async viewer(request: Request, response: Response, next?: string): Promise<PageViewer | undefined> {
    const language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const principal = await this.sessions.resolve(request, response);
    if (principal) return { language, principal };
    redirectSeeOther(response, next ? `/sign-in?next=${encodeURIComponent(next)}` : signInLocation(request));
    return undefined;
  }

  /** The viewer of an administrators' page: as `viewer`, and anyone without the role gets the localized 403 page. */
  async admin(request: Request, response: Response, next?: string): Promise<PageViewer | undefined> {
    const viewer = await this.viewer(request, response, next);
    if (viewer) this.requireRole(viewer, 'admin');
    return viewer;
  }

  /** Pages for administrators only: anyone else gets the localized 403 page. */
  requireRole(viewer: PageViewer, role: string): void {
    if (!viewer.principal.roles.includes(role)) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles([role]) });
  }

  send(request: Request, response: Response, viewer: PageViewer, page: WorkflowPage): void {
    const { language, principal } = viewer;
    const document = renderLayout({
      language,
      title: page.title,
      content: page.content,
      languageLinks: page.path ? { vi: `${page.path}?lang=vi`, en: `${page.path}?lang=en` } : languageLinks(request),
      person: principal,
      navigation: this.navigation.linksFor(principal, language, page.path ?? request.path),
      styles: page.styles ? html`${WORKFLOW_PAGE_STYLE}${page.styles}` : WORKFLOW_PAGE_STYLE,
      stylesheets: page.assets?.stylesheets,
      scripts: page.assets?.scripts,
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, page.status ?? 200, document, page.contentSecurityPolicy ?? (page.assets ? FORM_PAGE_CONTENT_SECURITY_POLICY : undefined));
  }
}
