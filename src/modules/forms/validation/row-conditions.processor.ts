import {
  checkSimpleConditional,
  conditionalProcess,
  conditionProcessInfo,
  ConditionsContext,
  isCustomConditionallyHidden,
  isSimpleConditional,
  isSimpleConditionallyHidden,
  ProcessorInfo,
  Utils,
} from '@formio/core';
import { FormComponent } from './form-validation.types';

/** A builder condition rewritten against the row it lives in, and the row's components to resolve it. */
interface RowConditional {
  conditional: Record<string, unknown>;
  rowComponents: FormComponent[];
}

type Condition = { component?: unknown } & Record<string, unknown>;

/** Keyed by the prepared form's own component objects, which @formio/core passes to processors unchanged. */
const rowConditionals = new WeakMap<object, RowConditional>();

/**
 * Finds builder ("simple") conditions of components inside a grid nested in another grid that refer only to
 * siblings in the same inner row (`sections.items.kind` for `sections.items.unit`), and records each rewritten
 * against the row (`kind`). @formio/core 2.8.3 resolves such a sibling with the inner row index alone, so it
 * reads `kind` from the wrong outer row; the @formio/js renderer reads the component's own row. Called once per
 * prepared form, on its private copy. Paths are Form.io's: data keys only, layout components add nothing.
 */
export function collectRowConditionals(components: FormComponent[] | undefined, grids: GridScope[] = [], prefix = ''): void {
  if (!Array.isArray(components)) return;
  for (const component of components) {
    if (!component || typeof component !== 'object') continue;
    if (grids.length >= 2) recordIfRowLocal(component, grids[grids.length - 1]);
    const key = component.key ?? '';
    switch (Utils.getModelType(component as Parameters<typeof Utils.getModelType>[0])) {
      case 'nestedArray':
      case 'nestedDataArray':
        collectRowConditionals(component.components, [...grids, { path: `${prefix}${key}`, components: component.components ?? [] }], `${prefix}${key}.`);
        break;
      case 'object':
        collectRowConditionals(component.components, grids, `${prefix}${key}.`);
        break;
      case 'none':
        collectRowConditionals(component.components, grids, prefix);
        component.columns?.forEach((column) => collectRowConditionals(column?.components, grids, prefix));
        if (Array.isArray(component.rows)) component.rows.forEach((row) => Array.isArray(row) && row.forEach((cell) => collectRowConditionals(cell?.components, grids, prefix)));
        break;
      default:
        // Values, content and nested forms (whose own paths start over): nothing inside to rewrite.
        break;
    }
  }
}

interface GridScope {
  path: string;
  components: FormComponent[];
}

function recordIfRowLocal(component: FormComponent, inner: GridScope): void {
  if (!isSimpleConditional(component.conditional as never)) return;
  const conditional = component.conditional as unknown as { conditions?: Condition[] } & Record<string, unknown>;
  const conditions = conditional.conditions ?? [];
  const local = conditions.map((condition) =>
    typeof condition.component === 'string' && condition.component.startsWith(`${inner.path}.`) ? condition.component.slice(inner.path.length + 1) : '',
  );
  if (!conditions.length || local.some((path) => path === '')) return;
  rowConditionals.set(component, {
    conditional: { ...conditional, conditions: conditions.map((condition, index) => ({ ...condition, component: local[index] })) },
    rowComponents: inner.components,
  });
}

function isRowConditionallyHidden(context: ConditionsContext): boolean {
  const local = rowConditionals.get(context.component);
  const row: unknown = (context as { row?: unknown }).row;
  if (!local || typeof row !== 'object' || row === null) return isSimpleConditionallyHidden(context);
  const show = checkSimpleConditional(local.conditional as never, {
    ...context,
    form: { components: local.rowComponents },
    data: row,
    localRoot: undefined,
    paths: undefined,
    local: false,
  } as unknown as ConditionsContext);
  return show === null || show === undefined ? false : !show;
}

/**
 * @formio/core's conditions processor (custom and simple conditions, same scope bookkeeping), except that the
 * builder conditions found by `collectRowConditionals` are judged against the component's own row.
 */
export const rowAwareConditionProcessInfo: ProcessorInfo<ConditionsContext, void> = {
  ...conditionProcessInfo,
  process: async (context) => rowAwareConditionProcessInfo.processSync!(context),
  processSync: (context) => conditionalProcess(context, (ctx) => isCustomConditionallyHidden(ctx) || isRowConditionallyHidden(ctx)),
};
