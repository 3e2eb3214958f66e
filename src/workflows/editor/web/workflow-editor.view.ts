import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import { ROLE_ASSIGNEES } from '../../definitions/workflow-document';
import { ROLE_ASSIGNEE_TEXTS, STAGE_TYPE_TEXTS } from '../../web/workflow-web-texts';
import type { WorkflowDiffDto } from '../dto/workflow-check.dto';
import type { WorkflowEditorEntry } from '../workflow-editor.service';
import { editorScriptTexts, et } from './workflow-editor-texts';
import { workflowVocabulary } from './workflow-vocabulary';

function versionsCell(entry: WorkflowEditorEntry, language: Language): SafeHtml {
  if (!entry.versions.length) return html`<span class="muted">${et(language, 'noVersions')}</span>`;
  return html`<ul>${entry.versions.map(
    (v) => html`<li><a href="/workflow-versions/${v.versionId}">${et(language, 'versionRuns', { ...v })}</a>${
      v.number > 1 ? html` — <a href="/admin/workflows/${entry.id}/diff?from=${v.number - 1}&amp;to=${v.number}">${et(language, 'compare')}</a>` : ''
    }</li>`,
  )}</ul>`;
}

function copyForm(entry: WorkflowEditorEntry, language: Language): SafeHtml {
  return html`<form method="post" action="/admin/workflows/${entry.id}/copy" class="inline-form">
    <fieldset><legend>${et(language, 'copyLegend')}: ${entry.name}</legend>
      <label for="copy-key-${entry.id}">${et(language, 'newKey')}</label>
      <input id="copy-key-${entry.id}" name="key" required pattern="[a-z][a-z0-9\\-]{1,99}" value="${entry.key}-2">
      <label for="copy-name-${entry.id}">${et(language, 'newName')}</label>
      <input id="copy-name-${entry.id}" name="name" required maxlength="255" value="${entry.name} (2)">
      <button type="submit">${et(language, 'copy')}</button>
    </fieldset>
  </form>`;
}

/** Every workflow with its versions and the campaigns pinned to each; edit, copy, or create one. */
export function workflowListView(language: Language, entries: WorkflowEditorEntry[], failure?: string): SafeHtml {
  return html`<h1 id="workflows-heading">${et(language, 'listTitle')}</h1>
<p>${et(language, 'listIntro')}</p>
${failure ? html`<p class="alert" role="alert">${failure}</p>` : ''}
<div class="table-wrap" role="region" aria-labelledby="workflows-heading" tabindex="0"><table>
  <thead><tr><th scope="col">${et(language, 'name')}</th><th scope="col">${et(language, 'key')}</th><th scope="col">${et(language, 'versions')}</th><th scope="col">${et(language, 'actions')}</th></tr></thead>
  <tbody>${entries.map(
    (entry) => html`<tr>
    <th scope="row">${entry.name}${entry.builtIn ? html` <span class="badge">${et(language, 'builtIn')}</span>` : ''}</th>
    <td><code>${entry.key}</code></td>
    <td>${versionsCell(entry, language)}</td>
    <td><p><a href="/admin/workflows/${entry.id}">${entry.builtIn ? et(language, 'view') : et(language, 'edit')}</a></p>${copyForm(entry, language)}</td>
  </tr>`,
  )}</tbody>
</table></div>
<form method="post" action="/admin/workflows" class="inline-form">
  <fieldset><legend>${et(language, 'createLegend')}</legend>
    <label for="create-key">${et(language, 'key')}</label><input id="create-key" name="key" required pattern="[a-z][a-z0-9\\-]{1,99}">
    <label for="create-name">${et(language, 'name')}</label><input id="create-name" name="name" required maxlength="255">
    <button type="submit">${et(language, 'create')}</button>
  </fieldset>
</form>`;
}

export interface WorkflowEditorViewModel {
  language: Language;
  entry: WorkflowEditorEntry;
  draft: unknown;
  stageTypes: string[];
  /** Each stage type's outcomes (the first is the one a new stage's "then" follows). */
  outcomes: Record<string, string[]>;
}

