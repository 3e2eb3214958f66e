import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../../../common/auth/auth.decorators';
import type { Principal } from '../../../common/auth/principal';
import { resolveLanguage } from '../../../common/i18n/language';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { RulePackLibraryService } from './rule-pack-library.service';
import { PublishRulePackDto, PublishRulePackResultDto, RulePackKeyParams, RulePackListDto, RulePackSummaryDto, RulePackVersionDto, RulePackVersionListDto, RulePackVersionSummaryDto } from './rule-packs.dto';

/** Commendation rule packs (bộ quy định thi đua, khen thưởng): administrators read and publish them. */
@ApiTags('commendations')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/rule-packs')
export class RulePacksController {
  constructor(private readonly library: RulePackLibraryService) {}

  /** Every pack by key with its latest version and the day it takes effect, those in force first. */
  @Get()
  @ApiOkResponse({ type: RulePackListDto })
  async list(): Promise<RulePackListDto> {
    return { items: (await this.library.list()).map(({ definition, latest }) => RulePackSummaryDto.from(definition, latest)) };
  }

  /** Every version of a pack, newest first. */
  @Get(':key/versions')
  @ApiOkResponse({ type: RulePackVersionListDto })
  @ApiNotFoundResponse({ description: 'RULE_PACK_NOT_FOUND' })
  async versions(@Param() { key }: RulePackKeyParams): Promise<RulePackVersionListDto> {
    return { items: (await this.library.versionsOf(key)).map(RulePackVersionSummaryDto.from) };
  }

  /**
   * Publishes a document as the next version of the pack `key` (created on first use), in force at once for the
   * evaluation years from its effectiveFrom (201); the same content as the latest version publishes nothing and
   * answers it (200). A built-in pack is loaded from its file: publish changes under a new key and effective date.
   */
  @Post(':key/versions')
  @Idempotent()
  @ApiCreatedResponse({ type: PublishRulePackResultDto, description: 'A new version' })
  @ApiOkResponse({ type: PublishRulePackResultDto, description: 'The document was already the latest version' })
  @ApiUnprocessableEntityResponse({ description: 'RULE_PACK_INVALID, with every problem { path, code, message } in details; RULE_PACK_EFFECTIVE_DATE_TAKEN' })
  @ApiConflictResponse({ description: 'RULE_PACK_CONTENT_PUBLISHED, RULE_PACK_PUBLISH_CONFLICT' })
  async publish(
    @Param() { key }: RulePackKeyParams,
    @Body() body: PublishRulePackDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublishRulePackResultDto> {
    const result = await this.library.publish(key, body.document, principal.personId, { language: resolveLanguage(request) });
    if (!result.created) response.status(200);
    return { created: result.created, version: RulePackVersionDto.full(result.version) };
  }
}
