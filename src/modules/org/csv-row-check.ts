import { isEmail } from 'class-validator';
import { CsvRecord } from './csv-table';
import { RowProblem, RowProblemCode } from './csv-problems';
import { isCalendarDate } from './org-formats';

/** Field checks for one CSV record; each failed check records a problem and yields null, so every problem is found in one pass. */
export class RowCheck {
  constructor(
    private readonly record: CsvRecord,
    private readonly problems: RowProblem[],
  ) {}

  get line(): number {
    return this.record.line;
  }

  value(field: string): string {
    return this.record.values[field] ?? '';
  }

  report(field: string | null, code: RowProblemCode | (string & {}), params?: Record<string, unknown>): null {
    this.problems.push({ row: this.record.line, field, code, params });
    return null;
  }

  /** The non-empty value, or null (reported when `required`). */
  text(field: string, { required = false, max }: { required?: boolean; max: number }): string | null {
    const value = this.value(field);
    if (value === '') return required ? this.report(field, 'REQUIRED') : null;
    if (value.length > max) return this.report(field, 'TOO_LONG', { max });
    return value;
  }

  matching(field: string, pattern: RegExp, code: RowProblemCode | (string & {}), required = false): string | null {
    const value = this.value(field);
    if (value === '') return required ? this.report(field, 'REQUIRED') : null;
    return pattern.test(value) ? value : this.report(field, code, { value });
  }

  email(field: string, max: number): string | null {
    const value = this.text(field, { max });
    if (value === null) return null;
    return isEmail(value) ? value : this.report(field, 'INVALID_EMAIL', { value });
  }

  date(field: string, required = false): string | null {
    const value = this.value(field);
    if (value === '') return required ? this.report(field, 'REQUIRED') : null;
    return isCalendarDate(value) ? value : this.report(field, 'INVALID_DATE', { value });
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], code: RowProblemCode | (string & {}), required = false): T | null {
    const value = this.value(field);
    if (value === '') return required ? this.report(field, 'REQUIRED') : null;
    return (allowed as readonly string[]).includes(value) ? (value as T) : this.report(field, code, { value, allowed: allowed.join(', ') });
  }
}

/** Reports every repeat of a key after its first line; returns the first line of each key. */
export function reportRepeats(checks: { check: RowCheck; key: string | null }[], field: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const { check, key } of checks) {
    if (key === null) continue;
    const line = first.get(key);
    if (line === undefined) first.set(key, check.line);
    else check.report(field, 'DUPLICATE_IN_FILE', { value: key, line });
  }
  return first;
}

/** Splits a list for `$in` queries, keeping well under every driver's bound-parameter limit. */
export function chunks<T>(items: T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
