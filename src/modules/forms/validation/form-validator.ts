import { Inject, Injectable, Optional } from '@nestjs/common';
import { interpolateErrors, processSync, Processors, ProcessContext, ProcessorInfo } from '@formio/core';
import { AppError } from '../../../common/errors/app-error';
import { contentHash } from '../../../common/hashing/canonical-json';
import { Language } from '../../../common/i18n/language';
import { CompileResult, compileForm } from './compiled/compile-form';
import { runCompiled } from './compiled/compiled-validator';
import { CoreError, messageOf } from './compiled/error-message';
import { allowsScripts } from './find-scripts';
import { FormDefinition, FormFieldError, FormValidationResult, GridNode, PreparedForm, ValidateOptions } from './form-validation.types';
import { isPreparedForm, prepareForm } from './prepare-form';
import { rowAwareConditionProcessInfo } from './row-conditions.processor';
import { rowCountProcessInfo } from './row-count.processor';
import { DEFAULT_SCRIPT_LIMITS, runWithScriptSandbox, ScriptLimits } from './sandbox/script-sandbox';

export interface FormValidatorOptions {
  /**
   * Total rows over all grids (nested ones included) above which a submission is refused unread. @formio/core
   * is linear in rows: about 1.7 s of CPU for 10,000 rows of the reference form, so keep this modest.
   */
  maxGridRows: number;
  /** Time limits of a form's custom scripts (only for forms that opt in to scripts). */
  scriptLimits: ScriptLimits;
  /** Prepared forms kept in memory, by content hash. */
  cacheSize: number;
  /**
   * Validate with the form's compiled validator when it has one (`compiled/`): same verdicts, errors and cleaned
   * data as the @formio/core path, tens of times faster (`npm run bench`). Off: always the @formio/core path (the reference).
   */
  compile: boolean;
}

export const FORM_VALIDATOR_OPTIONS = Symbol('FORM_VALIDATOR_OPTIONS');
export const DEFAULT_FORM_VALIDATOR_OPTIONS: FormValidatorOptions = { maxGridRows: 10_000, scriptLimits: DEFAULT_SCRIPT_LIMITS, cacheSize: 200, compile: true };

