import { Language } from '../../../common/i18n/language';
import type { ClusterDto } from '../../../modules/org/dto/cluster.dto';
import type { UnitDto, UnitRefDto } from '../../../modules/org/dto/unit.dto';
import { html, SafeHtml } from '../../../modules/web/html';
import { timeElement } from '../../web/page-format';
import { organisationTabs } from './organisation-tabs.view';
import { clustert } from './cluster-web-texts';

export const CLUSTERS_PATH = '/admin/org/clusters';

/** What a unit's record says for the year before a cluster's year: the cluster head and deputy rule reads it. */
export type EvaluationStatus = 'evaluated' | 'not-evaluated' | 'no-record';

/** What the add and edit forms post, as typed (kept when a refusal shows the page again). */
export interface ClusterFormValues {
  name?: string;
  year?: string;
  memberUnitIds?: string[];
  headUnitId?: string;
  deputyUnitId?: string;
}

/** The units a form offers, with their record for the year before the cluster's year. */
export interface UnitChoices {
  /** Active units (and, when editing, the cluster's own archived members), by name. */
  units: UnitDto[];
  /** The recorded evaluations of the year before, by unit id. */
  evaluations: ReadonlyMap<string, boolean>;
}

export interface ClusterYearViewModel extends UnitChoices {
  language: Language;
  year: number;
  /** Every year that has a cluster, newest first. */
  years: number[];
  clusters: ClusterDto[];
  includeArchived: boolean;
  values: ClusterFormValues;
  flash?: string;
  failure?: string;
}

export interface ClusterPageViewModel extends UnitChoices {
  language: Language;
  cluster: ClusterDto;
  values: ClusterFormValues;
  flash?: string;
  failure?: string;
}

/** The cluster pages' own rules: the member checkboxes scroll inside their fieldset, the rule stands out. */
export const CLUSTER_PAGE_STYLE = html`<style>
  .cluster-form { max-width: 48rem; }
  .cluster-form input[type=number] { display: block; font: inherit; padding: 0.5rem 0.65rem; border: 2px solid #4b4f56; border-radius: 0.3rem; background: #fff; color: #1b1b1b; }
  .cluster-form select { display: block; max-width: 100%; }
  .member-choices { max-height: 24rem; overflow-y: auto; }
  .member-choices .choice { align-items: flex-start; }
  .member-choices .evaluation { display: block; font-weight: 400; color: #3b3f45; }
  .cluster-rule { border-left: 6px solid #0b4f8a; background: #e7f0f8; color: #063563; padding: 0.75rem 1rem; margin: 0 0 1.25rem; border-radius: 0.25rem; }
  .cluster-rule h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
  .cluster-rule p { margin: 0.25rem 0; }
  .cluster { background: #fff; border: 1px solid #c9ccd1; border-radius: 0.5rem; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
  .cluster h2 { margin: 0 0 0.5rem; font-size: 1.2rem; }
  .year-choice { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 0 0 1rem; }
  .year-choice .field { margin: 0; }
  .year-choice input[type=number] { width: 8rem; font: inherit; padding: 0.45rem 0.6rem; border: 2px solid #4b4f56; border-radius: 0.3rem; }
  .evaluation-not-evaluated { font-weight: 700; color: #8a0014; }
</style>`;

export const unitLabel = (unit: Pick<UnitRefDto, 'name' | 'code'>): string => `${unit.name} (${unit.code})`;

export function evaluationStatus(evaluations: ReadonlyMap<string, boolean>, unitId: string): EvaluationStatus {
  const evaluated = evaluations.get(unitId);
  return evaluated === undefined ? 'no-record' : evaluated ? 'evaluated' : 'not-evaluated';
}

const STATUS_TEXT = { evaluated: 'evaluated', 'not-evaluated': 'notEvaluated', 'no-record': 'noRecord' } as const;
const STATUS_LONG_TEXT = { evaluated: 'evaluatedLong', 'not-evaluated': 'notEvaluatedLong', 'no-record': 'noRecordLong' } as const;

/** A unit's record in words; a unit barred from leading is said so in bold, never by colour alone. */
function statusText(language: Language, status: EvaluationStatus): SafeHtml {
  const words = clustert(language, STATUS_TEXT[status]);
  return status === 'not-evaluated' ? html`<strong class="evaluation-not-evaluated">${words}</strong>` : html`${words}`;
}

