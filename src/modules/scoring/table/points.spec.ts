import { divideHalfUp, formatPoints, formatQuantity, hundredthsToNumber, tableHundredths, toHundredths } from './points';

describe('toHundredths: decimals read exactly, never through float arithmetic', () => {
  it.each([
    [0, 0],
    [9, 900],
    [9.5, 950],
    [9.05, 905],
    [0.1, 10],
    [0.2, 20],
    [0.07, 7],
    // 1.15 × 100 is 114.99999999999999 and 4.35 × 100 is 434.99999999999994 in floats.
    [1.15, 115],
    [4.35, 435],
    [-2.5, -250],
    [1e2, 10000],
    [0.01, 1],
    ['9.50', 950],
    ['9.500', 950],
    ['007.5', 750],
    ['-0', 0],
    [-0, 0],
    [90071992547409, 9007199254740900],
    ['1e-2', 1],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%p → %p hundredths', (value, hundredths) => {
    expect(toHundredths(value)).toEqual({ ok: true, hundredths });
  });

  it.each([
    [0.1 + 0.2], // 0.30000000000000004
    [1.005],
    [9.555],
    [1e-3],
    ['0.001'],
    ['1e-50'],
  ])('%p has more than two decimals: SCORE_TOO_PRECISE', (value) => {
    expect(toHundredths(value)).toEqual({ ok: false, code: 'SCORE_TOO_PRECISE' });
  });

  it.each([[Number.NaN], [Infinity], [-Infinity], [''], [' 9'], ['9,5'], ['abc'], ['1e400'], ['90071992547409.92'], [90071992547410], [true], [null], [undefined], [{}], [[9]]])(
    '%p is SCORE_NOT_A_NUMBER',
    (value) => {
      expect(toHundredths(value)).toEqual({ ok: false, code: 'SCORE_NOT_A_NUMBER' });
    },
  );

  it('tableHundredths throws on a value validation should have refused', () => {
    expect(tableHundredths(2.25)).toBe(225);
    expect(() => tableHundredths(0.125)).toThrow('at most 2 decimals');
  });
});

describe('divideHalfUp: the one rounding rule, half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [7n, 2n, 4n],
    [-5n, 2n, -3n],
    [3n, -2n, -2n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [1n, 3n, 0n],
    [-1n, 3n, 0n],
    [200000n, 3n, 66667n],
    [6n, 3n, 2n],
  ])('%p / %p → %p', (numerator, denominator, quotient) => {
    expect(divideHalfUp(numerator, denominator)).toBe(quotient);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow('Division by zero');
  });
});

describe('formatPoints and formatQuantity', () => {
  it.each([
    [950, '9,50', '9.50'],
    [0, '0,00', '0.00'],
    [5, '0,05', '0.05'],
    [-250, '-2,50', '-2.50'],
    [9550, '95,50', '95.50'],
    [123456, '1.234,56', '1,234.56'],
  ])('%p hundredths → %p (vi), %p (en)', (hundredths, vi, en) => {
    expect(formatPoints(hundredths, 'vi')).toBe(vi);
    expect(formatPoints(hundredths, 'en')).toBe(en);
  });

  it.each([
    [1800, '18', '18'],
    [1850, '18,5', '18.5'],
    [1855, '18,55', '18.55'],
    [0, '0', '0'],
    [123400, '1.234', '1,234'],
    [-50, '-0,5', '-0.5'],
  ])('quantity %p → %p (vi), %p (en)', (hundredths, vi, en) => {
    expect(formatQuantity(hundredths, 'vi')).toBe(vi);
    expect(formatQuantity(hundredths, 'en')).toBe(en);
  });

  it.each([
    [950, 9.5],
    [-150, -1.5],
    [1, 0.01],
    [115, 1.15],
  ])('hundredthsToNumber %p → %p', (hundredths, points) => {
    expect(hundredthsToNumber(hundredths)).toBe(points);
  });
});
