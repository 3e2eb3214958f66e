import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { PrincipalService } from '../../modules/auth/principal.service';
import { ProposeAmendmentDto } from '../../modules/discussion/dto/amendment-request.dto';
import { ProposedAmendmentDto } from '../../modules/discussion/dto/amendment-response.dto';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { CampaignAmendmentsService } from '../stages/discussion/campaign-amendments.service';
import { amendmentPollsOf } from '../stages/discussion/discussion.effects';
import { CampaignQueriesService } from './campaign-queries.service';

class CampaignAmendmentDto {
  @ApiProperty({ type: ProposedAmendmentDto }) amendment!: ProposedAmendmentDto;
  @ApiProperty({ description: "The amendment's poll: vote with POST /api/v1/polls/:id/ballots" }) pollId!: string;
}

class DeliberationDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The pact document, once the discussion has started' }) documentId!: string | null;
  @ApiProperty({ type: Object, description: 'amendment id → poll id' }) amendmentPolls!: Record<string, string>;
  @ApiProperty({ type: Object, description: 'vote stage run id → poll id' }) polls!: Record<string, string>;
}

/** The deliberation of a campaign: its document, amendments proposed in its discussion and their polls, its votes. */
@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/v1/campaigns/:id')
export class DeliberationController {
  constructor(
    private readonly amendments: CampaignAmendmentsService,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** A campaign’s deliberation: its pact document, the discussion’s state and its polls. */
  @Get('deliberation')
  @ApiOkResponse({ type: DeliberationDto })
  async deliberation(@Param('id', ParseUUIDPipe) id: string): Promise<DeliberationDto> {
    const { context } = await this.queries.contextOf(id);
    return {
      documentId: typeof context.documentId === 'string' ? context.documentId : null,
      amendmentPolls: amendmentPollsOf(context),
      polls: (context.polls as Record<string, string> | undefined) ?? {},
    };
  }

  /** A member unit proposes an amendment during the discussion; its vote opens at once (409 DISCUSSION_NOT_OPEN otherwise). */
  @Post('amendments')
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: true, description: 'The proposing member unit (id or code)' })
  @ApiCreatedResponse({ type: CampaignAmendmentDto })
  async propose(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProposeAmendmentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-acting-unit') unit: string | undefined,
  ): Promise<CampaignAmendmentDto> {
    if (!unit) throw new AppError('ACTING_UNIT_REQUIRED');
    const actingFor = await this.principals.resolveActingFor(principal.personId, unit);
    return this.amendments.propose(id, body, principal, actingFor);
  }
}
