import { FormComponent, FormDefinition } from './form-validation.types';

const isScript = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** Calls `visit` for every component of a form with its JSON location (`components[2].columns[0].components[1]`). */
export function walkComponents(components: FormComponent[] | undefined, visit: (component: FormComponent, location: string) => void, base = ''): void {
  if (!Array.isArray(components)) return;
  components.forEach((component, index) => {
    if (!component || typeof component !== 'object') return;
    const location = `${base}components[${index}]`;
    visit(component, location);
    walkComponents(component.components, visit, `${location}.`);
    component.columns?.forEach((column, c) => walkComponents(column?.components, visit, `${location}.columns[${c}].`));
    // `rows` holds a table's cells, but is a plain number on a textarea (its height).
    if (Array.isArray(component.rows)) component.rows.forEach((row, r) => Array.isArray(row) && row.forEach((cell, c) => walkComponents(cell?.components, visit, `${location}.rows[${r}][${c}].`)));
  });
}

/**
 * JSON locations of the custom JavaScript in a form: custom validation (and an edit grid's row validation),
 * custom conditions, calculated and default values given as code, custom select data and JavaScript logic triggers and actions.
 * JSONLogic (objects) is not script and is allowed. Nothing is evaluated. The publish step refuses a
 * form with scripts unless `settings.allowScripts === true`.
 */
export function findScripts(form: FormDefinition): string[] {
  const found: string[] = [];
  walkComponents(form?.components, (component, location) => {
    if (isScript(component.validate?.custom)) found.push(`${location}.validate.custom`);
    if (isScript(component.validate?.row)) found.push(`${location}.validate.row`);
    if (isScript(component.customConditional)) found.push(`${location}.customConditional`);
    if (isScript(component.calculateValue)) found.push(`${location}.calculateValue`);
    if (isScript(component.customDefaultValue)) found.push(`${location}.customDefaultValue`);
    if (isScript(component.data?.custom)) found.push(`${location}.data.custom`);
    if (Array.isArray(component.logic)) {
      component.logic.forEach((logic, l) => {
        if (isScript(logic?.trigger?.javascript)) found.push(`${location}.logic[${l}].trigger.javascript`);
        logic?.actions?.forEach((action, a) => {
          if (isScript(action?.customAction)) found.push(`${location}.logic[${l}].actions[${a}].customAction`);
          if (action?.type === 'value' && isScript(action.value)) found.push(`${location}.logic[${l}].actions[${a}].value`);
        });
      });
    }
  });
  return found;
}

/** True when the form opts in to custom JavaScript. */
export const allowsScripts = (form: FormDefinition): boolean => form?.settings?.allowScripts === true;