function flashAndFailure(flash: string | undefined, failure: string | undefined): SafeHtml {
  return html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}${failure ? html`<div class="alert" role="alert" id="cluster-error"><p>${failure}</p></div>` : ''}`;
}

const archivedBadge = (language: Language) => html` <span class="badge badge-cancelled">${clustert(language, 'archivedBadge')}</span>`;

function ruleSection(language: Language, year: number): SafeHtml {
  return html`<section class="cluster-rule" aria-labelledby="cluster-rule-heading">
  <h2 id="cluster-rule-heading">${clustert(language, 'ruleHeading')}</h2>
  <p>${clustert(language, 'rule', { year, previous: year - 1 })}</p>
  <p>${clustert(language, 'ruleOffered')}</p>
</section>`;
}

function leaderText(language: Language, unit: UnitRefDto | null): SafeHtml {
  return unit ? html`<a href="/admin/org/units/${unit.id}">${unit.name}</a>` : html`<span class="muted">${clustert(language, 'notAppointed')}</span>`;
}

/** The members with their role in the cluster and their record of the year before. */
function membersTable(language: Language, cluster: ClusterDto, evaluations: ReadonlyMap<string, boolean>): SafeHtml {
  if (!cluster.members.length) return html`<p class="muted">${clustert(language, 'noMembers')}</p>`;
  const role = (unit: UnitRefDto) =>
    unit.id === cluster.headUnit?.id ? html`<strong>${clustert(language, 'head')}</strong>` : unit.id === cluster.deputyUnit?.id ? html`<strong>${clustert(language, 'deputy')}</strong>` : clustert(language, 'member');
  const members = [...cluster.members].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return html`<div class="table-wrap" role="region" aria-label="${clustert(language, 'members')}: ${cluster.name}" tabindex="0"><table>
  <caption class="visually-hidden">${clustert(language, 'members')}: ${cluster.name}</caption>
  <thead><tr>
    <th scope="col">${clustert(language, 'unit')}</th>
    <th scope="col">${clustert(language, 'roleInCluster')}</th>
    <th scope="col">${clustert(language, 'evaluationIn', { year: cluster.year - 1 })}</th>
  </tr></thead>
  <tbody>${members.map(
    (unit) => html`<tr data-unit="${unit.code}">
      <th scope="row"><a href="/admin/org/units/${unit.id}">${unit.name}</a></th>
      <td>${role(unit)}</td>
      <td>${statusText(language, evaluationStatus(evaluations, unit.id))}</td>
    </tr>`,
  )}</tbody>
</table></div>`;
}

function clusterFacts(language: Language, cluster: ClusterDto): SafeHtml {
  return html`<dl class="facts">
  <dt>${clustert(language, 'head')}</dt><dd data-role="head">${leaderText(language, cluster.headUnit)}</dd>
  <dt>${clustert(language, 'deputy')}</dt><dd data-role="deputy">${leaderText(language, cluster.deputyUnit)}</dd>
  <dt>${clustert(language, 'members')}</dt><dd>${clustert(language, 'membersCount', { count: cluster.members.length })}</dd>
</dl>`;
}

/** The member checkboxes, each unit with its record of the year before in words. */
function memberChoices(language: Language, year: number, choices: UnitChoices, chosen: ReadonlySet<string>): SafeHtml {
  const longText = (status: EvaluationStatus) => clustert(language, STATUS_LONG_TEXT[status], { year: year - 1 });
  return html`<fieldset class="member-choices" aria-describedby="cluster-members-hint">
  <legend>${clustert(language, 'memberChoice')}</legend>
  <p class="muted" id="cluster-members-hint">${clustert(language, 'memberChoiceHint')}</p>
  ${choices.units.map((unit) => {
    const status = evaluationStatus(choices.evaluations, unit.id);
    return html`<div class="choice"><input type="checkbox" id="member-${unit.id}" name="memberUnitIds" value="${unit.id}"${chosen.has(unit.id) ? html` checked` : ''}><label for="member-${unit.id}">${unitLabel(unit)}${
      unit.archivedAt ? html` ${clustert(language, 'unitArchived')}` : ''
    }<span class="evaluation${status === 'not-evaluated' ? ' evaluation-not-evaluated' : ''}">${longText(status)}</span></label></div>`;
  })}