/** Rules that only say "this is not filled in yet"; a draft skips them. */
const COMPLETENESS_VALIDATORS = new Set(['required']);
// @formio/core's processors with its conditions processor made row-aware (see row-conditions.processor.ts),
// then the grid row counts it does not check.
const PROCESSORS = [
  ...Processors.map((processor) => (processor.name === rowAwareConditionProcessInfo.name ? rowAwareConditionProcessInfo : processor)),
  rowCountProcessInfo,
] as ProcessorInfo<unknown, unknown>[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Server-side validation of a submission against a form version with @formio/core, so that the server
 * judges as the Form.io renderer does, plus what @formio/core leaves out on the server: grid row limits,
 * a safety limit on the number of grid rows, values outside fixed option lists, translated messages.
 * Pure: no database, no configuration service; usable with or without Nest.
 */
@Injectable()
export class FormValidator {
  private readonly options: FormValidatorOptions;
  private readonly cache = new Map<string, PreparedForm>();
  private readonly compiled = new WeakMap<PreparedForm, CompileResult>();

  constructor(@Optional() @Inject(FORM_VALIDATOR_OPTIONS) options?: Partial<FormValidatorOptions>) {
    this.options = { ...DEFAULT_FORM_VALIDATOR_OPTIONS, ...options };
  }

  /**
   * The prepared form for this content, computed once per content hash. Refuses (`FORM_SCRIPTS_NOT_ALLOWED`)
   * a form with custom JavaScript unless it opts in with `settings.allowScripts === true`.
   */
  prepare(formJson: FormDefinition): PreparedForm {
    const hash = contentHash(formJson);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const prepared = prepareForm(formJson, hash);
    if (prepared.scripts.length > 0 && !allowsScripts(formJson)) {
      throw new AppError('FORM_SCRIPTS_NOT_ALLOWED', { count: prepared.scripts.length }, { paths: prepared.scripts });
    }
    if (this.cache.size >= this.options.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, prepared);
    return prepared;
  }

  /**
   * The form's compiled validator, made once per prepared form, or the list of what the compiler does not cover
   * (then every submission of the form goes through @formio/core).
   */
  compilation(prepared: PreparedForm): CompileResult {
    let result = this.compiled.get(prepared);
    if (!result) this.compiled.set(prepared, (result = compileForm(prepared)));
    return result;
  }

  /**
   * Validates `data` against a form (raw JSON or prepared) and returns the cleaned data @formio/core computes
   * (unknown keys and conditionally hidden fields removed, server-side calculations redone): store that,
   * never the raw payload. The payload itself is not modified.
   *
   * Draft rule (`mode: 'draft'`): errors whose validator is `required` are dropped, and so are grid
   * row-count minimums (`minLength` on a data grid or edit grid, i.e. "not enough rows yet"). Every other
   * error is kept: formats, patterns, limits, text lengths, option lists, JSONLogic rules, maximum rows.
   *
   * Throws `FORM_DATA_NOT_OBJECT` when `data` is not a JSON object and `FORM_TOO_MANY_ROWS` when its grids
   * hold more rows in total than the configured safety limit; both are checked before @formio/core runs.
   * A form with scripts (it opts in, see `prepare`) runs them in the sandbox (`sandbox/script-sandbox.ts`):
   * `FORM_SCRIPT_TIMEOUT` (422) when one runs over 250 ms or all over 1 s.
   */
  validate(form: FormDefinition | PreparedForm, data: unknown, options: ValidateOptions = {}): FormValidationResult {
    const prepared = isPreparedForm(form) ? form : this.prepare(form);
    const mode = options.mode ?? 'submit';
    const language: Language = options.language ?? 'vi';
    if (data === undefined || data === null) data = {};
    if (!isPlainObject(data)) throw new AppError('FORM_DATA_NOT_OBJECT', {});
    const rows = countRows(prepared.grids, data, this.options.maxGridRows);
    if (rows > this.options.maxGridRows) throw new AppError('FORM_TOO_MANY_ROWS', { limit: this.options.maxGridRows });
    if (this.options.compile && prepared.scripts.length === 0) {
      const compiled = this.compilation(prepared).compiled;
      // undefined: the submission holds a value the compiled form leaves to @formio/core (see compiled/compiled-validator.ts).
      const result = compiled && runCompiled(compiled, data, mode, language);
      if (result) return result;
    }

    const copy = structuredClone(data);
    const context = {
      form: prepared.form,
      components: prepared.components,
      submission: { data: copy },
      data: copy,
      processors: PROCESSORS,
      scope: {} as { errors?: CoreError[] },
      config: { server: true },
    };
    if (prepared.scripts.length === 0) processSync(context as unknown as ProcessContext<never>);
    else {
      // Also for a prepared form made without `prepare()`: scripts run only when the form opts in, and then sandboxed.
      if (!allowsScripts(prepared.form)) throw new AppError('FORM_SCRIPTS_NOT_ALLOWED', { count: prepared.scripts.length }, { paths: prepared.scripts });
      runWithScriptSandbox(() => processSync(context as unknown as ProcessContext<never>), this.options.scriptLimits);
    }
    const coreErrors = context.scope.errors ?? [];
    const shaped = interpolateErrors(coreErrors as never, 'en');
    const errors: FormFieldError[] = [];
    coreErrors.forEach((raw, index) => {
      const validator = raw.ruleName;
      if (mode === 'draft' && (COMPLETENESS_VALIDATORS.has(validator) || raw.errorKeyOrMessage === 'minRows')) return;
      const label = shaped[index].context.label as string | undefined;
      errors.push({ path: String(shaped[index].context.path), validator, message: messageOf(raw, shaped[index].message, language), ...(label ? { label } : {}) });
    });
    return { valid: errors.length === 0, data: context.data as Record<string, unknown>, errors };
  }
}

/**
 * Rows in all grids of the payload (nested grids included), following the form's grids only; stops
 * counting as soon as `limit` is exceeded, so a huge payload costs no more than `limit` steps.
 */
export function countRows(grids: readonly GridNode[], row: unknown, limit: number, counted = 0): number {
  if (!isPlainObject(row)) return counted;
  for (const grid of grids) {
    let value: unknown = row;
    for (const segment of grid.dataPath) value = isPlainObject(value) ? value[segment] : undefined;
    if (!Array.isArray(value)) continue;
    counted += value.length;
    if (counted > limit) return counted;
    if (grid.children.length === 0) continue;
    for (const child of value) {
      counted = countRows(grid.children, child, limit, counted);
      if (counted > limit) return counted;
    }
  }
  return counted;
}
