import { ComponentVisit, isInputComponent, isPlainObject, walkComponents } from './form-schema';
import { findScripts } from './validation/find-scripts';
import type { FormDefinition as FormioForm } from './validation/form-validation.types';

/** One problem with a form schema, located by a JSON path (`$.components[2].key`). */
export interface FormProblem {
  path: string;
  code: string;
  message: string;
}

/** Form.io keys become property names of the submission data and JSONLogic variables. */
export const COMPONENT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Where the form runs custom JavaScript; a shape the finder cannot walk is reported by the structure checks instead. */
function scriptLocations(schema: Record<string, unknown>): string[] {
  try {
    return findScripts(schema as unknown as FormioForm);
  } catch {
    return [];
  }
}

/** Whether the form opts in to custom JavaScript (`settings.allowScripts: true`). */
export const allowsScripts = (schema: Record<string, unknown>) => isPlainObject(schema.settings) && schema.settings.allowScripts === true;

function componentProblems(visits: ComponentVisit[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Map<string, string>();
  for (const { component, path, scope } of visits) {
    const { key } = component;
    if (key === undefined || key === null || key === '') {
      if (isInputComponent(component)) problems.push({ path: `${path}.key`, code: 'KEY_MISSING', message: `a ${String(component.type ?? 'input')} component needs a key` });
      continue;
    }
    if (typeof key !== 'string' || !COMPONENT_KEY_PATTERN.test(key)) {
      problems.push({ path: `${path}.key`, code: 'KEY_INVALID', message: `key ${JSON.stringify(key)} must match ${String(COMPONENT_KEY_PATTERN)}` });
      continue;
    }
    const dataPath = scope ? `${scope}.${key}` : key;
    const earlier = seen.get(dataPath);
    if (earlier) problems.push({ path: `${path}.key`, code: 'KEY_DUPLICATE', message: `key "${key}" is already used by ${earlier}${scope ? ` in ${scope}` : ''}` });
    else seen.set(dataPath, path);
  }
  return problems;
}

function componentListProblems(visits: ComponentVisit[]): FormProblem[] {
  // Component lists must hold objects only; the walk skips anything else, so it is reported here.
  const problems: FormProblem[] = [];
  for (const { component, path } of visits) {
    // Only the layout components hold children there: a textarea's `rows` is a number of lines.
    for (const [type, list] of [['columns', 'columns'], ['table', 'rows']] as const) {
      if (component.type === type && !Array.isArray(component[list])) problems.push({ path: `${path}.${list}`, code: 'COMPONENTS_NOT_ARRAY', message: `${list} must be an array` });
    }
    if ('components' in component && !Array.isArray(component.components)) {
      problems.push({ path: `${path}.components`, code: 'COMPONENTS_NOT_ARRAY', message: 'components must be an array' });
    } else if (Array.isArray(component.components)) {
      component.components.forEach((child, index) => {
        if (!isPlainObject(child)) problems.push({ path: `${path}.components[${index}]`, code: 'COMPONENT_NOT_OBJECT', message: 'a component must be an object' });
      });
    }
  }
  return problems;
}

/**
 * Every structural problem that keeps a schema from being published: not an object, no components,
 * input components without a key, keys Form.io cannot use as data names, keys used twice in one data
 * scope (the children of a data grid or container scope to it), and custom JavaScript unless
 * `settings.allowScripts` is true (found by the validator's `findScripts`, so publish and validation agree).
 */
export function formStructureProblems(schema: unknown): FormProblem[] {
  if (!isPlainObject(schema)) return [{ path: '$', code: 'NOT_OBJECT', message: 'the form must be a JSON object' }];
  if (schema.components === undefined) return [{ path: '$.components', code: 'COMPONENTS_MISSING', message: 'the form has no components' }];
  if (!Array.isArray(schema.components)) return [{ path: '$.components', code: 'COMPONENTS_NOT_ARRAY', message: 'components must be an array' }];
  if (schema.components.length === 0) return [{ path: '$.components', code: 'COMPONENTS_EMPTY', message: 'the form has no components' }];

  const problems: FormProblem[] = [];
  schema.components.forEach((child, index) => {
    if (!isPlainObject(child)) problems.push({ path: `$.components[${index}]`, code: 'COMPONENT_NOT_OBJECT', message: 'a component must be an object' });
  });
  const visits = walkComponents(schema.components);
  problems.push(...componentListProblems(visits), ...componentProblems(visits));
  if (!allowsScripts(schema)) {
    for (const location of scriptLocations(schema)) {
      const property = location.slice(location.lastIndexOf(']') + 2);
      problems.push({ path: `$.${location}`, code: 'SCRIPT_NOT_ALLOWED', message: `custom JavaScript in ${property} needs settings.allowScripts: true (JSONLogic is allowed)` });
    }
  }
  return problems;
}
