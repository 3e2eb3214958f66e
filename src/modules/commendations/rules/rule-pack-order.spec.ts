import { inEffectiveOrder, sameDayPack, withBuiltinFallback } from './rule-pack-order';

describe('inEffectiveOrder', () => {
  it.each([
    ['already in order', [['a', '2018-01-01'], ['b', '2024-01-01']], ['a', 'b']],
    ['reversed', [['b', '2024-01-01'], ['a', '2018-01-01']], ['a', 'b']],
    ['a later day of the same year comes after', [['october', '2024-10-01'], ['january', '2024-01-01']], ['january', 'october']],
    ['one day: by key, whatever the input order', [['z', '2024-01-01'], ['m', '2024-01-01'], ['a', '2026-01-01']], ['m', 'z', 'a']],
  ])('%s', (_case, input, keys) => {
    const packs = (input as string[][]).map(([key, effectiveFrom]) => ({ key, effectiveFrom }));
    expect(inEffectiveOrder(packs).map((pack) => pack.key)).toEqual(keys);
  });

  it('leaves its input alone', () => {
    const packs = [{ key: 'b', effectiveFrom: '2024-01-01' }, { key: 'a', effectiveFrom: '2018-01-01' }];
    inEffectiveOrder(packs);
    expect(packs.map((pack) => pack.key)).toEqual(['b', 'a']);
  });
});

describe('sameDayPack', () => {
  const others = [{ key: 'rules-before-2024', effectiveFrom: '2018-01-01' }, { key: 'rules-2024-procuracy', effectiveFrom: '2024-01-01' }];

  it.each([
    ['another key on the same day', { key: 'rules-2024-new', effectiveFrom: '2024-01-01' }, 'rules-2024-procuracy'],
    ['the same key (a new version of it)', { key: 'rules-2024-procuracy', effectiveFrom: '2024-01-01' }, undefined],
    ['a later day of the same year', { key: 'rules-2024-october', effectiveFrom: '2024-10-01' }, undefined],
    ['no other pack on that day', { key: 'rules-2026', effectiveFrom: '2026-01-01' }, undefined],
  ])('%s', (_case, pack, clash) => {
    expect(sameDayPack(pack, others)?.key).toBe(clash);
  });
});

describe('withBuiltinFallback: stored packs, and the built-in ones never stored', () => {
  const builtIn = [{ key: 'rules-before-2024', effectiveFrom: '2018-01-01', from: 'file' }, { key: 'rules-2024-procuracy', effectiveFrom: '2024-01-01', from: 'file' }];
  const served = (stored: Array<{ key: string; effectiveFrom: string; from: string }>) => withBuiltinFallback(stored, builtIn).map((pack) => `${pack.key}@${pack.from}`);

  it('serves the files when nothing is stored', () => {
    expect(served([])).toEqual(['rules-before-2024@file', 'rules-2024-procuracy@file']);
  });

  it('prefers the stored version of a built-in key, even with another date', () => {
    expect(served([{ key: 'rules-2024-procuracy', effectiveFrom: '2024-10-01', from: 'db' }])).toEqual(['rules-before-2024@file', 'rules-2024-procuracy@db']);
  });

  it('keeps the built-in packs beside a pack published before the sync ever ran', () => {
    expect(served([{ key: 'rules-2026', effectiveFrom: '2026-01-01', from: 'db' }])).toEqual(['rules-before-2024@file', 'rules-2024-procuracy@file', 'rules-2026@db']);
  });

  it('serves only stored packs once every built-in key is stored', () => {
    const stored = [{ key: 'rules-2024-procuracy', effectiveFrom: '2024-01-01', from: 'db' }, { key: 'rules-before-2024', effectiveFrom: '2018-01-01', from: 'db' }];
    expect(served(stored)).toEqual(['rules-before-2024@db', 'rules-2024-procuracy@db']);
  });
});
