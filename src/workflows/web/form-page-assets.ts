import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language } from '../../common/i18n/language';
import { projectRoot } from '../../common/project-root';
import { html } from '../../modules/web/html';

/** Stylesheets and scripts of a page that runs Form.io, all served from this site (see static-assets.ts). */
export function formPageAssets(script: 'form-builder' | 'task-form'): { stylesheets: string[]; scripts: string[] } {
  return {
    stylesheets: ['/assets/bootstrap/css/bootstrap.min.css', '/assets/bootstrap-icons/bootstrap-icons.min.css', '/assets/formio/formio.full.min.css'],
    scripts: ['/assets/formio/formio.full.min.js', '/assets/app/js/page-api.js', '/assets/app/js/formio-page.js', `/assets/app/js/${script}.js`],
  };
}

let vietnamese: Record<string, string> | undefined;

/**
 * Form.io's own interface strings for `i18n` in the page language: our Vietnamese file, or nothing for
 * English (Form.io's own). Read once; it ships with the app.
 */
export function formioTranslation(language: Language): Record<string, string> {
  if (language === 'en') return {};
  vietnamese ??= JSON.parse(readFileSync(join(projectRoot(), 'public', 'i18n', 'formio.vi.json'), 'utf8')) as Record<string, string>;
  return vietnamese;
}

/**
 * What the shell's stylesheet must give up on Form.io's parts (Bootstrap styles those), and room for the builder:
 * its palette and canvas need more width than a reading page. Code keeps the text's colour, as on the other pages:
 * Bootstrap's pink is below 4.5:1 on the page's grey.
 */
export const FORM_PAGE_STYLE = html`<style>
code{color:inherit}
.formio-host label{display:inline-block;font-weight:500;margin-bottom:.25rem}
.formio-host button{font-weight:500}
.formio-host .form-check-label{display:inline}
.form-toolbar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
.form-status:empty{display:none}
.form-status{border-left:6px solid #0b4f8a;background:#e7f0f8;color:#063563;padding:.6rem 1rem;border-radius:.25rem;margin:0 0 1rem}
.form-status.is-error{border-left-color:#b00020;background:#fdecee;color:#5c0010}
.form-status.is-done{border-left-color:#1e6b33;background:#e8f4ec;color:#0f3d1d}
.form-status ul{margin:.35rem 0 0;padding-left:1.25rem}
.formio-host{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem}
.preview{margin-top:1.5rem}
</style>`;

/** The builder's palette and canvas need more width than a reading page. */
export const WIDE_PAGE_STYLE = html`<style>main{max-width:96rem}</style>`;
