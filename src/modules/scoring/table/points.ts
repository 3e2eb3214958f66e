import { Language } from '../../../common/i18n/language';
import { Hundredths } from './scoring-table';

/**
 * Exact points: every number a person enters or a table states is read as a decimal to integer hundredths,
 * never through float arithmetic, and the only division (proportional points, means) rounds half up.
 */

export type ParsedHundredths = { ok: true; hundredths: Hundredths } | { ok: false; code: 'SCORE_NOT_A_NUMBER' | 'SCORE_TOO_PRECISE' };

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,6}))?$/;
/** The largest whole number whose hundredths are a safe integer. */
const MAX_WHOLE = Math.floor(Number.MAX_SAFE_INTEGER / 100);
/** Past this many places of exponent a non-zero value is out of range whatever its digits. */
const MAX_EXPONENT_SHIFT = 40;

/**
 * Reads a number (or a plain decimal string such as "9.5") as hundredths, exactly. A JavaScript number is read
 * through its shortest decimal form (`String(0.1)` is "0.1"), so 0.1 is 10 hundredths, while the float that
 * 0.1 + 0.2 produces (0.30000000000000004) is refused as SCORE_TOO_PRECISE rather than silently rounded.
 * Trailing zeros are harmless ("9.500"); NaN, infinities, empty strings, booleans and values past the safe
 * integer range of hundredths are SCORE_NOT_A_NUMBER.
 */
export function toHundredths(value: unknown): ParsedHundredths {
  // Fast path for whole numbers, exact as long as × 100 stays a safe integer.
  if (typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_WHOLE) return { ok: true, hundredths: value * 100 + 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, code: 'SCORE_NOT_A_NUMBER' };
  if (typeof value !== 'number' && typeof value !== 'string') return { ok: false, code: 'SCORE_NOT_A_NUMBER' };
  const match = DECIMAL.exec(String(value));
  if (!match) return { ok: false, code: 'SCORE_NOT_A_NUMBER' };
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return { ok: true, hundredths: 0 };
  // value = digits × 10^shift × 1/100, i.e. hundredths = digits × 10^shift.
  const shift = Number(exponent) - fraction.length + 2;
  if (shift > MAX_EXPONENT_SHIFT) return { ok: false, code: 'SCORE_NOT_A_NUMBER' };
  if (shift < -MAX_EXPONENT_SHIFT) return { ok: false, code: 'SCORE_TOO_PRECISE' };
  let magnitude: bigint;
  if (shift >= 0) magnitude = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const dropped = digits.slice(shift);
    if (dropped.length >= digits.length || /[1-9]/.test(dropped)) return { ok: false, code: 'SCORE_TOO_PRECISE' };
    magnitude = BigInt(digits.slice(0, shift));
  }
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, code: 'SCORE_NOT_A_NUMBER' };
  return { ok: true, hundredths: Number(sign === '-' ? -magnitude : magnitude) };
}

/** Table values seen so far: a table has a few dozen distinct numbers, read for every sheet scored. */
const TABLE_VALUES = new Map<number, Hundredths>();
const TABLE_VALUES_LIMIT = 10_000;

/** Hundredths of a number the table states (already validated); throws on a value validation lets through by mistake. */
export function tableHundredths(value: number): Hundredths {
  const known = TABLE_VALUES.get(value);
  if (known !== undefined) return known;
  const parsed = toHundredths(value);
  if (!parsed.ok) throw new Error(`Scoring table value ${value} is not a number with at most 2 decimals`);
  if (TABLE_VALUES.size >= TABLE_VALUES_LIMIT) TABLE_VALUES.clear();
  TABLE_VALUES.set(value, parsed.hundredths);
  return parsed.hundredths;
}

/**
 * numerator / denominator rounded to the nearest integer, a remainder of exactly one half rounding away from zero
 * (HALF_UP as in BigDecimal). The one rounding rule of scoring: "làm tròn nửa lên" to hundredths.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('Division by zero');
  if (denominator < 0n) return divideHalfUp(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

/** Whether numerator / denominator is an integer (the explanation then says "=" rather than "≈"). */
export const dividesExactly = (numerator: bigint, denominator: bigint) => numerator % denominator === 0n;

/** Points as points (a number), for error parameters and JSON: 950 → 9.5. Exact: an integer over 100 prints as written. */
export const hundredthsToNumber = (hundredths: Hundredths): number => Number(formatPlain(hundredths));

function formatPlain(hundredths: Hundredths): string {
  const negative = hundredths < 0;
  const magnitude = Math.abs(hundredths);
  const whole = Math.trunc(magnitude / 100);
  const cents = String(magnitude % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const groupThousands = (whole: number, separator: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Points with two decimals in the reader's convention: 95050 → "950,50" (vi) or "950.50" (en); 123456 → "1.234,56". */
export function formatPoints(hundredths: Hundredths, language: Language): string {
  const { decimal, group } = SEPARATORS[language];
  const magnitude = Math.abs(hundredths);
  const whole = groupThousands(Math.trunc(magnitude / 100), group);
  const cents = String(magnitude % 100).padStart(2, '0');
  return `${hundredths < 0 ? '-' : ''}${whole}${decimal}${cents}`;
}

/** A quantity (achieved, target) without needless decimals: 1800 → "18", 1850 → "18,5", 1855 → "18,55". */
export function formatQuantity(hundredths: Hundredths, language: Language): string {
  const { decimal } = SEPARATORS[language];
  const [whole, cents] = formatPoints(hundredths, language).split(decimal);
  const significant = cents.replace(/0+$/, '');
  return significant ? `${whole}${decimal}${significant}` : whole;
}
