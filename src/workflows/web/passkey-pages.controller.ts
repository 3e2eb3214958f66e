import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PasskeyDto } from '../../modules/signing/dto/signing-admin.dto';
import { PasskeysService } from '../../modules/signing/passkeys.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { safeNextPath } from '../../modules/web/safe-next-path';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { SIGNING_PAGE_ASSETS, SIGNING_PAGE_CONTENT_SECURITY_POLICY, SIGNING_PAGE_STYLE } from './signing-page-assets';
import { signingClientTexts, st } from './signing-web-texts';
import { passkeysView } from './views/passkeys.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';

const PATH = '/account/passkeys';
const field = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');

/**
 * The account's passkeys (khóa truy cập) for signing: the list, registration (the page's script asks this page for
 * the options, runs the browser's ceremony and posts the answer with the form) and removal.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('account/passkeys')
export class PasskeyPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly passkeys: PasskeysService,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const query = request.query;
    const flash =
      query.flash === 'registered' && typeof query.label === 'string'
        ? st(language, 'flashRegistered', { label: query.label })
        : query.flash === 'removed'
          ? st(language, 'flashRemoved')
          : undefined;
    await this.render(request, response, viewer, { flash, next: safeNextPath(query.next) });
  }

  /**
   * Options for navigator.credentials.create() and the ticket that carries their challenge back, as JSON for the
   * page's script (a page route, so that the page's session, renewed from its refresh cookie, is what counts).
   */
  @Post('options')
  @HttpCode(200)
  async options(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, PATH);
    if (!viewer) return;
    response.set('Cache-Control', 'no-store').json(await this.passkeys.start(viewer.principal.personId));
  }

  @Post()
  async register(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, PATH);
    if (!viewer) return;
    const label = field(form, 'label').slice(0, 120);
    const next = safeNextPath(form.next);
    try {
      let answer: unknown;
      try {
        answer = JSON.parse(field(form, 'response'));
      } catch {
        answer = undefined;
      }
      if (!field(form, 'ticket') || !label || typeof answer !== 'object' || answer === null) {
        throw new AppError('VALIDATION_FAILED', { fields: `${st(viewer.language, 'registerLabel')}, ${st(viewer.language, 'passkeyAnswer')}` });
      }
      const credential = await this.passkeys.finish(viewer.principal.personId, { ticket: field(form, 'ticket'), response: answer as RegistrationResponseJSON, label });
      const query = new URLSearchParams({ flash: 'registered', label: credential.label, ...(next ? { next } : {}) });
      return redirectSeeOther(response, `${PATH}?${query.toString()}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      response.set(refusal.headers);
      await this.render(request, response, viewer, { status: refusal.status, failure: { message: refusal.body.message, label }, next });
    }
  }

  @Post(':id/remove')
  async remove(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, PATH);
    if (!viewer) return;
    try {
      await this.passkeys.remove(viewer.principal.personId, id);
      return redirectSeeOther(response, `${PATH}?flash=removed`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      response.set(refusal.headers);
      await this.render(request, response, viewer, { status: refusal.status, failure: { message: refusal.body.message } });
    }
  }

  private async render(
    request: Request,
    response: Response,
    viewer: PageViewer,
    extra: { flash?: string; failure?: { message: string; label?: string }; status?: number; next?: string },
  ): Promise<void> {
    const { language, principal } = viewer;
    const passkeys = (await this.passkeys.list(principal.personId)).map((credential) => PasskeyDto.of(credential));
    this.shell.send(request, response, viewer, {
      status: extra.status,
      path: PATH,
      title: st(language, 'passkeysTitle'),
      content: passkeysView({ language, passkeys, next: extra.next, flash: extra.flash, failure: extra.failure, pageData: { language, texts: signingClientTexts(language) } }),
      assets: SIGNING_PAGE_ASSETS,
      styles: SIGNING_PAGE_STYLE,
      contentSecurityPolicy: SIGNING_PAGE_CONTENT_SECURITY_POLICY,
    });
  }
}
