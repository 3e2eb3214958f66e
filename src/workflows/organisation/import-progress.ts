import type { CsvImportStep } from '../../modules/org/csv-import-progress';

/** What the import pages import: units or people. */
export type ImportKind = 'units' | 'people';
export const IMPORT_KINDS: readonly ImportKind[] = ['units', 'people'];

export const isImportKind = (value: unknown): value is ImportKind => typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);

/** One line of a progress stream (application/x-ndjson): a step's count, then the page to go to, or why it stopped. */
export type ImportProgressLine = { step: CsvImportStep; done: number; total: number } | { location: string } | { error: string; location?: string };

/**
 * Passes on an importer's reports no more often than each whole percent of a step (and always a step's first and last
 * report): a file of 5,000 people reports every password hashed, the page needs a hundred lines at most. Counting, not
 * timing, so that the same file always gives the same lines.
 */
export function throttledProgress(send: (step: CsvImportStep, done: number, total: number) => void): (step: CsvImportStep, done: number, total: number) => void {
  let last: { step: CsvImportStep; percent: number } | undefined;
  return (step, done, total) => {
    const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
    if (last && last.step === step && last.percent === percent && done < total) return;
    last = { step, percent };
    send(step, done, total);
  };
}
