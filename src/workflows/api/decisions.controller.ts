import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../../modules/auth/principal.service';
import { RecordedDecisionDto } from '../../modules/commendations/dto/commendation.dto';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { DecisionTaskService } from '../stages/decision/decision-task.service';
import { RecordDecisionDto } from '../stages/decision/decision.dto';
import { CampaignQueriesService } from './campaign-queries.service';

/**
 * The council's decision through a decision stage's task (quyết định khen thưởng): number, signing day, issuer and the
 * commendations it makes, stored in the commendation register as the task completes. A replay answers the same decision.
 */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/tasks/:id/decision')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionTaskService,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** Records the decision of a decision task (number, date, issuer, awards). */
  @Post()
  @HttpCode(200)
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code, when the task is a unit’s; defaults to the task’s unit' })
  @ApiOkResponse({ type: RecordedDecisionDto })
  @ApiUnprocessableEntityResponse({ description: 'DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID, DECISION_ISSUER_REQUIRED, AWARD_TITLE_UNKNOWN, AWARD_RECIPIENT_NOT_MEMBER, AWARD_DUPLICATE; details.path names the field' })
  @ApiConflictResponse({ description: 'DECISION_ALREADY_RECORDED, DECISION_NO_RECIPIENTS, TASK_HAS_NO_DECISION, STAGE_CLOSED' })
  async record(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordDecisionDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<RecordedDecisionDto> {
    // A task of another stage type is refused before anyone's mandate is looked at: it says only the stage's type.
    await this.decisions.assertDecisionTask(id);
    const actingFor = await this.queries.actingForTask(id, principal.personId, request.headers['x-acting-unit']);
    return this.decisions.record(id, body, principal, actingFor);
  }
}
