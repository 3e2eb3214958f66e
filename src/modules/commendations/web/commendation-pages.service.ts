import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { catalogMessage, statusOf } from '../../../common/errors/error-catalog';
import { toErrorResponse } from '../../../common/errors/error-response';
import { Language } from '../../../common/i18n/language';
import { AppConfig } from '../../../config/app-config';
import { CsrfTokens } from '../../csrf/csrf-tokens.service';
import type { SafeHtml } from '../../web/html';
import { PageNavigation } from '../../web/page-navigation';
import { languageLinks, pageLanguage, redirectSeeOther, SCRIPT_PAGE_CONTENT_SECURITY_POLICY, sendPage } from '../../web/page-response';
import { PageSessionService } from '../../web/page-session.service';
import { renderLayout } from '../../web/views/layout.view';
import { signInLocation } from '../../web/web.controller';
import { StaffYear } from '../entities/staff-year.entity';
import { mandatedUnits } from '../records/mandated';

/** Who reads a page, in which language. */
export interface PageSession {
  person: Principal;
  language: Language;
}

/** What the initiatives' and the examples' pages share: the reader's session, the layout, and refusals in words. */
@Injectable()
export class CommendationPages {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: PageSessionService,
    private readonly navigation: PageNavigation,
    private readonly csrf: CsrfTokens,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The signed-in reader, or a redirect to the sign-in page (then undefined). */
  async session(request: Request, response: Response): Promise<PageSession | undefined> {
    const language: Language = pageLanguage(request, response, this.config.get('auth', { infer: true }));
    const person = await this.sessions.resolve(request, response);
    if (!person) {
      redirectSeeOther(response, signInLocation(request));
      return undefined;
    }
    return { person, language };
  }

  /**
   * The units the reader acts for with everyone on their staff records (the forms' choice of a person), and the latest
   * year of those records (the forms' default year).
   */
  async unitsWithStaff(personId: string): Promise<{ units: Array<{ id: string; name: string; staff: Array<{ id: string; name: string }> }>; latestYear: number }> {
    const em = this.em.fork();
    const units = await mandatedUnits(em, personId);
    const staffYears = units.length ? await em.find(StaffYear, { unit: { $in: units.map((unit) => unit.id) } }, { populate: ['person'], orderBy: { person: { fullName: 'asc' } } }) : [];
    const staffOf = (unitId: string) => [...new Map(staffYears.filter((row) => row.unit.id === unitId).map((row) => [row.person.id, { id: row.person.id, name: row.person.fullName }])).values()];
    const latestYear = staffYears.reduce((year, row) => Math.max(year, row.year), 0) || new Date().getFullYear();
    return { units: units.map((unit) => ({ id: unit.id, name: unit.name, staff: staffOf(unit.id) })), latestYear };
  }

  /** Whether the reader may act for the unit (attach to its dossiers): an administrator or one of its officers. */
  async actsFor(person: Principal, unitId: string): Promise<boolean> {
    return person.roles.includes('admin') || (await mandatedUnits(this.em.fork(), person.personId)).some((unit) => unit.id === unitId);
  }

  /** A coded refusal in the reader's language and its status; anything else is not the page's to explain. */
  refusal(error: unknown, language: Language): { message: string; status: number } {
    if (!(error instanceof AppError) || statusOf(error.code) >= 500) throw error;
    return { message: catalogMessage(error.code, error.params, language), status: statusOf(error.code) };
  }

  /** A script's request (the attachments' upload): the work's answer as JSON, or the coded refusal as the API gives it. */
  async json(request: Request, response: Response, session: PageSession, work: () => Promise<unknown>): Promise<void> {
    try {
      response.status(200).json(await work());
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, session.language, request.path);
      response.status(refusal.status).set(refusal.headers).json(refusal.body);
    }
  }

  /** The page in the layout; scripts of ours allowed (the attachments' upload). */
  send(request: Request, response: Response, session: PageSession, status: number, title: string, content: SafeHtml, styles?: SafeHtml): void {
    const document = renderLayout({
      language: session.language,
      title,
      content,
      styles,
      languageLinks: languageLinks(request),
      person: session.person,
      navigation: this.navigation.linksFor(session.person, session.language, request.path),
      csrfToken: this.csrf.tokenFor(request, response),
    });
    sendPage(response, status, document, SCRIPT_PAGE_CONTENT_SECURITY_POLICY);
  }
}
