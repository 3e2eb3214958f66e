import { EntityManager } from '@mikro-orm/core';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../../common/auth/auth.decorators';
import { AppError } from '../../../../common/errors/app-error';
import { Language } from '../../../../common/i18n/language';
import { PrincipalService } from '../../../../modules/auth/principal.service';
import { leavesOf, textIn } from '../../../../modules/scoring/table/table-text';
import { EvidenceUploadInterceptor, UploadedEvidence } from '../../../../modules/storage/evidence-upload.interceptor';
import { WebExceptionFilter } from '../../../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../../../api/campaign-queries.service';
import { Campaign } from '../../../engine/entities/campaign.entity';
import { FORM_PAGE_STYLE, formioTranslation } from '../../../web/form-page-assets';
import { WorkflowPageShell } from '../../../web/workflow-page-shell.service';
import { html } from '../../../../modules/web/html';
import { EvidenceFieldsDto } from '../score-sheet.dto';
import { ScoreMatrixReader } from '../score-matrix.reader';
import { ScoreTaskService } from '../score-task.service';
import { SCORE_PAGE_STYLE, scoreMatrixView, scoreSheetView } from './score-pages.view';
import { scoreClientTexts, sct } from './score-web-texts';

/** The sheet page runs Form.io like the task form page, with its own script. */
const SCORE_PAGE_ASSETS = {
  stylesheets: ['/assets/bootstrap/css/bootstrap.min.css', '/assets/bootstrap-icons/bootstrap-icons.min.css', '/assets/formio/formio.full.min.css'],
  scripts: ['/assets/formio/formio.full.min.js', '/assets/app/js/page-api.js', '/assets/app/js/formio-page.js', '/assets/app/js/score-sheet.js'],
};

/**
 * Score pages: a scorer's sheet (`/inbox/tasks/:id/score`) rendered with the same Form.io renderer as a form task, with
 * evidence per criterion and recusal; and a campaign's scoring matrix (`/campaigns/:id/score-sheets`).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class ScorePagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: CampaignQueriesService,
    private readonly sheets: ScoreTaskService,
    private readonly matrixReader: ScoreMatrixReader,
    private readonly principals: PrincipalService,
    private readonly em: EntityManager,
  ) {}

  @Get('inbox/tasks/:id/score')
  async sheet(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const task = await this.queries.task(id);
    const unitRef = task.unitCode ?? task.unitId ?? undefined;
    const actingFor = unitRef ? await this.principals.resolveActingFor(principal.personId, unitRef) : undefined;
    const sheet = await this.sheets.get(id, principal, actingFor, language);
    const { stageNames } = await this.campaignFacts(sheet.campaignId, language);
    const criteria = new Map(leavesOf(await this.sheets.tableDocument(sheet.tableVersionId)).map((leaf) => [leaf.code, `${leaf.code}. ${textIn(leaf.text, language)}`]));
    this.shell.send(request, response, viewer, {
      title: sct(language, 'sheetTitle', { unit: sheet.scoredUnit.name }),
      content: scoreSheetView({
        language,
        sheet,
        campaignName: task.campaignName,
        stageName: stageNames.get(sheet.stageKey) ?? sheet.stageKey,
        criteria,
        matrixHref: `/campaigns/${sheet.campaignId}/score-sheets`,
        pageData: {
          language,
          taskId: id,
          tableVersionId: sheet.tableVersionId,
          schema: sheet.schema,
          data: sheet.data,
          canSubmit: sheet.canSubmit,
          translation: formioTranslation(language),
          texts: scoreClientTexts(language),
        },
      }),
      assets: SCORE_PAGE_ASSETS,
      styles: html`${FORM_PAGE_STYLE}${SCORE_PAGE_STYLE}`,
    });
  }

  /**
   * The sheet page's evidence upload (multipart, one file and its criterion): the API takes multipart only with a
   * bearer token, so the page posts here with its session and the page's CSRF token in X-CSRF-Token; answers the sheet as JSON.
   */
  @Post('inbox/tasks/:id/score/evidence')
  @HttpCode(200)
  @UseInterceptors(EvidenceUploadInterceptor('file'))
  async uploadEvidence(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EvidenceFieldsDto,
    @UploadedFile() file: UploadedEvidence,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const task = await this.queries.task(id);
    const unitRef = task.unitCode ?? task.unitId ?? undefined;
    const actingFor = unitRef ? await this.principals.resolveActingFor(viewer.principal.personId, unitRef) : undefined;
    response.status(200).json(await this.sheets.attachEvidence(id, body.criterion, file, viewer.principal, actingFor, viewer.language));
  }

  @Get('campaigns/:id/score-sheets')
  async matrix(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const matrix = await this.matrixReader.matrix(id, undefined, principal, await this.principals.actingForAll(principal.personId), language);
    const { name, stageNames } = await this.campaignFacts(id, language);
    this.shell.send(request, response, viewer, {
      title: sct(language, 'matrixTitle', { campaign: name }),
      content: scoreMatrixView({ language, campaign: { id, name }, rows: matrix.rows, stageNames }),
      styles: SCORE_PAGE_STYLE,
    });
  }

  /** The campaign's name and its stages' names in the page language. */
  private async campaignFacts(campaignId: string, language: Language) {
    const campaign = await this.em.fork().findOne(Campaign, campaignId, { populate: ['workflowVersion'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    const stages = campaign.workflowVersion.document.stages;
    const stageNames = new Map(Object.entries(stages).map(([key, stage]) => [key, stage.name === undefined ? key : textIn(stage.name, language)]));
    return { name: campaign.name, stageNames };
  }
}
