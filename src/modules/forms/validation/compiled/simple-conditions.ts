import { FormComponent } from '../form-validation.types';

/** Says whether a component is shown, from the submission as @formio/core sees it when it reaches the component. */
export type Shown = (data: Record<string, unknown>) => boolean;

/** @formio/core's IsEqualTo operator, for the plain values a compiled form can hold (never select boxes or arrays). */
function isEqualTo(value: unknown, compared: unknown): boolean {
  if ((value || value === false) && compared && typeof value !== typeof compared && typeof compared === 'string') {
    try {
      compared = JSON.parse(compared);
    } catch {
      // as @formio/core: keep the text
    }
  }
  // lodash's isEqual, as @formio/core calls it, on a plain value (condition sources never hold objects): same value, NaN equal to itself.
  return value === compared || (value !== value && compared !== compared);
}

/** The values a condition may read: by key, the components whose values are plain and never normalised. */
export interface ConditionSources {
  /** The builder's "is equal to" tests: components at the very top only (their path is their key). */
  top: ReadonlyMap<string, FormComponent>;
  /** `data.<key>` and legacy `when`: the submission's root values, through panels and columns (not grid columns). */
  root: ReadonlyMap<string, FormComponent>;
  /** `row.<key>` in a grid: the columns of the same grid. */
  row?: ReadonlyMap<string, FormComponent>;
}

/**
 * A component's condition as a closure, or undefined when the component is always shown. `coverage.ts` admitted its
 * shape: the builder's "is equal to" tests ({ show, conjunction, conditions: [{ component, operator: 'isEqual',
 * value }] }; an empty list shows the component, as in @formio/core), a legacy { show, when, eq }, or a JSONLogic
 * { in: [{ var }, [texts]] }. A condition that reads anything but a source returns 'unsupported' (the form falls back).
 */
export function compileShown(component: FormComponent, sources: ConditionSources): Shown | undefined | 'unsupported' {
  const conditional = component.conditional as { show?: unknown; conjunction?: string; conditions?: Array<{ component: string; value: unknown }>; when?: string; eq?: unknown; json?: unknown } | undefined;
  if (!conditional) return undefined;
  if (conditional.json) return jsonShown(component, conditional.json as { in: [{ var: string }, string[]] }, sources);
  if (conditional.when) return legacyShown(component, conditional as { show: unknown; when: string; eq: unknown }, sources);
  if (!conditional.conjunction || !conditional.conditions) return undefined;
  const conditions = conditional.conditions;
  if (conditions.length === 0) return undefined;
  if (conditions.some((condition) => !sources.top.has(condition.component) || condition.component === component.key)) return 'unsupported';
  const show = conditional.show === true || conditional.show === 'true';
  const any = conditional.conjunction === 'any';
  return (data) => {
    const results = conditions.map((condition) => isEqualTo(data[condition.component], condition.value));
    const result = any ? results.some(Boolean) : results.every(Boolean);
    return show ? result : !result;
  };
}

/**
 * json-logic-js's `in` on a list: strict equality with one of its items (a missing value is read as null). `data`
 * is the submission, or the grid row for `row.` (@formio/core evaluates it with both, and hides on a falsy result).
 */
function jsonShown(component: FormComponent, json: { in: [{ var: string }, string[]] }, sources: ConditionSources): Shown | 'unsupported' {
  const [scope, key] = json.in[0].var.split('.') as ['data' | 'row', string];
  const readable = scope === 'row' ? sources.row : sources.root;
  if (!readable?.has(key) || key === component.key) return 'unsupported';
  const items = json.in[1];
  return (data) => items.indexOf((data[key] ?? null) as string) !== -1;
}

/** @formio/core's legacy condition on a plain value: shown when (its text equals `eq`) is (`show` is 'true'). */
function legacyShown(component: FormComponent, conditional: { show: unknown; when: string; eq: unknown }, sources: ConditionSources): Shown | 'unsupported' {
  if (!sources.root.has(conditional.when) || conditional.when === component.key) return 'unsupported';
  const eq = String(conditional.eq);
  const show = String(conditional.show) === 'true';
  return (data) => (String(data[conditional.when]) === eq) === show;
}
