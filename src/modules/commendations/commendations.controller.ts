import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommendationsService } from './commendations.service';
import { CommendationDto, CommendationListQueryDto, CommendationPageDto } from './dto/commendation.dto';

/** The commendation register (sổ khen thưởng): who received which title or commendation form, by which decision. Any signed-in person reads it. */
@ApiTags('commendations')
@ApiBearerAuth()
@Controller('api/v1/commendations')
export class CommendationsController {
  constructor(private readonly commendations: CommendationsService) {}

  /** Commendations, newest decision first; filter by year, unit, person or campaign. */
  @Get()
  @ApiOkResponse({ type: CommendationPageDto })
  list(@Query() query: CommendationListQueryDto): Promise<CommendationPageDto> {
    return this.commendations.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CommendationDto })
  @ApiNotFoundResponse({ description: 'COMMENDATION_NOT_FOUND' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CommendationDto> {
    return this.commendations.get(id);
  }
}
