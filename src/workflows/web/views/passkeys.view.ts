import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import type { PasskeyDto } from '../../../modules/signing/dto/signing-admin.dto';
import { timeElement } from '../page-format';
import { st } from '../signing-web-texts';

export interface PasskeysViewModel {
  language: Language;
  passkeys: PasskeyDto[];
  /** A signing page to go back to once a passkey is registered. */
  next?: string;
  flash?: string;
  failure?: { message: string; label?: string };
  pageData: Record<string, unknown>;
}

function passkeyList(model: PasskeysViewModel): SafeHtml {
  const { language, passkeys } = model;
  if (!passkeys.length) return html`<p class="muted" id="passkeys-none">${st(language, 'passkeysNone')}</p>`;
  return html`<div class="table-wrap"><table id="passkeys">
  <thead><tr><th scope="col">${st(language, 'passkeyLabel')}</th><th scope="col">${st(language, 'passkeyCreated')}</th><th scope="col">${st(language, 'passkeyLastUsed')}</th><th scope="col"><span class="visually-hidden">${st(language, 'passkeyRemove')}</span></th></tr></thead>
  <tbody>${passkeys.map(
    (passkey) => html`<tr>
      <th scope="row">${passkey.label}</th>
      <td>${timeElement(passkey.createdAt, language)}</td>
      <td>${passkey.lastUsedAt ? timeElement(passkey.lastUsedAt, language) : st(language, 'passkeyNeverUsed')}</td>
      <td><form method="post" action="/account/passkeys/${passkey.id}/remove"><button type="submit" class="secondary" aria-label="${st(language, 'passkeyRemoveFor', { label: passkey.label })}">${st(language, 'passkeyRemove')}</button></form></td>
    </tr>`,
  )}</tbody>
</table></div>`;
}

/** The person's passkeys for signing: the list with a remove button each, and the registration of a new one. */
export function passkeysView(model: PasskeysViewModel): SafeHtml {
  const { language } = model;
  return html`<h1>${st(language, 'passkeysTitle')}</h1>
<p>${st(language, 'passkeysIntro')}</p>
${model.failure && html`<p class="alert" role="alert" id="passkey-error">${model.failure.message}</p>`}
${model.flash && html`<p class="flash" role="status" id="passkey-flash">${model.flash}${model.next ? html` <a href="${model.next}">${st(language, 'backToSigning')}</a>` : ''}</p>`}
${passkeyList(model)}
<section aria-labelledby="register-heading" class="task">
  <h2 id="register-heading">${st(language, 'registerHeading')}</h2>
  <form method="post" action="/account/passkeys" id="passkey-register-form">
    <input type="hidden" name="ticket" value="">
    <input type="hidden" name="response" value="">
    ${model.next ? html`<input type="hidden" name="next" value="${model.next}">` : ''}
    <div class="field"><label for="passkey-label">${st(language, 'registerLabel')}</label><input type="text" id="passkey-label" name="label" maxlength="120" required value="${model.failure?.label ?? st(language, 'registerLabelDefault')}"></div>
    <button type="button" id="passkey-register" disabled>${st(language, 'registerButton')}</button>
    <p id="register-status" class="form-status" role="status" aria-live="polite"></p>
  </form>
</section>
${jsonScript('signing-data', model.pageData)}`;
}
