import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { ConsultationViewDto, ObjectionDto, OpenConsultationDto } from './consultations.dto';
import { ConsultationsService } from './consultations.service';
import { COUNCIL_SECRETARY_ROLES } from '../records/mandated';

/** Public consultations (công khai) on proposals before a national level: the window and the objections raised in it. */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  /** Opens the consultation on a proposal for a number of working days (10 by default), from today or a given day. */
  @Post('commendation-proposals/:id/consultation')
  @Roles(...COUNCIL_SECRETARY_ROLES)
  @ApiCreatedResponse({ type: ConsultationViewDto })
  @ApiNotFoundResponse({ description: 'PROPOSAL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONSULTATION_EXISTS' })
  open(@Param('id', ParseUUIDPipe) id: string, @Body() body: OpenConsultationDto, @CurrentPrincipal() principal: Principal): Promise<ConsultationViewDto> {
    return this.consultations.open(id, body, principal);
  }

  /** The consultations open today, with their objections: public to everyone signed in. */
  @Get('consultations')
  @ApiOkResponse({ type: [ConsultationViewDto] })
  current(): Promise<ConsultationViewDto[]> {
    return this.consultations.current();
  }

  /** One public consultation (công khai) with its window and the objections received. */
  @Get('consultations/:id')
  @ApiOkResponse({ type: ConsultationViewDto })
  @ApiNotFoundResponse({ description: 'CONSULTATION_NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ConsultationViewDto> {
    return this.consultations.get(id);
  }

  /** An objection, taken only inside the window. */
  @Post('consultations/:id/objections')
  @ApiCreatedResponse({ type: ConsultationViewDto })
  @ApiNotFoundResponse({ description: 'CONSULTATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONSULTATION_NOT_OPEN, CONSULTATION_CLOSED' })
  @ApiUnprocessableEntityResponse({ description: 'OBJECTION_TEXT_REQUIRED' })
  object(@Param('id', ParseUUIDPipe) id: string, @Body() body: ObjectionDto, @CurrentPrincipal() principal: Principal): Promise<ConsultationViewDto> {
    return this.consultations.object(id, body, principal);
  }
}
