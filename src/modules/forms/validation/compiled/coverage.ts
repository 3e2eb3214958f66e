import { FormComponent, FormDefinition } from '../form-validation.types';

/** Value components the compiler reproduces exactly, with the @formio/core rules that can fire on each. */
export const VALUE_TYPES: ReadonlySet<string> = new Set(['textfield', 'textarea', 'email', 'number', 'currency', 'checkbox', 'select', 'radio', 'selectboxes', 'datetime', 'hidden', 'button']);
/** Layout components: they hold components but no data of their own. */
const LAYOUT_TYPES: ReadonlySet<string> = new Set(['panel', 'columns']);
const TEXT_TYPES: ReadonlySet<string> = new Set(['textfield', 'textarea', 'email']);
const NUMBER_TYPES: ReadonlySet<string> = new Set(['number', 'currency']);

/**
 * Component settings that change nothing on the server (display, builder hints) or that the compiler
 * handles. Anything else (logic, calculations, custom code, masks, data sources, `hidden`, `multiple`…)
 * sends the whole form to the reference path: the allow-list is what keeps the compiled path exact.
 */
const HARMLESS_KEYS: ReadonlySet<string> = new Set([
  'type', 'key', 'label', 'input', 'validate', 'conditional', 'components', 'columns', 'values', 'data', 'dataSrc', 'defaultValue',
  'tableView', 'placeholder', 'tooltip', 'description', 'theme', 'action', 'disableOnInvalid', 'autoExpand', 'tree', 'reorder',
  'addAnother', 'initEmpty', 'widget', 'format', 'enableTime', 'datePicker', 'currency', 'delimiter', 'requireDecimal',
  'decimalLimit', 'suffix', 'prefix', 'inline', 'title', 'collapsible', 'width', 'offset', 'push', 'pull', 'size', 'id',
  'hideLabel', 'labelPosition', 'customClass', 'hidden', 'multiple', 'clearOnHide', 'rows',
]);
const VALIDATE_KEYS: ReadonlySet<string> = new Set(['required', 'minLength', 'maxLength', 'pattern', 'min', 'max', 'onlyAvailableItems', 'json', 'custom', 'customPrivate', 'customMessage']);

