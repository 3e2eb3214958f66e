import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppError } from '../../../common/errors/app-error';
import { FormComponent, FormDefinition } from './form-validation.types';
import { FORM_VALIDATOR_OPTIONS, FormValidator } from './form-validator';

const form = (...components: FormComponent[]): FormDefinition => ({ display: 'form', components });
const text = (key: string, validate: FormComponent['validate'] = {}, extra: Partial<FormComponent> = {}): FormComponent => ({ type: 'textfield', key, label: key.toUpperCase(), input: true, validate, ...extra });
const number = (key: string, validate: FormComponent['validate'] = {}): FormComponent => ({ type: 'number', key, label: key.toUpperCase(), input: true, validate });
const grid = (key: string, components: FormComponent[], validate: FormComponent['validate'] = {}, type = 'datagrid'): FormComponent => ({ type, key, label: key.toUpperCase(), input: true, validate, components });
const shownWhen = (key: string): Partial<FormComponent> => ({ conditional: { show: true, conjunction: 'all', conditions: [{ component: key, operator: 'isEqual', value: true }] } });
const pairs = (result: { errors: Array<{ path: string; validator: string }> }) => result.errors.map((e) => `${e.path}:${e.validator}`).sort();

describe('FormValidator', () => {
  const validator = new FormValidator();

  it('requires required fields, in Vietnamese by default and in English on request', () => {
    const f = form(text('title', { required: true }, { label: 'Tiêu đề' }));
    const vi = validator.validate(f, {});
    expect(vi.valid).toBe(false);
    expect(vi.errors).toEqual([{ path: 'title', validator: 'required', message: 'Tiêu đề là bắt buộc', label: 'Tiêu đề' }]);
    expect(validator.validate(f, {}, { language: 'en' }).errors[0].message).toBe('Tiêu đề is required');
    expect(validator.validate(f, { title: 'x' }).valid).toBe(true);
  });

  it('accepts numbers at their limits and refuses them just outside', () => {
    const f = form(number('n', { min: 1, max: 5 }));
    expect(validator.validate(f, { n: 1 }).valid).toBe(true);
    expect(validator.validate(f, { n: 5 }).valid).toBe(true);
    expect(validator.validate(f, { n: 0.999 }).errors).toMatchObject([{ path: 'n', validator: 'min', message: 'N không được nhỏ hơn 1.' }]);
    expect(validator.validate(f, { n: 5.001 }, { language: 'en' }).errors).toMatchObject([{ path: 'n', validator: 'max', message: 'N cannot be greater than 5.' }]);
  });

  it('refuses a malformed email', () => {
    const f = form({ type: 'email', key: 'mail', label: 'Thư điện tử', input: true });
    expect(validator.validate(f, { mail: 'a@b.org' }).valid).toBe(true);
    expect(validator.validate(f, { mail: 'not-an-email' }).errors).toEqual([
      { path: 'mail', validator: 'email', message: 'Thư điện tử phải là một địa chỉ email hợp lệ.', label: 'Thư điện tử' },
    ]);
  });

  it('refuses a select, radio or select-boxes value that the form does not offer', () => {
    const values = [{ label: 'Tiên tiến', value: 'tien-tien' }, { label: 'Xuất sắc', value: 'xuat-sac' }];
    const f = form(
      { type: 'select', key: 'title', label: 'Danh hiệu', input: true, dataSrc: 'values', data: { values } },
      { type: 'radio', key: 'vote', label: 'Biểu quyết', input: true, values },
      { type: 'selectboxes', key: 'tags', label: 'Nhãn', input: true, values },
    );
    expect(validator.validate(f, { title: 'xuat-sac', vote: 'tien-tien', tags: { 'xuat-sac': true } }).valid).toBe(true);
    const result = validator.validate(f, { title: 'anh-hung', vote: 'khac', tags: { khac: true } });
    expect(pairs(result)).toEqual(['tags:onlyAvailableItems', 'title:onlyAvailableItems', 'vote:onlyAvailableItems']);
    expect(result.errors.find((e) => e.path === 'title')?.message).toBe('Danh hiệu có giá trị không nằm trong các lựa chọn.');
  });

  it('does not reject a conditionally hidden required field, and drops its value (formio#752)', () => {
    const f = form({ type: 'checkbox', key: 'hasDeputy', label: 'Có phó', input: true }, text('deputy', { required: true }, shownWhen('hasDeputy')));
    const hidden = validator.validate(f, { hasDeputy: false, deputy: 'leaked' });
    expect(hidden).toEqual({ valid: true, data: { hasDeputy: false }, errors: [] });
    expect(pairs(validator.validate(f, { hasDeputy: true }))).toEqual(['deputy:required']);
  });

  it('enforces required fields inside data grids, nested ones included (formio.js#4418)', () => {
    const f = form(grid('clauses', [text('heading', { required: true }), grid('items', [text('name', { required: true })])]));
    const result = validator.validate(f, { clauses: [{ heading: 'Điều 1', items: [{ name: 'a' }] }, { heading: '', items: [{ name: '' }] }] });
    expect(pairs(result)).toEqual(['clauses[1].heading:required', 'clauses[1].items[0].name:required']);
  });

  it('enforces row counts of data grids and edit grids, and skips hidden grids', () => {
    const rows = (n: number) => Array.from({ length: n }, () => ({ x: 'a' }));
    const f = form(
      { type: 'checkbox', key: 'more', input: true },
      grid('g', [text('x')], { minLength: 2, maxLength: 3 }),
      grid('e', [text('x')], { minLength: 1 }, 'editgrid'),
      { type: 'panel', key: 'p', input: false, ...shownWhen('more'), components: [grid('h', [text('x')], { minLength: 2 })] },
    );
    expect(validator.validate(f, { g: rows(2), e: rows(1) }).valid).toBe(true);
    expect(validator.validate(f, { g: rows(3), e: rows(1) }).valid).toBe(true);
    const few = validator.validate(f, { g: rows(1), e: [] });
    expect(few.errors).toEqual([
      { path: 'g', validator: 'minLength', message: 'G phải có ít nhất 2 dòng.', label: 'G' },
      { path: 'e', validator: 'minLength', message: 'E phải có ít nhất 1 dòng.', label: 'E' },
    ]);
    const many = validator.validate(f, { g: rows(4), e: rows(1) }, { language: 'en' });
    expect(many.errors).toEqual([{ path: 'g', validator: 'maxLength', message: 'G must have no more than 3 rows.', label: 'G' }]);
    expect(pairs(validator.validate(f, { more: true, g: rows(2), e: rows(1), h: rows(1) }))).toEqual(['h:minLength']);
  });

  it('drops unknown keys, at the top and inside grid rows, and never modifies the payload', () => {
    const f = form(text('a'), grid('g', [text('x')]));
    const payload = { a: 'x', evil: { $where: 1 }, g: [{ x: 'y', extra: 2 }] };
    const before = structuredClone(payload);
    const result = validator.validate(f, payload);
    expect(result).toEqual({ valid: true, data: { a: 'x', g: [{ x: 'y' }] }, errors: [] });
    expect(payload).toEqual(before);
  });

  it('recomputes a JSONLogic calculated value on the server', () => {
    const f = form(number('a'), { ...number('b'), calculateValue: { '*': [{ var: 'data.a' }, 2] } });
    expect(validator.validate(f, { a: 3, b: 100 }).data).toEqual({ a: 3, b: 6 });
  });

  it('refuses a 100,000-row payload with FORM_TOO_MANY_ROWS, before @formio/core runs', () => {
    const f = form(grid('g', [text('x', { required: true })]));
    const payload = { g: Array.from({ length: 100_000 }, () => ({ x: '' })) };
    expect(() => validator.validate(f, payload)).toThrow(AppError);
    try {
      validator.validate(f, payload);
    } catch (error) {
      expect((error as AppError).code).toBe('FORM_TOO_MANY_ROWS');
      expect((error as AppError).params).toEqual({ limit: 10_000 });
    }
    const small = new FormValidator({ maxGridRows: 3 });
    const nested = form(grid('o', [grid('i', [text('x')])]));
    expect(() => small.validate(nested, { o: [{ i: [{}, {}] }, { i: [{}] }] })).toThrow('FORM_TOO_MANY_ROWS');
    expect(small.validate(nested, { o: [{ i: [{}] }, { i: [] }] }).valid).toBe(true);
  });

  it('refuses data that is not a JSON object', () => {
    expect(() => validator.validate(form(text('a')), [1, 2])).toThrow('FORM_DATA_NOT_OBJECT');
    expect(() => validator.validate(form(text('a')), 'x')).toThrow('FORM_DATA_NOT_OBJECT');
  });

  it('draft mode skips required and minimum-row errors but keeps format and limit errors', () => {
    const f = form(
      text('title', { required: true }),
      { type: 'email', key: 'mail', label: 'MAIL', input: true, validate: { required: true } },
      number('n', { min: 1 }),
      grid('g', [text('x', { required: true })], { minLength: 2, maxLength: 2 }),
    );
    const draft = validator.validate(f, { mail: 'nope', n: 0, g: [{ x: '' }] }, { mode: 'draft' });
    expect(pairs(draft)).toEqual(['mail:email', 'n:min']);
    expect(draft.data).toEqual({ mail: 'nope', n: 0, g: [{ x: '' }] });
    expect(pairs(validator.validate(f, { g: [{}, {}, {}] }, { mode: 'draft' }))).toEqual(['g:maxLength']);
    expect(pairs(validator.validate(f, { mail: 'nope', n: 0, g: [{ x: '' }] }))).toEqual(['g:minLength', 'g[0].x:required', 'mail:email', 'n:min', 'title:required']);
  });

  it('refuses forms with custom JavaScript unless they opt in, without running the script', () => {
    const scripted = form(text('a', { custom: 'globalThis.__ran = true; valid = true;' }));
    expect(() => validator.prepare(scripted)).toThrow('FORM_SCRIPTS_NOT_ALLOWED');
    expect((globalThis as Record<string, unknown>).__ran).toBeUndefined();
  });

  it('prepares a form once per content hash', () => {
    const f = form(grid('g', [text('x')], { minLength: 1, maxLength: 9 }));
    const prepared = validator.prepare(f);
    expect(validator.prepare(structuredClone(f))).toBe(prepared);
    expect(prepared.grids).toMatchObject([{ templatePath: 'g', minRows: 1, maxRows: 9 }]);
    expect(prepared.fields.map((field) => field.templatePath)).toEqual(['g', 'g[].x']);
    expect(validator.validate(prepared, { g: [{ x: 'a' }] }).valid).toBe(true);
  });

  it('is provided by Nest, with or without options', async () => {
    const plain = await Test.createTestingModule({ providers: [FormValidator] }).compile();
    expect(plain.get(FormValidator).validate(form(text('a')), { a: 'x' }).valid).toBe(true);
    const limited = await Test.createTestingModule({ providers: [FormValidator, { provide: FORM_VALIDATOR_OPTIONS, useValue: { maxGridRows: 1 } }] }).compile();
    expect(() => limited.get(FormValidator).validate(form(grid('g', [text('x')])), { g: [{}, {}] })).toThrow('FORM_TOO_MANY_ROWS');
  });

  it('counts rows only along the grids of the form, so rows under unknown keys are dropped, not counted', () => {
    const small = new FormValidator({ maxGridRows: 2 });
    const result = small.validate(form(grid('g', [text('x')])), { g: [{ x: 'a' }], junk: [{}, {}, {}, {}] });
    expect(result).toEqual({ valid: true, data: { g: [{ x: 'a' }] }, errors: [] });
  });

  describe('reference form (a copy of ../shared/bench in test/fixtures/forms)', () => {
    const dir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'forms');
    const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const reference = read('reference-form.json') as FormDefinition;

    it('accepts the valid submission and returns its data', () => {
      const result = validator.validate(reference, read('reference-valid-submission.json'));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.data).toMatchObject({ title: 'Annual budget proposal 0', kpis: expect.any(Array) });
    });

    it('refuses the invalid submission with the expected (path, validator) pairs', () => {
      const result = validator.validate(reference, read('reference-invalid-submission.json'));
      expect(result.valid).toBe(false);
      expect(pairs(result)).toEqual(
        [
          'title:minLength',
          'unitCode:pattern',
          'lastName:required',
          'confirmEmail:json',
          'budget:min',
          'headcount:max',
          'coSigner1:required',
          'budgetCode:pattern',
          'agreeTerms:required',
          'kpis[3].target:min',
          'kpis[7].kpiName:required',
        ].sort(),
      );
      const confirm = result.errors.find((e) => e.path === 'confirmEmail');
      expect(confirm?.message).toBe('Emails must match'); // the form's own JSONLogic text is shown as written
    });
  });
});
