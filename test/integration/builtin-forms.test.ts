import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The built-in Form.io forms in forms/<domain>/<name>.form.json: static checks that need no app.
 * Every file parses, is named after its file, has valid and unique keys and labels, and carries no
 * custom JavaScript unless the form opts in with `settings.allowScripts === true`.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Component = { [key: string]: Json };

const FORMS_ROOT = join(__dirname, '..', '..', 'forms');
const SUFFIX = '.form.json';
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const EXPECTED = ['pact/pact-draft', 'pact/title-registration', 'reporting/midyear-report', 'reporting/yearend-report'];

/** Components whose children keep their values in a nested object or in rows: a new key scope. */
const DATA_SCOPES = new Set(['datagrid', 'editgrid', 'datatable', 'datamap', 'container', 'tree', 'tagpad']);
/** Components whose values come from a list of options. */
const OPTION_TYPES = new Set(['radio', 'selectboxes', 'select']);

const isObject = (value: unknown): value is Component => typeof value === 'object' && value !== null && !Array.isArray(value);

const findFormFiles = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return findFormFiles(full);
    return entry.isFile() && entry.name.endsWith(SUFFIX) ? [full] : [];
  });

/** The direct child components of a component: `components`, `columns[].components`, `rows[][].components`. */
const childrenOf = (component: Component): Component[] => {
  const children: Component[] = [];
  const take = (list: Json | undefined) => {
    if (Array.isArray(list)) children.push(...list.filter(isObject));
  };
  take(component.components);
  if (Array.isArray(component.columns)) component.columns.filter(isObject).forEach((column) => take(column.components));
  if (Array.isArray(component.rows)) {
    for (const row of component.rows) {
      if (Array.isArray(row)) row.filter(isObject).forEach((cell) => take(cell.components));
      else if (isObject(row)) take(row.components);
    }
  }
  return children;
};

interface Visit {
  component: Component;
  /** Human-readable location, e.g. `components[2].components[0]` with keys. */
  path: string;
  /** The keys of the enclosing data scopes ('' for the form itself). */
  scope: string;
}

/** Every component of a form, depth first, with the data scope its key lives in. */
const walk = (components: Json | undefined): Visit[] => {
  const visits: Visit[] = [];
  const visit = (component: Component, path: string, scope: string) => {
    visits.push({ component, path, scope });
    const inner = DATA_SCOPES.has(String(component.type)) ? `${scope}/${String(component.key)}` : scope;
    childrenOf(component).forEach((child, index) => visit(child, `${path} > ${String(child.key ?? index)}`, inner));
  };
  if (Array.isArray(components)) components.filter(isObject).forEach((component, index) => visit(component, String(component.key ?? index), ''));
  return visits;
};

/** Where a component would run custom JavaScript (JSONLogic is fine). */
const scriptsIn = (component: Component): string[] => {
  const found: string[] = [];
  const isCode = (value: Json | undefined) => typeof value === 'string' && value.trim() !== '';
  for (const property of ['custom', 'customConditional', 'calculateValue', 'customDefaultValue', 'onChange']) {
    if (isCode(component[property])) found.push(property);
  }
  if (isObject(component.validate) && isCode(component.validate.custom)) found.push('validate.custom');
  if (isObject(component.data) && isCode(component.data.custom)) found.push('data.custom');
  if (component.dataSrc === 'custom') found.push('dataSrc');
  if (Array.isArray(component.logic)) {
    component.logic.filter(isObject).forEach((logic, index) => {
      if (isObject(logic.trigger) && (logic.trigger.type === 'javascript' || isCode(logic.trigger.javascript))) found.push(`logic[${index}].trigger`);
      if (Array.isArray(logic.actions)) {
        logic.actions.filter(isObject).forEach((action, actionIndex) => {
          if (action.type === 'customAction' || isCode(action.customAction) || (action.type === 'value' && isCode(action.value))) {
            found.push(`logic[${index}].actions[${actionIndex}]`);
          }
        });
      }
    });
  }
  return found;
};

