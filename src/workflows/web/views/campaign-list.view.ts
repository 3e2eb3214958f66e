import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { CampaignDto } from '../../api/dto/campaign.dto';
import { timeElement } from '../page-format';
import { CAMPAIGN_STATUS_TEXTS, labelOf, wt } from '../workflow-web-texts';

export const CAMPAIGN_STATUSES = ['running', 'completed', 'cancelled'] as const;
export type CampaignStatusFilter = (typeof CAMPAIGN_STATUSES)[number];

export interface CampaignListRow {
  campaign: CampaignDto;
  /** Names of the active stages in the page language. */
  currentStages: string[];
}

export interface CampaignListViewModel {
  language: Language;
  rows: CampaignListRow[];
  status?: CampaignStatusFilter;
  /** A confirmation after a launch, and the launch wizard's address for administrators. */
  flash?: string;
  launchHref?: string;
}

/** A campaign's status as a badge whose text says it, colour only helping. */
export function statusBadge(status: string, language: Language): SafeHtml {
  return html`<span class="badge badge-${status}">${labelOf(CAMPAIGN_STATUS_TEXTS, status, language)}</span>`;
}

function filters(model: CampaignListViewModel): SafeHtml {
  const { language } = model;
  const options: Array<[CampaignStatusFilter | undefined, string]> = [
    [undefined, wt(language, 'allStatuses')],
    ...CAMPAIGN_STATUSES.map((s): [CampaignStatusFilter, string] => [s, labelOf(CAMPAIGN_STATUS_TEXTS, s, language)]),
  ];
  const items = options.map(
    ([status, label]) =>
      html`<li><a href="${status ? `/campaigns?status=${status}` : '/campaigns'}"${status === model.status ? html` aria-current="page"` : ''}>${label}</a></li>`,
  );
  return html`<nav class="filters" aria-label="${wt(language, 'campaignsFilter')}"><ul>${items}</ul></nav>`;
}

/** Every campaign, newest first, with its status and where it stands. */
export function campaignListView(model: CampaignListViewModel): SafeHtml {
  const { language } = model;
  const table = model.rows.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="campaigns-heading" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${wt(language, 'name')}</th>
      <th scope="col">${wt(language, 'year')}</th>
      <th scope="col">${wt(language, 'workflow')}</th>
      <th scope="col">${wt(language, 'status')}</th>
      <th scope="col">${wt(language, 'currentStages')}</th>
      <th scope="col">${wt(language, 'launchedAt')}</th>
    </tr></thead>
    <tbody>${model.rows.map(
      ({ campaign, currentStages }) => html`<tr>
      <td><a href="/campaigns/${campaign.id}">${campaign.name}</a></td>
      <td>${campaign.year}</td>
      <td>${campaign.workflowKey} <span class="muted">(${wt(language, 'versionNumber', { number: campaign.workflowVersion })})</span></td>
      <td>${statusBadge(campaign.status, language)}</td>
      <td>${currentStages.length ? html`<ul>${currentStages.map((name) => html`<li>${name}</li>`)}</ul>` : html`<span class="muted">—</span>`}</td>
      <td>${timeElement(campaign.createdAt, language)}</td>
    </tr>`,
    )}</tbody>
  </table>
</div>`
    : html`<p class="muted">${wt(language, 'campaignsEmpty')}</p>`;
  return html`<h1 id="campaigns-heading">${wt(language, 'campaignsTitle')}</h1>
${model.flash ? html`<p class="flash" role="status">${model.flash}</p>` : ''}
${model.launchHref ? html`<p><a href="${model.launchHref}" id="campaigns-launch">${wt(language, 'launchCampaign')}</a></p>` : ''}
${filters(model)}
${table}`;
}
