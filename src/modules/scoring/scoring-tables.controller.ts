import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../../common/auth/auth.decorators';
import type { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  PublishScoringTableDto,
  PublishScoringTableResultDto,
  ScoringTableKeyParams,
  ScoringTableListDto,
  ScoringTableSummaryDto,
  ScoringTableVersionDto,
  ScoringTableVersionListDto,
  ScoringTableVersionSummaryDto,
} from './dto/scoring-table.dto';
import { ScoringTablesService } from './scoring-tables.service';

/** Scoring tables: anyone signed in reads them (a scorer needs the table); administrators publish. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/v1/scoring-tables')
export class ScoringTablesController {
  constructor(private readonly tables: ScoringTablesService) {}

  /** Tables by key, with the number of their latest version. */
  @Get()
  @ApiOkResponse({ type: ScoringTableListDto })
  async list(): Promise<ScoringTableListDto> {
    return { items: (await this.tables.list()).map(({ definition, latest }) => ScoringTableSummaryDto.from(definition, latest)) };
  }

  /**
   * Publishes a document as the next version of the table `key` (created on first use) with its generated sheet form
   * `scoring/<key>` (201); the same content as the latest version publishes nothing and answers it (200).
   */
  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: PublishScoringTableResultDto, description: 'A new version' })
  @ApiOkResponse({ type: PublishScoringTableResultDto, description: 'The document was already the latest version' })
  @ApiUnprocessableEntityResponse({ description: 'SCORING_TABLE_INVALID, with every problem { path, code, message } in details' })
  @ApiConflictResponse({ description: 'SCORING_TABLE_CONTENT_PUBLISHED, SCORING_TABLE_PUBLISH_CONFLICT' })
  async publish(@Body() body: PublishScoringTableDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<PublishScoringTableResultDto> {
    const existing = await this.tables.definitionOf(body.key);
    if (existing?.builtIn) throw new AppError('SCORING_TABLE_INVALID', { count: 1 }, [{ path: 'key', code: 'BUILT_IN', message: `"${body.key}" is a built-in table, loaded from its file` }]);
    const result = await this.tables.publish(body.key, body.document, principal.personId);
    if (!result.created) response.status(200);
    return { created: result.created, version: ScoringTableVersionSummaryDto.from(result.version) };
  }

  /** The latest version: its document, number and sheet form. */
  @Get(':key')
  @ApiOkResponse({ type: ScoringTableVersionDto })
  async latest(@Param() { key }: ScoringTableKeyParams): Promise<ScoringTableVersionDto> {
    const latest = await this.tables.latestByKey(key);
    if (!latest) throw new AppError('SCORING_TABLE_NOT_FOUND', { key });
    return ScoringTableVersionDto.full(latest);
  }

  /** Every version, newest first. */
  @Get(':key/versions')
  @ApiOkResponse({ type: ScoringTableVersionListDto })
  async versions(@Param() { key }: ScoringTableKeyParams): Promise<ScoringTableVersionListDto> {
    return { items: (await this.tables.versionsOf(key)).map(ScoringTableVersionSummaryDto.from) };
  }
}
