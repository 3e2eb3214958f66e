import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { PrincipalService } from '../auth/principal.service';
import { DiscussionNoticesService } from './discussion-notices.service';
import { IdParam, NoticeListQueryDto } from './dto/discussion-request.dto';
import { NoticeDto, NoticePageDto } from './dto/discussion-response.dto';

/** Mentions in discussions: the caller's own notices and those of every unit they hold a mandate for. */
@ApiTags('discussion')
@ApiBearerAuth()
@Controller('api/v1/discussion-notices')
export class DiscussionNoticesController {
  constructor(
    private readonly notices: DiscussionNoticesService,
    private readonly principals: PrincipalService,
  ) {}

  /** The signed-in person’s discussion notices (mentions and replies), newest first. */
  @Get()
  @ApiOkResponse({ type: NoticePageDto })
  async list(@Query() query: NoticeListQueryDto, @CurrentPrincipal() principal: Principal): Promise<NoticePageDto> {
    return this.notices.list(principal.personId, await this.unitIds(principal), query);
  }

  /** Marks a notice read; a unit's notice is read for the whole unit, and the record says by whom. */
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeDto })
  @ApiNotFoundResponse({ description: 'DISCUSSION_NOTICE_NOT_FOUND' })
  async read(@Param() { id }: IdParam, @CurrentPrincipal() principal: Principal): Promise<NoticeDto> {
    return this.notices.read(id, principal.personId, await this.unitIds(principal));
  }

  private async unitIds(principal: Principal): Promise<string[]> {
    return (await this.principals.actingForAll(principal.personId)).map((unit) => unit.unitId);
  }
}
