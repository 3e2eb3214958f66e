import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { redirectSeeOther } from '../../web/page-response';
import { WebExceptionFilter } from '../../web/web-exception.filter';
import { ConsultationsService } from '../consultations/consultations.service';
import { CommendationPages, PageSession } from './commendation-pages.service';
import { consultationsPageView, consultationText } from './consultations-page.view';

/** The public consultation's page (/commendations/consultations): the open ones, and everyone's objections. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('commendations/consultations')
export class ConsultationsPageController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly pages: CommendationPages,
  ) {}

  @Get()
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    await this.render(request, response, session, { flash: request.query.flash === 'sent' ? consultationText(session.language, 'sent') : undefined }, 200);
  }

  @Post(':id/objections')
  async object(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.pages.session(request, response);
    if (!session) return;
    try {
      await this.consultations.object(id, { text: typeof form.text === 'string' ? form.text : '' }, session.person);
      redirectSeeOther(response, '/commendations/consultations?flash=sent');
    } catch (error) {
      const refusal = this.pages.refusal(error, session.language);
      await this.render(request, response, session, { alert: refusal.message }, refusal.status);
    }
  }

  private async render(request: Request, response: Response, session: PageSession, notice: { flash?: string; alert?: string }, status: number): Promise<void> {
    const content = consultationsPageView(session.language, await this.consultations.current(), notice);
    this.pages.send(request, response, session, status, consultationText(session.language, 'title'), content);
  }
}