/** The editor: the draft's JSON, its problems and diagram as it changes, a panel that adds a stage, save and publish. */
export function workflowEditorView({ language, entry, draft, stageTypes, outcomes }: WorkflowEditorViewModel): SafeHtml {
  const readOnly = entry.builtIn;
  const stageOption = (type: string) => html`<option value="${type}">${STAGE_TYPE_TEXTS[type]?.[language] ?? type} (${type})</option>`;
  return html`<h1>${entry.name} <code>${entry.key}</code></h1>
<p>${readOnly ? et(language, 'builtInReadOnly') : et(language, 'editorIntro')}</p>
<p id="editor-status" role="status" aria-live="polite"></p>
<div class="editor-grid">
  <section aria-labelledby="draft-heading">
    <h2 id="draft-heading"><label for="workflow-json">${et(language, 'draftLabel')}</label></h2>
    <p id="completion-hint" class="muted">${et(language, 'completionHint')}</p>
    <textarea id="workflow-json" rows="28" spellcheck="false" autocomplete="off" aria-describedby="completion-hint"${readOnly ? html` readonly` : ''}>${JSON.stringify(draft, null, 2)}</textarea>
    ${readOnly ? '' : html`<p><button type="button" id="save-draft" disabled>${et(language, 'save')}</button> <button type="button" id="publish" disabled>${et(language, 'publish')}</button></p>`}
    <h2 id="problems-heading">${et(language, 'problems')}</h2>
    <ul id="problems" aria-labelledby="problems-heading"></ul>
  </section>
  <section aria-labelledby="diagram-heading">
    <h2 id="diagram-heading">${et(language, 'diagram')}</h2>
    <div id="diagram" class="diagram" role="img" aria-label="${et(language, 'diagram')}"></div>
    <details><summary>${et(language, 'diagramSource')}</summary><pre id="diagram-source" tabindex="0"></pre></details>
  </section>
</div>
${readOnly ? '' : html`<form id="add-stage" class="add-stage">
  <fieldset><legend>${et(language, 'addStage')}</legend>
    <div class="field"><label for="stage-key">${et(language, 'stageKey')}</label><input id="stage-key" name="key" required pattern="[a-z][a-z0-9\\-]*"></div>
    <div class="field"><label for="stage-type">${et(language, 'stageType')}</label><select id="stage-type" name="type">${stageTypes.map(stageOption)}</select></div>
    <div class="field"><label for="stage-name">${et(language, 'stageName')}</label><input id="stage-name" name="name"></div>
    <div class="field"><label for="stage-assignee">${et(language, 'assignee')}</label><select id="stage-assignee" name="assignee"><option value="">${et(language, 'noAssignee')}</option>${ROLE_ASSIGNEES.map((role) => html`<option value="${role}">${ROLE_ASSIGNEE_TEXTS[role][language]}</option>`)}</select></div>
    <div class="field"><input type="checkbox" id="stage-fan-out" name="fanOut" value="each-member"> <label for="stage-fan-out">${et(language, 'fanOut')}</label></div>
    <div class="field"><label for="stage-due">${et(language, 'dueWorkingDays')}</label><input id="stage-due" name="due" type="number" min="1" max="365"></div>
    <div class="field"><label for="stage-after">${et(language, 'after')}</label><select id="stage-after" name="after"></select>
      <label for="stage-outcome">${et(language, 'afterOutcome')}</label><input id="stage-outcome" name="outcome"></div>
    <div class="field"><label for="stage-then">${et(language, 'then')}</label><select id="stage-then" name="then"></select></div>
    <button type="submit" id="add-stage-button" disabled>${et(language, 'addStage')}</button>
  </fieldset>
</form>`}
${jsonScript('page-data', { definitionId: entry.id, language, readOnly, outcomes, vocabulary: workflowVocabulary(language, stageTypes), texts: editorScriptTexts(language) })}`;
}

/** Two versions of a workflow side by side: the pickers, then the start, the stages added, removed and changed. */
export function workflowDiffView(language: Language, entry: WorkflowEditorEntry, diff: WorkflowDiffDto): SafeHtml {
  const picker = (name: 'from' | 'to', chosen: number) => html`<label for="diff-${name}">${et(language, name === 'from' ? 'diffFrom' : 'diffTo')}</label>
    <select id="diff-${name}" name="${name}">${entry.versions.map((v) => html`<option value="${v.number}"${v.number === chosen ? html` selected` : ''}>${v.number}</option>`)}</select>`;
  const value = (json: string | null) => (json === null ? html`<span class="muted">${et(language, 'absent')}</span>` : html`<code>${json}</code>`);
  const stageList = (stages: Array<{ key: string; type: string }>) => html`<ul>${stages.map((s) => html`<li><code>${s.key}</code> (${s.type})</li>`)}</ul>`;
  const empty = !diff.start && !diff.added.length && !diff.removed.length && !diff.changed.length;
  return html`<h1>${et(language, 'diffTitle', { name: entry.name, from: diff.fromVersion, to: diff.toVersion })}</h1>
<form method="get" action="/admin/workflows/${entry.id}/diff" class="inline-form"><fieldset><legend>${et(language, 'diffShow')}</legend>
  ${picker('from', diff.fromVersion)} ${picker('to', diff.toVersion)} <button type="submit">${et(language, 'diffShow')}</button>
</fieldset></form>
${empty ? html`<p class="muted">${et(language, 'diffNone')}</p>` : ''}
${diff.start ? html`<p>${et(language, 'diffStart', { ...diff.start })}</p>` : ''}
${diff.added.length ? html`<h2>${et(language, 'diffAdded')}</h2>${stageList(diff.added)}` : ''}
${diff.removed.length ? html`<h2>${et(language, 'diffRemoved')}</h2>${stageList(diff.removed)}` : ''}
${diff.changed.length ? html`<h2 id="changed-heading">${et(language, 'diffChanged')}</h2>${diff.changed.map(
    (stage) => html`<div class="table-wrap" role="region" aria-label="${stage.key}" tabindex="0"><table>
  <caption><code>${stage.key}</code></caption>
  <thead><tr><th scope="col">${et(language, 'property')}</th><th scope="col">${et(language, 'beforeValue')}</th><th scope="col">${et(language, 'afterValue')}</th></tr></thead>
  <tbody>${stage.changes.map((c) => html`<tr><th scope="row">${c.property}</th><td>${value(c.from)}</td><td>${value(c.to)}</td></tr>`)}</tbody>
</table></div>`,
  )}` : ''}`;
}
