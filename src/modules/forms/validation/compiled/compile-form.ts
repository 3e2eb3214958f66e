import { FormComponent, PreparedForm } from '../form-validation.types';
import { rowLimit } from '../row-count.processor';
import { changesWhenNormalised, uncoveredFeatures } from './coverage';
import { errorTemplate, ErrorTemplate } from './error-message';
import { Rule, valueRules } from './field-rules';
import { compileShown, ConditionSources, Shown } from './simple-conditions';

/** One value component, compiled. */
export interface ValuePlan {
  kind: 'value';
  key: string;
  /** False for a value of a type this plan does not reproduce exactly: the whole submission then goes to the reference path. */
  accepts: (value: unknown) => boolean;
  /** @formio/core's normalize processor for this type (e-mail trimmed and lower-cased, select boxes defaulting to {}). */
  normalise?: (value: unknown) => unknown;
  /** @formio/core keeps an absent number as null in its working data (its filter's "GOTCHA G-CORE06"). */
  nullWhenAbsent: boolean;
  shown?: Shown;
  rules: Rule[];
}

/** One data grid of value components, compiled. */
export interface GridPlan {
  kind: 'grid';
  key: string;
  columns: ValuePlan[];
  rules: Rule[];
  minRows?: { limit: number; error: ErrorTemplate };
  maxRows?: { limit: number; error: ErrorTemplate };
}

export type Plan = ValuePlan | GridPlan;

export interface CompiledForm {
  /** Top-level plans in @formio/core's traversal order (layout components flattened away). */
  readonly plans: readonly Plan[];
}

export type CompileResult = { compiled: CompiledForm; uncovered: [] } | { compiled?: undefined; uncovered: string[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (test: (value: unknown) => boolean) => (value: unknown) => value === undefined || test(value);

/** The values each type is compiled for; anything else (null, arrays, numbers as text…) is left to @formio/core. */
function accepts(type: string): (value: unknown) => boolean {
  switch (type) {
    case 'textfield':
    case 'textarea':
    case 'email':
    case 'datetime':
      return optional((value) => typeof value === 'string');
    case 'number':
    case 'currency':
      return optional((value) => typeof value === 'number' && Number.isFinite(value));
    case 'checkbox':
    case 'button':
      return optional((value) => typeof value === 'boolean');
    case 'select':
    case 'radio':
      return optional((value) => typeof value === 'string' && !changesWhenNormalised(value));
    case 'selectboxes':
      return optional((value) => isPlainObject(value) && Object.values(value).every((item) => typeof item === 'boolean'));
    case 'hidden':
      return optional((value) => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)));
    default:
      return () => false;
  }
}

function normaliser(type: string): ValuePlan['normalise'] {
  if (type === 'email') return (value) => (typeof value === 'string' && value !== '' ? value.trim().toLowerCase() : value);
  // Copied, so that the cleaned data never shares an object with the payload.
  if (type === 'selectboxes') return (value) => (value === undefined ? {} : { ...(value as object) });
  return undefined;
}

function valuePlan(component: FormComponent, sources: ConditionSources): ValuePlan | string {
  const type = component.type ?? '';
  const shown = compileShown(component, sources);
  if (shown === 'unsupported') return `${component.key}: condition on a field the compiler cannot read`;
  return { kind: 'value', key: component.key ?? '', accepts: accepts(type), normalise: normaliser(type), nullWhenAbsent: type === 'number', shown, rules: valueRules(component) };
}

function gridPlan(component: FormComponent, sources: ConditionSources): GridPlan | string {
  const columns: ValuePlan[] = [];
  const row = conditionSources(component.components ?? []);
  for (const child of component.components ?? []) {
    const plan = valuePlan(child, { ...sources, row });
    if (typeof plan === 'string') return plan;
    columns.push(plan);
  }
  const min = rowLimit(component.validate?.minLength);
  const max = rowLimit(component.validate?.maxLength);
  const limit = (key: string, ruleName: string, value: number) => ({ limit: value, error: errorTemplate(component, key, ruleName, { length: String(value), setting: String(value) }) });
  return {
    kind: 'grid',
    key: component.key ?? '',
    columns,
    rules: valueRules(component),
    ...(min !== undefined ? { minRows: limit('minRows', 'minLength', min) } : {}),
    ...(max !== undefined ? { maxRows: limit('maxRows', 'maxLength', max) } : {}),
  };
}

/** Top-level data components in traversal order, through panels and columns. */
function flatten(components: FormComponent[], into: FormComponent[] = []): FormComponent[] {
  for (const component of components) {
    if (component.type === 'panel') flatten(component.components ?? [], into);
    else if (component.type === 'columns') (component.columns ?? []).forEach((column) => flatten(column?.components ?? [], into));
    else into.push(component);
  }
  return into;
}

// The component types a condition may read: their values are plain and never normalised.
const CONDITION_SOURCES: ReadonlySet<string> = new Set(['checkbox', 'textfield', 'textarea', 'number', 'select', 'radio']);

const conditionSources = (components: FormComponent[], except: ReadonlySet<string | undefined> = new Set()): ReadonlyMap<string, FormComponent> =>
  new Map(components.filter((component) => CONDITION_SOURCES.has(component.type ?? '') && !except.has(component.key)).map((component) => [component.key ?? '', component] as const));

/**
 * Compiles a prepared form into plans, once, or lists what it does not cover (see `coverage.ts`). The plans are
 * built from the prepared (server-adjusted) copy, so they see the same settings as the reference path.
 */
export function compileForm(prepared: PreparedForm): CompileResult {
  try {
    return compile(prepared);
  } catch (error) {
    // A form the allow-list let through but that does not compile is still validated, by @formio/core.
    return { uncovered: [`compiler: ${(error as Error).message}`] };
  }
}

function compile(prepared: PreparedForm): CompileResult {
  const uncovered = uncoveredFeatures(prepared.form);
  if (uncovered.length > 0) return { uncovered };
  const top = flatten(prepared.components);
  // The builder's tests may name only components at the very top (not in a panel) whose key no grid column reuses:
  // there @formio/core's lookup of a condition's component by path is unambiguous and reads the submission's root.
  // JSONLogic's `data.` and a legacy `when` read the root by key, so any top-level value may be named, but not a key
  // a grid column reuses either (a legacy lookup by path could find the column).
  const columnKeys = new Set(top.filter((component) => component.type === 'datagrid').flatMap((grid) => (grid.components ?? []).map((column) => column.key)));
  const sources = { top: conditionSources(prepared.components, columnKeys), root: conditionSources(top, columnKeys) };
  const plans: Plan[] = [];
  for (const component of top) {
    const plan = component.type === 'datagrid' ? gridPlan(component, sources) : valuePlan(component, sources);
    if (typeof plan === 'string') return { uncovered: [plan] };
    plans.push(plan);
  }
  return { compiled: { plans }, uncovered: [] };
}
