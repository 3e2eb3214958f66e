import { Language } from '../../../common/i18n/language';
import type { CsvRowErrorDto } from '../../../modules/org/csv-problems';
import type { CsvRecord } from '../../../modules/org/csv-table';
import { MANDATE_ROLES } from '../../../modules/org/entities/mandate.entity';
import { PASSWORD_MIN_LENGTH } from '../../../modules/org/org-formats';
import { html, SafeHtml } from '../../../modules/web/html';
import { MANDATE_ROLE_TEXTS } from '../../../modules/web/web-texts';
import { formatDateTime, timeElement } from '../../web/page-format';
import { IMPORT_KINDS, ImportKind } from '../import-progress';
import { IMPORT_COLUMNS } from '../import-progress.service';
import type { ImportRecord } from '../import-progress.store';
import { organisationTabs } from './organisation-tabs.view';
import { importt, ImportWebText } from './import-web-texts';

export const IMPORTS_PATH = '/admin/org/imports';

/** The page's script: the upload's and the server's progress, then the preview or the result. */
export const IMPORT_PAGE_ASSETS = { stylesheets: [] as string[], scripts: ['/assets/app/js/org-import.js'] };

/** Example lines of each kind of file, under the header: shown on the page and sent as the template. */
const EXAMPLES: Record<ImportKind, string[]> = {
  units: ['VKS-HPG,Viện kiểm sát nhân dân thành phố Hải Phòng,VKSND Hải Phòng,VKSNDTC', 'VKS-HPG-KV1,Viện kiểm sát nhân dân khu vực 1 - Hải Phòng,,VKS-HPG'],
  people: [
    'haiphong.vientruong,Đỗ Văn Hải,hai@vks.haiphong.gov.vn,Viện trưởng,VKS-HPG,head,2024-01-01,,',
    'haiphong.canbo,Mai Thị Phòng,,Cán bộ thi đua,VKS-HPG-KV1,officer,2024-01-01,2024-12-31,',
  ],
};

const columnsOf = (kind: ImportKind): string[] => [...IMPORT_COLUMNS[kind].required, ...IMPORT_COLUMNS[kind].optional];

/** The downloadable template: header and examples, with a BOM so that spreadsheet programs read it as UTF-8. */
export function importTemplate(kind: ImportKind): string {
  return `\uFEFF${[columnsOf(kind).join(','), ...EXAMPLES[kind]].join('\r\n')}\r\n`;
}

export const templateName = (kind: ImportKind): string => `${kind}.csv`;

/** Upload limits as the form announces them. */
export interface ImportLimits {
  rows: number;
  bytes: number;
}

/** Counts as the reader writes them: 3.000 in Vietnamese, 3,000 in English. */
const count = (language: Language, value: number): string => value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');

const sizeText = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

export interface ImportFormViewModel {
  language: Language;
  kind: ImportKind;
  limits: ImportLimits;
  failure?: string;
}

export interface ImportRecordViewModel {
  language: Language;
  record: ImportRecord;
  /** The file's records as read, to show every row; absent once imported (the file is not kept). */
  records?: CsvRecord[];
  /** An import under way whose process stopped reporting. */
  interrupted: boolean;
  flash?: string;
  failure?: string;
}

/** The import pages' own rules. */
export const IMPORT_PAGE_STYLE = html`<style>
  .import-columns td:first-child, .import-columns th:first-child { white-space: nowrap; }
  pre.example { background: #fff; border: 1px solid #c9ccd1; border-radius: 0.5rem; padding: 0.75rem 1rem; overflow-x: auto; }
  .import-progress { margin: 1rem 0; }
  .import-progress progress { width: 100%; max-width: 32rem; display: block; margin-top: 0.35rem; }
  table.import-rows { min-width: 0; }
  table.import-rows th[scope=row] { font-variant-numeric: tabular-nums; }
  table.import-rows tr.has-problem { background: #fdf3f4; }
  table.import-rows td.bad-cell { outline: 2px solid #b00020; outline-offset: -2px; }
  table.import-rows .marker { color: #8a0014; font-weight: 700; }
  table.import-rows ul { margin: 0; padding-left: 1.1rem; }
  .bad-rows { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; padding: 0; }
</style>`;

/** Where the page's script reports progress; hidden until it runs, the texts it fills in are carried here. */
function progressBlock(language: Language, limits: ImportLimits): SafeHtml {
  const text = (key: ImportWebText) => importt(language, key);
  return html`<div id="import-progress" class="import-progress" hidden
    data-uploading="${text('stepUploading')}" data-checking="${text('stepChecking')}" data-hashing="${text('stepHashing')}" data-writing="${text('stepWriting')}"
    data-done="${text('stepDone')}" data-lost="${text('connectionLost')}" data-too-large="${importt(language, 'tooLarge', { size: sizeText(limits.bytes) })}" data-max-bytes="${limits.bytes}">
    <p id="import-progress-text" role="status" aria-live="polite"></p>
    <progress id="import-progress-bar" max="100" value="0" aria-label="${text('progressLabel')}"></progress>
  </div>
  <div class="alert" role="alert" id="import-script-error" hidden></div>`;
}

