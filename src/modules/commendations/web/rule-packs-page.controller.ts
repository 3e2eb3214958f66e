import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { anyOfRoles } from '../../../common/auth/role-names';
import { AppError } from '../../../common/errors/app-error';
import { redirectSeeOther } from '../../web/page-response';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { RulePackLibraryService } from '../records/rule-pack-library.service';
import { RULE_PACK_KEY_PATTERN } from '../records/rule-packs.dto';
import { CommendationPages, PageSession } from './commendation-pages.service';
import { FormProblem, publishProblems, readPackDocument } from './rule-pack-form';
import { RulePackEntry, RulePackPages } from './rule-pack-pages.service';
import { documentText, PublishFormModel, RULE_PACK_PAGE_STYLE, rulePackListView, rulePackPageView, rulePackText } from './rule-packs-page.view';

/** What the last attempt left in the form: the text as typed, and its problems. */
interface Attempt {
  text: string;
  problems: FormProblem[];
}

const query = (request: Request, name: string): string | undefined => (typeof request.query[name] === 'string' ? (request.query[name] as string) : undefined);
const versionOf = (value: string | undefined): number | undefined => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined);

/**
 * The administrators' rule pack pages (/admin/rule-packs): the packs in force in the order they take effect, one
 * pack in words with its versions and JSON, and the forms that publish a new version or a new pack. Publishing goes
 * through RulePackLibraryService, as the API's does (POST /api/v1/rule-packs/:key/versions); the pages need no script.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/rule-packs')
export class RulePacksPageController {
  constructor(
    private readonly library: RulePackLibraryService,
    private readonly packs: RulePackPages,
    private readonly pages: CommendationPages,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.admin(request, response);
    if (!session) return;
    await this.renderList(request, response, session, 200, undefined, query(request, 'from'));
  }

  /** A new pack, or a new version of the pack the document's `key` names (as the API's publish creates on first use). */
  @Post()
  async publishPack(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.admin(request, response);
    if (!session) return;
    const text = typeof form.document === 'string' ? form.document : '';
    const read = readPackDocument(text, session.language);
    const key = 'document' in read ? keyOf(read.document) : '';
    if ('document' in read && key.length > 150) {
      return this.renderList(request, response, session, 422, { text, problems: [{ path: 'key', message: rulePackText(session.language, 'keyTooLong') }] });
    }
    const outcome = 'document' in read ? await this.publish(key, read.document, session) : { status: 422, problems: [read.problem] };
    if ('redirect' in outcome) return redirectSeeOther(response, outcome.redirect);
    await this.renderList(request, response, session, outcome.status, { text, problems: outcome.problems });
  }

  @Get(':key')
  async pack(@Param('key') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.admin(request, response);
    if (!session) return;
    const flash = query(request, 'flash');
    const number = versionOf(query(request, 'number'));
    const notice = flash === 'published' || flash === 'unchanged' ? rulePackText(session.language, flash === 'published' ? 'publishedFlash' : 'unchanged', { number }) : undefined;
    await this.renderPack(request, response, session, key, 200, { version: versionOf(query(request, 'version')), from: query(request, 'from'), flash: notice });
  }

  @Post(':key/versions')
  async publishVersion(@Param('key') key: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.admin(request, response);
    if (!session) return;
    if (!RULE_PACK_KEY_PATTERN.test(key)) throw new AppError('RULE_PACK_NOT_FOUND', { key });
    const text = typeof form.document === 'string' ? form.document : '';
    const read = readPackDocument(text, session.language);
    const outcome = 'document' in read ? await this.publish(key, read.document, session) : { status: 422, problems: [read.problem] };
    if ('redirect' in outcome) return redirectSeeOther(response, outcome.redirect);
    await this.renderPack(request, response, session, key, outcome.status, { attempt: { text, problems: outcome.problems } });
  }

  /** The signed-in administrator, undefined once sent to sign in; anyone else gets the localized 403 page. */
  private async admin(request: Request, response: Response): Promise<PageSession | undefined> {
    const session = await this.pages.session(request, response);
    if (session && !session.person.roles.includes('admin')) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(['admin']) });
    return session;
  }

  /** Published: the pack's page with its notice; refused: the problems, for the form to show beside the text kept. */
  private async publish(key: string, document: unknown, session: PageSession): Promise<{ redirect: string } | { status: number; problems: FormProblem[] }> {
    try {
      const { version, created } = await this.library.publish(key, document, session.person.personId, { language: session.language });
      return { redirect: `/admin/rule-packs/${version.definition.key}?${new URLSearchParams({ flash: created ? 'published' : 'unchanged', number: String(version.number) })}` };
    } catch (error) {
      return publishProblems(error, session.language);
    }
  }

  private async renderList(request: Request, response: Response, session: PageSession, status: number, attempt?: Attempt, from?: string): Promise<void> {
    const { language } = session;
    const entries = await this.packs.entries();
    // By default the pack in force last, as the start of the next one.
    const start = entries.find((entry) => entry.key === from) ?? entries[entries.length - 1];
    const suggested = start && `${start.key}-2`.slice(0, 150);
    const form: PublishFormModel = {
      action: '/admin/rule-packs',
      startAction: '/admin/rule-packs#new-pack',
      text: attempt?.text ?? (start ? documentText({ ...start.document, key: suggested }) : ''),
      problems: attempt?.problems,
      packs: packChoices(entries, language),
      selected: start?.key,
      from: !attempt && start ? { name: start.document.name[language], as: suggested } : undefined,
    };
    this.pages.send(request, response, session, status, rulePackText(language, 'title'), rulePackListView({ language, entries, form }), RULE_PACK_PAGE_STYLE);
  }

  private async renderPack(
    request: Request,
    response: Response,
    session: PageSession,
    key: string,
    status: number,
    options: { version?: number; from?: string; flash?: string; attempt?: Attempt },
  ): Promise<void> {
    const { language } = session;
    if (!RULE_PACK_KEY_PATTERN.test(key)) throw new AppError('RULE_PACK_NOT_FOUND', { key });
    const [detail, entries] = await Promise.all([this.packs.detail(key, options.version), this.packs.entries()]);
    // Another pack to start from keeps this pack's key: the document is published under it.
    const start = entries.find((entry) => entry.key === options.from && entry.key !== key);
    // A built-in pack gets no form, unless a version was posted to it anyway: then its refusal is shown with the text.
    const form: PublishFormModel | undefined =
      detail.entry.builtIn && !options.attempt
        ? undefined
        : {
          action: `/admin/rule-packs/${key}/versions`,
          startAction: `/admin/rule-packs/${key}#publish`,
          text: options.attempt?.text ?? documentText(start ? { ...start.document, key } : detail.entry.document),
          problems: options.attempt?.problems,
          packs: packChoices(entries, language),
          selected: start?.key ?? key,
          from: start && !options.attempt ? { name: start.document.name[language], as: key } : undefined,
        };
    const view = rulePackPageView({ language, detail, form, flash: options.flash });
    this.pages.send(request, response, session, status, detail.shown.document.name[language], view, RULE_PACK_PAGE_STYLE);
  }
}

/** The document's `key` when it has one to publish under; the validation names what is wrong with it otherwise. */
const keyOf = (document: unknown): string => (typeof document === 'object' && document !== null && typeof (document as { key?: unknown }).key === 'string' ? (document as { key: string }).key : '');

const packChoices = (entries: RulePackEntry[], language: PageSession['language']) => entries.map((entry) => ({ key: entry.key, name: entry.document.name[language] }));
