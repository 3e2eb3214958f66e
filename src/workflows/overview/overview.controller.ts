import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../../common/auth/auth.decorators';
import { resolveLanguage } from '../../common/i18n/language';
import { OverviewDto, OverviewQueryDto } from './overview.dto';
import { OverviewQueriesService } from './overview-queries.service';

/** The overview of a year (tổng quan) for administrators and council members. */
@ApiTags('overview')
@ApiBearerAuth()
@Roles('admin', 'council-member')
@Controller('api/v1/overview')
export class OverviewController {
  constructor(private readonly queries: OverviewQueriesService) {}

  @Get()
  @ApiOperation({ summary: 'A year at a glance: every campaign with its current stages and progress, late tasks by unit, tasks completed day by day' })
  @ApiOkResponse({ type: OverviewDto })
  overview(@Query() { year }: OverviewQueryDto, @Req() request: Request): Promise<OverviewDto> {
    return this.queries.overview(year, resolveLanguage(request));
  }
}