function columnDescription(language: Language, column: string): string {
  const key = `col_${column}` as ImportWebText;
  const roles = MANDATE_ROLES.map((role) => `${role} (${MANDATE_ROLE_TEXTS[role][language]})`).join(', ');
  return importt(language, key, { roles, min: PASSWORD_MIN_LENGTH });
}

function columnsSection(language: Language, kind: ImportKind): SafeHtml {
  const { required } = IMPORT_COLUMNS[kind];
  const rows = columnsOf(kind).map(
    (column) => html`<tr><td><code>${column}</code></td><td>${importt(language, required.includes(column) ? 'required' : 'optional')}</td><td>${columnDescription(language, column)}</td></tr>`,
  );
  return html`<section id="columns-${kind}" aria-labelledby="columns-${kind}-heading">
  <h3 id="columns-${kind}-heading">${importt(language, kind === 'units' ? 'unitsColumns' : 'peopleColumns')}</h3>
  <div class="table-wrap"><table class="import-columns">
    <thead><tr><th scope="col">${importt(language, 'column')}</th><th scope="col">${importt(language, 'required')}</th><th scope="col">${importt(language, 'meaning')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <p>${importt(language, 'example')}:</p>
  <pre class="example">${[columnsOf(kind).join(','), ...EXAMPLES[kind]].join('\n')}</pre>
  <p><a href="${IMPORTS_PATH}/templates/${templateName(kind)}" download>${importt(language, 'template', { file: templateName(kind) })}</a></p>
</section>`;
}

/** The first page: what to import, the file, and every column each kind of file may have. */
export function importFormView({ language, kind, limits, failure }: ImportFormViewModel): SafeHtml {
  const choice = (value: ImportKind) =>
    html`<div class="choice"><input type="radio" id="kind-${value}" name="kind" value="${value}"${value === kind ? html` checked` : ''}><label for="kind-${value}">${importt(language, value)}</label></div>`;
  return html`<h1>${importt(language, 'title')}</h1>
${organisationTabs(language, IMPORTS_PATH)}
<p>${importt(language, 'intro')}</p>
${failure ? html`<div class="alert" role="alert" id="import-error"><p>${failure}</p></div>` : ''}
<form method="post" action="${IMPORTS_PATH}/preview" enctype="multipart/form-data" id="upload-form">
  <fieldset><legend>${importt(language, 'kindLegend')}</legend>${IMPORT_KINDS.map(choice)}</fieldset>
  <div class="field">
    <label for="file">${importt(language, 'file')}</label>
    <p class="muted" id="file-hint">${importt(language, 'fileHint', { rows: count(language, limits.rows), size: sizeText(limits.bytes) })}</p>
    <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby="file-hint">
  </div>
  <button type="submit">${importt(language, 'previewButton')}</button>
</form>
${progressBlock(language, limits)}
<h2>${importt(language, 'columnsHeading')}</h2>
<p>${importt(language, 'columnsIntro')}</p>
${columnsSection(language, 'units')}
${columnsSection(language, 'people')}`;
}

/** A cell as the preview shows it: a password is never shown, only that there is one. */
function cellText(language: Language, column: string, value: string): string {
  return column === 'password' && value !== '' ? importt(language, 'passwordGiven') : value;
}

function problemItem(problem: CsvRowErrorDto): SafeHtml {
  return html`<li>${problem.field ? html`<code>${problem.field}</code>: ` : ''}${problem.message}</li>`;
}

function rowsTable(language: Language, records: CsvRecord[], problemsByLine: Map<number, CsvRowErrorDto[]>): SafeHtml {
  const columns = records.length ? Object.keys(records[0].values) : [];
  const rows = records.map((record) => {
    const problems = problemsByLine.get(record.line) ?? [];
    const badFields = new Set(problems.map((problem) => problem.field));
    const cells = columns.map((column) =>
      badFields.has(column)
        ? html`<td class="bad-cell"><span class="marker" aria-hidden="true">⚠ </span>${cellText(language, column, record.values[column])}</td>`
        : html`<td>${cellText(language, column, record.values[column])}</td>`,
    );
    const verdict = problems.length
      ? html`<ul>${problems.map(problemItem)}</ul>`
      : html`<span class="muted">${importt(language, 'rowOk')}</span>`;
    return html`<tr id="line-${record.line}"${problems.length ? html` class="has-problem"` : ''}><th scope="row">${record.line}</th>${cells}<td>${verdict}</td></tr>`;
  });
  return html`<div class="table-wrap" role="region" aria-labelledby="rows-caption" tabindex="0"><table class="import-rows" id="import-rows">
  <caption id="rows-caption">${importt(language, 'rowsCaption')}</caption>
  <thead><tr><th scope="col">${importt(language, 'line')}</th>${columns.map((column) => html`<th scope="col"><code>${column}</code></th>`)}<th scope="col">${importt(language, 'problems')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`;
}

/** Links to the first rows with problems, so that one bad row among thousands is found at once. */
const BAD_ROW_LINKS = 100;

