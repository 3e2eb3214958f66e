import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { lt } from './launch-web-texts';

/** The cancel form of a running campaign, for administrators: a required reason and a ticked "cannot be undone". */
export function cancelCampaignForm(campaignId: string, language: Language): SafeHtml {
  return html`<section aria-labelledby="cancel-heading">
  <h2 id="cancel-heading">${lt(language, 'cancelHeading')}</h2>
  <form method="post" action="/admin/campaigns/${campaignId}/cancel">
    <div class="field">
      <label for="cancel-reason">${lt(language, 'cancelReason')}</label>
      <textarea id="cancel-reason" name="reason" rows="2" maxlength="2000" required></textarea>
    </div>
    <div class="field">
      <input type="checkbox" id="cancel-confirm" name="confirm" value="yes" required>
      <label for="cancel-confirm">${lt(language, 'cancelConfirm')}</label>
    </div>
    <button type="submit">${lt(language, 'cancelButton')}</button>
  </form>
</section>`;
}
