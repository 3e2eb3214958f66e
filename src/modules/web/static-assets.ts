import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';
import { projectRoot } from '../../common/project-root';

/** A folder served under a URL prefix. */
export interface StaticAssetFolder {
  prefix: string;
  folder: string;
}

/** The folder of a file inside an installed package (some packages hide their package.json from `require.resolve`). */
const packageFolder = (file: string) => dirname(require.resolve(file));

/**
 * What the form pages load, all from this server: Form.io's browser bundle, Bootstrap and its icons, and the
 * editors and date picker Form.io would otherwise fetch from cdn.form.io (`Formio.cdn` points at
 * `/assets/vendor`, and each library's folder there is named as Form.io names it). Our own scripts and the
 * Vietnamese translation of Form.io come from `public/`.
 */
export function staticAssetFolders(): StaticAssetFolder[] {
  return [
    { prefix: '/assets/formio', folder: packageFolder('@formio/js/dist/formio.full.min.js') },
    { prefix: '/assets/bootstrap', folder: join(packageFolder('bootstrap/dist/css/bootstrap.min.css'), '..') },
    { prefix: '/assets/bootstrap-icons', folder: packageFolder('bootstrap-icons/font/bootstrap-icons.css') },
    { prefix: '/assets/vendor/ace', folder: packageFolder('ace-builds/src-min-noconflict/ace.js') },
    { prefix: '/assets/vendor/quill', folder: packageFolder('quill/dist/quill.js') },
    { prefix: '/assets/vendor/flatpickr-formio', folder: packageFolder('flatpickr/dist/flatpickr.min.js') },
    // flatpickr names its Vietnamese `vn`; Form.io asks for `l10n/flatpickr-vi.js`: ours.
    { prefix: '/assets/vendor/flatpickr-formio/l10n', folder: join(projectRoot(), 'public', 'vendor-l10n') },
    // Time zone data for date fields shown in a given zone.
    { prefix: '/assets/vendor/moment-timezone', folder: join(packageFolder('moment-timezone/data/packed/latest.json'), '..', '..') },
    // WebAuthn in the browser for the signing pages: the package's prebuilt UMD bundle (global SimpleWebAuthnBrowser).
    { prefix: '/assets/simplewebauthn', folder: join(packageFolder('@simplewebauthn/browser'), '..', 'dist', 'bundle') },
    { prefix: '/assets/app', folder: join(projectRoot(), 'public') },
  ];
}

/** A single file served at a path, where the rest of its package's folder has no business being public. */
export interface StaticAssetFile {
  path: string;
  file: string;
}

/**
 * Chart.js (ranking and score-history charts) and Mermaid (the workflow editor's diagram): only their prebuilt browser
 * bundles, never their ESM or CommonJS builds (Mermaid is ESM-only on the server side).
 */
export function staticAssetFiles(): StaticAssetFile[] {
  return [
    { path: '/assets/chartjs/chart.umd.js', file: join(packageFolder('chart.js'), 'chart.umd.js') },
    { path: '/assets/mermaid/mermaid.min.js', file: require.resolve('mermaid/dist/mermaid.min.js') },
  ];
}

/** Serves the asset folders and files; a missing file falls through to the API's coded 404. */
export function serveStaticAssets(app: NestExpressApplication): void {
  for (const { path, file } of staticAssetFiles()) {
    const server = app.getHttpAdapter().getInstance() as Express;
    server.get(path, (_request, response) => response.sendFile(file, { maxAge: '1h', headers: { 'X-Content-Type-Options': 'nosniff' } }));
  }
  for (const { prefix, folder } of staticAssetFolders()) {
    app.useStaticAssets(folder, {
      prefix,
      index: false,
      dotfiles: 'ignore',
      maxAge: '1h',
      setHeaders: (response) => response.setHeader('X-Content-Type-Options', 'nosniff'),
    });
  }
}
