import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { AppError } from '../../common/errors/app-error';
import { toErrorResponse } from '../../common/errors/error-response';
import { localText } from '../definitions/workflow-document';
import { EligibilityService } from '../../modules/commendations/records/eligibility.service';
import { RulePacksService } from '../../modules/commendations/records/rule-packs.service';
import { redirectSeeOther } from '../../modules/web/page-response';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { ProposeTaskService } from '../stages/propose/propose-task.service';
import { proposalTaskView, ProposalTaskViewModel } from './views/proposal-task.view';
import { PageViewer, WorkflowPageShell } from './workflow-page-shell.service';

type Refusal = Pick<ProposalTaskViewModel, 'alert' | 'refused' | 'checked' | 'accounts'> & { status?: number };

/**
 * A unit's propose task as a page (đề nghị danh hiệu): for each title of the stage, the unit's staff of the campaign's
 * year with the eligibility verdict and its reasons; the officer ticks whom to propose and sends all titles at once.
 * A refusal shows the page again with the reasons and the ticks kept; nothing is recorded then.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('inbox/tasks/:id/proposals')
export class ProposalTaskPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly proposals: ProposeTaskService,
    private readonly eligibility: EligibilityService,
    private readonly packs: RulePacksService,
    private readonly queries: CampaignQueriesService,
  ) {}

  @Get()
  async page(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    await this.render(request, response, viewer, id, {});
  }

  /** `candidate` fields are `TITLE:personId`, in the page's order (the unit's order of priority). */
  @Post()
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() form: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response, `/inbox/tasks/${id}/proposals`);
    if (!viewer) return;
    const ticked = ([] as unknown[]).concat(form.candidate ?? []).filter((value): value is string => typeof value === 'string' && value.includes(':'));
    // A commendation form's account comes in `account:TITLE:id`, beside its box.
    const accounts = new Map(Object.entries(form).flatMap(([name, value]) => (name.startsWith('account:') && typeof value === 'string' && value.trim() ? [[name.slice('account:'.length), value]] : [])));
    const byTitle = new Map<string, Array<{ personId: string; account?: string }>>();
    for (const value of ticked) {
      const [title, personId] = value.split(':', 2);
      byTitle.set(title, [...(byTitle.get(title) ?? []), { personId, ...(accounts.has(value) ? { account: accounts.get(value) } : {}) }]);
    }
    try {
      const actingFor = await this.queries.actingForTask(id, viewer.principal.personId, undefined);
      await this.proposals.submit(id, { proposals: [...byTitle].map(([title, candidates]) => ({ title, candidates })) }, viewer.principal, actingFor, viewer.language);
      redirectSeeOther(response, `/inbox/tasks/${id}/proposals`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const refusal = toErrorResponse(error, viewer.language, request.path);
      if (refusal.status >= 500) throw error;
      response.set(refusal.headers);
      const refused = error.code === 'PROPOSAL_INELIGIBLE' && Array.isArray(error.details) ? (error.details as Array<{ name: string; reasons: string[] }>) : undefined;
      await this.render(request, response, viewer, id, { status: refusal.status, alert: refusal.body.message, refused, checked: new Set(ticked), accounts });
    }
  }

  private async render(request: Request, response: Response, viewer: PageViewer, id: string, refusal: Refusal): Promise<void> {
    const { language, principal } = viewer;
    const { task, titles, stageName, criteria } = await this.proposals.load(id);
    const unit = task.assigneeUnit;
    if (!unit) throw new AppError('TASK_HAS_NO_PROPOSALS', { id });
    // The unit's officers, and administrators (who read it without acting for the unit).
    const actingFor = principal.roles.includes('admin') ? undefined : await this.queries.actingForTask(id, principal.personId, undefined);
    const year = task.campaign.year;
    const lists = await Promise.all(titles.map((title) => this.eligibility.list({ unitId: unit.id, year, title }, principal, language)));
    const { proposals } = await this.proposals.proposedThrough(id, language, actingFor);
    const state = task.status === 'done' ? 'done' : task.status === 'open' && task.stageRun.status === 'active' ? 'open' : 'closed';
    const name = localText(stageName, task.stageRun.stageKey, language);
    this.shell.send(request, response, viewer, {
      status: refusal.status,
      path: `/inbox/tasks/${id}/proposals`,
      title: `${name} — ${unit.name}`,
      content: proposalTaskView({
        language,
        taskId: id,
        stageName: name,
        campaignName: task.campaign.name,
        campaignId: task.campaign.id,
        unitName: unit.name,
        year,
        titles: lists,
        forms: new Set(titles.filter((code) => this.packs.title(year, code).title.kind === 'form')),
        criteria: criteria === undefined ? undefined : localText(criteria, '', language),
        state,
        proposed: proposals,
        alert: refusal.alert,
        refused: refusal.refused,
        checked: refusal.checked,
        accounts: refusal.accounts,
      }),
    });
  }
}
