import { Text } from '../../../common/i18n/language';
import { divideHalfUp, dividesExactly, formatPoints } from '../table/points';
import { AggregationMethod, Hundredths } from '../table/scoring-table';

/** A unit's score from several scorers' sheets, and which sheets it comes from. */
export interface AggregateValue {
  value: Hundredths;
  /** Indexes (into the totals given) of the sheets the value comes from, ascending. */
  used: number[];
  /** Indexes of the sheets left out (trimmed mean), ascending. */
  dropped: number[];
}

/** The value with its arithmetic in both languages. */
export interface Aggregate extends AggregateValue {
  explanation: Text;
}

/** A trimmed mean drops one highest and one lowest sheet only from this many sheets up. */
export const TRIM_MINIMUM = 5;

const allIndexes = (totals: Hundredths[]) => totals.map((_, index) => index);

/**
 * sum / n rounded half up (half away from zero, as divideHalfUp), exactly: in integer arithmetic on numbers while
 * every intermediate is a safe integer (any real sheet; the rank stage computes tens of thousands of these), else in
 * BigInt.
 */
function meanOf(totals: Hundredths[]): Hundredths {
  let sum = 0;
  for (const total of totals) sum += total;
  const count = totals.length;
  const doubled = Math.abs(sum) * 2 + count;
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(doubled)) {
    return Number(divideHalfUp(totals.reduce((acc, total) => acc + BigInt(total), 0n), BigInt(count)));
  }
  const quotient = (doubled - (doubled % (count * 2))) / (count * 2);
  return sum < 0 ? 0 - quotient : quotient;
}

/**
 * The indexes a trimmed mean drops: the lowest value and the highest value, one sheet each; among equal values the
 * earlier sheet (in the order given) is dropped, and the two are always different sheets.
 */
function trimmedIndexes(totals: Hundredths[]): { lowest: number; highest: number } {
  const order = allIndexes(totals).sort((a, b) => totals[a] - totals[b] || a - b);
  const lowest = order[0];
  const top = totals[order[order.length - 1]];
  const highest = order.find((index, position) => position > 0 && totals[index] === top)!;
  return { lowest, highest };
}

/** The middle value, or for an even count the mean of the two middle values rounded half up. */
function medianOf(totals: Hundredths[]): Hundredths {
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : meanOf(sorted.slice(middle - 1, middle + 1));
}

const VALUES: Record<AggregationMethod, (totals: Hundredths[]) => AggregateValue> = {
  mean: (totals) => ({ value: meanOf(totals), used: allIndexes(totals), dropped: [] }),
  median: (totals) => ({ value: medianOf(totals), used: allIndexes(totals), dropped: [] }),
  'trimmed-mean': (totals) => {
    if (totals.length < TRIM_MINIMUM) return { value: meanOf(totals), used: allIndexes(totals), dropped: [] };
    const { lowest, highest } = trimmedIndexes(totals);
    const used = allIndexes(totals).filter((index) => index !== lowest && index !== highest);
    return { value: meanOf(used.map((index) => totals[index])), used, dropped: [lowest, highest].sort((a, b) => a - b) };
  },
};

/**
 * Aggregates the totals of a unit's sheets (recused sheets already left out), without the arithmetic: the rank stage
 * computes thousands of these and the texts are built when someone reads them (aggregate). Throws on no totals or a
 * total that is not an integer number of hundredths: a unit without sheets has no score, and the caller must say so.
 */
export function aggregateValue(method: AggregationMethod, totals: Hundredths[]): AggregateValue {
  if (totals.length === 0) throw new Error('No sheets to aggregate');
  if (!totals.every(Number.isSafeInteger)) throw new Error('Totals must be integer hundredths');
  const compute = VALUES[method];
  if (!compute) throw new Error(`Unknown aggregation method ${String(method)}`);
  return compute(totals);
}

const sheets = (count: number) => (count === 1 ? '1 sheet' : `${count} sheets`);
const list = (totals: Hundredths[], language: 'vi' | 'en') => totals.map((t) => formatPoints(t, language));

/** "(90,00 + 85,50 + 88,00) / 3 = 263,50 / 3 ≈ 87,83". */
function meanArithmetic(totals: Hundredths[], value: Hundredths): Text {
  const sum = totals.reduce((acc, total) => acc + BigInt(total), 0n);
  const sign = dividesExactly(sum, BigInt(totals.length)) ? '=' : '≈';
  const arithmetic = (language: 'vi' | 'en') =>
    totals.length === 1
      ? formatPoints(value, language)
      : `(${list(totals, language).join(' + ')}) / ${totals.length} = ${formatPoints(Number(sum), language)} / ${totals.length} ${sign} ${formatPoints(value, language)}`;
  return { vi: arithmetic('vi'), en: arithmetic('en') };
}

function explainMean(totals: Hundredths[], value: Hundredths): Text {
  const arithmetic = meanArithmetic(totals, value);
  return { vi: `Trung bình cộng ${totals.length} phiếu: ${arithmetic.vi}`, en: `Mean of ${sheets(totals.length)}: ${arithmetic.en}` };
}

function explainMedian(totals: Hundredths[], value: Hundredths): Text {
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const arithmetic: Text = sorted.length % 2 === 1 ? { vi: formatPoints(value, 'vi'), en: formatPoints(value, 'en') } : meanArithmetic(sorted.slice(middle - 1, middle + 1), value);
  const explain = (language: 'vi' | 'en', lead: string, order: string) => `${lead} ${language === 'vi' ? `${totals.length} phiếu` : sheets(totals.length)} (${order}: ${list(sorted, language).join('; ')}): ${arithmetic[language]}`;
  return { vi: explain('vi', 'Trung vị của', 'xếp tăng dần'), en: explain('en', 'Median of', 'ascending') };
}

function explainTrimmedMean(totals: Hundredths[], result: AggregateValue): Text {
  if (!result.dropped.length) {
    const plain = explainMean(totals, result.value);
    return {
      vi: `Chỉ có ${totals.length} phiếu (cần ít nhất ${TRIM_MINIMUM} để bỏ điểm cao nhất và thấp nhất), nên không bỏ phiếu nào. ${plain.vi}`,
      en: `Only ${sheets(totals.length)} (at least ${TRIM_MINIMUM} are needed to drop the highest and the lowest), so none is dropped. ${plain.en}`,
    };
  }
  // The two dropped sheets, the lower first (equal totals read the same either way).
  const [first, second] = result.dropped;
  const [lowest, highest] = totals[first] <= totals[second] ? [first, second] : [second, first];
  const arithmetic = meanArithmetic(result.used.map((index) => totals[index]), result.value);
  const points = (index: number, language: 'vi' | 'en') => formatPoints(totals[index], language);
  return {
    vi: `Bỏ điểm cao nhất ${points(highest, 'vi')} và thấp nhất ${points(lowest, 'vi')}; trung bình cộng ${result.used.length} phiếu còn lại: ${arithmetic.vi}`,
    en: `Dropping the highest ${points(highest, 'en')} and the lowest ${points(lowest, 'en')}; mean of the other ${result.used.length} sheets: ${arithmetic.en}`,
  };
}

/** aggregateValue with its arithmetic in both languages, as a reader is shown it. */
export function aggregate(method: AggregationMethod, totals: Hundredths[]): Aggregate {
  const result = aggregateValue(method, totals);
  const explanation = method === 'mean' ? explainMean(totals, result.value) : method === 'median' ? explainMedian(totals, result.value) : explainTrimmedMean(totals, result);
  return { ...result, explanation };
}
