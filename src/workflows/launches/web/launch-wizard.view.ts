import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { timeElement } from '../../web/page-format';
import type { LaunchChoices, LaunchPlan, LaunchSubjectKind } from '../campaign-launches.service';
import { LAUNCH_SUBJECT_KINDS } from '../campaign-launches.service';
import { lt } from './launch-web-texts';

/** What the wizard's form holds, as posted (strings), so that a preview or a refusal shows it again unchanged. */
export interface LaunchFormValues {
  workflowVersionId?: string;
  year?: string;
  subjectKind?: string;
  clusterId?: string;
  unitId?: string;
  unitType?: string;
  startsOn?: string;
  nameTemplate?: string;
}

export interface LaunchWizardViewModel {
  language: Language;
  options: LaunchChoices;
  values: LaunchFormValues;
  plan?: LaunchPlan;
  failure?: { message: string; subjects?: Array<{ name: string; message: string }> };
}

const ERROR_ID = 'launch-error';
const selected = (value: string | undefined, option: string) => (value === option ? html` selected` : '');

function hiddenFields(values: LaunchFormValues): SafeHtml {
  return html`${Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

function formView({ language, options, values }: LaunchWizardViewModel): SafeHtml {
  const kind = (values.subjectKind ?? 'cluster') as LaunchSubjectKind;
  return html`<form method="post" action="/admin/campaigns/new" class="launch-form">
  <div class="field">
    <label for="launch-workflow">${lt(language, 'workflow')}</label>
    <select id="launch-workflow" name="workflowVersionId" required>
      ${options.workflows.map((w) => html`<option value="${w.versionId}"${selected(values.workflowVersionId, w.versionId)}>${lt(language, 'versionLabel', { name: w.name, version: w.version })}</option>`)}
    </select>
  </div>
  <fieldset>
    <legend>${lt(language, 'subjectKind')}</legend>
    ${LAUNCH_SUBJECT_KINDS.map(
      (option) => html`<div><input type="radio" id="launch-kind-${option}" name="subjectKind" value="${option}"${option === kind ? html` checked` : ''}>
      <label for="launch-kind-${option}">${lt(language, option)}</label></div>`,
    )}
  </fieldset>
  <div class="field">
    <label for="launch-cluster">${lt(language, 'clusterField')}</label>
    <select id="launch-cluster" name="clusterId">
      <option value=""></option>
      ${options.clusters.map((c) => html`<option value="${c.id}"${selected(values.clusterId, c.id)}>${c.name} (${c.year})</option>`)}
    </select>
  </div>
  <div class="field">
    <label for="launch-unit">${lt(language, 'unitField')}</label>
    <select id="launch-unit" name="unitId">
      <option value=""></option>
      ${options.units.map((u) => html`<option value="${u.id}"${selected(values.unitId, u.id)}>${u.name}</option>`)}
    </select>
  </div>
  <div class="field">
    <label for="launch-unit-type">${lt(language, 'unitTypeField')}</label>
    <select id="launch-unit-type" name="unitType">
      <option value=""></option>
      <option value="provincial"${selected(values.unitType, 'provincial')}>${lt(language, 'provincial')}</option>
      <option value="district"${selected(values.unitType, 'district')}>${lt(language, 'district')}</option>
    </select>
  </div>
  <div class="field">
    <label for="launch-year">${lt(language, 'year')}</label>
    <input id="launch-year" name="year" type="number" min="2000" max="2100" required value="${values.year ?? String(options.defaultYear)}">
  </div>
  <div class="field">
    <label for="launch-starts-on">${lt(language, 'startsOn')}</label>
    <input id="launch-starts-on" name="startsOn" type="date" value="${values.startsOn ?? ''}" aria-describedby="launch-starts-on-hint">
    <p class="muted" id="launch-starts-on-hint">${lt(language, 'startsOnHint')}</p>
  </div>
  <div class="field">
    <label for="launch-name">${lt(language, 'nameTemplate')}</label>
    <input id="launch-name" name="nameTemplate" type="text" maxlength="255" value="${values.nameTemplate ?? ''}">
  </div>
  <button type="submit" name="action" value="preview">${lt(language, 'preview')}</button>
</form>`;
}

function previewView(model: LaunchWizardViewModel, plan: LaunchPlan): SafeHtml {
  const { language } = model;
  const refused = plan.subjects.filter((s) => s.outcome === 'refused').length;
  const toLaunch = plan.subjects.filter((s) => s.outcome === 'ready').length;
  return html`<section aria-labelledby="launch-preview-heading" class="launch-preview">
  <h2 id="launch-preview-heading">${lt(language, 'previewHeading', { workflow: `${plan.workflow.name} (${plan.workflow.version})`, year: plan.year })}</h2>
  <p>${lt(language, 'countedFrom')} ${timeElement(plan.countedFrom, language)}.</p>
  <h3>${lt(language, 'schedule')}</h3>
  <div class="table-wrap" role="region" aria-label="${lt(language, 'schedule')}" tabindex="0"><table>
    <thead><tr><th scope="col">${lt(language, 'stage')}</th><th scope="col">${lt(language, 'startsAt')}</th><th scope="col">${lt(language, 'dueAt')}</th><th scope="col">${lt(language, 'reminders')}</th></tr></thead>
    <tbody>${plan.schedule.map(
      (row) => html`<tr><th scope="row">${row.name}</th><td>${timeElement(row.startsAt, language)}</td>
      <td>${row.dueAt ? timeElement(row.dueAt, language) : html`<span class="muted">${lt(language, 'noDue')}</span>`}</td>
      <td>${row.reminders.map((r, i) => html`${i ? ', ' : ''}${timeElement(r, language)}`)}</td></tr>`,
    )}</tbody>
  </table></div>
  <h3>${lt(language, 'pinned')}</h3>
  ${plan.pinned.forms.length + plan.pinned.scoringTables.length
    ? html`<ul>${plan.pinned.forms.map((f) => html`<li>${lt(language, 'pinnedForm', f)}</li>`)}${plan.pinned.scoringTables.map((t) => html`<li>${lt(language, 'pinnedTable', t)}</li>`)}</ul>`
    : html`<p class="muted">${lt(language, 'pinnedNone')}</p>`}
  <h3>${lt(language, 'subjects')}</h3>
  ${refused ? html`<p class="alert" role="alert">${lt(language, 'refusedSummary', { count: refused })}</p>` : ''}
  <ul class="launch-subjects">${plan.subjects.map(
    (s) => html`<li data-outcome="${s.outcome}"><strong>${s.name}</strong> — ${lt(language, s.outcome)}${
      s.campaign ? html` (<a href="/campaigns/${s.campaign.id}">${s.campaign.name}</a>)` : html`: ${s.campaignName}`
    }${s.problem ? html`<br><span class="error-text">${s.problem.message}</span>` : ''}${
      s.firstTasks.length ? html`<ul>${s.firstTasks.map((t) => html`<li>${lt(language, 'taskLine', t)}${t.dueAt ? html` — ${lt(language, 'dueAt')} ${timeElement(t.dueAt, language)}` : ''}</li>`)}</ul>` : ''
    }</li>`,
  )}</ul>
  ${toLaunch && !refused
    ? html`<form method="post" action="/admin/campaigns/new">${hiddenFields(model.values)}<button type="submit" name="action" value="launch">${lt(language, 'launch')} (${toLaunch})</button></form>`
    : !refused ? html`<p class="muted">${lt(language, 'nothingToLaunch')}</p>` : ''}
</section>`;
}

/** The launch wizard: the form, then the preview with the launch button, or the refusal with each subject's reason. */
export function launchWizardView(model: LaunchWizardViewModel): SafeHtml {
  const { language, options, failure, plan } = model;
  return html`<h1>${lt(language, 'title')}</h1>
<p>${lt(language, 'intro')}</p>
${failure ? html`<div class="alert" role="alert" id="${ERROR_ID}"><p>${failure.message}</p>${
    failure.subjects?.length ? html`<ul>${failure.subjects.map((s) => html`<li><strong>${s.name}</strong>: ${s.message}</li>`)}</ul>` : ''
  }</div>` : ''}
${options.workflows.length ? formView(model) : html`<p class="muted">${lt(language, 'noWorkflows')}</p>`}
${plan ? previewView(model, plan) : ''}`;
}
