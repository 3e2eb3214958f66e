import type { Text } from '../../../common/i18n/language';

/**
 * One verdict of the offline verifier: a stable key (`manifest`, `version:2`, `tally:<poll id>`, `signature:VKS-QTR`,
 * `history`…), whether it holds, and why, in Vietnamese first and English. A failure names the unit or the artefact.
 */
export interface BundleCheck {
  key: string;
  ok: boolean;
  message: Text;
}

export const passed = (key: string, vi: string, en: string): BundleCheck => ({ key, ok: true, message: { vi, en } });
export const failed = (key: string, vi: string, en: string): BundleCheck => ({ key, ok: false, message: { vi, en } });

/** A verdict from a list of problems: passes with `ok` when there are none, otherwise fails naming every one. */
export function fromProblems(key: string, subject: Text, problems: Text[], ok: Text): BundleCheck {
  if (!problems.length) return { key, ok: true, message: { vi: `${subject.vi}: ${ok.vi}`, en: `${subject.en}: ${ok.en}` } };
  return {
    key,
    ok: false,
    message: { vi: `${subject.vi}: ${problems.map((p) => p.vi).join('; ')}`, en: `${subject.en}: ${problems.map((p) => p.en).join('; ')}` },
  };
}

/**
 * Runs one check over untrusted files: a file with a missing or mistyped field makes the check fail with its reason
 * instead of stopping the whole verification.
 */
export async function guarded(key: string, subject: Text, run: () => BundleCheck | Promise<BundleCheck>): Promise<BundleCheck> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(key, `${subject.vi}: không đọc được dữ liệu (${reason})`, `${subject.en}: the data could not be read (${reason})`);
  }
}

export const shortHash = (hash: unknown): string => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : String(hash));

/** The checks as `thidua verify` prints them: ✔ or ✘, the key, the Vietnamese message, then the English one. */
export function formatChecks(checks: readonly BundleCheck[]): string {
  const lines = checks.map((check) => `${check.ok ? '✔' : '✘'} ${check.key}: ${check.message.vi}\n    ${check.message.en}`);
  const failures = checks.filter((check) => !check.ok);
  const summary = failures.length
    ? [`\n${failures.length}/${checks.length} kiểm tra không đạt / ${failures.length} of ${checks.length} checks failed:`, ...failures.map((check) => `  ✘ ${check.key}: ${check.message.vi}`)]
    : [`\nCả ${checks.length} kiểm tra đều đạt / all ${checks.length} checks passed.`];
  return `${[...lines, ...summary].join('\n')}\n`;
}
