import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../auth/principal.service';
import { AmendmentsService } from './amendments.service';
import { AmendmentListQueryDto, DecideAmendmentDto } from './dto/amendment-request.dto';
import { AmendmentMergeDto, AmendmentPageDto, ProposedAmendmentDto } from './dto/amendment-response.dto';
import { DocumentIdParam, IdParam } from './dto/discussion-request.dto';

/**
 * Amendments to documents: member units withdraw (they propose through the engine's DocumentAmendmentsController, which
 * knows whether the document's campaign is discussing it); the lead's vote stage decides and merges.
 * The decision and merge endpoints are for administrators fixing things by hand.
 */
@ApiTags('amendments')
@ApiBearerAuth()
@Controller('api/v1')
export class AmendmentsController {
  constructor(
    private readonly amendments: AmendmentsService,
    private readonly principals: PrincipalService,
  ) {}

  /** A document's amendments in the order proposed, rejected and withdrawn ones included. */
  @Get('documents/:documentId/amendments')
  @ApiOkResponse({ type: AmendmentPageDto })
  @ApiNotFoundResponse({ description: 'DOCUMENT_NOT_FOUND' })
  list(@Param() { documentId }: DocumentIdParam, @Query() query: AmendmentListQueryDto): Promise<AmendmentPageDto> {
    return this.amendments.list(documentId, query);
  }

  /** Merges the accepted amendments on the latest version into the next version (administrators; normally the lead's stage). */
  @Post('documents/:documentId/amendments/merge')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: AmendmentMergeDto })
  @ApiConflictResponse({ description: 'AMENDMENT_CONFLICT, DOCUMENT_VERSION_STALE, DOCUMENT_CONTENT_EXISTS' })
  async merge(@Param() { documentId }: DocumentIdParam, @CurrentPrincipal() principal: Principal): Promise<AmendmentMergeDto> {
    const version = await this.amendments.mergeAccepted(documentId, principal.personId);
    return { version, merged: version ? await this.amendments.mergedInto(documentId, version.number) : [] };
  }

  /** One proposed amendment with its status and the text it changes. */
  @Get('amendments/:id')
  @ApiOkResponse({ type: ProposedAmendmentDto })
  @ApiNotFoundResponse({ description: 'AMENDMENT_NOT_FOUND' })
  get(@Param() { id }: IdParam): Promise<ProposedAmendmentDto> {
    return this.amendments.get(id);
  }

  /** Withdraws an undecided proposal: anyone holding a mandate for the proposing unit. */
  @Post('amendments/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposedAmendmentDto })
  @ApiForbiddenResponse({ description: 'NOT_AMENDMENT_PROPOSER' })
  @ApiConflictResponse({ description: 'AMENDMENT_NOT_OPEN' })
  async withdraw(@Param() { id }: IdParam, @CurrentPrincipal() principal: Principal): Promise<ProposedAmendmentDto> {
    return this.amendments.withdraw(id, principal.personId, await this.principals.actingForAll(principal.personId));
  }

  /** Records a decision by hand (administrators; normally the lead's vote stage). Idempotent. */
  @Post('amendments/:id/decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ProposedAmendmentDto })
  @ApiConflictResponse({ description: 'AMENDMENT_ALREADY_DECIDED, AMENDMENT_NOT_OPEN' })
  decide(@Param() { id }: IdParam, @Body() body: DecideAmendmentDto, @CurrentPrincipal() principal: Principal): Promise<ProposedAmendmentDto> {
    return this.amendments.decide(id, body.decision, body.note ?? null, { pollId: body.pollId, personId: principal.personId });
  }
}
