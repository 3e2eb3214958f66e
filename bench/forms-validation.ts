/**
 * `npm run bench`: validations per second of the reference form (../shared/bench) with its valid and invalid
 * submissions and a valid one with a 50-row grid: through FormValidator with the form compiled (its normal path),
 * through FormValidator's @formio/core path (the reference, `compile: false`), and through raw @formio/core
 * processSync, in the same run (BENCH_ROUNDS alternating rounds, median kept). The compiled and reference results must be identical (errors in order, messages,
 * cleaned data), and so must they on BENCH_FORM_CASES generated submissions (default 10,000; 0 skips), in both
 * modes and both languages. Results are printed and written to bench/results/.
 */
import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpolateErrors, processSync, ProcessContext, Processors } from '@formio/core';
import fc from 'fast-check';
import { runCompiled } from '../src/modules/forms/validation/compiled/compiled-validator';
import { submissionArbitrary } from '../test/support/form-submission-arbitrary';
import { FormDefinition, FormValidationResult, PreparedForm } from '../src/modules/forms/validation/form-validation.types';
import { FormValidator } from '../src/modules/forms/validation/form-validator';

const ITERATIONS = Number(process.env.BENCH_VALIDATIONS ?? 2000);
const CASES = Number(process.env.BENCH_FORM_CASES ?? 10_000);
const SEED = 20261204;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP = 200;
// The workplace's shared reference files when they are beside the project, else the copy in the repository.
const sharedDir = join(__dirname, '..', '..', 'shared', 'bench');
const shared = existsSync(sharedDir) ? sharedDir : join(__dirname, '..', 'test', 'fixtures', 'forms');
const read = (name: string): unknown => JSON.parse(readFileSync(join(shared, name), 'utf8'));

const form = read('reference-form.json') as FormDefinition;
const valid = read('reference-valid-submission.json') as Record<string, unknown>;
const kpis = valid.kpis as Array<Record<string, unknown>>;
const submissions: Record<string, unknown> = {
  valid,
  invalid: read('reference-invalid-submission.json'),
  grid50: { ...valid, kpis: Array.from({ length: 50 }, (_, i) => ({ ...kpis[i % kpis.length], kpiName: `KPI ${i}` })) },
};

/** The raw path: what the STACK notes prescribe, on a fresh copy of the payload (processSync modifies it). */
function raw(data: unknown): { valid: boolean; errors: number } {
  const copy = structuredClone(data);
  const context = { form, components: form.components, submission: { data: copy }, data: copy, processors: Processors, scope: {} as { errors?: unknown[] }, config: { server: true } };
  processSync(context as unknown as ProcessContext<never>);
  const errors = interpolateErrors((context.scope.errors ?? []) as never);
  return { valid: errors.length === 0, errors: errors.length };
}

type Measured = { perSecond: number; seconds: number; valid: boolean };

function measure(run: () => { valid: boolean }): Measured {
  for (let i = 0; i < WARM_UP; i++) run();
  let isValid = false;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) isValid = run().valid;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: +(ITERATIONS / seconds).toFixed(1), seconds: +seconds.toFixed(3), valid: isValid };
}

/**
 * Each path measured ROUNDS times, the paths alternating, and the median round kept: on a shared machine the load
 * changes within a run, and alternating spreads it over the paths alike.
 */
function measureAlternating(runs: Record<string, () => { valid: boolean }>): Record<string, Measured> {
  const rounds: Record<string, Measured[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) for (const [name, run] of Object.entries(runs)) rounds[name].push(measure(run));
  return Object.fromEntries(Object.entries(rounds).map(([name, measured]) => [name, measured.sort((a, b) => a.perSecond - b.perSecond)[Math.floor(measured.length / 2)]]));
}

/**
 * The differential run: generated submissions (the same generator as compiled-validator.spec.ts), each validated
 * by both paths in submit/draft × vi/en. Returns the number that took the compiled path and the first difference.
 */
function differential(compiled: FormValidator, reference: FormValidator, prepared: PreparedForm): { cases: number; compiledPath: number; difference?: unknown } {
  const plans = compiled.compilation(prepared).compiled;
  if (!plans || CASES <= 0) return { cases: 0, compiledPath: 0 };
  let compiledPath = 0;
  const samples = fc.sample(submissionArbitrary(form), { seed: SEED + 1, numRuns: CASES });
  for (const data of samples) {
    if (runCompiled(plans, data, 'submit', 'vi')) compiledPath += 1;
    for (const mode of ['submit', 'draft'] as const) {
      for (const language of ['vi', 'en'] as const) {
        const expected = reference.validate(prepared, data, { mode, language });
        const actual = compiled.validate(prepared, data, { mode, language });
        if (!isDeepStrictEqual(actual, expected)) return { cases: samples.length, compiledPath, difference: { data, mode, language, expected, actual } };
      }
    }
  }
  return { cases: samples.length, compiledPath };
}

const pairs = (result: FormValidationResult): string => result.errors.map((error) => `${error.path}:${error.validator}`).join(', ');

function main(): void {
  const validator = new FormValidator();
  const reference = new FormValidator({ compile: false });
  const prepared = validator.prepare(form);
  const uncovered = validator.compilation(prepared).uncovered;
  process.stdout.write(`[forms-validation] not covered by the compiler (falls back to @formio/core): ${uncovered.length ? uncovered.join('; ') : 'nothing'}\n`);
  const results: Record<string, unknown> = {};
  let agree = true;
  for (const [name, data] of Object.entries(submissions)) {
    const compiledResult = validator.validate(prepared, data, { mode: 'submit', language: 'vi' });
    const referenceResult = reference.validate(prepared, data, { mode: 'submit', language: 'vi' });
    const identical = isDeepStrictEqual(compiledResult, referenceResult);
    const { compiled, service, core } = measureAlternating({
      compiled: () => validator.validate(prepared, data, { mode: 'submit', language: 'vi' }),
      service: () => reference.validate(prepared, data, { mode: 'submit', language: 'vi' }),
      core: () => raw(data),
    });
    const sameVerdict = identical && compiled.valid === core.valid && service.valid === core.valid && compiled.valid === (name !== 'invalid');
    agree &&= sameVerdict;
    const ratio = +(compiled.perSecond / core.perSecond).toFixed(2);
    results[name] = { compiled, reference: service, raw: core, identical, sameVerdict, ratio, errors: pairs(compiledResult) };
    process.stdout.write(
      `[forms-validation] ${name}: compiled ${compiled.perSecond}/s, reference path ${service.perSecond}/s, raw processSync ${core.perSecond}/s ` +
        `(compiled/raw ${ratio}×); verdict ${compiled.valid ? 'valid' : 'invalid'}; identical results: ${identical}\n`,
    );
    if (!identical) process.stdout.write(`  compiled:  ${pairs(compiledResult)}\n  reference: ${pairs(referenceResult)}\n`);
  }
  const started = Date.now();
  const fuzz = differential(validator, reference, prepared);
  process.stdout.write(
    `[forms-validation] differential: ${fuzz.cases} generated submissions × submit/draft × vi/en, ${fuzz.compiledPath} on the compiled path, ` +
      `${fuzz.difference ? 'DIFFERENCE FOUND' : 'no difference'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'forms-validation.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, iterations: ITERATIONS, rounds: ROUNDS, uncovered, ...results, sameVerdicts: agree, differential: fuzz }, null, 2)}\n`,
  );
  if (!agree) throw new Error('the compiled validator, the reference path and raw processSync disagree on a submission');
  if (fuzz.difference) throw new Error(`the compiled validator differs from the reference path: ${JSON.stringify(fuzz.difference).slice(0, 2000)}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