/** Every problem of one form file; an empty list means the file is fine. */
const problemsOf = (file: string, text: string): string[] => {
  let form: Json;
  try {
    form = JSON.parse(text) as Json;
  } catch (error) {
    return [`does not parse as JSON: ${(error as Error).message}`];
  }
  if (!isObject(form)) return ['is not a JSON object'];
  const problems: string[] = [];
  const [domain, ...rest] = relative(FORMS_ROOT, file).split(sep);
  const name = rest.join('/').slice(0, -SUFFIX.length);
  if (rest.length !== 1) problems.push('must lie directly in forms/<domain>/');
  if (form.name !== name) problems.push(`name ${JSON.stringify(form.name)} must equal the file name ${JSON.stringify(name)}`);
  if (form.path !== `${domain}/${name}`) problems.push(`path ${JSON.stringify(form.path)} must be ${JSON.stringify(`${domain}/${name}`)}`);
  if (typeof form.title !== 'string' || form.title.trim() === '') problems.push('title must be a non-empty string');
  if (form.display !== 'form') problems.push('display must be "form"');
  if (form.type !== 'form') problems.push('type must be "form"');
  if (!Array.isArray(form.components) || form.components.length === 0) problems.push('components must be a non-empty array');
  const allowScripts = isObject(form.settings) && form.settings.allowScripts === true;

  const visits = walk(form.components);
  const seen = new Map<string, string>();
  const allKeys = new Set<string>();
  for (const { component, path, scope } of visits) {
    const key = component.key;
    if (component.input === true || key !== undefined) {
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        problems.push(`${path}: key ${JSON.stringify(key)} must match ${String(KEY_PATTERN)}`);
      } else {
        allKeys.add(key);
        const scoped = `${scope}/${key}`;
        const earlier = seen.get(scoped);
        if (earlier !== undefined) problems.push(`${path}: key "${key}" is already used by ${earlier}${scope ? ` in ${scope.slice(1)}` : ''}`);
        else seen.set(scoped, path);
      }
    }
    if ((component.input === true || 'label' in component) && (typeof component.label !== 'string' || component.label.trim() === '')) {
      problems.push(`${path}: label must be a non-empty string`);
    }
    if (!allowScripts) scriptsIn(component).forEach((where) => problems.push(`${path}: custom JavaScript in ${where} (the form does not allow scripts)`));

    const validate = isObject(component.validate) ? component.validate : {};
    for (const [low, high] of [['min', 'max'], ['minLength', 'maxLength']]) {
      const lowValue = validate[low];
      const highValue = validate[high];
      if (typeof lowValue === 'number' && typeof highValue === 'number' && lowValue > highValue) problems.push(`${path}: validate.${low} > validate.${high}`);
    }
    if (OPTION_TYPES.has(String(component.type))) {
      const options = component.type === 'select' ? (isObject(component.data) ? component.data.values : undefined) : component.values;
      const values = Array.isArray(options) ? options.filter(isObject) : [];
      if (component.type !== 'select' || component.dataSrc === 'values' || component.dataSrc === undefined) {
        if (values.length === 0) problems.push(`${path}: offers no options`);
        if (validate.onlyAvailableItems !== true) problems.push(`${path}: must refuse values it does not offer (validate.onlyAvailableItems)`);
        if (new Set(values.map((option) => option.value)).size !== values.length) problems.push(`${path}: option values repeat`);
        values.forEach((option) => {
          if (typeof option.label !== 'string' || option.label.trim() === '') problems.push(`${path}: an option has no label`);
          if (typeof option.value !== 'string' || !KEY_PATTERN.test(option.value)) problems.push(`${path}: option value ${JSON.stringify(option.value)} must match ${String(KEY_PATTERN)}`);
        });
      }
    }
  }
  // Simple conditionals must name a component of the form.
  for (const { component, path } of visits) {
    const conditional = isObject(component.conditional) ? component.conditional : {};
    const targets = [conditional.when, ...(Array.isArray(conditional.conditions) ? conditional.conditions.filter(isObject).map((c) => c.component) : [])];
    for (const target of targets) {
      if (typeof target === 'string' && target !== '' && !allKeys.has(target.split('.').pop() ?? target)) {
        problems.push(`${path}: conditional refers to the unknown component "${target}"`);
      }
    }
  }
  const submits = visits.filter(({ component }) => component.type === 'button' && component.action === 'submit');
  if (submits.length === 0) problems.push('has no submit button');
  submits.filter(({ component }) => component.label !== 'Gửi').forEach(({ path }) => problems.push(`${path}: the submit button must be labelled "Gửi"`));
  return problems;
};

