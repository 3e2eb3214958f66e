import { aggregate, aggregateValue } from './aggregate';
import { divideHalfUp } from '../table/points';

describe('aggregate: mean', () => {
  it.each([
    // [totals, value] by hand: sums divided, half up.
    [[9000], 9000],
    [[9000, 8550, 8800], 8783], // 26350 / 3 = 8783.33
    [[9000, 8001], 8501], // 17001 / 2 = 8500.5 → 8501
    [[1, 2], 2], // 1.5 → 2
    [[1, 1, 2], 1], // 1.33
    [[2, 2, 1], 2], // 1.67
    [[-150, -151], -151], // −150.5 → half away from zero
    [[10, 20], 15],
  ])('%p → %p', (totals, value) => {
    const result = aggregate('mean', totals);
    expect(result.value).toBe(value);
    expect(result.used).toEqual(totals.map((_, i) => i));
    expect(result.dropped).toEqual([]);
  });

  it('explains the arithmetic in both languages, "≈" when rounded', () => {
    expect(aggregate('mean', [9000, 8550, 8800]).explanation).toEqual({
      vi: 'Trung bình cộng 3 phiếu: (90,00 + 85,50 + 88,00) / 3 = 263,50 / 3 ≈ 87,83',
      en: 'Mean of 3 sheets: (90.00 + 85.50 + 88.00) / 3 = 263.50 / 3 ≈ 87.83',
    });
    expect(aggregate('mean', [10, 20]).explanation.vi).toBe('Trung bình cộng 2 phiếu: (0,10 + 0,20) / 2 = 0,30 / 2 = 0,15');
    expect(aggregate('mean', [9550]).explanation.en).toBe('Mean of 1 sheet: 95.50');
  });
});

describe('aggregate: median', () => {
  it.each([
    [[9000], 9000],
    [[9000, 7000, 8000], 8000],
    [[9500, 8000, 8500, 9000], 8750], // (85 + 90) / 2
    [[8001, 8000, 1, 9999], 8001], // (80.00 + 80.01) / 2 = 80.005 → 80.01
    [[5, 5, 5, 5], 5],
  ])('%p → %p', (totals, value) => {
    expect(aggregate('median', totals).value).toBe(value);
  });

  it('shows the sorted values and the middle arithmetic', () => {
    expect(aggregate('median', [9500, 8000, 8500, 9000]).explanation).toEqual({
      vi: 'Trung vị của 4 phiếu (xếp tăng dần: 80,00; 85,00; 90,00; 95,00): (85,00 + 90,00) / 2 = 175,00 / 2 = 87,50',
      en: 'Median of 4 sheets (ascending: 80.00; 85.00; 90.00; 95.00): (85.00 + 90.00) / 2 = 175.00 / 2 = 87.50',
    });
    expect(aggregate('median', [9550]).explanation.en).toBe('Median of 1 sheet (ascending: 95.50): 95.50');
    expect(aggregate('median', [9000, 7000, 8000]).explanation.vi).toBe('Trung vị của 3 phiếu (xếp tăng dần: 70,00; 80,00; 90,00): 80,00');
  });
});

describe('aggregate: trimmed mean', () => {
  it.each([
    // [totals, value, used, dropped]
    [[9000, 9500, 7000, 8000, 8500], 8500, [0, 3, 4], [1, 2]], // drop 95 and 70: (90 + 80 + 85) / 3 = 85
    [[8000, 8000, 8000, 8000, 8000], 8000, [2, 3, 4], [0, 1]], // all equal: the first two sheets are dropped
    // Equal values: the earlier sheet goes (index 0 of the two 90s, index 2 of the two 70s); (90 + 70 + 80 + 81) / 4 = 80.25.
    [[9000, 9000, 7000, 7000, 8000, 8100], 8025, [1, 3, 4, 5], [0, 2]],
    // 7 sheets: (70 + 75 + 80 + 85 + 90) / 5 = 80.
    [[6000, 7000, 7500, 8000, 8500, 9000, 9900], 8000, [1, 2, 3, 4, 5], [0, 6]],
  ])('%p → %p using %p, dropping %p', (totals, value, used, dropped) => {
    const result = aggregate('trimmed-mean', totals);
    expect(result.used).toEqual(used);
    expect(result.dropped).toEqual(dropped);
    expect(result.value).toBe(value);
  });

  it('says which values it dropped', () => {
    expect(aggregate('trimmed-mean', [9000, 9500, 7000, 8000, 8500]).explanation).toEqual({
      vi: 'Bỏ điểm cao nhất 95,00 và thấp nhất 70,00; trung bình cộng 3 phiếu còn lại: (90,00 + 80,00 + 85,00) / 3 = 255,00 / 3 = 85,00',
      en: 'Dropping the highest 95.00 and the lowest 70.00; mean of the other 3 sheets: (90.00 + 80.00 + 85.00) / 3 = 255.00 / 3 = 85.00',
    });
  });

  it('is a plain mean below 5 sheets, and says so', () => {
    const result = aggregate('trimmed-mean', [9500, 8000, 8500, 9000]);
    expect(result).toMatchObject({ value: 8750, used: [0, 1, 2, 3], dropped: [] });
    expect(result.explanation.vi).toBe(
      'Chỉ có 4 phiếu (cần ít nhất 5 để bỏ điểm cao nhất và thấp nhất), nên không bỏ phiếu nào. Trung bình cộng 4 phiếu: (95,00 + 80,00 + 85,00 + 90,00) / 4 = 350,00 / 4 = 87,50',
    );
    expect(aggregate('trimmed-mean', [9000]).explanation.en).toBe('Only 1 sheet (at least 5 are needed to drop the highest and the lowest), so none is dropped. Mean of 1 sheet: 90.00');
    expect(result.explanation.en).toContain('Only 4 sheets (at least 5 are needed to drop the highest and the lowest), so none is dropped.');
  });
});

describe('aggregate: refusals', () => {
  it.each([
    ['no sheets', [], 'No sheets'],
    ['a fractional total', [9000.5], 'integer hundredths'],
    ['NaN', [Number.NaN], 'integer hundredths'],
  ])('refuses %s', (_, totals, message) => {
    expect(() => aggregate('mean', totals)).toThrow(message);
  });

  it('refuses an unknown method', () => {
    expect(() => aggregate('mode' as never, [1])).toThrow('Unknown aggregation method mode');
  });
});

describe('aggregateValue: the mean in numbers equals the exact BigInt arithmetic', () => {
  it.each([
    [[-150, 0, 0, 0], -38],
    [[-149, 0, 0, 0], -37],
    [[1, 2], 2],
    [[-1, -2], -2],
    [[0, -1], -1],
    [[Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], Number.MAX_SAFE_INTEGER],
  ])('mean of %p is %p (half away from zero)', (totals, expected) => {
    expect(aggregateValue('mean', totals).value).toBe(expected);
  });

  it('agrees with divideHalfUp on every mean of up to 7 sheets in a range of signed totals', () => {
    const values = [-1001, -999, -150, -1, 0, 1, 2, 3, 49, 50, 51, 8875, 9999, 10000];
    for (let count = 1; count <= 7; count++) {
      for (let start = 0; start < values.length; start++) {
        const totals = Array.from({ length: count }, (_, i) => values[(start + i * 3) % values.length]);
        const exact = Number(divideHalfUp(totals.reduce((acc, t) => acc + BigInt(t), 0n), BigInt(count)));
        expect([totals, aggregateValue('mean', totals).value]).toEqual([totals, exact]);
      }
    }
  });
});
