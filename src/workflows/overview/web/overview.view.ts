import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import { formatDay } from '../../../modules/web/views/home.view';
import { progressText } from '../../web/page-format';
import { statusBadge } from '../../web/views/campaign-list.view';
import type { OverviewCampaignDto, OverviewDto, OverviewGroupDto } from '../overview.dto';
import { ot } from './overview-web-texts';

export interface OverviewViewModel {
  language: Language;
  overview: OverviewDto;
  /** Years with campaigns (and the one shown), newest first. */
  years: number[];
}

function yearPicker(model: OverviewViewModel): SafeHtml {
  const { language } = model;
  return html`<form method="get" action="/admin/overview" class="year-picker">
  <label for="overview-year">${ot(language, 'yearLabel')}</label>
  <select id="overview-year" name="year">${model.years.map((year) => html`<option value="${year}"${year === model.overview.year ? html` selected` : ''}>${year}</option>`)}</select>
  <button type="submit">${ot(language, 'show')}</button>
</form>`;
}

function campaignRow(campaign: OverviewCampaignDto, language: Language): SafeHtml {
  const stages = campaign.currentStages.map(
    (stage) => html`<li><strong>${stage.name}</strong>: ${progressText(stage.progress, language)}${stage.overdue ? html` <span class="badge badge-overdue">${ot(language, 'overdueStage')}</span>` : ''}</li>`,
  );
  return html`<tr>
      <td><a href="/campaigns/${campaign.id}">${campaign.name}</a></td>
      <td>${campaign.workflowName}</td>
      <td>${statusBadge(campaign.status, language)}</td>
      <td>${stages.length ? html`<ul>${stages}</ul>` : html`<span class="muted">—</span>`}</td>
    </tr>`;
}

function groupSection(group: OverviewGroupDto, index: number, language: Language): SafeHtml {
  const id = `overview-group-${index}`;
  return html`<section class="overview-group" aria-labelledby="${id}">
  <h3 id="${id}">${ot(language, group.kind === 'cluster' ? 'clusterGroup' : 'unitGroup', { name: group.name })}</h3>
  <div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
  <table>
    <thead><tr><th scope="col">${ot(language, 'campaign')}</th><th scope="col">${ot(language, 'workflow')}</th><th scope="col">${ot(language, 'status')}</th><th scope="col">${ot(language, 'currentStages')}</th></tr></thead>
    <tbody>${group.campaigns.map((campaign) => campaignRow(campaign, language))}</tbody>
  </table>
  </div>
</section>`;
}

function lateSection(model: OverviewViewModel): SafeHtml {
  const { language, overview } = model;
  const table = overview.lateByUnit.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="overview-late" tabindex="0">
  <table id="overview-late-table">
    <thead><tr><th scope="col">${ot(language, 'unit')}</th><th scope="col">${ot(language, 'overdue')}</th><th scope="col">${ot(language, 'late')}</th><th scope="col">${ot(language, 'places')}</th></tr></thead>
    <tbody>${overview.lateByUnit.map(
      (unit) => html`<tr>
      <td>${unit.unitName}</td>
      <td class="number">${unit.overdue}</td>
      <td class="number">${unit.late}</td>
      <td><ul>${unit.places.map((place) => html`<li><a href="/campaigns/${place.campaignId}">${place.campaignName}</a> / ${place.stageName}: ${ot(language, 'placeCounts', { late: place.late, overdue: place.overdue })}</li>`)}</ul></td>
    </tr>`,
    )}</tbody>
  </table>
</div>`
    : html`<p class="muted">${ot(language, 'noLate')}</p>`;
  return html`<section aria-labelledby="overview-late">
  <h2 id="overview-late">${ot(language, 'lateHeading')}</h2>
  <p>${ot(language, 'lateIntro')}</p>
  ${table}
</section>`;
}

/** The chart (drawn by public/js/overview-chart.js from the JSON beside it) and the same figures as a table. */
function chartSection(model: OverviewViewModel): SafeHtml {
  const { language, overview } = model;
  const heading = html`<h2 id="overview-chart-heading">${ot(language, 'chartHeading')}</h2>`;
  if (!overview.completion.length) return html`<section aria-labelledby="overview-chart-heading">${heading}<p class="muted">${ot(language, 'noTasks')}</p></section>`;
  const data = {
    labels: overview.completion.map((point) => formatDay(point.day, language)),
    datasets: [
      { label: ot(language, 'assigned'), values: overview.completion.map((point) => point.assigned), color: '#6b7280' },
      { label: ot(language, 'completed'), values: overview.completion.map((point) => point.completed), color: '#0b4f8a' },
    ],
  };
  return html`<section class="overview-chart" aria-labelledby="overview-chart-heading">
  ${heading}
  <figure>
    <canvas id="overview-chart" data-overview-chart="overview-chart-data" role="img" aria-label="${ot(language, 'chartHeading')}" height="280"></canvas>
    <figcaption>${ot(language, 'chartCaption')}</figcaption>
  </figure>
  ${jsonScript('overview-chart-data', data)}
  <h3 id="overview-figures">${ot(language, 'tableHeading')}</h3>
  <div class="table-wrap figures" role="region" aria-labelledby="overview-figures" tabindex="0">
  <table id="overview-figures-table">
    <thead><tr><th scope="col">${ot(language, 'day')}</th><th scope="col">${ot(language, 'assigned')}</th><th scope="col">${ot(language, 'completed')}</th></tr></thead>
    <tbody>${overview.completion.map(
      (point) => html`<tr><td><time datetime="${point.day}">${formatDay(point.day, language)}</time></td><td class="number">${point.assigned}</td><td class="number">${point.completed}</td></tr>`,
    )}</tbody>
  </table>
  </div>
</section>`;
}

export function overviewView(model: OverviewViewModel): SafeHtml {
  const { language, overview } = model;
  const totals = overview.totals;
  return html`<h1>${ot(language, 'title', { year: overview.year })}</h1>
${yearPicker(model)}
<p id="overview-summary">${ot(language, 'summary', { ...totals, done: totals.tasksDone })}</p>
${chartSection(model)}
${lateSection(model)}
<section aria-labelledby="overview-campaigns">
  <h2 id="overview-campaigns">${ot(language, 'campaignsHeading')}</h2>
  ${overview.groups.length ? overview.groups.map((group, index) => groupSection(group, index, language)) : html`<p class="muted">${ot(language, 'noCampaigns', { year: overview.year })}</p>`}
</section>`;
}

export const OVERVIEW_PAGE_STYLE = html`<style>
td.number{text-align:right;white-space:nowrap}
.overview-chart{max-width:56rem}
.overview-chart figure{margin:0}
.overview-chart figcaption{font-size:.9rem;margin:.5rem 0}
.table-wrap.figures{max-height:20rem;overflow:auto}
.year-picker{display:flex;gap:.5rem;align-items:center;margin:0 0 1rem}
.badge-overdue{background:#fde2e1;color:#7a1b14}
</style>`;
