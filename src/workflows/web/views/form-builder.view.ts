import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import type { VersionSummaryDto } from '../../../common/versioning/versioned-document.dto';
import type { FormDto } from '../../../modules/forms/dto/form-definition.dto';
import { ft } from '../form-web-texts';
import { timeElement } from '../page-format';

export interface FormBuilderViewModel {
  language: Language;
  form: FormDto;
  /** Newest first. */
  versions: VersionSummaryDto[];
  /** What the builder script reads: the draft, Form.io's translation, the client texts. */
  pageData: Record<string, unknown>;
}

function versionsTable({ language, form, versions }: FormBuilderViewModel): SafeHtml {
  if (!versions.length) return html`<p class="muted">${ft(language, 'versionsEmpty')}</p>`;
  const rows = versions.map((version, index) => {
    const previous = versions[index + 1];
    const changes = previous
      ? html`<a href="/admin/forms/${form.id}/diff?from=${previous.id}&amp;to=${version.id}">${ft(language, 'diffWithPrevious', { number: previous.number })}</a>`
      : html`<span class="muted">${ft(language, 'firstVersion')}</span>`;
    return html`<tr>
      <th scope="row">${version.number}</th>
      <td>${timeElement(version.publishedAt, language)}</td>
      <td>${version.publishedBy ? version.publishedBy.fullName : html`<span class="muted">${ft(language, 'system')}</span>`}</td>
      <td><code title="${version.contentHash}">${version.contentHash.slice(0, 12)}</code></td>
      <td>${changes}</td>
    </tr>`;
  });
  return html`<div class="table-wrap" role="region" aria-labelledby="versions-heading" tabindex="0">
  <table id="versions">
    <thead><tr>
      <th scope="col">${ft(language, 'version')}</th>
      <th scope="col">${ft(language, 'publishedAt')}</th>
      <th scope="col">${ft(language, 'publishedBy')}</th>
      <th scope="col">${ft(language, 'contentHash')}</th>
      <th scope="col">${ft(language, 'changes')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
</div>`;
}

/** The Form.io builder on the form's draft, with save, publish, preview and the published versions. */
export function formBuilderView(model: FormBuilderViewModel): SafeHtml {
  const { language, form } = model;
  const draftState = form.draftPublished ? ft(language, 'draftPublished') : ft(language, 'draftPending');
  return html`<h1>${ft(language, 'builderTitle', { name: form.name })}</h1>
<dl class="facts">
  <dt>${ft(language, 'key')}</dt><dd><code>${form.key}</code> (${ft(language, form.builtIn ? 'builtIn' : 'custom')})</dd>
  <dt>${ft(language, 'latestVersion')}</dt><dd id="latest-version">${form.latest ? form.latest.number : ft(language, 'none')}</dd>
  <dt>${ft(language, 'draftState')}</dt><dd id="draft-state">${draftState}</dd>
</dl>
<p>${ft(language, 'builderHelp')}</p>
<div class="form-toolbar" role="toolbar" aria-label="${ft(language, 'draftState')}">
  <button type="button" id="save-draft" disabled>${ft(language, 'saveDraft')}</button>
  <button type="button" id="publish" disabled>${ft(language, 'publish')}</button>
  <button type="button" id="toggle-preview" class="secondary" aria-expanded="false" aria-controls="preview" disabled>${ft(language, 'preview')}</button>
</div>
<div id="form-status" class="form-status" role="status" aria-live="polite"></div>
<div id="builder" class="formio-host"><p class="muted">${ft(language, 'loadingBuilder')}</p></div>
<section id="preview" class="preview" aria-labelledby="preview-heading" hidden>
  <h2 id="preview-heading">${ft(language, 'previewHeading')}</h2>
  <div id="preview-form" class="formio-host"></div>
</section>
<section aria-labelledby="versions-heading">
  <h2 id="versions-heading">${ft(language, 'versionsHeading')}</h2>
  ${versionsTable(model)}
</section>
${jsonScript('page-data', model.pageData)}`;
}
