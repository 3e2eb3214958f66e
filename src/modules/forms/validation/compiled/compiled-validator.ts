import { Language } from '../../../../common/i18n/language';
import { FormFieldError, FormValidationResult, ValidationMode } from '../form-validation.types';
import { CompiledForm, GridPlan, ValuePlan } from './compile-form';
import { ErrorTemplate, fieldError } from './error-message';

/** Errors a draft skips: "not filled in yet" (the same rule as FormValidator's reference path). */
const isCompleteness = (error: ErrorTemplate): boolean => error.validator === 'required' || error.key === 'minRows';

/** Thrown inside a run when a value is outside what the plans reproduce; caught by `runCompiled`. */
const DECLINED = Symbol('declined');

interface Run {
  mode: ValidationMode;
  language: Language;
  errors: FormFieldError[];
}

function report(run: Run, error: ErrorTemplate | undefined, path: string): void {
  if (error === undefined || (run.mode === 'draft' && isCompleteness(error))) return;
  run.errors.push(fieldError(error, path, run.language));
}

/**
 * One value component, in @formio/core's processor order: filter mark, condition, normalisation, clearing when
 * hidden, then (post) the filter's copy into the cleaned data and validation. `data` is @formio/core's working
 * copy of the row (or submission), which it mutates as it goes: later conditions and rules read it.
 * Returns the value kept in the cleaned data, or undefined.
 */
function runValue(plan: ValuePlan, data: Record<string, unknown>, path: string, run: Run): unknown {
  const raw = data[plan.key];
  if (!plan.accepts(raw)) throw DECLINED;
  let kept = raw !== undefined;
  const hidden = plan.shown !== undefined && !plan.shown(data);
  let value = raw;
  if (plan.normalise) {
    const normalised = plan.normalise(raw);
    if (normalised === undefined || normalised === null) kept = false;
    else if (normalised !== raw) {
      data[plan.key] = value = normalised;
      kept = true;
    }
  }
  if (hidden && value !== undefined) {
    delete data[plan.key];
    value = undefined;
    kept = false;
  }
  if (value === undefined || !kept) {
    if (plan.nullWhenAbsent) data[plan.key] = value = null;
    kept = false;
  }
  if (!hidden) for (const rule of plan.rules) report(run, rule(value, data), path);
  return kept ? value : undefined;
}

/** Accepts only arrays of plain rows; @formio/core's handling of anything else is left to it. */
function rowsOf(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw DECLINED;
  for (const row of value) if (typeof row !== 'object' || row === null || Array.isArray(row)) throw DECLINED;
  return value as Record<string, unknown>[];
}

/** The columns of one row, in place; kept values go to `cleaned[index]`. Returns whether any was kept. */
function runRow(plan: GridPlan, row: Record<string, unknown>, index: number, cleaned: Record<string, unknown>[], run: Run): boolean {
  let anyKept = false;
  for (const column of plan.columns) {
    const kept = runValue(column, row, `${plan.key}[${index}].${column.key}`, run);
    if (kept === undefined) continue;
    (cleaned[index] ??= {})[column.key] = kept;
    anyKept = true;
  }
  return anyKept;
}

/**
 * A data grid: its rows' columns, then (post) the grid itself. As in @formio/core, the cleaned rows are sparse
 * (a row without any kept value is a hole), and once any row kept a value they replace the grid's working value,
 * which is then what `required` and the row counts see (so trailing empty rows are not counted). An absent grid
 * is walked as one empty row `[0]` (required columns fail there), and becomes that row if a column wrote into it
 * (an absent number becomes null): @formio/core's own traversal.
 */
function runGrid(plan: GridPlan, data: Record<string, unknown>, out: Record<string, unknown>, run: Run): void {
  const input = rowsOf(data[plan.key]);
  const cleaned: Record<string, unknown>[] = [];
  let value: unknown = input;
  if (input === undefined) {
    const row: Record<string, unknown> = {};
    if (runRow(plan, row, 0, cleaned, run)) out[plan.key] = cleaned;
    if (Object.keys(row).length > 0) data[plan.key] = value = [row];
  } else {
    const rows = input.map((row) => ({ ...row }));
    data[plan.key] = value = rows;
    let anyKept = false;
    rows.forEach((row, index) => {
      anyKept = runRow(plan, row, index, cleaned, run) || anyKept;
    });
    if (anyKept) data[plan.key] = value = out[plan.key] = cleaned;
    else out[plan.key] = [];
  }
  for (const rule of plan.rules) report(run, rule(value, data), plan.key);
  const count = Array.isArray(value) ? value.length : 0;
  if (plan.minRows && count < plan.minRows.limit) report(run, plan.minRows.error, plan.key);
  else if (plan.maxRows && count > plan.maxRows.limit) report(run, plan.maxRows.error, plan.key);
}

/**
 * Validates a submission (a plain object) with a compiled form. Returns undefined when the submission holds a
 * value the plans do not reproduce exactly (wrong type, null…): the caller then uses the reference path.
 */
export function runCompiled(form: CompiledForm, submission: Record<string, unknown>, mode: ValidationMode, language: Language): FormValidationResult | undefined {
  const data = { ...submission };
  const out: Record<string, unknown> = {};
  const run: Run = { mode, language, errors: [] };
  try {
    for (const plan of form.plans) {
      if (plan.kind === 'grid') runGrid(plan, data, out, run);
      else {
        const kept = runValue(plan, data, plan.key, run);
        if (kept !== undefined) out[plan.key] = kept;
      }
    }
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
  return { valid: run.errors.length === 0, data: out, errors: run.errors };
}
