import { Text } from '../../../common/i18n/language';
import { divideHalfUp, dividesExactly, formatPoints } from '../table/points';
import { AggregationMethod, Hundredths } from '../table/scoring-table';

/** A unit's score from several scorers' sheets, with which sheets counted and the arithmetic in both languages. */
export interface Aggregate {
  value: Hundredths;
  /** Indexes (into the totals given) of the sheets the value comes from, ascending. */
  used: number[];
  /** Indexes of the sheets left out (trimmed mean), ascending. */
  dropped: number[];
  explanation: Text;
}

/** A trimmed mean drops one highest and one lowest sheet only from this many sheets up. */
export const TRIM_MINIMUM = 5;

const sheets = (count: number) => (count === 1 ? '1 sheet' : `${count} sheets`);
const list = (totals: Hundredths[], language: 'vi' | 'en') => totals.map((t) => formatPoints(t, language));

/** sum / n rounded half up, and its arithmetic: "(90,00 + 85,50 + 88,00) / 3 = 263,50 / 3 ≈ 87,83". */
function mean(totals: Hundredths[]): { value: Hundredths; arithmetic: Text } {
  const sum = totals.reduce((acc, total) => acc + BigInt(total), 0n);
  const count = BigInt(totals.length);
  const value = Number(divideHalfUp(sum, count));
  const sign = dividesExactly(sum, count) ? '=' : '≈';
  const arithmetic = (language: 'vi' | 'en') =>
    totals.length === 1
      ? formatPoints(value, language)
      : `(${list(totals, language).join(' + ')}) / ${totals.length} = ${formatPoints(Number(sum), language)} / ${totals.length} ${sign} ${formatPoints(value, language)}`;
  return { value, arithmetic: { vi: arithmetic('vi'), en: arithmetic('en') } };
}

const allIndexes = (totals: Hundredths[]) => totals.map((_, index) => index);

function aggregateMean(totals: Hundredths[]): Aggregate {
  const { value, arithmetic } = mean(totals);
  return {
    value,
    used: allIndexes(totals),
    dropped: [],
    explanation: { vi: `Trung bình cộng ${totals.length} phiếu: ${arithmetic.vi}`, en: `Mean of ${sheets(totals.length)}: ${arithmetic.en}` },
  };
}

/** The middle value, or for an even count the mean of the two middle values rounded half up. */
function aggregateMedian(totals: Hundredths[]): Aggregate {
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const odd = sorted.length % 2 === 1;
  const { value, arithmetic } = odd ? { value: sorted[middle], arithmetic: { vi: formatPoints(sorted[middle], 'vi'), en: formatPoints(sorted[middle], 'en') } } : mean(sorted.slice(middle - 1, middle + 1));
  const explain = (language: 'vi' | 'en', lead: string, order: string) => `${lead} ${language === 'vi' ? `${totals.length} phiếu` : sheets(totals.length)} (${order}: ${list(sorted, language).join('; ')}): ${arithmetic[language]}`;
  return {
    value,
    used: allIndexes(totals),
    dropped: [],
    explanation: { vi: explain('vi', 'Trung vị của', 'xếp tăng dần'), en: explain('en', 'Median of', 'ascending') },
  };
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

/** Drops one highest and one lowest sheet when there are at least TRIM_MINIMUM, else a plain mean that says why. */
function aggregateTrimmedMean(totals: Hundredths[]): Aggregate {
  if (totals.length < TRIM_MINIMUM) {
    const plain = aggregateMean(totals);
    return {
      ...plain,
      explanation: {
        vi: `Chỉ có ${totals.length} phiếu (cần ít nhất ${TRIM_MINIMUM} để bỏ điểm cao nhất và thấp nhất), nên không bỏ phiếu nào. ${plain.explanation.vi}`,
        en: `Only ${sheets(totals.length)} (at least ${TRIM_MINIMUM} are needed to drop the highest and the lowest), so none is dropped. ${plain.explanation.en}`,
      },
    };
  }
  const { lowest, highest } = trimmedIndexes(totals);
  const used = allIndexes(totals).filter((index) => index !== lowest && index !== highest);
  const { value, arithmetic } = mean(used.map((index) => totals[index]));
  const points = (index: number, language: 'vi' | 'en') => formatPoints(totals[index], language);
  return {
    value,
    used,
    dropped: [lowest, highest].sort((a, b) => a - b),
    explanation: {
      vi: `Bỏ điểm cao nhất ${points(highest, 'vi')} và thấp nhất ${points(lowest, 'vi')}; trung bình cộng ${used.length} phiếu còn lại: ${arithmetic.vi}`,
      en: `Dropping the highest ${points(highest, 'en')} and the lowest ${points(lowest, 'en')}; mean of the other ${used.length} sheets: ${arithmetic.en}`,
    },
  };
}

const METHODS: Record<AggregationMethod, (totals: Hundredths[]) => Aggregate> = {
  mean: aggregateMean,
  median: aggregateMedian,
  'trimmed-mean': aggregateTrimmedMean,
};

/**
 * Aggregates the totals of a unit's sheets (recused sheets already left out). Throws on no totals or a total that is
 * not an integer number of hundredths: a unit without sheets has no score, and the caller must say so.
 */
export function aggregate(method: AggregationMethod, totals: Hundredths[]): Aggregate {
  if (totals.length === 0) throw new Error('No sheets to aggregate');
  if (!totals.every(Number.isSafeInteger)) throw new Error('Totals must be integer hundredths');
  const compute = METHODS[method];
  if (!compute) throw new Error(`Unknown aggregation method ${String(method)}`);
  return compute(totals);
}
