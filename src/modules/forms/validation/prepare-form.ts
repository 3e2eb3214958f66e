import { Utils } from '@formio/core';
import { contentHash } from '../../../common/hashing/canonical-json';
import { allowsScripts, findScripts, walkComponents } from './find-scripts';
import { FormComponent, FormDefinition, GridNode, PreparedForm } from './form-validation.types';
import { collectRowConditionals } from './row-conditions.processor';
import { ROW_LIMITED_TYPES, rowLimit } from './row-count.processor';

type ModelType = ReturnType<typeof Utils.getModelType>;

const hasStaticOptions = (component: FormComponent): boolean => {
  if (component.type === 'select') return component.dataSrc === 'values' || (component.dataSrc === undefined && Array.isArray(component.data?.values));
  if (component.type === 'radio') return component.dataSrc === undefined || component.dataSrc === 'values';
  return component.type === 'selectboxes';
};

/**
 * Adjusts the private copy of a form for the server, in two documented ways:
 * - a calculated value written in JSONLogic gets `calculateServer: true`, so that @formio/core recomputes
 *   it on the server (with `config.server` it otherwise keeps whatever the client sent);
 * - a select, radio or select-boxes with a fixed list of options gets `validate.onlyAvailableItems: true`,
 *   so that a value the form does not offer is refused (`onlyAvailableItems`). The renderer's widgets cannot
 *   produce such a value, so a browser user never sees a different verdict; only crafted payloads do.
 * - in a form that opts in to scripts, a calculated value written as code gets `calculateServer: true` too,
 *   and runs in the sandbox (`sandbox/script-sandbox.ts`); forms with scripts that do not opt in are refused
 *   (see `FormValidator`).
 */
function adjustForServer(components: FormComponent[], scripts: boolean): void {
  walkComponents(components, (component) => {
    const calculation = component.calculateValue;
    if (calculation && (typeof calculation === 'object' || (scripts && typeof calculation === 'string' && calculation.trim() !== ''))) component.calculateServer = true;
    if (hasStaticOptions(component)) component.validate = { ...component.validate, onlyAvailableItems: true };
  });
}

interface Collected {
  fields: Array<{ templatePath: string; key: string; type: string; label: string }>;
  grids: GridNode[];
}

/** Walks components along the data they bind to: `rowPath` is relative to the enclosing grid row (or the submission). */
function collect(components: FormComponent[] | undefined, templatePrefix: string, rowPath: string[], grids: GridNode[], fields: Collected['fields']): void {
  if (!Array.isArray(components)) return;
  for (const component of components) {
    if (!component || typeof component !== 'object') continue;
    const modelType: ModelType = Utils.getModelType(component as Parameters<typeof Utils.getModelType>[0]);
    const key = component.key ?? '';
    const label = component.label || key;
    switch (modelType) {
      case 'nestedArray':
      case 'nestedDataArray': {
        const type = component.type ?? '';
        const node: GridNode = {
          key,
          label,
          templatePath: `${templatePrefix}${key}`,
          dataPath: [...rowPath, key],
          minRows: ROW_LIMITED_TYPES.has(type) ? rowLimit(component.validate?.minLength) : undefined,
          maxRows: ROW_LIMITED_TYPES.has(type) ? rowLimit(component.validate?.maxLength) : undefined,
          intentionallyHidden: component.hidden === true,
          children: [],
        };
        grids.push(node);
        fields.push({ templatePath: node.templatePath, key, type, label });
        collect(component.components, `${node.templatePath}[].`, modelType === 'nestedDataArray' ? ['data'] : [], node.children, fields);
        break;
      }
      case 'dataObject':
        collect(component.components, `${templatePrefix}${key}.data.`, [...rowPath, key, 'data'], grids, fields);
        break;
      case 'object':
        fields.push({ templatePath: `${templatePrefix}${key}`, key, type: component.type ?? '', label });
        collect(component.components, `${templatePrefix}${key}.`, [...rowPath, key], grids, fields);
        break;
      case 'none':
        collect(component.components, templatePrefix, rowPath, grids, fields);
        component.columns?.forEach((column) => collect(column?.components, templatePrefix, rowPath, grids, fields));
        if (Array.isArray(component.rows)) component.rows.forEach((row) => Array.isArray(row) && row.forEach((cell) => collect(cell?.components, templatePrefix, rowPath, grids, fields)));
        break;
      case 'content':
        break;
      default:
        fields.push({ templatePath: `${templatePrefix}${key}`, key, type: component.type ?? '', label });
    }
  }
}

/** Objects made by `prepareForm`, so that a form's JSON can never pass for a prepared form. */
const preparedForms = new WeakSet<object>();

export const isPreparedForm = (value: unknown): value is PreparedForm => typeof value === 'object' && value !== null && preparedForms.has(value);

/**
 * Computes once what every validation of a form needs: a private, server-adjusted copy, the flattened
 * fields, the grids with their row limits, and the scripts. Throws a TypeError on a form without a
 * `components` array (the registry refuses such forms before they are stored).
 */
export function prepareForm(formJson: FormDefinition, hash: string = contentHash(formJson)): PreparedForm {
  if (!formJson || typeof formJson !== 'object' || !Array.isArray(formJson.components)) throw new TypeError('a Form.io form needs a components array');
  const form = structuredClone(formJson);
  adjustForServer(form.components, allowsScripts(formJson));
  collectRowConditionals(form.components);
  const collected: Collected = { fields: [], grids: [] };
  collect(form.components, '', [], collected.grids, collected.fields);
  const prepared: PreparedForm = { hash, form, components: form.components, fields: collected.fields, grids: collected.grids, scripts: findScripts(formJson) };
  preparedForms.add(prepared);
  return prepared;
}
