import { canonicalJson } from '../../common/hashing/canonical-json';
import { FormComponent, isPlainObject, walkComponents } from './form-schema';

export interface ComponentChange {
  /** Data path of the component (`clauses.heading` for a column of the `clauses` grid). */
  key: string;
  /** The properties that differ, as dotted paths (`label`, `validate.required`); arrays compare whole. */
  fields: string[];
}

export interface FormDiff {
  added: string[];
  removed: string[];
  changed: ComponentChange[];
}

/** Children are compared as components of their own, not as properties of their parent. */
const CHILD_PROPERTIES = new Set(['components', 'columns', 'rows']);

/** Keyed components by data path; a key repeated in one scope keeps its first component. */
function componentsByDataPath(schema: unknown): Map<string, FormComponent> {
  const byPath = new Map<string, FormComponent>();
  if (!isPlainObject(schema)) return byPath;
  for (const { component, scope } of walkComponents(schema.components)) {
    if (typeof component.key !== 'string' || component.key === '') continue;
    const path = scope ? `${scope}.${component.key}` : component.key;
    if (!byPath.has(path)) byPath.set(path, component);
  }
  return byPath;
}

/** Column widths and other properties of layout cells, without the components they hold. */
function ownProperties(component: FormComponent): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(component)) {
    if (!CHILD_PROPERTIES.has(name)) own[name] = value;
    else if (name !== 'components' && Array.isArray(value)) own[name] = stripChildren(value);
  }
  return own;
}

function stripChildren(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripChildren);
  if (!isPlainObject(value)) return value;
  const { components: _children, ...rest } = value;
  return rest;
}

function changedFields(before: unknown, after: unknown, prefix: string, into: string[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const name of names) changedFields(before[name], after[name], prefix ? `${prefix}.${name}` : name, into);
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after)) into.push(prefix);
}

/**
 * What changed between two form schemas, component by component matched on their data path:
 * components added, removed, and those whose own properties differ. A grid whose children
 * changed is not itself changed; its children are listed.
 */
export function diffForms(from: unknown, to: unknown): FormDiff {
  const before = componentsByDataPath(from);
  const after = componentsByDataPath(to);
  const added = [...after.keys()].filter((path) => !before.has(path));
  const removed = [...before.keys()].filter((path) => !after.has(path));
  const changed: ComponentChange[] = [];
  for (const [path, component] of after) {
    const earlier = before.get(path);
    if (!earlier) continue;
    const fields: string[] = [];
    changedFields(ownProperties(earlier), ownProperties(component), '', fields);
    if (fields.length) changed.push({ key: path, fields });
  }
  return { added, removed, changed };
}

