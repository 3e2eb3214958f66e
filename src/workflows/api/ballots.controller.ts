import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { PollStatusDto } from '../../modules/voting/dto/poll-response.dto';
import { CastTaskBallotDto, TaskBallotReceiptDto } from '../stages/vote/ballot.dto';
import { BallotTaskService } from '../stages/vote/ballot-task.service';
import { CampaignQueriesService } from './campaign-queries.service';

/**
 * A unit's ballot in a vote stage, through its task: cast (or change until the vote closes) for the unit named by
 * X-Acting-Unit, by default the task's own unit, under a valid mandate. The answer is the ballot's receipt.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
@Controller('api/v1/tasks/:id/ballot')
export class BallotsController {
  constructor(
    private readonly ballots: BallotTaskService,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** The ballot of a vote task: the question, the choices and whether the unit has voted. */
  @Get()
  @ApiOkResponse({ type: PollStatusDto })
  async status(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<PollStatusDto> {
    const units = (await this.principals.validMandates(principal.personId)).map((mandate) => mandate.unit.id);
    return this.ballots.status(id, principal, units);
  }

  /** Casts the unit’s ballot for a vote task, once. */
  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: TaskBallotReceiptDto })
  async cast(@Param('id', ParseUUIDPipe) id: string, @Body() body: CastTaskBallotDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<TaskBallotReceiptDto> {
    const actingFor = await this.queries.actingForTask(id, principal.personId, request.headers['x-acting-unit']);
    return this.ballots.cast(id, body, principal, actingFor);
  }
}