function badRowsNav(language: Language, lines: number[]): SafeHtml {
  if (!lines.length) return html``;
  const shown = lines.slice(0, BAD_ROW_LINKS);
  const more = lines.length - shown.length;
  return html`<nav aria-labelledby="bad-rows-heading"><h2 id="bad-rows-heading">${importt(language, 'badRows')}</h2>
  <ul class="bad-rows">${shown.map((line) => html`<li><a href="#line-${line}">${importt(language, 'lineN', { line })}</a></li>`)}${more > 0 ? html`<li>… (+${more})</li>` : ''}</ul></nav>`;
}

function resultView(language: Language, record: ImportRecord): SafeHtml {
  const result = record.result!;
  const [sentence, link, href] =
    record.kind === 'units'
      ? [importt(language, 'resultUnits', { created: count(language, result.created) }), importt(language, 'seeUnits'), '/admin/org/units']
      : [importt(language, 'resultPeople', { created: count(language, result.created), mandates: count(language, result.mandatesCreated) }), importt(language, 'seePeople'), '/admin/org/people'];
  return html`<section id="import-result">
  <p class="verdict-ok" id="import-created">${sentence}</p>
  <p><a href="${href}">${link}</a> · <a href="${IMPORTS_PATH}?kind=${record.kind}">${importt(language, 'chooseAnother')}</a></p>
</section>`;
}

function importForm(language: Language, record: ImportRecord): SafeHtml {
  return html`<form method="post" action="${IMPORTS_PATH}/${record.id}/import" id="import-form">
  <p class="muted">${importt(language, 'importNote')}</p>
  <button type="submit">${importt(language, record.kind === 'units' ? 'importUnits' : 'importPeople', { rows: count(language, record.rows) })}</button>
</form>`;
}

/** The page's title: the preview of a file, or the result of its import. */
export const importRecordTitle = (language: Language, record: ImportRecord): string =>
  importt(language, record.state === 'imported' ? 'resultTitle' : 'previewTitle', { file: record.fileName });

/** A checked file: the summary, every row with its problems beside it, and Import when there are none; or what became of it. */
export function importRecordView(model: ImportRecordViewModel, limits: ImportLimits): SafeHtml {
  const { language, record, records = [], interrupted } = model;
  const problemsByLine = new Map<number, CsvRowErrorDto[]>();
  for (const problem of record.problems) problemsByLine.set(problem.row, [...(problemsByLine.get(problem.row) ?? []), problem]);
  const recordLines = new Set(records.map((row) => row.line));
  const fileProblems = record.problems.filter((problem) => !recordLines.has(problem.row));
  const badLines = [...problemsByLine.keys()].filter((line) => recordLines.has(line));
  const badCount = new Set(record.problems.map((problem) => problem.row)).size;

  const facts = html`<dl class="facts">
  <dt>${importt(language, 'kind')}</dt><dd>${importt(language, record.kind)}</dd>
  <dt>${importt(language, 'fileName')}</dt><dd class="break">${record.fileName}</dd>
  <dt>${importt(language, 'uploadedAt')}</dt><dd>${timeElement(record.uploadedAt, language)}</dd>
</dl>`;
  const head = html`<h1>${importRecordTitle(language, record)}</h1>
${organisationTabs(language, IMPORTS_PATH)}
${model.flash ? html`<p class="flash" role="status">${model.flash}</p>` : ''}
${model.failure ? html`<div class="alert" role="alert" id="import-error"><p>${model.failure}</p></div>` : ''}
${facts}`;
  if (record.state === 'imported') return html`${head}${resultView(language, record)}`;

  const startedAt = record.importStartedAt ? formatDateTime(record.importStartedAt, language) : '';
  const importing = record.state === 'importing' && !interrupted;
  const state = importing
    ? html`<p class="notice" role="status" id="import-running">${importt(language, 'importing', { time: startedAt })}</p>`
    : interrupted
      ? html`<div class="alert" role="alert" id="import-interrupted"><p>${importt(language, 'interrupted', { time: startedAt })}</p></div>`
      : '';
  const ready = record.problems.length === 0;
  return html`${head}
${state}
<p id="import-summary"><strong>${importt(language, 'summary', { rows: count(language, record.rows), bad: count(language, badCount) })}</strong> ${importt(language, ready ? 'ready' : 'notReady', { rows: count(language, record.rows) })}</p>
${ready && !importing ? importForm(language, record) : html`<p><a href="${IMPORTS_PATH}?kind=${record.kind}">${importt(language, 'chooseAnother')}</a></p>`}
${progressBlock(language, limits)}
${
  fileProblems.length
    ? html`<section id="file-problems" aria-labelledby="file-problems-heading"><h2 id="file-problems-heading">${importt(language, 'fileProblems')}</h2>
  <ul>${fileProblems.map((problem) => html`<li>${importt(language, 'lineN', { line: problem.row })}: ${problem.field ? html`<code>${problem.field}</code>: ` : ''}${problem.message}</li>`)}</ul></section>`
    : ''
}
${badRowsNav(language, badLines)}
${records.length ? rowsTable(language, records, problemsByLine) : ''}`;
}
