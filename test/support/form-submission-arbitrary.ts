import fc from 'fast-check';
import { FormComponent, FormDefinition } from '../../src/modules/forms/validation/form-validation.types';

/**
 * Generated submissions for a form, for the differential test and `npm run bench`: valid values, values just
 * outside each limit, wrong types, missing and extra keys, both sides of every condition, grids of 0 to a few
 * rows and sometimes 50. Built from the form's own settings, so any form can be fuzzed. Test support only.
 */
// Values of the wrong type, or that @formio/core normalises into another type (select '1' → 1).
const wrongType = fc.constantFrom<unknown>(null, 0, -1, 1.5, true, false, '', ' ', 'x', '12', '1', 'true', 'false', [], ['a'], {}, { a: 1 });
const text = (min = 0, max = 12) => fc.string({ minLength: min, maxLength: max });

function around(limit: number | undefined): number[] {
  return limit === undefined ? [] : [limit - 1, limit, limit + 1, limit - 0.5, limit + 0.001];
}

function lengthAround(limit: unknown): fc.Arbitrary<string>[] {
  if (typeof limit !== 'number' || limit <= 0) return [];
  return [limit - 1, limit, limit + 1].filter((n) => n >= 0).map((n) => fc.constant('a'.repeat(n)));
}

const optionValues = (component: FormComponent): string[] =>
  ((component.type === 'select' ? component.data?.values : component.values) ?? []).map((option) => String((option as { value?: unknown }).value));

/** A value for one component: mostly plausible, sometimes (one in `noise`) of a wrong type. */
export function valueArbitrary(component: FormComponent, noise = 60): fc.Arbitrary<unknown> {
  const validate = component.validate ?? {};
  const plausible: fc.Arbitrary<unknown>[] = [];
  switch (component.type) {
    case 'textfield':
    case 'textarea':
      plausible.push(text(), text(0, 3), fc.constantFrom('', '  ', 'Nguyễn Văn A', 'AB-1234', 'B-123456', '+49 30 1234567'), ...lengthAround(validate.minLength), ...lengthAround(validate.maxLength));
      if (typeof validate.pattern === 'string' && validate.pattern) plausible.push(fc.stringMatching(new RegExp(`^${validate.pattern}$`)));
      break;
    case 'email':
      plausible.push(fc.emailAddress(), fc.emailAddress().map((mail) => ` ${mail.toUpperCase()} `), fc.constantFrom('', 'not-an-email', 'a@b', 'ada@example.org', 'ADA@example.org'));
      break;
    case 'number':
    case 'currency': {
      const limits = [...around(validate.min as number | undefined), ...around(validate.max as number | undefined)];
      plausible.push(fc.integer({ min: -10, max: 2_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, ...(limits.length ? limits : [1])));
      break;
    }
    case 'checkbox':
    case 'button':
      plausible.push(fc.boolean());
      break;
    case 'select':
    case 'radio': {
      const values = optionValues(component);
      plausible.push(fc.constantFrom(...(values.length ? values : ['a'])), fc.constantFrom('', 'other', 'HR'));
      break;
    }
    case 'selectboxes': {
      const values = optionValues(component);
      const keys = fc.constantFrom(...(values.length ? values : ['a']));
      plausible.push(fc.dictionary(keys, fc.boolean(), { maxKeys: 4 }), fc.dictionary(fc.oneof(keys, fc.constant('other')), fc.boolean(), { maxKeys: 3 }));
      break;
    }
    case 'datetime':
      plausible.push(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('', 'Invalid Date', 'garbage', '2026-02-30', '31/12/2026'));
      break;
    case 'hidden':
      plausible.push(text(), fc.integer());
      break;
    default:
      plausible.push(text());
  }
  return fc.oneof({ weight: noise, arbitrary: fc.oneof(...plausible) }, { weight: 1, arbitrary: wrongType });
}

/** A row (or the submission) for a list of components, walking through panels and columns. */
function recordArbitrary(components: FormComponent[], rows: { small: number; large: number }, noise = 60): fc.Arbitrary<Record<string, unknown>> {
  const fields: Array<[string, fc.Arbitrary<unknown>]> = [];
  const walk = (list: FormComponent[]): void => {
    for (const component of list) {
      if (component.type === 'panel') walk(component.components ?? []);
      else if (component.type === 'columns') (component.columns ?? []).forEach((column) => walk(column?.components ?? []));
      else if (component.type === 'datagrid' || component.type === 'editgrid') {
        // Rarer noise in rows: a 50-row grid would otherwise almost always hold a wrong value somewhere.
        const row = recordArbitrary(component.components ?? [], rows, 1000);
        const grid = fc.oneof(
          { weight: 40, arbitrary: fc.array(row, { maxLength: rows.small }) },
          { weight: 1, arbitrary: fc.array(row, { minLength: rows.large, maxLength: rows.large }) },
          { weight: 1, arbitrary: fc.oneof(fc.constantFrom<unknown>(null, 'rows', {}, [null], [[]]), fc.array(row, { maxLength: rows.small })) },
        );
        fields.push([component.key ?? '', grid]);
      } else if (component.key) fields.push([component.key, valueArbitrary(component, noise)]);
    }
  };
  walk(components);
  const present = fields.map(([key, arbitrary]) => fc.option(arbitrary.map((value) => [key, value] as const), { freq: 8, nil: undefined }));
  const extra = fc.dictionary(fc.constantFrom('extra', 'evil', '$where', 'submit2'), fc.oneof(fc.string(), fc.integer(), fc.constant({ nested: true })), { maxKeys: 2 });
  return fc.tuple(fc.tuple(...present), extra).map(([entries, extras]) => {
    const record: Record<string, unknown> = { ...extras };
    for (const entry of entries) if (entry) record[entry[0]] = entry[1];
    return record;
  });
}

/**
 * Submissions of a form. `equalise` copies the field a confirmation rule (`validate.json` equal to `data.x`)
 * names into the confirming field most of the time, so both outcomes of such rules are common.
 */
export function submissionArbitrary(form: FormDefinition, rows = { small: 4, large: 50 }): fc.Arbitrary<Record<string, unknown>> {
  const confirmations: Array<[string, string]> = [];
  const find = (list: FormComponent[]): void => {
    for (const component of list) {
      const rule = component.validate?.json as { if?: [{ '==='?: [unknown, { var?: string }] }] } | undefined;
      const other = rule?.if?.[0]?.['===']?.[1]?.var;
      if (typeof other === 'string' && other.startsWith('data.') && component.key) confirmations.push([component.key, other.slice(5)]);
      find(component.components ?? []);
      (component.columns ?? []).forEach((column) => find(column?.components ?? []));
    }
  };
  find(form.components);
  return fc.tuple(recordArbitrary(form.components, rows), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: confirmations.length, maxLength: confirmations.length })).map(([record, choices]) => {
    confirmations.forEach(([key, other], index) => {
      if (choices[index] === 0 || choices[index] === 1) record[key] = record[other];
      else if (choices[index] === 2 && typeof record[other] === 'string') record[key] = (record[other] as string).toUpperCase();
    });
    return record;
  });
}
