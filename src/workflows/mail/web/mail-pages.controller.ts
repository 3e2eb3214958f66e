import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { Language, LANGUAGES } from '../../../common/i18n/language';
import { MAIL_DELIVERIES, MailDelivery } from '../../../modules/mail/entities/mail-preference.entity';
import { MailMessagesService } from '../../../modules/mail/mail-messages.service';
import { MailPreferencesService } from '../../../modules/mail/mail-preferences.service';
import { MailTransport } from '../../../modules/mail/mail-transport.service';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { mailListView, mailMessageView, mailPreferenceView } from './mail-list.view';
import { mt } from './mail-web-texts';

/** The administrators' page of the mail log, and each message's text (the local mail folder's too). */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/mail')
export class MailPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly messages: MailMessagesService,
    private readonly transport: MailTransport,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const content = mailListView({ language, transport: this.transport.kind, folder: this.transport.folder, messages: await this.messages.list({ limit: 200 }) });
    this.shell.send(request, response, viewer, { title: mt(language, 'title'), content, path: '/admin/mail' });
  }

  @Get(':id')
  async message(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const message = await this.messages.get(id);
    this.shell.send(request, response, viewer, { title: message.subject, content: mailMessageView(viewer.language, message), path: '/admin/mail' });
  }

  @Get(':id/eml')
  async eml(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const bytes = await this.messages.eml(id);
    if (!bytes) throw new AppError('MAIL_MESSAGE_NOT_FOUND', { id });
    response.type('message/rfc822').setHeader('Content-Disposition', `attachment; filename="${id}.eml"`);
    response.send(bytes);
  }
}

/** A person's own page: how they receive notices by e-mail. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('account/mail')
export class MailPreferencePagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly preferences: MailPreferencesService,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const choice = await this.preferences.get(viewer.principal.personId);
    const flash = request.query.flash === 'saved' ? mt(language, 'saved') : undefined;
    this.shell.send(request, response, viewer, { title: mt(language, 'myTitle'), content: mailPreferenceView(language, choice, flash), path: '/account/mail' });
  }

  @Post()
  async save(@Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, '/account/mail');
    if (!viewer) return;
    const delivery = (MAIL_DELIVERIES as readonly unknown[]).includes(form.delivery) ? (form.delivery as MailDelivery) : undefined;
    const language = (LANGUAGES as readonly unknown[]).includes(form.language) ? (form.language as Language) : undefined;
    if (!delivery || !language) throw new AppError('VALIDATION_FAILED', { fields: `${mt(viewer.language, 'delivery')}, ${mt(viewer.language, 'language')}` });
    await this.preferences.set(viewer.principal.personId, { delivery, language });
    redirectSeeOther(response, '/account/mail?flash=saved');
  }
}
