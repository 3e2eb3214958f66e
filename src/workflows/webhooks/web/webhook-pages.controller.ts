import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { WebhookDeliveriesService } from '../../../modules/webhooks/webhook-deliveries.service';
import { WebhookEndpointsService } from '../../../modules/webhooks/webhook-endpoints.service';
import { WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { WebhookRedeliveries } from '../webhook-redeliveries.service';
import { webhookListView } from './webhook-list.view';
import { wt } from './webhook-web-texts';

const PAGE_DELIVERIES = 50;

/** The administrators' page of webhooks: each endpoint and its delivery log, and "send again". */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/webhooks')
export class WebhookPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
    private readonly redeliveries: WebhookRedeliveries,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const endpoints = [];
    for (const endpoint of await this.endpoints.list()) endpoints.push({ endpoint, deliveries: (await this.deliveries.list(endpoint.id)).slice(0, PAGE_DELIVERIES) });
    const flash = request.query.flash === 'redelivered' ? wt(language, 'redelivered') : undefined;
    this.shell.send(request, response, viewer, { title: wt(language, 'title'), content: webhookListView({ language, endpoints, flash }), path: '/admin/webhooks' });
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  async redeliver(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const viewer = await this.shell.admin(request, response, '/admin/webhooks');
    if (!viewer) return;
    await this.redeliveries.redeliver(id, deliveryId);
    redirectSeeOther(response, '/admin/webhooks?flash=redelivered');
  }
}
