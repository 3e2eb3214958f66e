import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { AppError } from '../../../common/errors/app-error';
import { toErrorResponse } from '../../../common/errors/error-response';
import { Language, Text } from '../../../common/i18n/language';
import { redirectSeeOther } from '../../../modules/web/page-response';
import { WebExceptionFilter } from '../../../modules/web/web-exception.filter';
import { CampaignRecordsService } from '../../engine/campaign-records.service';
import { CampaignMigrationService } from '../../engine/campaign-migration.service';
import { PageViewer, WorkflowPageShell } from '../../web/workflow-page-shell.service';
import { CampaignLaunchesService, LaunchPlan } from '../campaign-launches.service';
import { LaunchRequestDto } from '../dto/campaign-launch.dto';
import { CancelCampaignFormDto, LaunchFormDto, MigrateCampaignFormDto } from './launch-form.dto';
import { launchWizardView, LaunchWizardViewModel } from './launch-wizard.view';
import { LaunchTextKey, lt } from './launch-web-texts';

const PATH = '/admin/campaigns/new';

/** The administrators' launch wizard (/admin/campaigns/new) and the cancel form of a running campaign. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('admin/campaigns')
export class LaunchPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly launches: CampaignLaunchesService,
    private readonly records: CampaignRecordsService,
    private readonly migrations: CampaignMigrationService,
  ) {}

  @Get('new')
  async wizard(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response);
    if (!viewer) return;
    await this.render(request, response, viewer, { values: {} });
  }

  /** "Preview" rehearses the launch and shows it; "Launch" launches all or none and goes to the campaigns. */
  @Post('new')
  async submit(@Body() form: LaunchFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, PATH);
    if (!viewer) return;
    const { action, ...values } = form;
    try {
      const { lateShare, votesAgainst, declines, amends, seed, ...launchValues } = values;
      const launchRequest = toLaunchRequest(launchValues);
      if (action === 'simulate') {
        const behaviour = { lateShare: percentOf(lateShare), votesAgainst: votesAgainst ?? [], declines: declines || null, amends: amends || null, seed: seed ? Math.max(0, Math.trunc(Number(seed)) || 0) : 1 };
        const report = await this.launches.simulate(launchRequest, behaviour, viewer.principal, viewer.language);
        return await this.render(request, response, viewer, { values, report });
      }
      if (action === 'launch') {
        const plan = await this.launches.launch(launchRequest, viewer.principal, viewer.language);
        const count = plan.subjects.filter((s) => s.outcome === 'launched').length;
        return redirectSeeOther(response, `/campaigns?flash=launched&count=${count}`);
      }
      const plan: LaunchPlan = await this.launches.preview(launchRequest, viewer.principal, viewer.language);
      await this.render(request, response, viewer, { values, plan });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      const details = error.details as { subjects?: Array<{ name: string; message: string }> } | undefined;
      await this.render(request, response, viewer, { values, failure: { message: refusal.body.message, subjects: details?.subjects } }, refusal.status);
    }
  }

  /** Cancels a running campaign with a reason, once the person has ticked that it cannot be undone. */
  @Post(':id/cancel')
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Body() form: CancelCampaignFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `/campaigns/${id}`);
    if (!viewer) return;
    if (form.confirm !== 'yes') throw new AppError('CONFIRMATION_REQUIRED', { action: lt(viewer.language, 'cancelButton') });
    const reason = form.reason?.trim();
    if (!reason) throw new AppError('VALIDATION_FAILED', { fields: lt(viewer.language, 'cancelReason') });
    await this.records.cancel(id, reason, viewer.principal);
    redirectSeeOther(response, `/campaigns/${id}?flash=cancelled`);
  }

  /** Moves a running campaign to a newer version of its workflow; a refusal shows its reasons on the error page. */
  @Post(':id/migration')
  async migrate(@Param('id', ParseUUIDPipe) id: string, @Body() form: MigrateCampaignFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.admin(request, response, `/campaigns/${id}`);
    if (!viewer) return;
    await this.migrations.migrate(id, form.workflowVersionId, viewer.principal);
    redirectSeeOther(response, `/campaigns/${id}?flash=migrated`);
  }

  private async render(request: Request, response: Response, viewer: PageViewer, model: Pick<LaunchWizardViewModel, 'values' | 'plan' | 'report' | 'failure'>, status?: number): Promise<void> {
    const { language } = viewer;
    const options = await this.launches.choices(language);
    this.shell.send(request, response, viewer, { status, title: lt(language, 'title'), path: PATH, content: launchWizardView({ language, options, ...model }) });
  }
}

/** The wizard's fields as its form labels them, for the refusals that name them. */
const FIELD_LABELS: Record<string, LaunchTextKey> = {
  workflowVersionId: 'workflow',
  year: 'year',
  subjectKind: 'subjectKind',
  clusterId: 'clusterField',
  unitId: 'unitField',
  unitType: 'unitTypeField',
  startsOn: 'startsOn',
  nameTemplate: 'nameTemplate',
  lateShare: 'lateShare',
};

/** Fields by their labels, in every language (an unknown one by its name). */
const fieldLabels = (properties: string[]): Text => {
  const labels = (language: Language) => properties.map((property) => (FIELD_LABELS[property] ? lt(language, FIELD_LABELS[property]) : property)).join(', ');
  return { vi: labels('vi'), en: labels('en') };
};

/** The posted strings as the API's request, checked by the API's own rules (empty fields are not chosen). */
function toLaunchRequest(values: Omit<LaunchFormDto, 'action'>): LaunchRequestDto {
  const plain = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
  const request = plainToInstance(LaunchRequestDto, { ...plain, ...(plain.year !== undefined ? { year: Number(plain.year) } : {}) });
  const problems = validateSync(request, { whitelist: true, forbidNonWhitelisted: true });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: fieldLabels(problems.map((p) => p.property)) });
  return request;
}

/** The scenario's "late units" field (a percentage) as a share from 0 to 1; anything else is refused. */
function percentOf(value: string | undefined): number {
  const percent = value === undefined || value === '' ? 0 : Number(value);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new AppError('VALIDATION_FAILED', { fields: fieldLabels(['lateShare']) });
  return percent / 100;
}
