import { html } from '../../modules/web/html';
import { SCRIPT_PAGE_CONTENT_SECURITY_POLICY } from '../../modules/web/page-response';

/**
 * The signing and passkey pages' scripts, from this site: @simplewebauthn/browser's prebuilt bundle (served from
 * node_modules, see static-assets.ts) and our page script that bridges it and the file inputs to plain forms.
 */
export const SIGNING_PAGE_ASSETS = {
  stylesheets: [] as string[],
  scripts: ['/assets/simplewebauthn/index.umd.min.js', '/assets/app/js/signing-page.js'],
};

/**
 * Scripts from this site only and no `eval` (unlike Form.io's pages): the pages call WebAuthn and, on the account
 * page, the JSON API for registration options.
 */
export const SIGNING_PAGE_CONTENT_SECURITY_POLICY = SCRIPT_PAGE_CONTENT_SECURITY_POLICY;

/** The status line of the script's steps, and file inputs as wide as the other fields. */
export const SIGNING_PAGE_STYLE = html`<style>
.form-status:empty{display:none}
.form-status{border-left:6px solid #0b4f8a;background:#e7f0f8;color:#063563;padding:.6rem 1rem;border-radius:.25rem;margin:.75rem 0 0}
.form-status.is-error{border-left-color:#b00020;background:#fdecee;color:#5c0010}
input[type=file],input[type=datetime-local]{display:block;font:inherit;max-width:100%}
.task h3{margin-top:0}
#signing-status{font-size:1rem}
</style>`;
