/**
 * Plausible data for a Form.io form, as an officer in a hurry would fill it: every input gets a value that respects its
 * type and simple limits (required, min/max, options). It is checked by the same validator as a real submission; a
 * form it cannot satisfy is reported by the dry run, not forced.
 */
interface Component {
  type?: string;
  key?: string;
  input?: boolean;
  multiple?: boolean;
  components?: Component[];
  columns?: Array<{ components?: Component[] }>;
  rows?: Array<Array<{ components?: Component[] }>>;
  values?: Array<{ value: string }>;
  data?: { values?: Array<{ value: string }> };
  validate?: { required?: boolean; min?: number | string; max?: number | string; minLength?: number | string; minWords?: number | string; pattern?: string };
  defaultValue?: unknown;
}

const CONTAINERS = new Set(['panel', 'fieldset', 'well', 'columns', 'table', 'tabs']);

/** What the values are made of: the day to write, a text, and for bounded numbers where in the range (0–1). */
export interface SyntheticContext {
  date: string;
  text: string;
  random?: () => number;
}

export function syntheticSubmission(schema: { components?: Component[] }, context: SyntheticContext): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  fill(schema.components ?? [], data, context);
  return data;
}

function children(component: Component): Component[] {
  return [
    ...(component.components ?? []),
    ...(component.columns ?? []).flatMap((column) => column.components ?? []),
    ...(component.rows ?? []).flatMap((row) => row.flatMap((cell) => cell.components ?? [])),
  ];
}

function fill(components: Component[], data: Record<string, unknown>, context: SyntheticContext): void {
  for (const component of components) {
    const type = component.type ?? '';
    if (CONTAINERS.has(type) || (!component.input && type !== 'datagrid' && type !== 'editgrid' && type !== 'container')) {
      fill(children(component), data, context);
      continue;
    }
    if (!component.key || type === 'button') continue;
    const value = valueOf(component, context);
    if (value !== undefined) data[component.key] = value;
  }
}

function valueOf(component: Component, context: SyntheticContext): unknown {
  const limits = component.validate ?? {};
  switch (component.type) {
    case 'datagrid':
    case 'editgrid': {
      const row: Record<string, unknown> = {};
      fill(children(component), row, context);
      return [row];
    }
    case 'container': {
      const inner: Record<string, unknown> = {};
      fill(children(component), inner, context);
      return inner;
    }
    case 'number':
    case 'currency': {
      const min = limits.min !== undefined && limits.min !== '' ? Number(limits.min) : undefined;
      const max = limits.max !== undefined && limits.max !== '' ? Number(limits.max) : undefined;
      // A score between its bounds when there are both (whole points when both are whole), else the default or the least.
      if (min !== undefined && max !== undefined && context.random) {
        const value = min + (max - min) * context.random();
        return Number.isInteger(min) && Number.isInteger(max) ? Math.round(value) : Math.round(value * 100) / 100;
      }
      if (typeof component.defaultValue === 'number') return component.defaultValue;
      return min ?? (max !== undefined ? Math.min(1, max) : 1);
    }
    case 'checkbox':
      return limits.required ? true : false;
    case 'selectboxes': {
      const options = component.values ?? [];
      return Object.fromEntries(options.map((option, index) => [option.value, index === 0]));
    }
    case 'radio':
      return component.values?.[0]?.value;
    case 'select': {
      const first = (component.data?.values ?? component.values ?? [])[0]?.value;
      return first === undefined ? undefined : component.multiple ? [first] : first;
    }
    case 'datetime':
    case 'day':
      return `${context.date}T00:00:00.000Z`;
    case 'email':
      return 'dien-tap@example.vn';
    case 'phoneNumber':
      return '0900000000';
    case 'url':
      return 'https://example.vn';
    case 'file':
    case 'signature':
      return undefined;
    default: {
      if (limits.pattern) return patterned(limits.pattern, context.text);
      const words = Math.max(Number(limits.minWords ?? 0), 1);
      const base = Array.from({ length: words }, () => context.text).join(' ');
      const minLength = Number(limits.minLength ?? 0);
      return base.length >= minLength ? base : base.padEnd(minLength, '.');
    }
  }
}

/** A text that matches the field's pattern, from a few usual shapes (a phone number, a code, a word); else the plain text. */
function patterned(pattern: string, text: string): string {
  let matcher: RegExp;
  try {
    matcher = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return text;
  }
  return [text, '0912 345 678', '0912345678', 'VKS-2020', 'DT2020', '2020', '1', 'a', 'A'].find((candidate) => matcher.test(candidate)) ?? text;
}
