import { compareWithFraction, formatFraction, fraction, MAX_FRACTION_TERM, multiplyExactly, readFraction } from './fraction';

describe('fraction', () => {
  it.each([
    [4, 6, 2, 3],
    [2, 4, 1, 2],
    [8, 10, 4, 5],
    [3, 3, 1, 1],
    [0, 5, 0, 1],
    [7, 9, 7, 9],
  ])('reduces %i/%i to %i/%i', (numerator, denominator, reducedNumerator, reducedDenominator) => {
    expect(fraction(numerator, denominator)).toEqual({ numerator: reducedNumerator, denominator: reducedDenominator });
  });

  it.each([
    [1, 0],
    [1, -2],
    [0.5, 1],
    [1, 1.5],
    [Number.NaN, 1],
  ])('refuses %p/%p as a programming error', (numerator, denominator) => {
    expect(() => fraction(numerator, denominator)).toThrow('Not a fraction');
  });

  it('formats as "numerator/denominator"', () => {
    expect(formatFraction(fraction(2, 3))).toBe('2/3');
  });
});

describe('compareWithFraction: count × den (>|>=) total × num, integers only', () => {
  it.each([
    // The Loomio float bug: 4 of 6 must meet "at least 2/3" exactly.
    { count: 4, total: 6, threshold: [2, 3], comparison: '>=', left: 12, right: 12, met: true },
    { count: 4, total: 6, threshold: [2, 3], comparison: '>', left: 12, right: 12, met: false },
    { count: 3, total: 6, threshold: [1, 2], comparison: '>', left: 6, right: 6, met: false },
    { count: 3, total: 6, threshold: [1, 2], comparison: '>=', left: 6, right: 6, met: true },
    { count: 4, total: 6, threshold: [1, 2], comparison: '>', left: 8, right: 6, met: true },
    { count: 4, total: 5, threshold: [4, 5], comparison: '>=', left: 20, right: 20, met: true },
    { count: 7, total: 9, threshold: [4, 5], comparison: '>=', left: 35, right: 36, met: false },
    { count: 0, total: 0, threshold: [1, 2], comparison: '>', left: 0, right: 0, met: false },
    { count: 2, total: 3, threshold: [2, 3], comparison: '>=', left: 6, right: 6, met: true },
    { count: 1, total: 3, threshold: [1, 3], comparison: '>', left: 3, right: 3, met: false },
  ] as const)('$count of $total against $comparison $threshold → $left vs $right, met $met', ({ count, total, threshold, comparison, left, right, met }) => {
    expect(compareWithFraction(count, total, fraction(threshold[0], threshold[1]), comparison)).toEqual({ left, right, met });
  });
});

describe('multiplyExactly', () => {
  it('multiplies safe integers', () => {
    expect(multiplyExactly(MAX_FRACTION_TERM, MAX_FRACTION_TERM)).toBe(1e12);
  });

  it.each([
    [2 ** 30, 2 ** 30],
    [Number.MAX_SAFE_INTEGER, 2],
    [0.5, 2],
  ])('refuses %p × %p rather than round', (a, b) => {
    expect(() => multiplyExactly(a, b)).toThrow('safe range');
  });
});

describe('readFraction', () => {
  it.each([
    ['2/3', 2, 3],
    [' 4 / 6 ', 2, 3],
    ['1/2', 1, 2],
    ['1/1', 1, 1],
    [{ numerator: 8, denominator: 10 }, 4, 5],
    [{ numerator: 2, denominator: 3 }, 2, 3],
  ])('reads %p as %i/%i', (input, numerator, denominator) => {
    expect(readFraction(input, '$.threshold')).toEqual({ fraction: { numerator, denominator }, problems: [] });
  });

  it.each([
    ['3/2', [['$.threshold', 'FRACTION_ABOVE_ONE']]],
    [{ numerator: 3, denominator: 2 }, [['$.threshold', 'FRACTION_ABOVE_ONE']]],
    ['0/3', [['$.threshold', 'FRACTION_NOT_POSITIVE']]],
    ['1/0', [['$.threshold', 'ZERO_DENOMINATOR']]],
    ['-1/2', [['$.threshold', 'NEGATIVE']]],
    ['0.5/1', [['$.threshold', 'NOT_AN_INTEGER']]],
    ['half', [['$.threshold', 'NOT_A_FRACTION']]],
    ['2/3/4', [['$.threshold', 'NOT_A_FRACTION']]],
    [0.5, [['$.threshold', 'NOT_A_FRACTION']]],
    [null, [['$.threshold', 'NOT_A_FRACTION']]],
    [[2, 3], [['$.threshold', 'NOT_A_FRACTION']]],
    [{ numerator: 1, denominator: 0 }, [['$.threshold.denominator', 'ZERO_DENOMINATOR']]],
    [
      { numerator: -1, denominator: 2.5 },
      [
        ['$.threshold.numerator', 'NEGATIVE'],
        ['$.threshold.denominator', 'NOT_AN_INTEGER'],
      ],
    ],
    [
      { numerator: '2', denominator: 3, percent: 66 },
      [
        ['$.threshold.numerator', 'NOT_A_NUMBER'],
        ['$.threshold.percent', 'UNKNOWN_FIELD'],
      ],
    ],
    [{ denominator: 3 }, [['$.threshold.numerator', 'REQUIRED']]],
    [{ numerator: 1, denominator: MAX_FRACTION_TERM + 1 }, [['$.threshold.denominator', 'TOO_LARGE']]],
  ])('reports %p with paths and codes', (input, expected) => {
    const reading = readFraction(input, '$.threshold');
    expect(reading.fraction).toBeNull();
    expect(reading.problems.map((problem) => [problem.path, problem.code])).toEqual(expected);
    for (const problem of reading.problems) expect(problem.message).not.toBe('');
  });
});
