import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { PrincipalService } from '../../modules/auth/principal.service';
import { html } from '../../modules/web/html';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { PageViewer, WorkflowPageShell } from '../web/workflow-page-shell.service';
import { ExampleCommendationService } from './example-commendation.service';

const TEXTS = {
  vi: { title: 'Đề nghị khen thưởng đột xuất', back: 'Về đề cử' },
  en: { title: 'Ad hoc commendation proposal', back: 'Back to the nomination' },
} as const;

/**
 * The example page's one-step proposal (its form posts here): the campaign's page when it went through, the propose
 * task's page when the proposal waits there after a refusal, or the reason with a way back.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations/examples/:id/commendation')
export class ExampleCommendationPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly examples: ExampleCommendationService,
    private readonly principals: PrincipalService,
  ) {}

  @Post()
  async propose(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const back = `/commendations/examples/${id}`;
    const viewer = await this.shell.viewer(request, response, back);
    if (!viewer) return;
    const { principal, language } = viewer;
    try {
      const result = await this.examples.propose(id, typeof form.title === 'string' ? form.title : '', principal, (unitId) => this.principals.resolveActingFor(principal.personId, unitId), language);
      const taskId = result.refusal ? await this.examples.proposeTaskOf(result.campaignId) : undefined;
      redirectSeeOther(response, taskId ? `/inbox/tasks/${taskId}/proposals` : `/campaigns/${result.campaignId}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, language, request.path);
      if (refusal.status >= 500) throw error;
      this.refused(request, response, viewer, refusal.status, refusal.body.message, back);
    }
  }

  private refused(request: Request, response: Response, viewer: PageViewer, status: number, message: string, back: string): void {
    const { language } = viewer;
    this.shell.send(request, response, viewer, {
      status,
      title: TEXTS[language].title,
      content: html`<h1>${TEXTS[language].title}</h1><div class="alert" role="alert">${message}</div><p><a href="${back}">${TEXTS[language].back}</a></p>`,
    });
  }
}
