import { canonicalJson, contentHash } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives equal documents the same hash whatever their key order', () => {
    expect(contentHash({ x: 'Thanh Hóa', y: [1, 2] })).toBe(contentHash({ y: [1, 2], x: 'Thanh Hóa' }));
    expect(contentHash({ y: [2, 1] })).not.toBe(contentHash({ y: [1, 2] }));
  });

  it('writes dates as ISO strings and refuses non-finite numbers', () => {
    expect(canonicalJson({ at: new Date('2020-02-13T00:00:00Z') })).toBe('{"at":"2020-02-13T00:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
