import { loadParityFixtures, ParityCase, sortedPairs } from '../../../../test/support/form-parity-fixtures';
import { FormValidator } from './form-validator';

/** The value at a lodash-style path (`sections[1].items[0].reason`), or `absent` when some segment is missing. */
const absent = Symbol('absent');
function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const segment of path.split(/[.[\]]+/).filter((part) => part !== '')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return absent;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The server half of the parity fixtures (test/fixtures/form-parity): each case's verdict and its SET of
 * (path, validator) pairs must be what the fixture expects, server-only validators included. The browser half
 * runs the same fixtures in @formio/js.
 */
describe('Form.io parity fixtures, server side', () => {
  const validator = new FormValidator();
  const fixtures = loadParityFixtures();

  it('has at least 8 fixture files with 4 to 8 cases each', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const fixture of fixtures) {
      expect([fixture.file, fixture.cases.length >= 4 && fixture.cases.length <= 8]).toEqual([fixture.file, true]);
    }
  });

  describe.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const check = (entry: ParityCase): void => {
      const result = validator.validate(fixture.form, entry.data, { mode: 'submit', language: 'en' });
      const actual = { valid: result.valid, errors: sortedPairs(result.errors.map((error) => [error.path, error.validator] as const)) };
      expect(actual).toEqual({ valid: entry.expected.valid, errors: sortedPairs(entry.expected.errors) });
      if (entry.expected.kept) expect(result.data).toMatchObject(entry.expected.kept);
      for (const path of entry.expected.dropped ?? []) {
        const value = valueAt(result.data, path);
        expect([path, value === absent ? '(dropped)' : value]).toEqual([path, '(dropped)']);
      }
    };
    const agreed = fixture.cases.filter((entry) => entry.knownServerDivergence === undefined);
    const diverging = fixture.cases.filter((entry) => entry.knownServerDivergence !== undefined);
    it.each(agreed.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => check(entry));
    // The server is known to disagree with Form.io here (reason in the fixture): these must keep failing until it is fixed.
    if (diverging.length > 0) it.failing.each(diverging.map((entry) => [entry.name, entry] as const))('known server divergence: %s', (_name, entry) => check(entry));
  });
});
