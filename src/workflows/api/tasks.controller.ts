import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../../modules/auth/principal.service';
import { IdempotencyInterceptor } from '../../modules/idempotency/idempotency.interceptor';
import { CampaignCommandsService } from '../engine/campaign-commands.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { InboxDto, InboxQuery, TaskCommandDto, TaskDto } from './dto/campaign.dto';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1')
export class TasksController {
  constructor(
    private readonly commands: CampaignCommandsService,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** My open tasks across the units I hold mandates for, with counts. */
  @Get('inbox')
  @ApiOkResponse({ type: InboxDto })
  inbox(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery): Promise<InboxDto> {
    return this.queries.inbox(principal.personId, query);
  }

  /** A task; another unit's task in a secret vote that still hides its voters reads as `sealed`. */
  @Get('tasks/:id')
  @ApiOkResponse({ type: TaskDto })
  task(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<TaskDto> {
    return this.queries.taskSeenBy(id, principal.personId);
  }

  /**
   * Acts on a task: a unit's task is done for the unit named by X-Acting-Unit, or by default for the
   * task's own unit, under a valid mandate of the caller.
   */
  @Post('tasks/:id/commands')
  @HttpCode(200)
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: TaskDto })
  async command(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TaskCommandDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<TaskDto> {
    const actingFor = await this.queries.actingForTask(id, principal.personId, request.headers['x-acting-unit']);
    await this.commands.commandTask(id, body, principal, actingFor);
    return this.queries.task(id);
  }
}
