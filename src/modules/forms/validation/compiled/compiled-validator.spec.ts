import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AppError } from '../../../../common/errors/app-error';
import { readBuiltinForms } from '../../builtin-forms';
import { FormDefinition } from '../form-validation.types';
import { FormValidator } from '../form-validator';
import { runCompiled } from './compiled-validator';
import { submissionArbitrary } from '../../../../../test/support/form-submission-arbitrary';

const fixtures = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'forms');
const reference = JSON.parse(readFileSync(join(fixtures, 'reference-form.json'), 'utf8')) as FormDefinition;
// Settings the other forms do not use (custom messages, 'any'/'show: false' conditions on text and numbers, a
// condition on a later field, layout, falsy defaults, a hidden field, select boxes and e-mails in grid rows…).
const features = JSON.parse(readFileSync(join(__dirname, 'compiler-features.form.json'), 'utf8')) as FormDefinition;
const forms: Array<[string, FormDefinition]> = [
  ['reference', reference],
  ['compiler features', features],
  ...readBuiltinForms().map((file) => [file.key, file.schema as unknown as FormDefinition] as [string, FormDefinition]),
];

const SEED = 20261204;
// 2,550 submissions in all, each checked in 4 ways (about 50 s: the reference path is the slow side).
const RUNS: Record<string, number> = { reference: 650, 'compiler features': 400, 'evaluation/yearend-proposal': 500, 'pact/title-registration': 400, 'reporting/midyear-report': 300, 'reporting/yearend-report': 300 };

/** Everything a caller can observe: the result, or the error's code. */
function outcome(validate: () => unknown): unknown {
  try {
    return { result: validate() };
  } catch (error) {
    return { thrown: error instanceof AppError ? error.code : String(error) };
  }
}

/**
 * The compiled validator against the reference (@formio/core's processSync through FormValidator with
 * compilation off): for generated submissions, in both modes and both languages, the results must be deeply and
 * strictly equal (same errors in the same order, same messages and labels, same cleaned data, holes included).
 */
describe('compiled form validator', () => {
  const compiled = new FormValidator();
  const referencePath = new FormValidator({ compile: false });

  it('compiles the reference form and the built-in forms without scripts or conditional grids', () => {
    const compiles = Object.fromEntries(forms.map(([key, form]) => [key, compiled.compilation(compiled.prepare(form)).uncovered.length === 0]));
    expect(compiles).toEqual({
      reference: true,
      'compiler features': true,
      'evaluation/yearend-proposal': true,
      'pact/pact-draft': false,
      'pact/title-registration': true,
      'reporting/midyear-report': true,
      'reporting/yearend-report': true,
    });
  });

  it('falls back on what it does not cover, and says what', () => {
    const prepared = compiled.prepare({ components: [{ type: 'textfield', key: 'a', input: true, validate: { custom: 'valid = true;' } }], settings: { allowScripts: true } });
    expect(compiled.compilation(prepared).uncovered).toEqual(['components[0]: validate.custom (script)']);
    const logic = compiled.prepare({ components: [{ type: 'number', key: 'n', input: true, calculateValue: { '+': [1, 1] } }] });
    expect(compiled.compilation(logic).uncovered).toEqual(['components[0]: calculateValue', 'components[0]: calculateServer']);
    expect(compiled.validate(logic, { n: 5 }).data).toEqual({ n: 2 });
    const broken = compiled.prepare({ components: [{ type: 'textfield', key: 't', input: true, validate: { pattern: '(' } }] });
    expect(compiled.compilation(broken).uncovered).toEqual(['components[0]: validate.pattern']);
    expect(compiled.validate(broken, { t: 'x' })).toStrictEqual({ valid: true, data: { t: 'x' }, errors: [] });
  });

  it('declines a submission with values it does not reproduce, which then takes the reference path', () => {
    const prepared = compiled.prepare(reference);
    const plans = compiled.compilation(prepared).compiled!;
    expect(runCompiled(plans, { budget: '12' }, 'submit', 'vi')).toBeUndefined();
    expect(runCompiled(plans, { kpis: 'rows' }, 'submit', 'vi')).toBeUndefined();
    expect(compiled.validate(prepared, { budget: '12' })).toStrictEqual(referencePath.validate(prepared, { budget: '12' }));
    expect(runCompiled(plans, { budget: 12 }, 'submit', 'vi')).toBeDefined();
  });

  const counts = { cases: 0, compiledPath: 0, grids50: 0 };
  describe.each(forms.map(([key, form]) => [key, form] as const))('%s', (key, form) => {
    it('gives exactly the reference result on generated submissions', () => {
      const prepared = compiled.prepare(form);
      const plans = compiled.compilation(prepared).compiled;
      if (!plans) return expect(RUNS[key]).toBeUndefined(); // falls back entirely: nothing to compare (asserted above)
      fc.assert(
        fc.property(submissionArbitrary(form), (data) => {
          counts.cases += 1;
          if (runCompiled(plans, data, 'submit', 'vi')) counts.compiledPath += 1;
          if (Object.values(data).some((value) => Array.isArray(value) && value.length === 50)) counts.grids50 += 1;
          for (const mode of ['submit', 'draft'] as const) {
            for (const language of ['vi', 'en'] as const) {
              const expected = outcome(() => referencePath.validate(prepared, data, { mode, language }));
              expect(outcome(() => compiled.validate(prepared, data, { mode, language }))).toStrictEqual(expected);
            }
          }
        }),
        { seed: SEED, numRuns: RUNS[key], endOnFailure: true },
      );
    });
  });

  // Runs after the comparisons above (jest runs a file's tests in order).
  it('took the compiled path for most generated submissions, 50-row grids included', () => {
    // Most must take the compiled path, or the comparison proves little.
    expect(counts.cases).toBe(Object.values(RUNS).reduce((sum, runs) => sum + runs, 0));
    expect(counts.compiledPath / counts.cases).toBeGreaterThan(0.5);
    expect(counts.grids50).toBeGreaterThan(40);
  });
});
