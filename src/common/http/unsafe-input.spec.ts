import { findUnsafeInput, MAX_INPUT_DEPTH } from './unsafe-input';

/** `depth` arrays, one inside the other, around an empty one. */
const nested = (depth: number): unknown => {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
};

describe('findUnsafeInput', () => {
  it.each([
    ['a NUL in a top-level string', { username: 'ad\u0000min' }, { problem: 'control-character', field: 'username', character: 'U+0000' }],
    ['a bell deep in a document', { content: { clauses: [{ text: 'ok' }, { text: 'a\u0007b' }] } }, { problem: 'control-character', field: 'content.clauses[1].text', character: 'U+0007' }],
    ['an escape in a key, shown by its code point', { ['x\u001b']: 1 }, { problem: 'control-character', field: 'xU+001B', character: 'U+001B' }],
    ['a vertical tab', { note: 'a\u000bb' }, { problem: 'control-character', field: 'note', character: 'U+000B' }],
    ['a number JSON reads as Infinity', JSON.parse('{"a":[1,{"year":1e400}]}'), { problem: 'not-finite', field: 'a[1].year' }],
    ['one it reads as -Infinity', JSON.parse('{"n":-1e999}'), { problem: 'not-finite', field: 'n' }],
  ])('finds %s', (_case, value, expected) => {
    expect(findUnsafeInput(value, '')).toEqual(expected);
  });

  it('names a whole text body by its root', () => {
    expect(findUnsafeInput('code,name\nA\u0000,B', 'body')).toEqual({ problem: 'control-character', field: 'body', character: 'U+0000' });
  });

  it.each([
    ['tabs, line breaks and carriage returns', { text: 'a\tb\nc\r\nd' }],
    ['Vietnamese, emoji and other characters above U+001F', { text: 'Thanh Hóa 😀 \u007f \u00a0 \u2028' }],
    ['numbers, booleans and nulls', { a: 1, b: true, c: null, d: [1.5, false] }],
    ['nesting at the limit', { deep: nested(MAX_INPUT_DEPTH - 1) }],
    ['nothing at all', undefined],
  ])('accepts %s', (_case, value) => {
    expect(findUnsafeInput(value, '')).toBeNull();
  });

  it('refuses nesting one level past the limit, and 5,000 levels without exhausting the stack', () => {
    expect(findUnsafeInput({ deep: nested(MAX_INPUT_DEPTH) }, '')).toMatchObject({ problem: 'too-deep' });
    expect(findUnsafeInput(JSON.parse(`{"x":${'['.repeat(5000)}${']'.repeat(5000)}}`), '')).toMatchObject({ problem: 'too-deep', field: expect.stringMatching(/^x(\[0\])+$/) });
  });
});
