import { Controller, Get, Param, ParseUUIDPipe, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { LANGUAGES, resolveLanguage } from '../../../common/i18n/language';
import { MinutesService } from './minutes.service';

/** The minutes of a campaign's review and acclamation (biên bản họp bình xét, suy tôn); any signed-in person reads them. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns/:id')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  /**
   * The PDF: cluster and year, members, ranking with its tie-breaks, the acclamation vote's counts, rule and
   * arithmetic (counts only: the ballot is secret), the acclaimed units and the signature lines. 409 MINUTES_NOT_READY
   * until the acclamation vote has closed. The same facts always give the same bytes.
   */
  @Get('minutes.pdf')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiOkResponse({ description: 'A PDF file (attachment)', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ description: 'MINUTES_NOT_READY' })
  @ApiNotFoundResponse({ description: 'CAMPAIGN_NOT_FOUND' })
  async pdf(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request): Promise<StreamableFile> {
    const file = await this.minutes.pdf(id, resolveLanguage(request));
    return new StreamableFile(file.body, { type: 'application/pdf', disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }
}
