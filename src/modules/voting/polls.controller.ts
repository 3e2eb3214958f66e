import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { PrincipalService } from '../auth/principal.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CastBallotDto, ConfirmOfflineBallotDto, CreatePollDto, PollIdParams, PollLanguageQueryDto, RecordOfflineBallotsDto } from './dto/poll-request.dto';
import { BallotReceiptDto, OfflineConfirmationDto, OfflineMeetingDto, PollDto, PollResultDto, PollStatusDto } from './dto/poll-response.dto';
import { ChoiceInput } from './poll-tally';
import { ElectorateInput, PollsService } from './polls.service';
import { VotingRule } from './rules/voting-rule';

const actingUnitOf = (request: Request): string | undefined => {
  const header = request.headers['x-acting-unit'];
  return Array.isArray(header) ? header[0] : header;
};

/**
 * Polls (cuộc biểu quyết): any signed-in person follows a poll; units vote through a person holding a
 * mandate (header X-Acting-Unit), council members as themselves; administrators open ad-hoc polls and close them.
 */
@ApiTags('polls')
@ApiBearerAuth()
@Controller('api/v1/polls')
export class PollsController {
  constructor(
    private readonly polls: PollsService,
    private readonly principals: PrincipalService,
  ) {}

  /** An ad-hoc poll (workflow stages open theirs themselves); with `key`, opening twice answers the same poll. */
  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: PollDto })
  @ApiUnprocessableEntityResponse({ description: 'POLL_INVALID, VOTING_RULE_INVALID, POLL_KEY_REUSED' })
  create(@Body() body: CreatePollDto): Promise<PollDto> {
    const electorate: ElectorateInput = body.electorate.kind === 'units' ? { kind: 'units', unitIds: body.electorate.unitIds ?? [] } : { kind: 'people', personIds: body.electorate.personIds ?? [] };
    return this.polls.openPoll({
      subject: body.subject,
      electorate,
      chairUnitId: body.chairUnitId ?? null,
      // Raw rule data: openPoll parses it and answers VOTING_RULE_INVALID with every problem.
      rule: body.rule as unknown as VotingRule,
      closesAt: body.closesAt ? new Date(body.closesAt) : null,
      campaignId: body.campaignId ?? null,
      key: body.key,
      candidates: body.candidates,
    });
  }

  /** Progress, who has voted (as far as the ballot's secrecy allows) and the caller's own ballots. */
  @Get(':id')
  @ApiOkResponse({ type: PollStatusDto })
  @ApiNotFoundResponse({ description: 'POLL_NOT_FOUND' })
  async status(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @CurrentPrincipal() principal: Principal): Promise<PollStatusDto> {
    const units = await this.principals.actingForAll(principal.personId);
    return this.polls.status(id, { personId: principal.personId, unitIds: units.map((unit) => unit.unitId) });
  }

  /** Casts or changes a ballot; the last one before the close counts. Answers the receipt. */
  @Post(':id/ballots')
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code, for a poll of units' })
  @ApiCreatedResponse({ type: BallotReceiptDto })
  @ApiForbiddenResponse({ description: 'NOT_IN_ELECTORATE, NOT_MANDATED' })
  @ApiConflictResponse({ description: 'POLL_CLOSED, POLL_SUBJECT_CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'BALLOT_INVALID' })
  async cast(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @Body() body: CastBallotDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<BallotReceiptDto> {
    const poll = await this.polls.get(id);
    const voter = poll.electorate.kind === 'units'
      ? await this.principals.resolveActingFor(principal.personId, actingUnitOf(request)).then((acting) => ({ personId: principal.personId, unitId: acting.unitId, mandateId: acting.mandateId }))
      : { personId: principal.personId };
    return this.polls.castBallot(id, voter, body.choice as ChoiceInput, undefined, { expectedSubjectHash: body.expectedSubjectHash });
  }

  /** The outcome with the rule and its arithmetic, once the poll is closed. */
  @Get(':id/result')
  @ApiOkResponse({ type: PollResultDto })
  @ApiNotFoundResponse({ description: 'POLL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'POLL_OPEN' })
  result(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @Req() request: Request): Promise<PollResultDto> {
    return this.polls.result(id, resolveLanguage(request));
  }

  /** Closes the poll now (reason `manual`) and answers the result; closing a closed poll answers its result. */
  @Post(':id/close')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PollResultDto })
  @ApiNotFoundResponse({ description: 'POLL_NOT_FOUND' })
  close(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @Req() request: Request): Promise<PollResultDto> {
    return this.polls.closePoll(id, 'manual', undefined, resolveLanguage(request));
  }

  /** The ballots of a physical meeting, with its minutes; a secretary or an administrator records them. */
  @Post(':id/offline-ballots')
  @Roles('secretary', 'admin')
  @Idempotent()
  @ApiCreatedResponse({ type: OfflineMeetingDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_ROLE, NOT_IN_ELECTORATE' })
  @ApiConflictResponse({ description: 'POLL_CLOSED' })
  recordOffline(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @Body() body: RecordOfflineBallotsDto, @CurrentPrincipal() principal: Principal): Promise<OfflineMeetingDto> {
    return this.polls.recordOfflineBallots(id, {
      secretaryPersonId: principal.personId,
      minutes: { title: body.minutes.title, heldAt: new Date(body.minutes.heldAt), text: body.minutes.text },
      ballots: body.ballots.map((ballot) => ({ unitId: ballot.unitId, choice: ballot.choice as ChoiceInput })),
      confirmWindowHours: body.confirmWindowHours,
    });
  }

  /** The acting unit confirms or disputes (with a comment) the ballot recorded for it at a meeting. */
  @Post(':id/offline-ballots/confirm')
  @HttpCode(200)
  @ApiHeader({ name: 'X-Acting-Unit', required: true, description: 'Unit id or code' })
  @ApiOkResponse({ type: OfflineConfirmationDto })
  @ApiNotFoundResponse({ description: 'POLL_NOT_FOUND, OFFLINE_BALLOT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'OFFLINE_CONFIRM_CLOSED' })
  async confirmOffline(@Param() { id }: PollIdParams, @Query() _query: PollLanguageQueryDto, @Body() body: ConfirmOfflineBallotDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<OfflineConfirmationDto> {
    const acting = await this.principals.resolveActingFor(principal.personId, actingUnitOf(request));
    return this.polls.confirmOffline(id, acting.unitId, principal.personId, body.decision, body.comment);
  }
}