const isCount = (value: unknown): boolean => value === undefined || value === '' || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
const isLimit = (value: unknown): boolean => value === undefined || value === '' || (typeof value === 'number' && Number.isFinite(value));
const hasTemplate = (value: unknown): boolean => typeof value === 'string' && /\{\{|\{%/.test(value);
/** Option values that @formio/core's normalisation would turn into numbers or booleans. */
export const changesWhenNormalised = (value: string): boolean => String(Number(value)) === value || value.toLowerCase() === 'true' || value.toLowerCase() === 'false';

type Report = (location: string, what: string) => void;

/** @formio/core compiles a pattern on each validation and logs (without an error) one that does not compile. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(`^${pattern}$`);
    return true;
  } catch {
    return false;
  }
}

function checkValidate(component: FormComponent, location: string, inGrid: boolean, report: Report): void {
  const validate = component.validate;
  if (validate === undefined) return;
  if (typeof validate !== 'object' || validate === null) return report(location, 'validate is not an object');
  const type = component.type ?? '';
  for (const [name, value] of Object.entries(validate)) {
    if (!VALIDATE_KEYS.has(name)) report(location, `validate.${name}`);
    else if (name === 'required' && typeof value !== 'boolean') report(location, 'validate.required not a boolean');
    else if ((name === 'minLength' || name === 'maxLength') && !isCount(value)) report(location, `validate.${name} not a whole number`);
    else if ((name === 'minLength' || name === 'maxLength') && value && !TEXT_TYPES.has(type) && type !== 'datagrid') report(location, `validate.${name} on ${type}`);
    else if ((name === 'min' || name === 'max') && (!isLimit(value) || (value !== undefined && value !== '' && !NUMBER_TYPES.has(type)))) report(location, `validate.${name}`);
    else if (name === 'pattern' && (typeof value !== 'string' || (value !== '' && (!TEXT_TYPES.has(type) || !compiles(value))))) report(location, 'validate.pattern');
    else if (name === 'custom' && value !== '' && value !== undefined) report(location, 'validate.custom (script)');
    else if (name === 'customMessage' && (typeof value !== 'string' || hasTemplate(value))) report(location, 'validate.customMessage with a template');
    else if (name === 'json' && value !== '' && value !== undefined && !isSupportedJsonRule(value, inGrid)) report(location, 'validate.json (JSONLogic beyond { if: [{ <comparison>: [input, data.<field>] }, true, text] })');
  }
}

/** The JSONLogic comparisons a validation rule may make, evaluated with JavaScript's own operators as json-logic-js does. */
export const JSON_COMPARISONS: ReadonlySet<string> = new Set(['===', '==', '!==', '!=', '<', '<=', '>', '>=']);

const isVar = (operand: unknown, pattern: RegExp): operand is { var: string } =>
  typeof operand === 'object' && operand !== null && !Array.isArray(operand) && Object.keys(operand).length === 1 && typeof (operand as { var?: unknown }).var === 'string' && pattern.test((operand as { var: string }).var);
const DATA_VAR = /^data\.[A-Za-z_][\w-]*$/;
const ROW_VAR = /^row\.[A-Za-z_][\w-]*$/;

/**
 * The JSONLogic rule shape the compiler evaluates itself: the value compared with another top-level field, as the
 * builder writes it (`{ if: [{ '<=': [{ var: 'input' }, { var: 'data.total' }] }, true, 'text'] }`), with one of
 * JSON_COMPARISONS.
 */
export function isSupportedJsonRule(rule: unknown, inGrid: boolean): boolean {
  if (inGrid || typeof rule !== 'object' || rule === null || Array.isArray(rule)) return false;
  const branches = (rule as { if?: unknown }).if;
  if (Object.keys(rule).length !== 1 || !Array.isArray(branches) || branches.length !== 3) return false;
  const [test, valid, message] = branches as [unknown, unknown, unknown];
  if (valid !== true || typeof message !== 'string' || message === '' || hasTemplate(message)) return false;
  if (typeof test !== 'object' || test === null || Object.keys(test).length !== 1) return false;
  const [operator, operands] = Object.entries(test)[0];
  if (!JSON_COMPARISONS.has(operator) || !Array.isArray(operands) || operands.length !== 2) return false;
  return JSON.stringify(operands[0]) === JSON.stringify({ var: 'input' }) && isVar(operands[1], DATA_VAR);
}

/**
 * The JSONLogic condition shape the compiler evaluates itself: "is one of these texts",
 * `{ in: [{ var: 'data.<field>' }, ['a', 'b']] }` (in a grid, `row.<column>` instead of `data.<field>`).
 */
export function isSupportedJsonCondition(json: unknown, inGrid: boolean): json is { in: [{ var: string }, string[]] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || Object.keys(json).length !== 1) return false;
  const operands = (json as { in?: unknown }).in;
  if (!Array.isArray(operands) || operands.length !== 2) return false;
  const [source, list] = operands as [unknown, unknown];
  return isVar(source, inGrid ? ROW_VAR : DATA_VAR) && Array.isArray(list) && list.every((item) => typeof item === 'string');
}

/**
 * A condition the compiler evaluates: the builder's "is equal to" tests (not in grids), a legacy `when`/`eq`
 * (not in grids), or a JSONLogic "is one of" (isSupportedJsonCondition).
 */
function checkConditional(component: FormComponent, location: string, inGrid: boolean, report: Report): void {
  const conditional = component.conditional as Record<string, unknown> | undefined;
  if (conditional === undefined || conditional === null) return;
  const { show, when, eq, json, conjunction, conditions } = conditional as Record<string, unknown>;
  const simple = Boolean(conjunction && conditions);
  const legacyEmpty = !when && (eq === undefined || eq === '') && !json;
  if (!simple && legacyEmpty) return; // the builder's empty condition: always shown
  if (json && (when || simple)) return report(location, 'conditional of several kinds');
  if (json) {
    if (!isSupportedJsonCondition(json, inGrid)) report(location, 'conditional (JSONLogic beyond { in: [{ var }, [texts]] })');
    return;
  }
  if (inGrid) return report(location, 'conditional inside a grid');
  if (show !== true && show !== false && show !== 'true' && show !== 'false') return report(location, 'conditional.show');
  if (when) {
    if (simple) return report(location, 'conditional of several kinds');
    if (typeof when !== 'string' || !/^[A-Za-z_][\w-]*$/.test(when) || !['string', 'number', 'boolean'].includes(typeof eq)) report(location, 'conditional (legacy when/eq)');
    return;
  }
  if (!Array.isArray(conditions) || (conjunction !== 'all' && conjunction !== 'any')) return report(location, 'conditional shape');
  for (const condition of conditions as Array<Record<string, unknown>>) {
    if (typeof condition !== 'object' || condition === null || condition.operator !== 'isEqual' || typeof condition.component !== 'string') return report(location, 'conditional operator other than isEqual');
    const compared = condition.value;
    if (!['string', 'number', 'boolean'].includes(typeof compared)) return report(location, 'conditional value');
  }
}

function checkComponent(component: FormComponent, location: string, inGrid: boolean, report: Report): void {
  const type = component.type ?? '';
  for (const name of Object.keys(component)) if (!HARMLESS_KEYS.has(name)) report(location, name);
  if (component.hidden !== undefined && component.hidden !== false) report(location, 'hidden');
  if (component.multiple !== undefined && component.multiple !== false) report(location, 'multiple');
  if (component.clearOnHide !== undefined && component.clearOnHide !== true) report(location, 'clearOnHide');
  if (component.defaultValue !== undefined && component.defaultValue !== null && component.defaultValue !== false && component.defaultValue !== '') report(location, 'defaultValue');
  if ([component.label, component.placeholder].some(hasTemplate)) report(location, 'label template');
  if (typeof component.key !== 'string' || !/^[A-Za-z_][\w-]*$/.test(component.key) || component.key in Object.prototype) report(location, 'key');
  if (LAYOUT_TYPES.has(type)) {
    if (component.conditional && Object.values(component.conditional).some((value) => value !== null && value !== '' && value !== false)) report(location, 'conditional on a layout component');
    if (component.input === true) report(location, 'layout component with input');
    return;
  }
  if (component.input !== true) report(location, 'input is not true');
  if (type === 'textarea' && component.rows !== undefined && typeof component.rows !== 'number') report(location, 'rows');
  if (type === 'select') {
    const values = component.data?.values;
    const other = component.data && Object.keys(component.data).some((name) => name !== 'values');
    if (component.dataSrc !== 'values' || !Array.isArray(values) || other) report(location, 'select data source');
    else if (!values.every((option) => typeof (option as { value?: unknown })?.value === 'string' && !changesWhenNormalised((option as { value: string }).value))) report(location, 'select option values');
  } else if (component.data !== undefined || component.dataSrc !== undefined) report(location, 'data source');
  if (type === 'radio' || type === 'selectboxes') {
    if (!Array.isArray(component.values) || !component.values.every((option) => typeof (option as { value?: unknown })?.value === 'string' && !changesWhenNormalised((option as { value: string }).value))) report(location, 'option values');
  } else if (component.values !== undefined) report(location, 'values');
  if (type === 'datetime' && component.widget && typeof component.widget === 'object' && ['minDate', 'maxDate'].some((name) => Object.prototype.hasOwnProperty.call(component.widget, name))) report(location, 'date limits');
  checkValidate(component, location, inGrid, report);
  checkConditional(component, location, inGrid, report);
}

/**
 * What in a form the compiler does not reproduce exactly, as `location: feature` lines; empty when the whole
 * form compiles. Supported: top-level value components and layout (panels, columns), data grids of value
 * components (not nested), builder conditions of "is equal to" tests on top-level fields and legacy when/eq
 * conditions (not in grids), JSONLogic "is one of" conditions (checkConditional).
 */
export function uncoveredFeatures(form: FormDefinition): string[] {
  const found: string[] = [];
  const report: Report = (location, what) => found.push(`${location}: ${what}`);
  if (!form || !Array.isArray(form.components)) return ['components: not an array'];
  for (const name of Object.keys(form)) if (!['display', 'components', 'settings', 'title', 'name', 'path', 'type', 'tags', 'description'].includes(name)) report('form', name);
  if (form.display !== undefined && form.display !== 'form') report('form', `display ${String(form.display)}`);
  const keys = new Set<string>();
  const walk = (components: unknown, base: string, inGrid: boolean): void => {
    if (!Array.isArray(components)) return report(base, 'components not an array');
    (components as FormComponent[]).forEach((component, index) => {
      const location = `${base}components[${index}]`;
      if (!component || typeof component !== 'object') return report(location, 'not an object');
      const type = component.type ?? '';
      checkComponent(component, location, inGrid, report);
      if (!LAYOUT_TYPES.has(type) && !inGrid) {
        if (keys.has(component.key ?? '')) report(location, 'duplicate key');
        keys.add(component.key ?? '');
      }
      if (type === 'panel') walk(component.components ?? [], `${location}.`, inGrid);
      else if (type === 'columns') {
        if (inGrid) report(location, 'columns inside a grid');
        if (!Array.isArray(component.columns)) report(location, 'columns');
        else component.columns.forEach((column, c) => walk(column?.components ?? [], `${location}.columns[${c}].`, inGrid));
      } else if (type === 'datagrid') {
        if (inGrid) report(location, 'grid inside a grid');
        if (component.conditional && Object.values(component.conditional).some((value) => value !== null && value !== '' && value !== false)) report(location, 'conditional on a grid');
        const childKeys = new Set<string>();
        (component.components ?? []).forEach((child, c) => {
          if (child && (child.type === 'panel' || child.type === 'columns' || child.type === 'datagrid')) report(`${location}.components[${c}]`, `${child.type} inside a grid`);
          if (child && childKeys.has(child.key ?? '')) report(`${location}.components[${c}]`, 'duplicate key');
          childKeys.add(child?.key ?? '');
        });
        walk(component.components ?? [], `${location}.`, true);
      } else if (!VALUE_TYPES.has(type)) report(location, `type ${type || '(none)'}`);
      else if (component.components !== undefined || component.columns !== undefined) report(location, 'components inside a value component');
    });
  };
  walk(form.components, '', false);
  return found;
}
