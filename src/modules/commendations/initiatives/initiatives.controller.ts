import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { resolveLanguage } from '../../../common/i18n/language';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { LanguageQueryDto } from '../../org/dto/dto-helpers';
import { UploadEvidence, UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import { sendFile } from '../../storage/send-file';
import { DecideInitiativeDto, InitiativeApplicationDto, InitiativeQueryDto, SubmitInitiativeDto } from './initiatives.dto';
import { InitiativesService } from './initiatives.service';
import { COUNCIL_SECRETARY_ROLES } from '../records/mandated';
import { FILE_BODY } from '../../../common/http/openapi-bodies';

/**
 * Initiatives (sáng kiến): a unit's application with its files, the Initiatives Council's vote (a poll of the council
 * members: GET /api/v1/polls/:pollId, POST …/ballots) and the decision that recognises it, or not.
 */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1/initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  /** A unit submits an initiative of its own or of one of its people that year. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: InitiativeApplicationDto })
  @ApiForbiddenResponse({ description: 'INITIATIVE_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'UNIT_NOT_FOUND, PERSON_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'INITIATIVE_AUTHOR_NOT_IN_UNIT' })
  submit(@Body() body: SubmitInitiativeDto, @CurrentPrincipal() principal: Principal): Promise<InitiativeApplicationDto> {
    return this.initiatives.submit(body, principal);
  }

  /** Applications the caller may see (the council and administrators: all; officers: their units'). */
  @Get()
  @ApiOkResponse({ type: [InitiativeApplicationDto] })
  @ApiForbiddenResponse({ description: 'INITIATIVE_FORBIDDEN' })
  list(@Query() query: InitiativeQueryDto, @CurrentPrincipal() principal: Principal): Promise<InitiativeApplicationDto[]> {
    return this.initiatives.list(query, principal);
  }

  /** One application, with the council's vote once it is counted. */
  @Get(':id')
  @ApiOkResponse({ type: InitiativeApplicationDto })
  @ApiForbiddenResponse({ description: 'INITIATIVE_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'INITIATIVE_NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string, @Query() _query: LanguageQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<InitiativeApplicationDto> {
    return this.initiatives.get(id, principal, resolveLanguage(request));
  }

  /** Attaches one file (PDF, image, office document; the type is read from the content) before the council's review. */
  @Post(':id/attachments')
  @HttpCode(200)
  @UploadEvidence()
  @ApiOkResponse({ type: InitiativeApplicationDto })
  @ApiConflictResponse({ description: 'INITIATIVE_NOT_EDITABLE' })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENTS_FULL' })
  attach(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedEvidence, @CurrentPrincipal() principal: Principal): Promise<InitiativeApplicationDto> {
    return this.initiatives.attach(id, file, principal);
  }

  /** Downloads an attached file. */
  @Get(':id/attachments/:fileId')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', ...FILE_BODY })
  @ApiNotFoundResponse({ description: 'INITIATIVE_NOT_FOUND' })
  async attachment(@Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { file, stream } = await this.initiatives.attachment(id, fileId, principal);
    await sendFile(response, file, stream);
  }

  /** Puts the application to the Initiatives Council's secret vote (more than half of its members recognise it). */
  @Post(':id/review')
  @Roles(...COUNCIL_SECRETARY_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: InitiativeApplicationDto })
  @ApiConflictResponse({ description: 'INITIATIVE_ALREADY_DECIDED, INITIATIVE_COUNCIL_EMPTY' })
  openReview(@Param('id', ParseUUIDPipe) id: string): Promise<InitiativeApplicationDto> {
    return this.initiatives.openReview(id);
  }

  /** Closes the council's vote and records the decision: recognised at a scope (then counted by eligibility), or not. */
  @Post(':id/decision')
  @Roles(...COUNCIL_SECRETARY_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: InitiativeApplicationDto })
  @ApiConflictResponse({ description: 'INITIATIVE_NOT_IN_REVIEW, INITIATIVE_ALREADY_DECIDED' })
  @ApiUnprocessableEntityResponse({ description: 'DECISION_NUMBER_REQUIRED, DECISION_DATE_INVALID' })
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecideInitiativeDto, @Query() _query: LanguageQueryDto, @Req() request: Request): Promise<InitiativeApplicationDto> {
    return this.initiatives.decide(id, body, resolveLanguage(request));
  }
}
