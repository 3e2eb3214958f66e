import { Language } from '../../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../../modules/web/html';
import { ScoreMatrixRowDto, ScoreSheetViewDto } from '../score-sheet.dto';
import { timeElement } from '../../../web/page-format';
import { sct } from './score-web-texts';

export interface ScoreSheetPageModel {
  language: Language;
  sheet: ScoreSheetViewDto;
  campaignName: string;
  stageName: string;
  /** Criterion code → its label (code and text) for the evidence list. */
  criteria: Map<string, string>;
  matrixHref: string | null;
  pageData: Record<string, unknown>;
}

const statusText = (status: string, language: Language) =>
  sct(language, status === 'submitted' ? 'statusSubmitted' : status === 'recused' ? 'statusRecused' : 'statusDraft');

/** One scorer's sheet: the facts, the Form.io sheet (filled by the page's script), evidence per criterion, recusal. */
export function scoreSheetView(model: ScoreSheetPageModel): SafeHtml {
  const { language, sheet } = model;
  const scorer = sheet.scorerUnit ? `${sheet.scorerUnit.code} — ${sheet.scorerUnit.name}` : (sheet.scorerPerson ?? '—');
  const evidenceRows = sheet.evidence
    .filter((item) => item.required || item.files.length || sheet.canSubmit)
    .map(
      (item) => html`<tr data-criterion="${item.criterion}">
  <th scope="row">${model.criteria.get(item.criterion) ?? item.criterion}${item.required ? ' *' : ''}</th>
  <td><ul class="evidence-files">${item.files.length ? item.files.map((file) => html`<li><a href="${file.url}">${file.name}</a></li>`) : html`<li class="muted">${sct(language, 'noFiles')}</li>`}</ul></td>
  <td>${sheet.canSubmit
    ? html`<label class="visually-hidden" for="evidence-${item.path}">${sct(language, 'chooseFile', { code: item.criterion })}</label>
<input type="file" id="evidence-${item.path}" class="evidence-input" data-criterion="${item.criterion}" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls">
<button type="button" class="secondary evidence-upload" data-criterion="${item.criterion}" disabled>${sct(language, 'upload')}</button>`
    : ''}</td>
</tr>`,
    );
  const toolbar = sheet.canSubmit
    ? html`<div class="form-toolbar">
  <button type="button" id="save-draft" class="secondary" disabled>${sct(language, 'saveDraft')}</button>
  <button type="button" id="submit-sheet" disabled>${sct(language, 'submit')}</button>
</div>`
    : '';
  const recusal = sheet.canRecuse
    ? html`<section aria-labelledby="recusal-heading" id="recusal">
  <h2 id="recusal-heading">${sct(language, 'recusalHeading')}</h2>
  <p>${sct(language, 'recusalIntro')}</p>
  <label for="recusal-reason">${sct(language, 'recusalReason')}</label>
  <textarea id="recusal-reason" rows="3" maxlength="2000"></textarea>
  <p><button type="button" id="recuse" class="secondary" disabled>${sct(language, 'recuse')}</button></p>
</section>`
    : '';
  return html`<p><a href="/inbox">${sct(language, 'backToInbox')}</a>${model.matrixHref ? html` · <a href="${model.matrixHref}">${sct(language, 'matrixLink')}</a>` : ''}</p>
<h1>${sct(language, 'sheetTitle', { unit: sheet.scoredUnit.name })}</h1>
<dl class="facts">
  <dt>${sct(language, 'campaign')}</dt><dd><a href="/campaigns/${sheet.campaignId}">${model.campaignName}</a></dd>
  <dt>${sct(language, 'stage')}</dt><dd>${model.stageName}</dd>
  <dt>${sct(language, 'scorer')}</dt><dd>${scorer}</dd>
  <dt>${sct(language, 'scored')}</dt><dd>${sheet.scoredUnit.code} — ${sheet.scoredUnit.name}</dd>
  <dt>${sct(language, 'table')}</dt><dd>${sct(language, 'tableVersion', { key: sheet.tableKey, number: sheet.tableVersionNumber })}</dd>
  <dt>${sct(language, 'dueAt')}</dt><dd>${sheet.dueAt ? timeElement(sheet.dueAt, language) : sct(language, 'noDue')}</dd>
  <dt>${sct(language, 'status')}</dt><dd><span id="sheet-status">${statusText(sheet.status, language)}</span>${sheet.late ? html` <span class="badge badge-late">${sct(language, 'late')}</span>` : ''}</dd>
  <dt>${sct(language, 'total')}</dt><dd id="sheet-total">${sheet.totalText ?? '—'}</dd>
</dl>
${sheet.recusalReason ? html`<p class="form-status">${sct(language, 'recusedBecause', { reason: sheet.recusalReason })}</p>` : ''}
${!sheet.canSubmit && !sheet.recusalReason ? html`<p class="form-status">${sct(language, 'readOnly')}</p>` : ''}
<div id="form-status" class="form-status" role="status" aria-live="polite"></div>
<div id="score-sheet" class="formio-host"><p class="muted">${sct(language, 'loading')}</p></div>
${toolbar}
<section aria-labelledby="evidence-heading">
  <h2 id="evidence-heading">${sct(language, 'evidenceHeading')}</h2>
  <p>${sct(language, 'evidenceIntro')}</p>
  <table class="evidence">
    <thead><tr><th scope="col">${sct(language, 'criterion')}</th><th scope="col">${sct(language, 'files')}</th><th scope="col"></th></tr></thead>
    <tbody>${evidenceRows}</tbody>
  </table>
</section>
${recusal}
${jsonScript('page-data', model.pageData)}`;
}

