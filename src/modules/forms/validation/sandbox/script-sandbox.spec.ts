import { AppError } from '../../../../common/errors/app-error';
import { FormComponent, FormDefinition } from '../form-validation.types';
import { FormValidator } from '../form-validator';

const scripted = (...components: FormComponent[]): FormDefinition => ({ display: 'form', settings: { allowScripts: true }, components });
const text = (key: string, extra: Partial<FormComponent> = {}): FormComponent => ({ type: 'textfield', key, label: key.toUpperCase(), input: true, ...extra });
const custom = (key: string, code: string): FormComponent => text(key, { validate: { custom: code } });

describe('script sandbox', () => {
  const validator = new FormValidator();
  const host = globalThis as Record<string, unknown>;

  afterEach(() => {
    delete host.__escaped;
  });

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

  it('stops an endless loop with FORM_SCRIPT_TIMEOUT (422) within about a second, and the next validation works', () => {
    const f = scripted(custom('a', 'while (true) {}'));
    const started = Date.now();
    let caught: unknown;
    try {
      validator.validate(f, { a: 'x' });
    } catch (error) {
      caught = error;
    }
    const elapsed = Date.now() - started;
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FORM_SCRIPT_TIMEOUT');
    expect(elapsed).toBeLessThan(1500);
    // The process is still responsive: another form, with and without scripts, validates at once.
    expect(validator.validate(scripted(custom('b', 'valid = true;')), { b: 'y' }).valid).toBe(true);
    expect(validator.validate({ display: 'form', components: [text('c', { validate: { required: true } })] }, { c: 'z' }).valid).toBe(true);
  });

  it('stops a script that eats memory with FORM_SCRIPT_MEMORY (422); the server lives on and the next script gets a fresh worker', () => {
    const hog = scripted(custom('a', 'var chunks = []; while (true) { chunks.push(new Array(1e6).fill(chunks.length)); }'));
    const before = process.memoryUsage().heapUsed;
    let caught: unknown;
    try {
      validator.validate(hog, { a: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('FORM_SCRIPT_MEMORY');
    // The allocation happened in the worker's own heap, not the server's.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect(validator.validate(scripted(custom('b', "valid = input === 'y' ? true : 'no';")), { b: 'y' }).valid).toBe(true);
  });

  it('keeps all scripts of a validation within its total budget', () => {
    const slow = 'var t = Date.now(); while (Date.now() - t < 200) {} valid = true;';
    const f = scripted(...Array.from({ length: 10 }, (_, i) => custom(`f${i}`, slow)));
    const started = Date.now();
    expect(() => validator.validate(f, {})).toThrow('FORM_SCRIPT_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it.each([
    ['require', "require('fs'); globalThis.__escaped = 1; valid = true;"],
    ['process', 'process.exit(1); valid = true;'],
    ['globalThis', "valid = typeof globalThis.process === 'undefined' && typeof globalThis.require === 'undefined' && typeof module === 'undefined' ? 'isolated' : 'leak';"],
    ['the global constructor', "var P = this.constructor.constructor('return process')(); P.exit(1); globalThis.__escaped = 1;"],
    ['an argument constructor', "var P = data.constructor.constructor('return process')(); P.exit(1);"],
    ['a utility argument', "var P = (utils || _ || instance).constructor.constructor('return process')(); P.exit(1);"],
    ['eval', "eval('1'); globalThis.__escaped = 1;"],
    ['an error stack', "try { null.x } catch (e) { var P = e.constructor.constructor('return process')(); P.exit(1); }"],
  ])('gives a script no way to the server through %s', (_name, code) => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('process.exit reached');
    }) as never);
    try {
      const result = validator.validate(scripted(custom('a', code)), { a: 'x' });
      expect(exit).not.toHaveBeenCalled();
      expect(host.__escaped).toBeUndefined();
      // Either the script fails (no verdict of its own) or it reports that it is isolated.
      if (code.includes("'isolated'")) expect(result.errors).toMatchObject([{ message: 'isolated' }]);
    } finally {
      exit.mockRestore();
    }
  });

  it('still refuses scripts in a form that does not opt in, prepared or not', () => {
    const f: FormDefinition = { display: 'form', components: [custom('a', 'valid = true;')] };
    expect(() => validator.validate(f, {})).toThrow('FORM_SCRIPTS_NOT_ALLOWED');
  });
});
