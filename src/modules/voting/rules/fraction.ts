/**
 * Exact fractions for voting thresholds and quorums.
 *
 * Why integers and never floats: 4/6 must meet "2/3" exactly, and 4/6 >= 0.6666666666666666 is the
 * kind of comparison that fails at the boundary. Every comparison here is `count × den (>|>=) total × num`.
 *
 * Why plain `number` rather than BigInt: counts are member units or council members (at most a few
 * hundred) and fraction terms are capped at {@link MAX_FRACTION_TERM}, so every product stays far below
 * 2^53; `number` keeps the values JSON-serialisable as they are. {@link multiplyExactly} still checks
 * `Number.isSafeInteger` on every product so that a violated cap fails loudly instead of rounding.
 */

/** A reduced fraction: integer terms, positive denominator, gcd(|numerator|, denominator) = 1. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Largest numerator or denominator accepted; with counts up to a million, products stay below 2^53. */
export const MAX_FRACTION_TERM = 1_000_000;

/** A problem found in rule data: where it is (a JSON path from `$`), a stable code, and a message. */
export interface RuleProblem {
  path: string;
  code: string;
  message: string;
}

/** Either a fraction, or every problem that prevented reading one. */
export type FractionReading = { fraction: Fraction; problems: [] } | { fraction: null; problems: RuleProblem[] };

const greatestCommonDivisor = (a: number, b: number): number => {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

/** The product of two safe integers, or an Error when it would lose precision (never rounds). */
export function multiplyExactly(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(product)) {
    throw new Error(`Integer product out of the safe range: ${a} × ${b}`);
  }
  return product;
}

/** Builds a reduced fraction; throws an Error on non-integer terms or a non-positive denominator (a bug, not user input). */
export function fraction(numerator: number, denominator: number): Fraction {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new Error(`Not a fraction: ${numerator}/${denominator}`);
  }
  const divisor = greatestCommonDivisor(numerator, denominator) || 1;
  return Object.freeze({ numerator: numerator / divisor, denominator: denominator / divisor });
}

/** "2/3" (for display and for the string form accepted by the parser). */
export const formatFraction = (value: Fraction): string => `${value.numerator}/${value.denominator}`;

/** The result of `count × den (>|>=) total × num`, with both sides kept for the explanation. */
export interface FractionComparison {
  /** count × threshold denominator */
  left: number;
  /** total × threshold numerator */
  right: number;
  met: boolean;
}

/** Whether `count / total (>|>=) threshold`, computed as `count × den (>|>=) total × num` in integers only. */
export function compareWithFraction(count: number, total: number, threshold: Fraction, comparison: '>' | '>='): FractionComparison {
  const left = multiplyExactly(count, threshold.denominator);
  const right = multiplyExactly(total, threshold.numerator);
  return { left, right, met: comparison === '>' ? left > right : left >= right };
}

const FRACTION_STRING = /^\s*(-?\d+(?:\.\d+)?)\s*\/\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Checks one term; `positive` for a denominator (0 forbidden), otherwise 0 is allowed here and judged by the range check. */
function termProblems(value: unknown, path: string, positive: boolean): RuleProblem[] {
  if (value === undefined || value === null) return [{ path, code: 'REQUIRED', message: 'a value is required' }];
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ path, code: 'NOT_A_NUMBER', message: `expected an integer, got ${JSON.stringify(value)}` }];
  if (!Number.isInteger(value)) return [{ path, code: 'NOT_AN_INTEGER', message: `expected an integer, got ${value}` }];
  if (value < 0) return [{ path, code: 'NEGATIVE', message: `must not be negative, got ${value}` }];
  if (positive && value === 0) return [{ path, code: 'ZERO_DENOMINATOR', message: 'the denominator must be at least 1' }];
  if (value > MAX_FRACTION_TERM) return [{ path, code: 'TOO_LARGE', message: `must be at most ${MAX_FRACTION_TERM}, got ${value}` }];
  return [];
}

/**
 * Reads a fraction in (0, 1] from `"2/3"` or `{ numerator: 2, denominator: 3 }` and reduces it
 * (`"4/6"` reads as 2/3). Every problem is reported with its path: the terms' paths for the object
 * form (`$.threshold.denominator`), the field's own path for the string form.
 */
export function readFraction(input: unknown, path: string): FractionReading {
  let numerator: unknown;
  let denominator: unknown;
  let numeratorPath = `${path}.numerator`;
  let denominatorPath = `${path}.denominator`;
  let unknownFields: RuleProblem[] = [];
  if (typeof input === 'string') {
    const match = FRACTION_STRING.exec(input);
    if (!match) return { fraction: null, problems: [{ path, code: 'NOT_A_FRACTION', message: `expected "numerator/denominator" such as "2/3", got ${JSON.stringify(input)}` }] };
    [numerator, denominator] = [Number(match[1]), Number(match[2])];
    [numeratorPath, denominatorPath] = [path, path];
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const record = input as Record<string, unknown>;
    ({ numerator, denominator } = record);
    unknownFields = Object.keys(record)
      .filter((key) => key !== 'numerator' && key !== 'denominator')
      .map((key) => ({ path: `${path}.${key}`, code: 'UNKNOWN_FIELD', message: `unknown field "${key}"` }));
  } else {
    return { fraction: null, problems: [{ path, code: 'NOT_A_FRACTION', message: `expected "numerator/denominator" or { numerator, denominator }, got ${JSON.stringify(input)}` }] };
  }
  const problems = [...termProblems(numerator, numeratorPath, false), ...termProblems(denominator, denominatorPath, true), ...unknownFields];
  if (problems.length) return { fraction: null, problems };
  const value = fraction(numerator as number, denominator as number);
  if (value.numerator === 0) return { fraction: null, problems: [{ path, code: 'FRACTION_NOT_POSITIVE', message: 'must be greater than 0' }] };
  if (value.numerator > value.denominator) {
    return { fraction: null, problems: [{ path, code: 'FRACTION_ABOVE_ONE', message: `must be at most 1, got ${formatFraction(value)}` }] };
  }
  return { fraction: value, problems: [] };
}
