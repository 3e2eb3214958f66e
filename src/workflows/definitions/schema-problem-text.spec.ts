import Ajv2020 from 'ajv/dist/2020';
import { schemaProblemText } from './schema-problem-text';

const ajv = new Ajv2020({ allErrors: true, strict: false });

/** The texts of every error a schema gives for a value. */
const textsOf = (schema: object, value: unknown) => {
  const validate = ajv.compile(schema);
  validate(value);
  return (validate.errors ?? []).map(schemaProblemText);
};

describe('schemaProblemText', () => {
  it.each([
    ['required', { type: 'object', required: ['start'] }, {}, 'thiếu thuộc tính bắt buộc "start"', "must have required property 'start'"],
    ['type', { type: 'string' }, 1, 'phải là chuỗi (string)', 'must be string'],
    ['additionalProperties', { type: 'object', additionalProperties: false }, { extra: 1 }, 'không có thuộc tính "extra" ở đây', 'must NOT have additional properties: "extra"'],
    ['minLength 1', { type: 'string', minLength: 1 }, '', 'không được để trống', 'must NOT have fewer than 1 characters'],
    ['maxLength', { type: 'string', maxLength: 3 }, 'abcd', 'không được dài quá 3 ký tự', 'must NOT have more than 3 characters'],
    ['enum', { enum: ['a', 'b'] }, 'c', 'phải là một trong: "a", "b"', 'must be equal to one of the allowed values'],
    ['minimum', { type: 'integer', minimum: 1 }, 0, 'phải >= 1', 'must be >= 1'],
    ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], 'không được có quá 1 phần tử', 'must NOT have more than 1 items'],
    ['minProperties', { type: 'object', minProperties: 1 }, {}, 'cần ít nhất 1 thuộc tính', 'must NOT have fewer than 1 properties'],
  ])('words %s in both languages', (_keyword, schema, value, vi, en) => {
    expect(textsOf(schema, value)).toEqual([{ vi, en }]);
  });

  it('names the property whose name breaks the pattern, in both languages', () => {
    const [pattern, names] = textsOf({ type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, { 'Bad Key': 1 });
    expect(pattern.vi).toBe('tên "Bad Key" không đúng mẫu ^[a-z]+$ (chữ thường, chữ số, dấu gạch ngang; bắt đầu bằng chữ)');
    expect(pattern.en).toBe('property name "Bad Key" must match pattern "^[a-z]+$"');
    expect(names).toEqual({ vi: 'tên thuộc tính "Bad Key" không hợp lệ', en: 'property name "Bad Key" is invalid' });
  });

  it('keeps ajv\'s English inside the Vietnamese for a keyword it does not know', () => {
    expect(textsOf({ type: 'array', uniqueItems: true }, [1, 1])[0].vi).toMatch(/^không hợp lệ \(must NOT have duplicate items/);
  });
});
