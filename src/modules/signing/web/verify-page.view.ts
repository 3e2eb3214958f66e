import { interpolate, Language, Text } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { BundleCheck } from '../bundle/verify-bundle';

const TEXTS = {
  title: { vi: 'Kiểm chứng hồ sơ giao ước', en: 'Verify a pact bundle' },
  intro: {
    vi: 'Tải lên hồ sơ kiểm chứng (tệp .zip tải từ trang chiến dịch). Máy chủ kiểm tra lại toàn bộ mà không dùng cơ sở dữ liệu: mã băm của từng tệp và từng phiên bản, kết quả từng cuộc biểu quyết, từng chữ ký và chuỗi lịch sử. Không cần đăng nhập; tệp không được lưu lại.',
    en: 'Upload a verification bundle (the .zip downloaded from a campaign page). The server re-checks everything without its database: the hash of every file and version, every poll’s result, every signature and the history chain. No sign-in needed; the file is not kept.',
  },
  file: { vi: 'Hồ sơ kiểm chứng (.zip)', en: 'Verification bundle (.zip)' },
  submit: { vi: 'Kiểm chứng', en: 'Verify' },
  resultTitle: { vi: 'Kết quả kiểm chứng', en: 'Result' },
  allPassed: { vi: 'Hồ sơ hợp lệ: cả {count} kiểm tra đều đạt.', en: 'The bundle is valid: all {count} checks passed.' },
  someFailed: { vi: '{failed}/{count} kiểm tra không đạt.', en: '{failed} of {count} checks failed.' },
  passed: { vi: 'Đạt', en: 'Passed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
  cli: {
    vi: 'Có thể kiểm tra lại ngoài máy chủ bằng lệnh: node dist/cli.js verify <tệp.zip>',
    en: 'The same checks run offline with: node dist/cli.js verify <file.zip>',
  },
} satisfies Record<string, Text>;

export const verifyText = (language: Language, key: keyof typeof TEXTS, params: Record<string, number> = {}): string => interpolate(TEXTS[key][language], params);

export interface VerifyPageModel {
  language: Language;
  /** The checks of the uploaded bundle, or undefined before an upload. */
  checks?: BundleCheck[];
  /** A refusal of the upload itself, in the page's language. */
  error?: string;
}

/** The public verification page: the upload form, then every check with ✔/✘, failures first named in a summary. */
export function verifyPageView({ language, checks, error }: VerifyPageModel): SafeHtml {
  const failed = checks?.filter((check) => !check.ok) ?? [];
  return html`<h1>${verifyText(language, 'title')}</h1>
<p class="muted">${verifyText(language, 'intro')}</p>
${error && html`<p class="alert" role="alert" id="verify-error">${error}</p>`}
<form method="post" action="/verify" enctype="multipart/form-data">
  <div class="field">
    <label for="bundle">${verifyText(language, 'file')}</label>
    <input type="file" id="bundle" name="bundle" accept=".zip,application/zip" required>
  </div>
  <button type="submit">${verifyText(language, 'submit')}</button>
</form>
${checks &&
  html`<section aria-labelledby="verify-result">
  <h2 id="verify-result">${verifyText(language, 'resultTitle')}</h2>
  <p role="status" id="verify-summary" class="${failed.length ? 'alert' : 'ok'}">${
    failed.length ? verifyText(language, 'someFailed', { failed: failed.length, count: checks.length }) : verifyText(language, 'allPassed', { count: checks.length })
  }</p>
  <ul class="checks">
    ${checks.map(
      (check) => html`<li data-check="${check.key}" data-ok="${String(check.ok)}"><span aria-label="${verifyText(language, check.ok ? 'passed' : 'failed')}">${check.ok ? '✔' : '✘'}</span> ${check.message[language]}</li>`,
    )}
  </ul>
  <p class="muted">${verifyText(language, 'cli')}</p>
</section>`}`;
}
