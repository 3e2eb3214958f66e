import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { ORGANISATION_PAGE_STYLE, organisationHomeView } from './organisation-tabs.view';
import { orgt } from './organisation-web-texts';

/** The organisation pages' landing page: its sections, for administrators. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/org')
export class OrganisationPagesController {
  constructor(private readonly shell: WorkflowPageShell) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    this.shell.send(request, response, viewer, { title: orgt(viewer.language, 'title'), content: organisationHomeView(viewer.language), styles: ORGANISATION_PAGE_STYLE, path: '/admin/org' });
  }
}
