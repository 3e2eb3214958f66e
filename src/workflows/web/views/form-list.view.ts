import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { DefinitionSummaryDto } from '../../../common/versioning/versioned-document.dto';
import { ft } from '../form-web-texts';

export interface FormListViewModel {
  language: Language;
  forms: DefinitionSummaryDto[];
}

/** Every form with its origin and latest version; each opens in the builder. */
export function formListView({ language, forms }: FormListViewModel): SafeHtml {
  const table = forms.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="forms-heading" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${ft(language, 'name')}</th>
      <th scope="col">${ft(language, 'key')}</th>
      <th scope="col">${ft(language, 'origin')}</th>
      <th scope="col">${ft(language, 'latestVersion')}</th>
    </tr></thead>
    <tbody>${forms.map(
      (form) => html`<tr>
      <td><a href="/admin/forms/${form.id}">${form.name}</a></td>
      <td><code>${form.key}</code></td>
      <td>${ft(language, form.builtIn ? 'builtIn' : 'custom')}</td>
      <td>${form.latestVersion === null ? html`<span class="muted">${ft(language, 'none')}</span>` : form.latestVersion}</td>
    </tr>`,
    )}</tbody>
  </table>
</div>`
    : html`<p class="muted">${ft(language, 'formsEmpty')}</p>`;
  return html`<h1 id="forms-heading">${ft(language, 'formsTitle')}</h1>
<p>${ft(language, 'formsIntro')}</p>
${table}`;
}
