import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/auth.decorators';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryListQuery,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookDeliveryParams,
  WebhookDto,
  WebhookIdParams,
  WebhookListDto,
} from '../../modules/webhooks/dto/webhook.dto';
import { WebhookDeliveriesService } from '../../modules/webhooks/webhook-deliveries.service';
import { WebhookEndpointsService } from '../../modules/webhooks/webhook-endpoints.service';
import { WebhookRedeliveries } from './webhook-redeliveries.service';

/** Webhooks (điểm nhận sự kiện): HTTPS endpoints told of campaign events, signed, retried, with a delivery log. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveryLog: WebhookDeliveriesService,
    private readonly redeliveries: WebhookRedeliveries,
  ) {}

  /** Every webhook endpoint (without its secret). */
  @Get()
  @ApiOkResponse({ type: WebhookListDto })
  async list(): Promise<WebhookListDto> {
    return { items: await this.endpoints.list() };
  }

  /** Registers an HTTPS endpoint for some event types; the answer holds its signing secret, shown only this once. */
  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiUnprocessableEntityResponse({ description: 'WEBHOOK_URL_INVALID (not https://), WEBHOOK_EVENT_UNKNOWN' })
  create(@Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.endpoints.create(body);
  }

  /** One webhook endpoint. */
  @Get(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  get(@Param() { id }: WebhookIdParams): Promise<WebhookDto> {
    return this.endpoints.get(id);
  }

  /** Changes an endpoint: name, address, event types, enabled. */
  @Patch(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'WEBHOOK_URL_INVALID, WEBHOOK_EVENT_UNKNOWN' })
  update(@Param() { id }: WebhookIdParams, @Body() body: UpdateWebhookDto): Promise<WebhookDto> {
    return this.endpoints.update(id, body);
  }

  /** Removes an endpoint and its delivery log. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async remove(@Param() { id }: WebhookIdParams): Promise<void> {
    await this.endpoints.remove(id);
  }

  /** The endpoint’s delivery log, newest first: status, attempts, last answer and error. */
  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  async deliveries(@Param() { id }: WebhookIdParams, @Query() { status }: DeliveryListQuery): Promise<WebhookDeliveryListDto> {
    return { items: await this.deliveryLog.list(id, status) };
  }

  /** Sends a delivered or failed delivery again (same body and delivery id, fresh signature). */
  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_DELIVERY_NOT_FOUND' })
  @ApiConflictResponse({ description: 'WEBHOOK_DELIVERY_IN_PROGRESS: still pending' })
  redeliver(@Param() { id, deliveryId }: WebhookDeliveryParams): Promise<WebhookDeliveryDto> {
    return this.redeliveries.redeliver(id, deliveryId);
  }
}
