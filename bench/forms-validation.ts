/**
 * `npm run bench`: validations per second of the reference form (../shared/bench) with its valid and
 * invalid submissions, through FormValidator and through raw @formio/core processSync, in the same run.
 * Both must give the same verdict on each submission. Results are printed and written to bench/results/.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpolateErrors, processSync, ProcessContext, Processors } from '@formio/core';
import { FormDefinition } from '../src/modules/forms/validation/form-validation.types';
import { FormValidator } from '../src/modules/forms/validation/form-validator';

const ITERATIONS = Number(process.env.BENCH_VALIDATIONS ?? 2000);
const WARM_UP = 200;
// The workplace's shared reference files when they are beside the project, else the copy in the repository.
const sharedDir = join(__dirname, '..', '..', 'shared', 'bench');
const shared = existsSync(sharedDir) ? sharedDir : join(__dirname, '..', 'test', 'fixtures', 'forms');
const read = (name: string): unknown => JSON.parse(readFileSync(join(shared, name), 'utf8'));

const form = read('reference-form.json') as FormDefinition;
const submissions = { valid: read('reference-valid-submission.json'), invalid: read('reference-invalid-submission.json') };

/** The raw path: what the STACK notes prescribe, on a fresh copy of the payload (processSync modifies it). */
function raw(data: unknown): { valid: boolean; errors: number } {
  const copy = structuredClone(data);
  const context = { form, components: form.components, submission: { data: copy }, data: copy, processors: Processors, scope: {} as { errors?: unknown[] }, config: { server: true } };
  processSync(context as unknown as ProcessContext<never>);
  const errors = interpolateErrors((context.scope.errors ?? []) as never);
  return { valid: errors.length === 0, errors: errors.length };
}

function measure(run: () => { valid: boolean }): { perSecond: number; seconds: number; valid: boolean } {
  for (let i = 0; i < WARM_UP; i++) run();
  let valid = false;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) valid = run().valid;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: +(ITERATIONS / seconds).toFixed(1), seconds: +seconds.toFixed(3), valid };
}

function main(): void {
  const validator = new FormValidator();
  const prepared = validator.prepare(form);
  const results: Record<string, unknown> = {};
  let agree = true;
  for (const [name, data] of Object.entries(submissions)) {
    const service = measure(() => validator.validate(prepared, data, { mode: 'submit', language: 'vi' }));
    const serviceFromJson = measure(() => validator.validate(form, data, { mode: 'submit', language: 'vi' }));
    const core = measure(() => raw(data));
    const sameVerdict = service.valid === core.valid && serviceFromJson.valid === core.valid;
    agree &&= sameVerdict && service.valid === (name === 'valid');
    results[name] = { service, serviceFromJson, raw: core, sameVerdict, ratio: +(service.perSecond / core.perSecond).toFixed(2) };
    process.stdout.write(
      `[forms-validation] ${name}: service ${service.perSecond}/s (prepared), ${serviceFromJson.perSecond}/s (form JSON); ` +
        `raw processSync ${core.perSecond}/s; verdict ${service.valid ? 'valid' : 'invalid'} on both: ${sameVerdict}\n`,
    );
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'forms-validation.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, iterations: ITERATIONS, ...results, sameVerdicts: agree }, null, 2)}\n`);
  if (!agree) throw new Error('the service and raw processSync disagree on a verdict');
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
