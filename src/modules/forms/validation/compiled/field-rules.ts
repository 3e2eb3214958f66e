import { componentHasValue } from '@formio/core';
import { FormComponent } from '../form-validation.types';
import { errorTemplate, ErrorTemplate } from './error-message';

/** One validation rule of one component: the error it raises for a value, or undefined. `data` is the submission as @formio/core sees it then. */
export type Rule = (value: unknown, data: Record<string, unknown>) => ErrorTemplate | undefined;

// The e-mail expression of @formio/core's validateEmail, verbatim.
const EMAIL = /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$/;

const has = (object: object | undefined, name: string): boolean => object !== undefined && Object.prototype.hasOwnProperty.call(object, name);
const isEmptyValue = (value: unknown): boolean =>
  value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' ? value === '' : Object.keys(value as object).length === 0);

/** json-logic-js's comparisons: JavaScript's operators, loose ones included, on whatever the values are. */
const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '===': (a, b) => a === b,
  '==': (a, b) => a == b,
  '!==': (a, b) => a !== b,
  '!=': (a, b) => a != b,
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

/**
 * The rules of one value component in @formio/core's order (clientRules, then evaluationRules), each with the
 * same "does it apply" test as @formio/core's `shouldProcess`, restricted to the settings `coverage.ts` admits.
 */
export function valueRules(component: FormComponent): Rule[] {
  const type = component.type ?? '';
  const validate = component.validate ?? {};
  const rules: Rule[] = [];

  if (type === 'datetime') {
    const error = errorTemplate(component, 'invalidDate', 'date');
    rules.push((value) => (typeof value === 'string' && value !== '' && (value.toLowerCase() === 'invalid date' || new Date(value).toString() === 'Invalid Date') ? error : undefined));
  }
  if (type === 'email') {
    const error = errorTemplate(component, 'invalid_email', 'email');
    rules.push((value) => (typeof value === 'string' && value !== '' && !EMAIL.test(value) ? error : undefined));
  }
  if (validate.json && typeof validate.json === 'object') {
    // coverage.ts admits only { if: [{ <comparison>: [{ var: 'input' }, { var: 'data.<key>' }] }, true, text] }; JSONLogic's var reads a missing value as null.
    const rule = validate.json as { if: [Record<string, [unknown, { var: string }]>, true, string] };
    const [operator, [, other]] = Object.entries(rule.if[0])[0];
    const holds = COMPARE[operator];
    const key = other.var.slice('data.'.length);
    const error = errorTemplate(component, rule.if[2], 'json', { setting: validate.json });
    rules.push((value, data) => (holds(value ?? null, data[key] ?? null) ? undefined : error));
  }
  if (has(validate, 'maxLength') && typeof validate.maxLength === 'number' && validate.maxLength > 0) {
    const max = validate.maxLength;
    const error = errorTemplate(component, 'maxLength', 'maxLength', { length: String(max), setting: String(max) });
    rules.push((value) => (typeof value === 'string' && value.length > max ? error : undefined));
  }
  if (has(validate, 'max') && typeof validate.max === 'number') {
    const max = validate.max;
    const error = errorTemplate(component, 'max', 'max', { max: String(max), setting: String(max) });
    // @formio/core throws (and logs) on a value that is not a number: no error either way.
    rules.push((value) => (typeof value === 'number' && !(value <= max) ? error : undefined));
  }
  if (has(validate, 'minLength') && typeof validate.minLength === 'number' && validate.minLength > 0 && type !== 'datagrid') {
    const min = validate.minLength;
    const error = errorTemplate(component, 'minLength', 'minLength', { length: String(min), setting: String(min) });
    rules.push((value) => (typeof value === 'string' && value !== '' && value.length < min ? error : undefined));
  }
  if (has(validate, 'min') && typeof validate.min === 'number') {
    const min = validate.min;
    const error = errorTemplate(component, 'min', 'min', { min: String(min), setting: String(min) });
    rules.push((value) => (typeof value === 'number' && !(value >= min) ? error : undefined));
  }
  if (typeof validate.pattern === 'string' && validate.pattern !== '') {
    const pattern = validate.pattern;
    const regex = new RegExp(`^${pattern}$`);
    const error = errorTemplate(component, 'pattern', 'pattern', { regex: pattern, pattern, setting: pattern });
    rules.push((value) => (typeof value === 'string' && value !== '' && !regex.test(value) ? error : undefined));
  }
  if (validate.required) {
    // The emptiness test itself is @formio/core's: it has many special cases (false, blank text, empty objects and rows).
    const error = errorTemplate(component, 'required', 'required', { setting: true });
    rules.push((value) => (componentHasValue(component as never, value) ? undefined : error));
  }
  if (validate.onlyAvailableItems) rules.push(...availableItemsRule(component));
  return rules;
}

/** `onlyAvailableItems` of a static select, radio or select boxes (prepareForm sets it on all of them). */
function availableItemsRule(component: FormComponent): Rule[] {
  const error = errorTemplate(component, 'invalidOption', 'onlyAvailableItems');
  if (component.type === 'select') {
    const values = new Set((component.data?.values ?? []).map((option) => (option as { value: string }).value));
    return [(value) => (!isEmptyValue(value) && !values.has(value as string) ? error : undefined)];
  }
  const values = new Set((component.values ?? []).map((option) => (option as { value: string }).value));
  if (component.type === 'radio') return [(value) => (!isEmptyValue(value) && !values.has(value as string) ? error : undefined)];
  if (component.type === 'selectboxes') return [(value) => (!isEmptyValue(value) && Object.keys(value as object).some((key) => !values.has(key)) ? error : undefined)];
  return [];
}
