import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { UploadEvidence, UploadedEvidence } from '../../storage/evidence-upload.interceptor';
import { sendFile } from '../../storage/send-file';
import { AdvancedExampleDto, ExampleQueryDto, NominateExampleDto, ReviewExampleDto } from './advanced-examples.dto';
import { AdvancedExamplesService } from './advanced-examples.service';
import { FILE_BODY } from '../../../common/http/openapi-bodies';

/** Advanced examples and good deeds: a unit's nomination with its evidence, the cluster head's review, the published list. */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1/advanced-examples')
export class AdvancedExamplesController {
  constructor(private readonly examples: AdvancedExamplesService) {}

  /** A unit nominates one of its people that year, or itself. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: AdvancedExampleDto })
  @ApiForbiddenResponse({ description: 'EXAMPLE_FORBIDDEN' })
  @ApiUnprocessableEntityResponse({ description: 'CANDIDATE_NOT_IN_UNIT' })
  nominate(@Body() body: NominateExampleDto, @CurrentPrincipal() principal: Principal): Promise<AdvancedExampleDto> {
    return this.examples.nominate(body, principal);
  }

  /** The published examples (status accepted) and the nominations the caller may see, newest year first. */
  @Get()
  @ApiOkResponse({ type: [AdvancedExampleDto] })
  list(@Query() query: ExampleQueryDto, @CurrentPrincipal() principal: Principal): Promise<AdvancedExampleDto[]> {
    return this.examples.list(query, principal);
  }

  /** One advanced example (điển hình tiên tiến) with its account, evidence and review. */
  @Get(':id')
  @ApiOkResponse({ type: AdvancedExampleDto })
  @ApiForbiddenResponse({ description: 'EXAMPLE_FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'EXAMPLE_NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<AdvancedExampleDto> {
    return this.examples.get(id, principal);
  }

  /** Attaches one piece of evidence (PDF, image, office document) before the review. */
  @Post(':id/attachments')
  @HttpCode(200)
  @UploadEvidence()
  @ApiOkResponse({ type: AdvancedExampleDto })
  @ApiConflictResponse({ description: 'EXAMPLE_NOT_EDITABLE' })
  @ApiUnprocessableEntityResponse({ description: 'ATTACHMENTS_FULL' })
  attach(@Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: UploadedEvidence, @CurrentPrincipal() principal: Principal): Promise<AdvancedExampleDto> {
    return this.examples.attach(id, file, principal);
  }

  /** Downloads one evidence file of an advanced example. */
  @Get(':id/attachments/:fileId')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', ...FILE_BODY })
  @ApiNotFoundResponse({ description: 'EXAMPLE_NOT_FOUND' })
  async attachment(@Param('id', ParseUUIDPipe) id: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const { file, stream } = await this.examples.attachment(id, fileId, principal);
    await sendFile(response, file, stream);
  }

  /** The cluster head's review: accept (published to everyone, on the record) or decline with the reason. */
  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: AdvancedExampleDto })
  @ApiForbiddenResponse({ description: 'EXAMPLE_REVIEW_FORBIDDEN' })
  @ApiConflictResponse({ description: 'EXAMPLE_ALREADY_REVIEWED' })
  @ApiUnprocessableEntityResponse({ description: 'EXAMPLE_DECLINE_REASON_REQUIRED' })
  review(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewExampleDto, @CurrentPrincipal() principal: Principal): Promise<AdvancedExampleDto> {
    return this.examples.review(id, body, principal);
  }
}
