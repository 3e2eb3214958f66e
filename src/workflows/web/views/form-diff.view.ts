import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { FormVersionDiffDto } from '../../../modules/forms/dto/form-version.dto';
import { ft } from '../form-web-texts';

export interface FormDiffViewModel {
  language: Language;
  formId: string;
  formName: string;
  diff: FormVersionDiffDto;
}

const paths = (items: string[], language: Language): SafeHtml =>
  items.length ? html`<ul>${items.map((path) => html`<li><code>${path}</code></li>`)}</ul>` : html`<p class="muted">${ft(language, 'diffNone')}</p>`;

/** Components added, removed and changed between two versions, by data path. */
export function formDiffView({ language, formId, formName, diff }: FormDiffViewModel): SafeHtml {
  const identical = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const changed = diff.changed.length
    ? html`<div class="table-wrap"><table>
    <thead><tr><th scope="col">${ft(language, 'key')}</th><th scope="col">${ft(language, 'diffField')}</th></tr></thead>
    <tbody>${diff.changed.map((change) => html`<tr><td><code>${change.key}</code></td><td>${change.fields.map((field, i) => html`${i ? ', ' : ''}<code>${field}</code>`)}</td></tr>`)}</tbody>
  </table></div>`
    : html`<p class="muted">${ft(language, 'diffNone')}</p>`;
  return html`<p><a href="/admin/forms/${formId}">${ft(language, 'backToBuilder')}</a></p>
<h1>${ft(language, 'diffTitle', { from: diff.from.number, to: diff.to.number, name: formName })}</h1>
${identical ? html`<p class="verdict-ok">${ft(language, 'diffIdentical')}</p>` : ''}
<section aria-labelledby="added-heading"><h2 id="added-heading">${ft(language, 'diffAdded')}</h2><div id="diff-added">${paths(diff.added, language)}</div></section>
<section aria-labelledby="removed-heading"><h2 id="removed-heading">${ft(language, 'diffRemoved')}</h2><div id="diff-removed">${paths(diff.removed, language)}</div></section>
<section aria-labelledby="changed-heading"><h2 id="changed-heading">${ft(language, 'diffChanged')}</h2><div id="diff-changed">${changed}</div></section>`;
}
