import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormDefinition } from '../../src/modules/forms/validation/form-validation.types';

/**
 * Parity fixtures (test/fixtures/form-parity/*.json): forms and submissions that the server validator
 * (@formio/core, `FormValidator`) and the browser renderer (@formio/js) must judge identically. Expectations
 * are derived by hand from the forms' meaning, as (path, validator) pairs without messages.
 */

/** One expected error: the data path as @formio/core reports it (`items[0].quantity`) and the rule name (`required`, `min`, …). */
export type ParityError = [path: string, validator: string];

export interface ParityExpectation {
  valid: boolean;
  errors: ParityError[];
  /** Optional: values the cleaned submission data must keep, as a partial object (jest `toMatchObject`: arrays match element by element, same length). */
  kept?: Record<string, unknown>;
  /** Optional: data paths (lodash style, `sections[1].items[0].reason`) that the cleaned submission data must not contain. */
  dropped?: string[];
}

export interface ParityCase {
  name: string;
  data: Record<string, unknown>;
  expected: ParityExpectation;
  /**
   * Set when the server validator (@formio/core 2.8.3 on the server) is known to judge this case differently from the
   * expectation, with the reason. The expectation stays the Form.io semantics; the server test runs such a case as
   * `it.failing`, so it starts failing (and the note must go) the day the server agrees.
   */
  knownServerDivergence?: string;
  /**
   * Set when the browser renderer cannot even hold this data (a widget normalises it away when it is set), with what
   * it reports instead and why. The server's expectation is unchanged.
   */
  browser?: { errors: ParityError[]; reason: string };
}

export interface ParityFixture {
  /** File name, e.g. `01-conditionals.json`. */
  file: string;
  name: string;
  description: string;
  /**
   * Validators that only the server reports for this form: rules @formio/core keeps in its serverRules
   * (`onlyAvailableItems`) and the grid row counts our server adds (`minLength` / `maxLength` of a data grid).
   * The @formio/js renderer prevents such data through its widgets instead of reporting an error, so a browser
   * comparison leaves expected pairs with these validators out (and a case left without errors is then valid).
   */
  serverOnlyValidators?: string[];
  form: FormDefinition;
  cases: ParityCase[];
}

export const PARITY_FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'form-parity');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function check(condition: boolean, where: string, what: string): void {
  if (!condition) throw new Error(`form-parity fixture ${where}: ${what}`);
}

function checkCase(raw: unknown, where: string): ParityCase {
  check(isObject(raw), where, 'a case must be an object');
  const value = raw as Record<string, unknown>;
  check(typeof value.name === 'string' && value.name !== '', where, 'a case needs a name');
  const at = `${where} "${String(value.name)}"`;
  check(isObject(value.data), at, 'data must be an object');
  check(isObject(value.expected), at, 'expected must be an object');
  const expected = value.expected as Record<string, unknown>;
  check(typeof expected.valid === 'boolean', at, 'expected.valid must be a boolean');
  check(Array.isArray(expected.errors), at, 'expected.errors must be an array');
  const errors = expected.errors as unknown[];
  for (const error of errors) {
    check(Array.isArray(error) && error.length === 2 && error.every((part) => typeof part === 'string' && part !== ''), at, `bad error ${JSON.stringify(error)}: [path, validator] expected`);
  }
  check(expected.valid === (errors.length === 0), at, 'expected.valid must be true exactly when expected.errors is empty');
  check(expected.kept === undefined || isObject(expected.kept), at, 'expected.kept must be an object');
  check(expected.dropped === undefined || (Array.isArray(expected.dropped) && expected.dropped.every((path) => typeof path === 'string')), at, 'expected.dropped must be a list of paths');
  check(value.knownServerDivergence === undefined || (typeof value.knownServerDivergence === 'string' && value.knownServerDivergence !== ''), at, 'knownServerDivergence must be a non-empty reason');
  const browser = value.browser as Record<string, unknown> | undefined;
  check(
    browser === undefined || (isObject(browser) && Array.isArray(browser.errors) && typeof browser.reason === 'string' && browser.reason !== ''),
    at,
    'browser must be { errors, reason }',
  );
  return value as unknown as ParityCase;
}

/** Every parity fixture, in file-name order; throws on a malformed file so that a typo never passes silently. */
export function loadParityFixtures(dir: string = PARITY_FIXTURES_DIR): ParityFixture[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    check(isObject(raw), file, 'must hold an object');
    const value = raw as Record<string, unknown>;
    check(typeof value.name === 'string' && value.name !== '', file, 'needs a name');
    check(typeof value.description === 'string', file, 'needs a description');
    check(isObject(value.form) && Array.isArray((value.form as Record<string, unknown>).components), file, 'form needs a components array');
    check(Array.isArray(value.cases) && value.cases.length > 0, file, 'needs cases');
    const serverOnly = value.serverOnlyValidators;
    check(serverOnly === undefined || (Array.isArray(serverOnly) && serverOnly.every((name) => typeof name === 'string' && name !== '')), file, 'serverOnlyValidators must be a list of validator names');
    const cases = (value.cases as unknown[]).map((entry, index) => checkCase(entry, `${file} case ${index}`));
    const names = new Set(cases.map((entry) => entry.name));
    check(names.size === cases.length, file, 'case names must be unique');
    return {
      file,
      name: value.name as string,
      description: value.description as string,
      ...(serverOnly ? { serverOnlyValidators: serverOnly as string[] } : {}),
      form: value.form as FormDefinition,
      cases,
    };
  });
}

/**
 * What the browser renderer is expected to report for a case: the case's own browser expectation when it has one,
 * else the expectation without the fixture's server-only validators (see `ParityFixture.serverOnlyValidators`).
 */
export function browserExpectation(fixture: ParityFixture, entry: ParityCase): { valid: boolean; errors: ParityError[] } {
  if (entry.browser) return { valid: entry.browser.errors.length === 0, errors: entry.browser.errors };
  const serverOnly = new Set(fixture.serverOnlyValidators ?? []);
  const errors = entry.expected.errors.filter(([, validator]) => !serverOnly.has(validator));
  return { valid: errors.length === 0, errors };
}

/** Error pairs as sorted `path:validator` strings, for order-independent comparison. */
export const sortedPairs = (errors: ReadonlyArray<readonly [string, string]>): string[] => errors.map(([path, validator]) => `${path}:${validator}`).sort();