describe('built-in forms', () => {
  const files = findFormFiles(FORMS_ROOT).sort();
  const named = (file: string) => relative(FORMS_ROOT, file).split(sep).join('/').slice(0, -SUFFIX.length);

  it('contains the expected forms', () => {
    expect(files.map(named)).toEqual(expect.arrayContaining(EXPECTED));
  });

  it.each(files.map((file) => [named(file), file]))('%s is a valid built-in form', (_name, file) => {
    expect(problemsOf(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  describe('the checks themselves', () => {
    const file = join(FORMS_ROOT, 'pact', 'sample.form.json');
    const base = () => ({
      title: 'Mẫu',
      name: 'sample',
      path: 'pact/sample',
      display: 'form',
      type: 'form',
      components: [
        { type: 'textfield', key: 'title', label: 'Tên', input: true },
        { type: 'datagrid', key: 'rows', label: 'Dòng', input: true, components: [{ type: 'textfield', key: 'title', label: 'Tên', input: true }] },
        { type: 'button', key: 'submit', label: 'Gửi', action: 'submit', input: true },
      ] as Component[],
    });
    const check = (form: object) => problemsOf(file, JSON.stringify(form));

    it('accepts a valid form, with the same key inside and outside a grid', () => {
      expect(check(base())).toEqual([]);
    });

    it('refuses broken JSON, wrong names and paths', () => {
      expect(problemsOf(file, '{ "name": ')).toEqual([expect.stringContaining('does not parse')]);
      expect(check({ ...base(), name: 'other', path: 'reporting/sample' })).toEqual([
        expect.stringContaining('name "other"'),
        expect.stringContaining('path "reporting/sample"'),
      ]);
    });

    it('refuses duplicate keys in columns and inside a grid, invalid keys and empty labels', () => {
      const form = base();
      form.components.push({ type: 'columns', key: 'layout', label: 'Cột', input: false, columns: [{ components: [{ type: 'number', key: 'title', label: 'Số', input: true }] }] });
      form.components[1].components = [
        { type: 'textfield', key: 'name', label: 'Tên', input: true },
        { type: 'textfield', key: 'name', label: '', input: true },
        { type: 'textfield', key: 'bad-key', label: 'Sai', input: true },
      ];
      expect(check(form)).toEqual([
        expect.stringContaining('key "name" is already used by rows > name in rows'),
        expect.stringContaining('rows > name: label must be a non-empty string'),
        expect.stringContaining('key "bad-key" must match'),
        expect.stringContaining('layout > title: key "title" is already used by title'),
      ]);
    });

    it('refuses custom JavaScript unless the form allows scripts, but accepts JSONLogic', () => {
      const form = base();
      form.components[0] = {
        ...form.components[0],
        customConditional: 'show = true;',
        calculateValue: 'value = 1;',
        validate: { custom: 'valid = true;', json: { '==': [1, 1] } },
        conditional: { json: { '==': [{ var: 'data.title' }, 'x'] } },
      };
      expect(check(form)).toEqual([
        expect.stringContaining('customConditional'),
        expect.stringContaining('calculateValue'),
        expect.stringContaining('validate.custom'),
      ]);
      expect(check({ ...form, settings: { allowScripts: true } })).toEqual([]);
    });

    it('requires a submit button labelled "Gửi" and known conditional targets', () => {
      const form = base();
      form.components[0].conditional = { show: true, when: 'missing', eq: 'x' };
      form.components[2].label = 'Submit';
      expect(check(form)).toEqual([
        expect.stringContaining('unknown component "missing"'),
        expect.stringContaining('labelled "Gửi"'),
      ]);
      expect(check({ ...base(), components: base().components.slice(0, 2) })).toEqual(['has no submit button']);
    });
  });
});
