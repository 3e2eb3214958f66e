import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { ft } from '../form-web-texts';
import { timeElement } from '../page-format';

export interface SubmissionRow {
  id: string;
  formName: string;
  versionNumber: number;
  unitText: string;
  personName: string;
  submittedAt: string | null;
  late: boolean;
}

/** The forms the person and their units submitted, each opening in its own version. */
export function submissionListView(language: Language, rows: SubmissionRow[]): SafeHtml {
  const table = rows.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="submissions-heading" tabindex="0">
  <table id="submissions">
    <thead><tr>
      <th scope="col">${ft(language, 'form')}</th>
      <th scope="col">${ft(language, 'version')}</th>
      <th scope="col">${ft(language, 'unit')}</th>
      <th scope="col">${ft(language, 'person')}</th>
      <th scope="col">${ft(language, 'submittedAt')}</th>
    </tr></thead>
    <tbody>${rows.map(
      (row) => html`<tr>
      <td><a href="/inbox/submissions/${row.id}">${row.formName}</a></td>
      <td>${row.versionNumber}</td>
      <td>${row.unitText}</td>
      <td>${row.personName}</td>
      <td>${row.submittedAt ? timeElement(row.submittedAt, language) : ''}${row.late ? html` <span class="badge badge-late">${ft(language, 'lateBadge')}</span>` : ''}</td>
    </tr>`,
    )}</tbody>
  </table>
</div>`
    : html`<p class="muted">${ft(language, 'submissionsEmpty')}</p>`;
  return html`<h1 id="submissions-heading">${ft(language, 'submissionsTitle')}</h1>
<p>${ft(language, 'submissionsIntro')}</p>
${table}`;
}
