import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { PrincipalService } from '../../modules/auth/principal.service';
import { FormSubmissionsService } from '../../modules/forms/submissions/form-submissions.service';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { FormTaskService } from '../stages/form/form-task.service';
import { BallotTaskService } from '../stages/vote/ballot-task.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { CampaignPageReader } from './campaign-page-reader.service';
import { FORM_PAGE_STYLE, formioTranslation, formPageAssets } from './form-page-assets';
import { clientTexts, ft } from './form-web-texts';
import { stageLabel } from './page-format';
import { submissionListView } from './views/submission-list.view';
import { taskFormView } from './views/task-form.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';
import { wt } from './workflow-web-texts';

const titleOf = (schema: unknown, fallback: string) => {
  const title = (schema as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title.trim() ? title : fallback;
};

/**
 * Officers' form pages: a form-stage task's form in its pinned version (filled for the task's unit under
 * the person's mandate, sent to the server by the page's script), and the forms they and their units submitted.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('inbox')
export class TaskFormPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: CampaignQueriesService,
    private readonly formTasks: FormTaskService,
    private readonly submissions: FormSubmissionsService,
    private readonly principals: PrincipalService,
    private readonly reader: CampaignPageReader,
    private readonly ballots: BallotTaskService,
  ) {}

  @Get('tasks/:id/form')
  async fill(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const task = await this.queries.task(id);
    const unitRef = task.unitCode ?? task.unitId ?? undefined;
    const actingFor = unitRef ? await this.principals.resolveActingFor(principal.personId, unitRef) : undefined;
    const form = await this.formTasks.get(id, principal, actingFor?.unitId);
    const documents = await this.reader.documentsOf([task.campaignId]);
    const formName = titleOf(form.schema, form.formKey);
    const unitText = actingFor ? `${actingFor.unitCode} — ${actingFor.unitName}` : wt(language, 'assignedToYou');
    this.shell.send(request, response, viewer, {
      title: ft(language, 'taskFormTitle', { form: formName, unit: actingFor?.unitCode ?? principal.fullName }),
      content: taskFormView({
        language,
        mode: 'fill',
        title: ft(language, 'taskFormTitle', { form: formName, unit: actingFor?.unitName ?? principal.fullName }),
        campaign: { id: task.campaignId, name: task.campaignName },
        stageName: stageLabel(documents.get(task.campaignId), task.stageKey, language),
        unitText,
        dueAt: task.dueAt,
        versionNumber: form.formVersionNumber,
        status: form.status,
        submittedAt: form.submittedAt,
        late: form.late,
        canSubmit: form.canSubmit,
        pageData: {
          language,
          taskId: id,
          formVersionId: form.formVersionId,
          schema: form.schema,
          data: form.data,
          canSubmit: form.canSubmit,
          translation: formioTranslation(language),
          texts: clientTexts(language),
        },
      }),
      assets: formPageAssets('task-form'),
      styles: FORM_PAGE_STYLE,
    });
  }

  /** A vote task opens its poll's page, where the unit votes. */
  @Get('tasks/:id/ballot')
  async ballot(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    redirectSeeOther(response, `/polls/${await this.ballots.pollOfTask(id)}`);
  }

  @Get('submissions')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const submissions = await this.submissions.submittedBy(viewer.principal.personId, await this.unitIdsOf(viewer));
    const rows = submissions.map((submission) => ({
      id: submission.id,
      formName: titleOf(submission.formVersion.schema, submission.formVersion.definition.name),
      versionNumber: submission.formVersion.number,
      unitText: submission.unit ? `${submission.unit.code} — ${submission.unit.name}` : wt(language, 'assignedToYou'),
      personName: submission.person.fullName,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      late: submission.late,
    }));
    this.shell.send(request, response, viewer, { title: ft(language, 'submissionsTitle'), content: submissionListView(language, rows) });
  }

  /** A submission, read-only, in the version it was submitted in. Others' submissions answer 404, not 403: no hint they exist. */
  @Get('submissions/:id')
  async view(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const submission = await this.submissions.submission(id);
    const mine = submission.unit ? (await this.unitIdsOf(viewer)).includes(submission.unit.id) : submission.person.id === principal.personId;
    if (!mine && !principal.roles.includes('admin')) throw new AppError('FORM_SUBMISSION_NOT_FOUND', { id });
    const formName = titleOf(submission.formVersion.schema, submission.formVersion.definition.name);
    this.shell.send(request, response, viewer, {
      title: ft(language, 'submissionTitle', { form: formName }),
      content: taskFormView({
        language,
        mode: 'view',
        title: ft(language, 'submissionTitle', { form: formName }),
        unitText: submission.unit ? `${submission.unit.code} — ${submission.unit.name}` : submission.person.fullName,
        versionNumber: submission.formVersion.number,
        status: submission.status,
        submittedAt: submission.submittedAt?.toISOString() ?? null,
        late: submission.late,
        canSubmit: false,
        pageData: {
          language,
          schema: submission.formVersion.schema,
          data: submission.data,
          canSubmit: false,
          translation: formioTranslation(language),
          texts: clientTexts(language),
        },
      }),
      assets: formPageAssets('task-form'),
      styles: FORM_PAGE_STYLE,
    });
  }

  private async unitIdsOf(viewer: PageViewer): Promise<string[]> {
    return (await this.principals.validMandates(viewer.principal.personId)).map((mandate) => mandate.unit.id);
  }
}
