import { Language } from '../../../common/i18n/language';
import type { MailMessageView } from '../../../modules/mail/mail-messages.service';
import { html, SafeHtml } from '../../../modules/web/html';
import { timeElement } from '../../web/page-format';
import { MailWebText, mt } from './mail-web-texts';

export interface MailListViewModel {
  language: Language;
  transport: 'smtp' | 'folder';
  folder: string;
  messages: MailMessageView[];
}

function row(message: MailMessageView, language: Language): SafeHtml {
  return html`<tr data-mail="${message.id}">
      <td>${timeElement(message.sentAt ?? message.createdAt, language)}</td>
      <td>${message.personName ?? ''}${message.recipient ? html` <span class="muted">&lt;${message.recipient}&gt;</span>` : ''}</td>
      <td><a href="/admin/mail/${message.id}">${message.subject}</a></td>
      <td><strong>${mt(language, message.status as MailWebText)}</strong></td>
      <td>${message.attempts}</td>
      <td>${message.lastError ?? ''}</td>
      <td>${message.fileName ? html`<a href="/admin/mail/${message.id}/eml"><code>${message.fileName}</code></a>` : ''}</td>
    </tr>`;
}

/** The mail log, newest first: to whom, what, whether it went, and the .eml file when written to the local folder. */
export function mailListView({ language, transport, folder, messages }: MailListViewModel): SafeHtml {
  const table = messages.length
    ? html`<div class="table-wrap" role="region" aria-label="${mt(language, 'title')}" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${mt(language, 'time')}</th>
      <th scope="col">${mt(language, 'recipient')}</th>
      <th scope="col">${mt(language, 'subject')}</th>
      <th scope="col">${mt(language, 'status')}</th>
      <th scope="col">${mt(language, 'attempts')}</th>
      <th scope="col">${mt(language, 'error')}</th>
      <th scope="col">${mt(language, 'file')}</th>
    </tr></thead>
    <tbody>${messages.map((message) => row(message, language))}</tbody>
  </table>
</div>`
    : html`<p class="muted">${mt(language, 'empty')}</p>`;
  return html`<h1>${mt(language, 'title')}</h1>
<p>${transport === 'smtp' ? mt(language, 'smtp') : mt(language, 'folder', { folder })}</p>
${table}`;
}

/** One message as it was written. */
export function mailMessageView(language: Language, message: MailMessageView & { text: string }): SafeHtml {
  return html`<h1>${message.subject}</h1>
<dl>
  <dt>${mt(language, 'recipient')}</dt><dd>${message.personName ?? ''} ${message.recipient ?? ''}</dd>
  <dt>${mt(language, 'status')}</dt><dd>${mt(language, message.status as MailWebText)}</dd>
</dl>
<pre class="mail-text">${message.text}</pre>
<p><a href="/admin/mail">${mt(language, 'back')}</a></p>`;
}

/** A person's own choice: immediate, daily digest or none, and the language of the mail. */
export function mailPreferenceView(language: Language, choice: { delivery: string; language: Language; email: string | null }, flash?: string): SafeHtml {
  const option = (value: string, label: string, current: string) => html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
  return html`<h1>${mt(language, 'myTitle')}</h1>
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${mt(language, 'myIntro')}</p>
<dl>
  <dt>${mt(language, 'myAddress')}</dt><dd>${choice.email ?? html`<span class="muted">${mt(language, 'noAddress')}</span>`}</dd>
</dl>
<form method="post" action="/account/mail">
  <p><label for="mail-delivery">${mt(language, 'delivery')}</label>
  <select id="mail-delivery" name="delivery">${(['immediate', 'digest', 'none'] as const).map((value) => option(value, mt(language, value), choice.delivery))}</select></p>
  <p><label for="mail-language">${mt(language, 'language')}</label>
  <select id="mail-language" name="language">${option('vi', 'Tiếng Việt', choice.language)}${option('en', 'English', choice.language)}</select></p>
  <p><button type="submit">${mt(language, 'save')}</button></p>
</form>`;
}
