/** A Form.io form schema as stored: free JSON whose structure is checked by `formStructureProblems`. */
export type FormSchema = Record<string, unknown>;

/** One Form.io component (textfield, panel, datagrid…). */
export type FormComponent = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Components whose children keep their values in a nested object or in rows: a new key scope. */
export const DATA_SCOPE_TYPES = new Set(['datagrid', 'editgrid', 'datatable', 'datamap', 'container', 'tree', 'tagpad']);

/** Components that hold no value, so need no key (layout and content). */
const LAYOUT_TYPES = new Set(['panel', 'columns', 'column', 'fieldset', 'well', 'table', 'tabs', 'content', 'htmlelement', 'button']);

/** Whether a component stores a value in the submission and therefore needs a key. */
export function isInputComponent(component: FormComponent): boolean {
  if (component.input === true) return true;
  if (component.input === false) return false;
  return typeof component.type === 'string' && !LAYOUT_TYPES.has(component.type);
}

/** Where a component's children are, with the JSON path suffix of each list. */
export function childListsOf(component: FormComponent): { path: string; list: unknown }[] {
  const lists: { path: string; list: unknown }[] = [];
  if ('components' in component) lists.push({ path: '.components', list: component.components });
  if (Array.isArray(component.columns)) {
    component.columns.forEach((column, index) => {
      if (isPlainObject(column) && 'components' in column) lists.push({ path: `.columns[${index}].components`, list: column.components });
    });
  }
  if (Array.isArray(component.rows)) {
    component.rows.forEach((row, rowIndex) => {
      if (Array.isArray(row)) {
        row.forEach((cell, cellIndex) => {
          if (isPlainObject(cell) && 'components' in cell) lists.push({ path: `.rows[${rowIndex}][${cellIndex}].components`, list: cell.components });
        });
      }
    });
  }
  return lists;
}

export interface ComponentVisit {
  component: FormComponent;
  /** JSON path of the component, e.g. `$.components[1].components[0]`. */
  path: string;
  /** Data path of the enclosing data scope (`''` at the top, `clauses` inside the `clauses` grid). */
  scope: string;
}

/** Every component object of a form, depth first, with its JSON path and data scope. Non-objects are skipped. */
export function walkComponents(components: unknown, basePath = '$.components', scope = ''): ComponentVisit[] {
  const visits: ComponentVisit[] = [];
  if (!Array.isArray(components)) return visits;
  components.forEach((component, index) => {
    if (!isPlainObject(component)) return;
    const path = `${basePath}[${index}]`;
    visits.push({ component, path, scope });
    const inner = DATA_SCOPE_TYPES.has(String(component.type)) && typeof component.key === 'string' ? (scope ? `${scope}.${component.key}` : component.key) : scope;
    for (const child of childListsOf(component)) visits.push(...walkComponents(child.list, `${path}${child.path}`, inner));
  });
  return visits;
}
