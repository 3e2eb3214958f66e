import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { FormsService } from '../../modules/forms/forms.service';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { FORM_PAGE_STYLE, formioTranslation, formPageAssets, WIDE_PAGE_STYLE } from './form-page-assets';
import { clientTexts, ft } from './form-web-texts';
import { html } from '../../modules/web/html';
import { formBuilderView } from './views/form-builder.view';
import { formDiffView } from './views/form-diff.view';
import { formListView } from './views/form-list.view';
import { WorkflowPageShell } from './workflow-page-shell.service';

const ALL_FORMS = { limit: 500, offset: 0 };

/**
 * Administrators' form pages: the list, the Form.io builder on a form's draft (saved and published through
 * the forms API from the page's script), and the differences between two published versions.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/forms')
export class FormBuilderPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly forms: FormsService,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { items } = await this.forms.list(ALL_FORMS);
    this.shell.send(request, response, viewer, { title: ft(viewer.language, 'formsTitle'), content: formListView({ language: viewer.language, forms: items }) });
  }

  @Get(':id')
  async builder(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const [form, versions] = await Promise.all([this.forms.get(id), this.forms.listVersions(id)]);
    this.shell.send(request, response, viewer, {
      title: ft(language, 'builderTitle', { name: form.name }),
      content: formBuilderView({
        language,
        form,
        versions: versions.items,
        pageData: { language, formId: form.id, draft: form.draft, translation: formioTranslation(language), texts: clientTexts(language) },
      }),
      assets: formPageAssets('form-builder'),
      styles: html`${FORM_PAGE_STYLE}${WIDE_PAGE_STYLE}`,
    });
  }

  /** `?from=&to=`: two versions of this form; anything else is answered with the form's 404 page. */
  @Get(':id/diff')
  async diff(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const form = await this.forms.get(id);
    const { from, to } = request.query;
    const ids = [from, to].filter((value): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value));
    if (ids.length !== 2) throw new AppError('FORM_VERSION_NOT_FOUND', { id: String(from ?? to ?? '') });
    const diff = await this.forms.diffVersions(ids[0], ids[1]);
    const own = new Set((await this.forms.listVersions(id)).items.map((version) => version.id));
    if (!own.has(diff.from.id)) throw new AppError('FORM_VERSION_NOT_FOUND', { id: diff.from.id });
    if (!own.has(diff.to.id)) throw new AppError('FORM_VERSION_NOT_FOUND', { id: diff.to.id });
    this.shell.send(request, response, viewer, {
      title: ft(language, 'diffTitle', { from: diff.from.number, to: diff.to.number, name: form.name }),
      content: formDiffView({ language, formId: form.id, formName: form.name, diff }),
    });
  }
}
