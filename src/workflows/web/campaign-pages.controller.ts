import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { redirectSeeOther } from '../../modules/web/page-response';
import { listPage, pagerNav } from '../../modules/web/views/pager.view';
import { WebExceptionFilter } from '../../modules/web/web-exception.filter';
import { CampaignQueriesService } from '../api/campaign-queries.service';
import { CampaignPageReader } from './campaign-page-reader.service';
import { cancelCampaignForm } from '../launches/web/cancel-campaign.view';
import { lt } from '../launches/web/launch-web-texts';
import { migrateCampaignForm } from '../launches/web/migrate-campaign.view';
import { html } from '../../modules/web/html';
import { campaignTimeline } from './campaign-timeline';
import { stageLabel } from './page-format';
import { campaignHistoryView } from './views/campaign-history.view';
import { CAMPAIGN_STATUSES, campaignListView, CampaignStatusFilter } from './views/campaign-list.view';
import { campaignView } from './views/campaign.view';
import { WorkflowPageShell } from './workflow-page-shell.service';
import { wt } from './workflow-web-texts';

/** Events per page of a campaign's history. */
const HISTORY_PAGE_SIZE = 100;

const isStatus = (value: unknown): value is CampaignStatusFilter => (CAMPAIGN_STATUSES as readonly unknown[]).includes(value);

/** Campaign pages for anyone signed in, as the campaigns API is: the list, one campaign, its history. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('campaigns')
export class CampaignPagesController {
  constructor(
    private readonly shell: WorkflowPageShell,
    private readonly queries: CampaignQueriesService,
    private readonly reader: CampaignPageReader,
  ) {}

  @Get()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    // An unknown ?status= shows every campaign rather than an error: it only filters a list.
    const status = isStatus(request.query.status) ? request.query.status : undefined;
    const campaigns = await this.queries.list(status);
    const documents = await this.reader.documentsOf(campaigns.map((c) => c.id));
    this.shell.send(request, response, viewer, {
      title: wt(language, 'campaignsTitle'),
      content: campaignListView({
        language,
        status,
        flash: request.query.flash === 'launched' ? lt(language, 'launchedFlash', { count: Number(request.query.count) || 0 }) : undefined,
        launchHref: viewer.principal.roles.includes('admin') ? '/admin/campaigns/new' : undefined,
        rows: campaigns.map((campaign) => ({
          campaign,
          currentStages: campaign.activeStages.map((key) => stageLabel(documents.get(campaign.id), key, language)),
        })),
      }),
    });
  }

  @Get(':id')
  async campaign(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language, principal } = viewer;
    const isAdmin = principal.roles.includes('admin');
    const [campaign, pinning, verdict, { context }, signings, newerVersions] = await Promise.all([
      this.queries.detail(id),
      this.reader.pinning(id),
      this.queries.verify(id),
      this.queries.contextOf(id),
      this.reader.signingsOf(id),
      isAdmin ? this.reader.newerVersions(id) : Promise.resolve([]),
    ]);
    this.shell.send(request, response, viewer, {
      title: campaign.name,
      content: campaignView({
        language,
        campaign,
        pinning,
        timeline: campaignTimeline(campaign.stages, pinning.document),
        verdict,
        canSeeVersion: principal.roles.includes('admin'),
        deliberation: {
          documentId: typeof context.documentId === 'string' ? context.documentId : null,
          polls: (context.polls as Record<string, string> | undefined) ?? {},
        },
        signings,
        // The minutes (biên bản) exist once the acclamation vote's stage run has closed.
        minutesHref: campaign.stages.some((run) => run.id === (context.nomination as { stageRunId?: string } | undefined)?.stageRunId && run.status !== 'active')
          ? `/api/v1/campaigns/${id}/minutes.pdf`
          : undefined,
        rankingHref: context.ranking ? `/campaigns/${id}/ranking` : undefined,
        scoreMatrixHref: Object.values(pinning.document.stages).some((stage) => stage.type === 'score') ? `/campaigns/${id}/score-sheets` : undefined,
        flash: request.query.flash === 'cancelled' ? lt(language, 'cancelledFlash') : request.query.flash === 'migrated' ? lt(language, 'migratedFlash') : undefined,
        actions: campaign.status === 'running' && isAdmin ? html`${migrateCampaignForm(id, newerVersions, language)}${cancelCampaignForm(id, language)}` : undefined,
      }),
    });
  }

  /** The campaign's pact document (its latest version), or the campaign page while it has none. */
  @Get(':id/document')
  async document(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { context } = await this.queries.contextOf(id);
    redirectSeeOther(response, typeof context.documentId === 'string' ? `/documents/${context.documentId}` : `/campaigns/${id}`);
  }

  @Get(':id/history')
  async history(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const viewer = await this.shell.viewer(request, response);
    if (!viewer) return;
    const { language } = viewer;
    const [campaign, pinning, events, verdict] = await Promise.all([
      this.queries.detail(id),
      this.reader.pinning(id),
      this.queries.historyOf(id),
      this.queries.verify(id),
    ]);
    // The chain is verified whole; the page shows it HISTORY_PAGE_SIZE events at a time (`?page=`).
    const at = listPage(events.length, HISTORY_PAGE_SIZE, request.query.page);
    const shown = events.slice(at.offset, at.offset + at.size);
    const [people, units] = await Promise.all([
      this.reader.peopleById(shown.flatMap((e) => (e.actor?.personId ? [e.actor.personId] : []))),
      this.reader.unitsById(shown.flatMap((e) => (e.actor?.unitId ? [e.actor.unitId] : []))),
    ]);
    this.shell.send(request, response, viewer, {
      title: wt(language, 'historyTitle', { name: campaign.name }),
      content: campaignHistoryView({ language, campaign, document: pinning.document, events: shown, verdict, people, units, pager: pagerNav(language, at, (page) => `/campaigns/${id}/history?page=${page}`, wt(language, 'historyTitle', { name: campaign.name })) }),
    });
  }
}