export interface ScoreMatrixPageModel {
  language: Language;
  campaign: { id: string; name: string };
  rows: ScoreMatrixRowDto[];
  stageNames: Map<string, string>;
}

/** Who has scored whom, per score stage: status, total, late, recusal reason; names, never ids. */
export function scoreMatrixView(model: ScoreMatrixPageModel): SafeHtml {
  const { language, rows } = model;
  const stages = [...new Set(rows.map((row) => row.stageKey))];
  const sections = stages.map((stageKey) => {
    const stageRows = rows.filter((row) => row.stageKey === stageKey);
    const count = (status: string) => stageRows.filter((row) => row.status === status).length;
    return html`<section aria-labelledby="stage-${stageKey}">
  <h2 id="stage-${stageKey}">${model.stageNames.get(stageKey) ?? stageKey}</h2>
  <p>${sct(language, 'matrixSummary', { submitted: count('submitted'), total: stageRows.length, recused: count('recused'), late: stageRows.filter((row) => row.late).length })}</p>
  <table class="score-matrix">
    <thead><tr><th scope="col">${sct(language, 'scorer')}</th><th scope="col">${sct(language, 'scored')}</th><th scope="col">${sct(language, 'status')}</th><th scope="col">${sct(language, 'total')}</th><th scope="col">${sct(language, 'recusalReason')}</th></tr></thead>
    <tbody>${stageRows.map(
      (row) => html`<tr class="status-${row.status}">
  <td>${row.scorer}</td><td>${row.scoredUnit}</td>
  <td>${statusText(row.status, language)}${row.late ? html` <span class="badge badge-late">${sct(language, 'late')}</span>` : ''}</td>
  <td>${row.totalText ?? '—'}</td><td>${row.recusalReason ?? ''}</td>
</tr>`,
    )}</tbody>
  </table>
</section>`;
  });
  return html`<p><a href="/campaigns/${model.campaign.id}">${sct(language, 'backToCampaign')}</a></p>
<h1>${sct(language, 'matrixTitle', { campaign: model.campaign.name })}</h1>
<p>${sct(language, 'matrixIntro')}</p>
${rows.length ? sections : html`<p class="muted">${sct(language, 'matrixEmpty')}</p>`}`;
}

export const SCORE_PAGE_STYLE = html`<style>
table.evidence,table.score-matrix{width:100%;border-collapse:collapse;margin:.5rem 0 1.5rem}
table.evidence th,table.evidence td,table.score-matrix th,table.score-matrix td{border-bottom:1px solid #c9ccd1;padding:.4rem .5rem;text-align:left;vertical-align:top}
.evidence-files{margin:0;padding-left:1rem}
tr.status-recused td{background:#fff7e0}
#recusal textarea{width:100%}
</style>`;
