import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { formatDateTime, timeElement } from '../../web/page-format';
import { labelOf, OUTCOME_TEXTS } from '../../web/workflow-web-texts';
import type { SimulationReport } from '../../simulation/simulation.types';
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
  lateShare?: string;
  votesAgainst?: string[];
  declines?: string;
  amends?: string;
  seed?: string;
}

export interface LaunchWizardViewModel {
  language: Language;
  options: LaunchChoices;
  values: LaunchFormValues;
  plan?: LaunchPlan;
  report?: SimulationReport;
  failure?: { message: string; subjects?: Array<{ name: string; message: string }> };
}

const ERROR_ID = 'launch-error';
const selected = (value: string | undefined, option: string) => (value === option ? html` selected` : '');

function hiddenFields(values: LaunchFormValues): SafeHtml {
  return html`${Object.entries(values)
    .flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item] as const) : [[name, value] as const]))
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

/** The dry run's scenario: who is late, who votes against, who declines to sign. */
function rehearsalFields({ language, options, values }: LaunchWizardViewModel): SafeHtml {
  const against = new Set(values.votesAgainst ?? []);
  return html`<fieldset class="rehearsal">
    <legend>${lt(language, 'rehearsalHeading')}</legend>
    <p class="muted">${lt(language, 'rehearsalIntro')}</p>
    <div class="field">
      <label for="launch-late-share">${lt(language, 'lateShare')}</label>
      <input id="launch-late-share" name="lateShare" type="number" min="0" max="100" step="1" value="${values.lateShare ?? '0'}">
    </div>
    <div class="field">
      <label for="launch-votes-against">${lt(language, 'votesAgainst')}</label>
      <select id="launch-votes-against" name="votesAgainst" multiple size="4">
        ${options.units.map((u) => html`<option value="${u.code}"${against.has(u.code) ? html` selected` : ''}>${u.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="launch-declines">${lt(language, 'declines')}</label>
      <select id="launch-declines" name="declines">
        <option value="">${lt(language, 'nobody')}</option>
        ${options.units.map((u) => html`<option value="${u.code}"${selected(values.declines, u.code)}>${u.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="launch-amends">${lt(language, 'amends')}</label>
      <select id="launch-amends" name="amends">
        <option value="">${lt(language, 'nobody')}</option>
        ${options.units.map((u) => html`<option value="${u.code}"${selected(values.amends, u.code)}>${u.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="launch-seed">${lt(language, 'seed')}</label>
      <input id="launch-seed" name="seed" type="number" min="0" step="1" value="${values.seed ?? '1'}">
    </div>
    <button type="submit" name="action" value="simulate">${lt(language, 'simulate')}</button>
  </fieldset>`;
}

const STATUS_TEXT = { running: 'statusRunning', completed: 'statusCompleted', cancelled: 'statusCancelled', refused: 'statusRefused' } as const;

/** A dry run's report: summary, stages with their virtual dates, missed deadlines, and the timeline. */
export function simulationReportView(language: Language, report: SimulationReport): SafeHtml {
  const status = lt(language, STATUS_TEXT[report.status as keyof typeof STATUS_TEXT] ?? 'statusRunning');
  const when = (iso: string | null) => (iso ? timeElement(iso, language) : html`<span class="muted">…</span>`);
  return html`<section aria-labelledby="rehearsal-report-heading" class="rehearsal-report" id="rehearsal-report">
  <h2 id="rehearsal-report-heading">${lt(language, 'reportHeading', { subject: report.subject })}</h2>
  <p id="rehearsal-summary">${lt(language, 'reportSummary', { from: formatDateTime(report.startedAt, language), to: formatDateTime(report.endedAt, language), status, stopped: report.stoppedBecause[language] })}</p>
  <p>${lt(language, 'reportNotices', { reminders: report.remindersSent, notices: report.noticesSent, missed: report.missedDeadlines.length })}</p>
  ${report.lateUnits.length ? html`<p>${lt(language, 'reportLate', { units: report.lateUnits.join(', ') })}</p>` : ''}
  <h3>${lt(language, 'reportStages')}</h3>
  <table id="rehearsal-stages"><thead><tr><th scope="col">${lt(language, 'stage')}</th><th scope="col">${lt(language, 'entered')}</th><th scope="col">${lt(language, 'ended')}</th><th scope="col">${lt(language, 'outcome')}</th></tr></thead>
  <tbody>${report.stages.map((stage) => html`<tr><td>${stage.name[language]}</td><td>${when(stage.enteredAt)}</td><td>${when(stage.completedAt)}</td><td>${stage.outcome ? labelOf(OUTCOME_TEXTS, stage.outcome, language) : ''}</td></tr>`)}</tbody></table>
  ${report.missedDeadlines.length
    ? html`<h3>${lt(language, 'reportMissed')}</h3>
  <table id="rehearsal-missed"><thead><tr><th scope="col">${lt(language, 'assignee')}</th><th scope="col">${lt(language, 'stage')}</th><th scope="col">${lt(language, 'due')}</th><th scope="col">${lt(language, 'done')}</th></tr></thead>
  <tbody>${report.missedDeadlines.map((miss) => html`<tr><td>${miss.assignee}</td><td>${miss.stage[language]}</td><td>${when(miss.dueAt)}</td><td>${miss.doneAt ? when(miss.doneAt) : lt(language, 'notDone')}</td></tr>`)}</tbody></table>`
    : ''}
  <h3>${lt(language, 'reportTimeline')}</h3>
  <table id="rehearsal-timeline"><thead><tr><th scope="col">${lt(language, 'time')}</th><th scope="col">${lt(language, 'event')}</th></tr></thead>
  <tbody>${report.timeline.map((entry) => html`<tr class="timeline-${entry.kind}"><td>${when(entry.at)}</td><td>${entry[language]}</td></tr>`)}</tbody></table>
</section>`;
}

function formView({ language, options, values }: Pick<LaunchWizardViewModel, 'language' | 'options' | 'values'>): SafeHtml {
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
  ${rehearsalFields({ language, options, values })}
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
${plan ? previewView(model, plan) : ''}
${model.report ? simulationReportView(language, model.report) : ''}`;
}
