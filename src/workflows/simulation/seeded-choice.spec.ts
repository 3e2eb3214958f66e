import { chooseLate } from './seeded-choice';

describe('chooseLate', () => {
  const codes = ['VKS-HTI', 'VKS-NAN', 'VKS-QBI', 'VKS-QTR', 'VKS-THA', 'VKS-TTH'];

  it('takes the share rounded to whole units, the same for the same seed, whatever the order given', () => {
    const chosen = chooseLate(codes, 0.34, 7);
    expect(chosen).toHaveLength(2);
    expect(chosen.every((code) => codes.includes(code))).toBe(true);
    expect(chooseLate([...codes].reverse(), 0.34, 7)).toEqual(chosen);
  });

  it('chooses differently for other seeds, none for 0 and all for 1 (shares outside 0–1 are clamped)', () => {
    const choices = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => chooseLate(codes, 0.5, seed).join()));
    expect(choices.size).toBeGreaterThan(1);
    expect(chooseLate(codes, 0, 1)).toEqual([]);
    expect(chooseLate(codes, 1, 1)).toEqual([...codes].sort());
    expect(chooseLate(codes, 3, 1)).toEqual([...codes].sort());
  });
});
