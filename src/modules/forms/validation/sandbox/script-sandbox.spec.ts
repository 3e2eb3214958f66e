import { AppError } from '../../../../common/errors/app-error';
import { FormComponent, FormDefinition } from '../form-validation.types';
import { FormValidator } from '../form-validator';

const scripted = (...components: FormComponent[]): FormDefinition => ({ display: 'form', settings: { allowScripts: true }, components });
const text = (key: string, extra: Partial<FormComponent> = {}): FormComponent => ({ type: 'textfield', key, label: key.toUpperCase(), input: true, ...extra });
const custom = (key: string, code: string): FormComponent => text(key, { validate: { custom: code } });

describe('script sandbox', () => {
  const validator = new FormValidator();
  it('runs opted-in custom validation: its verdict and message are the form\'s', () => {
    const f = scripted(custom('age', "valid = Number(input) >= 18 ? true : 'Chưa đủ tuổi';"), text('name'));
    expect(validator.validate(f, { age: 20, name: 'x' })).toMatchObject({ valid: true, errors: [] });
    expect(validator.validate(f, { age: 12 }).errors).toMatchObject([{ path: 'age', validator: 'custom', message: 'Chưa đủ tuổi' }]);
  });

  it('sees the submission data and the row, and computes calculated values on the server', () => {
    const f = scripted(
      text('a'),
      custom('b', "valid = input === data.a ? true : 'must equal a';"),
      { type: 'number', key: 'total', label: 'Total', input: true, calculateValue: 'value = (data.x || 0) * 2;' },
      { type: 'number', key: 'x', label: 'X', input: true },
    );
    const result = validator.validate(f, { a: 'p', b: 'p', x: 21, total: 1 });
    expect(result.valid).toBe(true);
    expect(result.data.total).toBe(42);
    expect(validator.validate(f, { a: 'p', b: 'q' }).errors).toMatchObject([{ path: 'b', validator: 'custom', message: 'must equal a' }]);
  });

  it('stops an endless loop with FORM_SCRIPT_TIMEOUT (422), and the next validation works', () => {
    const f = scripted(custom('a', 'while (true) {}'));
    let caught: unknown;
    try {
      validator.validate(f, { a: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FORM_SCRIPT_TIMEOUT');
    // The process is still responsive: another form, with and without scripts, validates at once.
    expect(validator.validate(scripted(custom('b', 'valid = true;')), { b: 'y' }).valid).toBe(true);
    expect(validator.validate({ display: 'form', components: [text('c', { validate: { required: true } })] }, { c: 'z' }).valid).toBe(true);
  });

  it('stops a script that eats memory with FORM_SCRIPT_MEMORY (422), however slowly it gets there; the server lives on and the next script gets a fresh process', () => {
    // Time limits far beyond what any machine needs to fill 64 MB: the answer must come from how the worker ended.
    const patient = new FormValidator({ scriptLimits: { perEvaluationMs: 50_000, perValidationMs: 50_000 } });
    const hog = scripted(custom('a', 'var chunks = []; while (true) { chunks.push(new Array(1e6).fill(chunks.length)); }'));
    const before = process.memoryUsage().heapUsed;
    let caught: unknown;
    try {
      patient.validate(hog, { a: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FORM_SCRIPT_MEMORY');
    // The allocation happened in the script process's own heap, not the server's.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(patient.validate(scripted(custom('b', "valid = input === 'y' ? true : 'no';")), { b: 'y' }).valid).toBe(true);
  });

  it('does not take a slow answer for a dead process: a script that outlives the old answer margin still gives its verdict', () => {
    const patient = new FormValidator({ scriptLimits: { perEvaluationMs: 50_000, perValidationMs: 50_000 } });
    const f = scripted(custom('a', "var t = Date.now(); while (Date.now() - t < 800) {} valid = 'slow but alive';"));
    expect(patient.validate(f, { a: 'x' }).errors).toMatchObject([{ path: 'a', validator: 'custom', message: 'slow but alive' }]);
  });

  it('keeps all scripts of a validation within its total budget, though each alone is within its own limit', () => {
    const tight = new FormValidator({ scriptLimits: { perEvaluationMs: 50_000, perValidationMs: 300 } });
    const slow = 'var t = Date.now(); while (Date.now() - t < 200) {} valid = true;';
    const f = scripted(...Array.from({ length: 10 }, (_, i) => custom(`f${i}`, slow)));
    expect(() => tight.validate(f, {})).toThrow('FORM_SCRIPT_TIMEOUT');
    expect(() => tight.validate(scripted(custom('g', slow)), {})).not.toThrow();
  });

  // Each script reports what its attempt came to: the verdict 'blocked: <error>' proves the attempt itself failed inside
  // the worker; 'escaped' (or any other verdict) means it reached something it must not.
  it.each([
    ['require', "require('fs')", 'ReferenceError'],
    ['process', 'process.exit(1)', 'ReferenceError'],
    ['module', 'module.exports', 'ReferenceError'],
    ["the server's globalThis", 'globalThis.process.exit(1)', 'TypeError'],
    ['the global constructor', "this.constructor.constructor('return process')()", 'EvalError'],
    ['an argument constructor', "data.constructor.constructor('return process')()", 'EvalError'],
    ['a utility (utils, lodash and moment are not passed in)', "utils.constructor.constructor('return process')()", 'ReferenceError'],
    ['eval', "eval('1')", 'EvalError'],
    ['new Function', "new Function('return 1')()", 'EvalError'],
    ['an error stack', "(function () { try { null.x } catch (e) { return e.constructor.constructor('return process')(); } })()", 'EvalError'],
    ['WebAssembly', 'new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))', 'CompileError'],
  ])('gives a script no way to the server through %s: the attempt fails in the script', (_name, attempt, failure) => {
    const code = `try { ${attempt}; valid = 'escaped'; } catch (e) { valid = 'blocked: ' + e.name; }`;
    const result = validator.validate(scripted(custom('a', code)), { a: 'x' });
    expect(result.errors).toMatchObject([{ path: 'a', validator: 'custom', message: `blocked: ${failure}` }]);
  });

  it('still refuses scripts in a form that does not opt in, prepared or not', () => {
    const f: FormDefinition = { display: 'form', components: [custom('a', 'valid = true;')] };
    expect(() => validator.validate(f, {})).toThrow('FORM_SCRIPTS_NOT_ALLOWED');
  });
});
