import { CSRF_FIELD } from '../csrf/csrf-tokens.service';
import { html } from './html';

/**
 * Every `<form method="post">` opening tag of a rendered page. Safe to find in the finished markup:
 * `html` escapes every `<` and `>` it interpolates, so a form tag can only come from our own templates.
 */
const POST_FORM_OPENING = /<form\b[^>]*\bmethod="post"[^>]*>/gi;

/** Puts the CSRF token into every form of the page that posts, so that no view can forget it. */
export function withCsrfFields(document: string, token: string): string {
  const field = html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`.value;
  return document.replace(POST_FORM_OPENING, (opening) => opening + field);
}
