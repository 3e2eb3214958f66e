import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../../modules/auth/principal.service';
import { proposingFor } from '../../modules/discussion/acting-unit';
import { ProposeAmendmentDto } from '../../modules/discussion/dto/amendment-request.dto';
import { ProposedAmendmentDto } from '../../modules/discussion/dto/amendment-response.dto';
import { DocumentIdParam } from '../../modules/discussion/dto/discussion-request.dto';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { CampaignAmendmentsService } from '../stages/discussion/campaign-amendments.service';

/**
 * Proposing on a document. It lives with the engine rather than with the other amendment routes because a campaign's
 * document takes amendments only while that campaign's discussion is open (the refusal the campaign's route gives).
 */
@ApiTags('amendments')
@ApiBearerAuth()
@Controller('api/v1/documents/:documentId')
export class DocumentAmendmentsController {
  constructor(
    private readonly amendments: CampaignAmendmentsService,
    private readonly principals: PrincipalService,
  ) {}

  /** A unit's proposal to replace, insert after or delete one clause of the latest version. */
  @Post('amendments')
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'The proposing unit (id or code); may be left out by a person with a single unit mandate' })
  @ApiCreatedResponse({ type: ProposedAmendmentDto })
  @ApiForbiddenResponse({ description: 'AMENDMENT_UNIT_REQUIRED, NOT_MANDATED' })
  @ApiConflictResponse({ description: "AMENDMENT_VERSION_STALE; DISCUSSION_NOT_OPEN when the document's campaign is not discussing it (e.g. adopted)" })
  @ApiUnprocessableEntityResponse({ description: 'AMENDMENT_JUSTIFICATION_REQUIRED, AMENDMENT_CLAUSE_REQUIRED, AMENDMENT_TEXT_REQUIRED, AMENDMENT_TARGET_MISSING' })
  async propose(@Param() { documentId }: DocumentIdParam, @Body() body: ProposeAmendmentDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ProposedAmendmentDto> {
    return this.amendments.proposeOnDocument(documentId, body, principal, await proposingFor(this.principals, principal.personId, request));
  }
}
