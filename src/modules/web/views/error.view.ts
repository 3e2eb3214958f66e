import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../html';
import { text } from '../web-texts';

export interface ErrorViewModel {
  language: Language;
  status: number;
  /** Already localized; for a 500 it carries only the error id, never the cause. */
  message: string;
}

/** A page-friendly error: the status, the localized message, and a way back. */
export function errorView(model: ErrorViewModel): SafeHtml {
  const { language } = model;
  return html`<h1>${text(language, 'errorTitle')}</h1>
<div class="sign-card">
  <p class="alert" role="alert">${model.message}</p>
  <p class="muted">HTTP ${model.status}</p>
  <p><a href="/">${text(language, 'backHome')}</a></p>
</div>`;
}
