import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../html';
import { text } from '../web-texts';

export interface SignInViewModel {
  language: Language;
  /** Kept after a failed attempt so the person only retypes the password. */
  username?: string;
  /** The localized reason the last attempt failed. */
  error?: string;
  /** A safe same-site path to return to after signing in. */
  next?: string;
}

/** The sign-in form; an error is announced to screen readers as an alert. */
export function signInView(model: SignInViewModel): SafeHtml {
  const { language, error } = model;
  return html`<h1>${text(language, 'signInTitle')}</h1>
<div class="sign-card">
  ${error && html`<p class="alert" role="alert" id="sign-in-error">${error}</p>`}
  <p class="muted">${text(language, 'signInIntro')}</p>
  <form method="post" action="/sign-in">
    ${model.next && html`<input type="hidden" name="next" value="${model.next}">`}
    <div class="field">
      <label for="username">${text(language, 'username')}</label>
      <input type="text" id="username" name="username" value="${model.username ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="100"${error ? html` aria-invalid="true" aria-describedby="sign-in-error"` : html` autofocus`}>
    </div>
    <div class="field">
      <label for="password">${text(language, 'password')}</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required maxlength="200"${error ? html` aria-invalid="true" aria-describedby="sign-in-error" autofocus` : ''}>
    </div>
    <button type="submit">${text(language, 'signInButton')}</button>
  </form>
</div>`;
}
