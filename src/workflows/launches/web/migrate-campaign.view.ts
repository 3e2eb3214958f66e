import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { lt } from './launch-web-texts';

/** Moving a running campaign to a newer version of its workflow, for administrators (only when there is one). */
export function migrateCampaignForm(campaignId: string, versions: Array<{ id: string; number: number }>, language: Language): SafeHtml | '' {
  if (!versions.length) return '';
  return html`<section aria-labelledby="migrate-heading">
  <h2 id="migrate-heading">${lt(language, 'migrateHeading')}</h2>
  <p>${lt(language, 'migrateIntro')}</p>
  <form method="post" action="/admin/campaigns/${campaignId}/migration">
    <div class="field">
      <label for="migrate-version">${lt(language, 'migrateVersion')}</label>
      <select id="migrate-version" name="workflowVersionId">${versions.map((v) => html`<option value="${v.id}">${lt(language, 'versionNumber', { number: v.number })}</option>`)}</select>
    </div>
    <button type="submit">${lt(language, 'migrateButton')}</button>
  </form>
</section>`;
}