</fieldset>`;
}

/**
 * A head or deputy choice: units barred by the rule are not offered, except the one already appointed (shown with why,
 * so that saving keeps it and the server says what is wrong, rather than the form quietly clearing it).
 * Members come first when the form knows them.
 */
function leaderSelect(language: Language, field: 'headUnitId' | 'deputyUnitId', year: number, choices: UnitChoices, members: ReadonlySet<string>, chosen: string | undefined): SafeHtml {
  const id = field === 'headUnitId' ? 'cluster-head' : 'cluster-deputy';
  const offered = choices.units.filter((unit) => !unit.archivedAt && (evaluationStatus(choices.evaluations, unit.id) !== 'not-evaluated' || unit.id === chosen));
  const option = (unit: UnitDto) => {
    const barred = evaluationStatus(choices.evaluations, unit.id) === 'not-evaluated';
    return html`<option value="${unit.id}"${unit.id === chosen ? html` selected` : ''}>${unitLabel(unit)}${barred ? ` — ${clustert(language, 'notEvaluatedLong', { year: year - 1 })}` : ''}</option>`;
  };
  const inCluster = offered.filter((unit) => members.has(unit.id));
  const others = offered.filter((unit) => !members.has(unit.id));
  const options = inCluster.length
    ? html`<optgroup label="${clustert(language, 'members')}">${inCluster.map(option)}</optgroup>${others.length ? html`<optgroup label="${clustert(language, 'otherUnits')}">${others.map(option)}</optgroup>` : ''}`
    : html`${others.map(option)}`;
  return html`<div class="field">
    <label for="${id}">${clustert(language, field === 'headUnitId' ? 'head' : 'deputy')}</label>
    <select id="${id}" name="${field}" aria-describedby="cluster-leader-hint">
      <option value="">${clustert(language, 'noLeader')}</option>
      ${options}
    </select>
  </div>`;
}

function clusterFormFields(language: Language, year: number, choices: UnitChoices, values: Required<Pick<ClusterFormValues, 'name' | 'year'>> & ClusterFormValues): SafeHtml {
  const members = new Set(values.memberUnitIds ?? []);
  return html`<div class="field">
      <label for="cluster-name">${clustert(language, 'name')}</label>
      <input id="cluster-name" name="name" type="text" required maxlength="255" value="${values.name}">
    </div>
    <div class="field">
      <label for="cluster-year">${clustert(language, 'year')}</label>
      <input id="cluster-year" name="year" type="number" min="1945" max="2200" required value="${values.year}" aria-describedby="cluster-year-hint">
      <p class="muted" id="cluster-year-hint">${clustert(language, 'yearHint', { previous: year - 1 })}</p>
    </div>
    ${memberChoices(language, year, choices, members)}
    <p class="muted" id="cluster-leader-hint">${clustert(language, 'leaderHint')}</p>
    ${leaderSelect(language, 'headUnitId', year, choices, members, values.headUnitId)}
    ${leaderSelect(language, 'deputyUnitId', year, choices, members, values.deputyUnitId)}`;
}

function yearChoice(language: Language, year: number, years: number[], includeArchived: boolean): SafeHtml {
  const archived = includeArchived ? '&archived=1' : '';
  const link = (target: number, label: string) => html`<li><a href="${CLUSTERS_PATH}?year=${target}${archived}"${target === year ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<form method="get" action="${CLUSTERS_PATH}" class="year-choice" role="search" aria-label="${clustert(language, 'yearChoice')}">
  <div class="field">
    <label for="cluster-year-choice">${clustert(language, 'year')}</label>
    <input id="cluster-year-choice" name="year" type="number" min="1945" max="2200" required value="${year}">
  </div>
  ${includeArchived ? html`<input type="hidden" name="archived" value="1">` : ''}
  <button type="submit" class="secondary">${clustert(language, 'show')}</button>
</form>
<nav class="filters" aria-label="${clustert(language, 'yearsWithClusters')}"><ul>
  ${link(year - 1, clustert(language, 'previousYear', { year: year - 1 }))}
  ${years.filter((candidate) => Math.abs(candidate - year) !== 1).map((candidate) => link(candidate, String(candidate)))}
  ${link(year + 1, clustert(language, 'nextYear', { year: year + 1 }))}
</ul></nav>
<nav class="filters" aria-label="${clustert(language, 'viewChoice')}"><ul>
  <li><a href="${CLUSTERS_PATH}?year=${year}"${includeArchived ? '' : html` aria-current="page"`}>${clustert(language, 'activeOnly')}</a></li>
  <li><a href="${CLUSTERS_PATH}?year=${year}&archived=1"${includeArchived ? html` aria-current="page"` : ''}>${clustert(language, 'withArchived')}</a></li>
</ul></nav>`;
}

/** /admin/org/clusters?year=: the year's clusters with their members, head, deputy and the rule, and the form to add one. */
export function clusterYearView(model: ClusterYearViewModel): SafeHtml {
  const { language, year, clusters } = model;
  const list = clusters.length
    ? html`<p class="muted">${clustert(language, 'count', { year, count: clusters.length })}</p>${clusters.map(
        (cluster) => html`<section class="cluster" data-cluster="${cluster.name}" aria-labelledby="cluster-${cluster.id}">
  <h2 id="cluster-${cluster.id}"><a href="${CLUSTERS_PATH}/${cluster.id}">${cluster.name}</a>${cluster.archivedAt ? archivedBadge(language) : ''}</h2>
  ${clusterFacts(language, cluster)}
  ${membersTable(language, cluster, model.evaluations)}
</section>`,
      )}`
    : html`<p class="muted">${clustert(language, 'none', { year })}</p>`;
  return html`<h1>${clustert(language, 'title', { year })}</h1>
${organisationTabs(language, CLUSTERS_PATH)}
${flashAndFailure(model.flash, model.failure)}
<p>${clustert(language, 'intro')}</p>
${yearChoice(language, year, model.years, model.includeArchived)}
${ruleSection(language, year)}
${list}
<section aria-labelledby="cluster-add-heading">
  <h2 id="cluster-add-heading">${clustert(language, 'addHeading')}</h2>
  <form method="post" action="${CLUSTERS_PATH}" class="cluster-form">
    ${clusterFormFields(language, year, model, { ...model.values, name: model.values.name ?? '', year: model.values.year ?? String(year) })}
    <button type="submit">${clustert(language, 'addButton')}</button>
  </form>
</section>`;
}

function editSection(model: ClusterPageViewModel): SafeHtml {
  const { language, cluster, values } = model;
  if (cluster.archivedAt) return html`<h2>${clustert(language, 'editHeading')}</h2><p class="muted">${clustert(language, 'editArchived')}</p>`;
  const current: ClusterFormValues = {
    name: values.name ?? cluster.name,
    year: values.year ?? String(cluster.year),
    memberUnitIds: values.memberUnitIds ?? cluster.members.map((unit) => unit.id),
    headUnitId: values.headUnitId ?? cluster.headUnit?.id ?? '',
    deputyUnitId: values.deputyUnitId ?? cluster.deputyUnit?.id ?? '',
  };
  return html`<section aria-labelledby="cluster-edit-heading">
  <h2 id="cluster-edit-heading">${clustert(language, 'editHeading')}</h2>
  <form method="post" action="${CLUSTERS_PATH}/${cluster.id}" class="cluster-form">
    ${clusterFormFields(language, cluster.year, model, { ...current, name: current.name!, year: current.year! })}
    <button type="submit">${clustert(language, 'saveButton')}</button>
  </form>
</section>`;
}

function archiveSection(model: ClusterPageViewModel): SafeHtml {
  const { language, cluster } = model;
  if (cluster.archivedAt) {
    return html`<section aria-labelledby="cluster-restore-heading">
  <h2 id="cluster-restore-heading">${clustert(language, 'restoreHeading')}</h2>
  <p>${clustert(language, 'restoreAbout')}</p>
  <form method="post" action="${CLUSTERS_PATH}/${cluster.id}/restore"><button type="submit">${clustert(language, 'restoreButton')}</button></form>
</section>`;
  }
  return html`<section aria-labelledby="cluster-archive-heading">
  <h2 id="cluster-archive-heading">${clustert(language, 'archiveHeading')}</h2>
  <p>${clustert(language, 'archiveAbout')}</p>
  <form method="post" action="${CLUSTERS_PATH}/${cluster.id}/archive">
    <div class="choice"><input type="checkbox" id="cluster-archive-confirm" name="confirm" value="yes" required><label for="cluster-archive-confirm">${clustert(language, 'archiveConfirm', { name: cluster.name, year: cluster.year })}</label></div>
    <button type="submit">${clustert(language, 'archiveButton')}</button>
  </form>
</section>`;
}

/** /admin/org/clusters/:id: the cluster, its members with their record, the rule, and the forms that change it. */
export function clusterPageView(model: ClusterPageViewModel): SafeHtml {
  const { language, cluster } = model;
  return html`<h1>${cluster.name} (${cluster.year})${cluster.archivedAt ? archivedBadge(language) : ''}</h1>
${organisationTabs(language, CLUSTERS_PATH)}
${flashAndFailure(model.flash, model.failure)}
<p><a href="${CLUSTERS_PATH}?year=${cluster.year}">${clustert(language, 'backToYear', { year: cluster.year })}</a></p>
${clusterFacts(language, cluster)}
<dl class="facts">
  <dt>${clustert(language, 'status')}</dt><dd>${cluster.archivedAt ? html`${clustert(language, 'archivedSince')} ${timeElement(cluster.archivedAt, language)}` : clustert(language, 'active')}</dd>
</dl>
${membersTable(language, cluster, model.evaluations)}
${ruleSection(language, cluster.year)}
${editSection(model)}
${archiveSection(model)}`;
}
