import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/auth.decorators';
import { ActingFor, Principal } from '../../common/auth/principal';
import { resolveLanguage } from '../../common/i18n/language';
import { PrincipalService } from '../../modules/auth/principal.service';
import { Idempotent } from '../../modules/idempotency/idempotent.decorator';
import { EvidenceUploadInterceptor, UploadedEvidence } from '../../modules/storage/evidence-upload.interceptor';
import { sendFile } from '../../modules/storage/send-file';
import {
  EvidenceFieldsDto,
  RecuseScoreSheetDto,
  SaveScoreDraftDto,
  ScoreMatrixDto,
  ScoreMatrixQueryDto,
  ScoreSheetViewDto,
  SubmitScoreSheetDto,
} from '../stages/score/score-sheet.dto';
import { ScoreMatrixReader } from '../stages/score/score-matrix.reader';
import { ScoreTaskService } from '../stages/score/score-task.service';
import { CampaignQueriesService } from './campaign-queries.service';
import { FILE_BODY } from '../../common/http/openapi-bodies';

/**
 * Score sheets (phiếu chấm điểm) of score-stage tasks: read in the pinned table and sheet form, save a draft, attach
 * evidence, submit or recuse. A unit's sheet is filled for the unit named by X-Acting-Unit, or by default for the
 * task's own unit, under a valid mandate. Also the evidence downloads and a campaign's scoring matrix.
 */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/v1')
export class ScoreSheetsController {
  constructor(
    private readonly sheets: ScoreTaskService,
    private readonly matrixReader: ScoreMatrixReader,
    private readonly queries: CampaignQueriesService,
    private readonly principals: PrincipalService,
  ) {}

  /** The score sheet of a score task: criteria, scores so far and evidence. */
  @Get('tasks/:id/score-sheet')
  @ApiHeader({ name: 'X-Acting-Unit', required: false, description: 'Unit id or code; defaults to the task’s unit' })
  @ApiOkResponse({ type: ScoreSheetViewDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreSheetViewDto> {
    return this.sheets.get(id, principal, await this.actingFor(id, principal, request), resolveLanguage(request));
  }

  /** Saves scores of a score sheet as a draft. */
  @Put('tasks/:id/score-sheet/draft')
  @ApiHeader({ name: 'X-Acting-Unit', required: false })
  @ApiOkResponse({ type: ScoreSheetViewDto })
  async saveDraft(@Param('id', ParseUUIDPipe) id: string, @Body() body: SaveScoreDraftDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreSheetViewDto> {
    return this.sheets.saveDraft(id, body.data, principal, await this.actingFor(id, principal, request), resolveLanguage(request));
  }

  /**
   * Submits the sheet: 422 SCORE_SHEET_INVALID (details: each problem's field path, code and message naming the
   * criterion) or SCORE_EVIDENCE_REQUIRED; 409 SCORE_TABLE_VERSION_MISMATCH, SCORE_STAGE_CLOSED, or
   * SCORE_ALREADY_SUBMITTED for other data once submitted (the same data again answers the stored sheet, 200).
   */
  @Post('tasks/:id/score-sheet')
  @HttpCode(200)
  @Idempotent()
  @ApiHeader({ name: 'X-Acting-Unit', required: false })
  @ApiOkResponse({ type: ScoreSheetViewDto })
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: SubmitScoreSheetDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreSheetViewDto> {
    return this.sheets.submit(id, body, principal, await this.actingFor(id, principal, request), resolveLanguage(request));
  }

  /** Declines to score, with a reason (recorded in the campaign's history); 409 SCORE_RECUSE_AFTER_SUBMIT once submitted. */
  @Post('tasks/:id/score-sheet/recusal')
  @HttpCode(200)
  @ApiHeader({ name: 'X-Acting-Unit', required: false })
  @ApiOkResponse({ type: ScoreSheetViewDto })
  async recuse(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecuseScoreSheetDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreSheetViewDto> {
    return this.sheets.recuse(id, body.reason, principal, await this.actingFor(id, principal, request), resolveLanguage(request));
  }

  /** One evidence file (PDF, image, office document; type read from the content) for one criterion of the draft. */
  @Post('tasks/:id/score-sheet/evidence')
  @HttpCode(200)
  @UseInterceptors(EvidenceUploadInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'criterion'], properties: { file: { type: 'string', format: 'binary' }, criterion: { type: 'string', example: 'I.3' } } } })
  @ApiHeader({ name: 'X-Acting-Unit', required: false })
  @ApiOkResponse({ type: ScoreSheetViewDto })
  async attachEvidence(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EvidenceFieldsDto,
    @UploadedFile() file: UploadedEvidence,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<ScoreSheetViewDto> {
    return this.sheets.attachEvidence(id, body.criterion, file, principal, await this.actingFor(id, principal, request), resolveLanguage(request));
  }

  /**
   * An evidence file of a sheet: for the scoring unit's people, the cluster head's, council members and
   * administrators, and the scored unit's people once the stage closed (403 SCORE_EVIDENCE_NOT_VISIBLE otherwise).
   */
  @Get('score-sheets/:sheetId/evidence/:fileId')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as a download', ...FILE_BODY })
  async evidence(
    @Param('sheetId', ParseUUIDPipe) sheetId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ): Promise<void> {
    const { file, stream } = await this.sheets.openEvidence(sheetId, fileId, principal, await this.principals.actingForAll(principal.personId));
    await sendFile(response, file, stream);
  }

  /** Who has scored whom (names, status, total, late, recusal reason): all sheets for the head, council and admins; a member's own sheets. */
  @Get('campaigns/:id/score-sheets')
  @ApiOkResponse({ type: ScoreMatrixDto })
  async matrix(@Param('id', ParseUUIDPipe) id: string, @Query() query: ScoreMatrixQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<ScoreMatrixDto> {
    return this.matrixReader.matrix(id, query.stage, principal, await this.principals.actingForAll(principal.personId), resolveLanguage(request));
  }

  /** As for task commands: the caller must hold a valid mandate for the unit (403 NOT_MANDATED otherwise). */
  private async actingFor(taskId: string, principal: Principal, request: Request): Promise<ActingFor | undefined> {
    return this.queries.actingForTask(taskId, principal.personId, request.headers['x-acting-unit']);
  }
}
