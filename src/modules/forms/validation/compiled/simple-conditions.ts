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

/**
 * A builder condition ({ show, conjunction, conditions: [{ component, operator: 'isEqual', value }] }) as a
 * closure, or undefined when the component is always shown. `coverage.ts` admitted its shape; `sources` are the
 * top-level value components a condition may name (others make the form fall back: undefined is returned as
 * 'unsupported'). An empty list of conditions shows the component, as in @formio/core.
 */
export function compileShown(component: FormComponent, sources: ReadonlyMap<string, FormComponent>): Shown | undefined | 'unsupported' {
  const conditional = component.conditional as { show?: unknown; conjunction?: string; conditions?: Array<{ component: string; value: unknown }> } | undefined;
  if (!conditional || !conditional.conjunction || !conditional.conditions) return undefined;
  const conditions = conditional.conditions;
  if (conditions.length === 0) return undefined;
  if (conditions.some((condition) => !sources.has(condition.component) || condition.component === component.key)) return 'unsupported';
  const show = conditional.show === true || conditional.show === 'true';
  const any = conditional.conjunction === 'any';
  return (data) => {
    const results = conditions.map((condition) => isEqualTo(data[condition.component], condition.value));
    const result = any ? results.some(Boolean) : results.every(Boolean);
    return show ? result : !result;
  };
}
