import type { Text } from '../../../common/i18n/language';
import type { AggregationMethod, Hundredths, TieBreakKey } from '../table/scoring-table';
import { aggregate } from './aggregate';
import { explainPlace, RankInput } from './rank';

/**
 * One sheet about the unit, as its ranking entry remembers it: used in the aggregate, dropped by it, or recused, with
 * the total it counted with. Who scored, in which stage, and a recusal's reason are read from the sheet itself.
 */
export interface SheetUse {
  sheetId: string;
  use: 'used' | 'dropped' | 'recused';
  /** Null for a recused sheet. */
  total: Hundredths | null;
}

/**
 * What a RankingEntry keeps to explain its figures (RankingEntry.breakdown): the sheets in the order the aggregation
 * took them, the per-group points and penalties the tie-break chain compares, and what is needed to recompute the
 * run after an adjustment without reading the sheets again. Figures only: the explanations are built from them when
 * read (aggregateExplanation, tieBreakLinesOf, notRankedReason), in the reader's language, so a sector's ranking
 * writes a few hundred bytes a unit rather than kilobytes of text in two languages.
 */
export interface RankingBreakdown {
  ranked: boolean;
  tableVersionId: string;
  aggregation: AggregationMethod;
  /** The tie-break chain the run used (the total first). */
  tieBreak: TieBreakKey[];
  /** The unit's label in the explanations (its short name, else its name). */
  label: string;
  sheets: SheetUse[];
  /** Group code → points (hundredths), each aggregated over the unit's counted sheets with the run's method. */
  groups: Record<string, Hundredths>;
  /** Penalty points (≤ 0), aggregated likewise. */
  penalties: Hundredths;
}

export const breakdownOf = (value: Record<string, unknown>): RankingBreakdown => value as unknown as RankingBreakdown;

/** How the aggregate was reached from the counted sheets (null when none counted). */
export function aggregateExplanation(breakdown: RankingBreakdown): Text | null {
  const totals = breakdown.sheets.flatMap((sheet) => (sheet.use === 'recused' || sheet.total === null ? [] : [sheet.total]));
  return totals.length ? aggregate(breakdown.aggregation, totals).explanation : null;
}

/** Why a unit has no rank: no sheet to use, saying how many scorers recused. Null for a ranked unit. */
export function notRankedReason(breakdown: RankingBreakdown): Text | null {
  if (breakdown.ranked) return null;
  const recused = breakdown.sheets.filter((sheet) => sheet.use === 'recused').length;
  return recused
    ? {
        vi: `Không có phiếu chấm nào được tính: ${recused} người chấm đã xin không chấm và không có phiếu nào khác đã nộp.`,
        en: `No sheet counts: ${recused} scorer(s) recused and no other sheet was submitted.`,
      }
    : { vi: 'Không có phiếu chấm nào đã nộp cho đơn vị này.', en: 'No sheet was submitted for this unit.' };
}

const collator = new Intl.Collator('vi');

/**
 * Entries in rank order, those not ranked last; within a rank as rankUnits placed them (label, then id), so that each
 * tie-break line compares the neighbours the ranking compared.
 */
export function inRankOrder<T extends { unit: { id: string; name: string; shortName?: string | null }; rank: number | null; breakdown: Record<string, unknown> }>(entries: T[]): T[] {
  const label = (entry: T) => (breakdownOf(entry.breakdown).label as string | undefined) ?? entry.unit.shortName ?? entry.unit.name;
  return entries.sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || collator.compare(label(a), label(b)) || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
  );
}

/** The figures of an entry the tie-break chain compares. */
interface PlacedEntry {
  unit: { id: string };
  rank: number | null;
  total: Hundredths | null;
  decidedBy: string | null;
  breakdown: Record<string, unknown>;
}

/**
 * Unit id → why it comes after the unit above it and before the unit below it (or shares their rank), for entries in
 * rank order (inRankOrder): each line compares two neighbouring places with the run's chain.
 */
export function tieBreakLinesOf(entries: readonly PlacedEntry[]): Map<string, Text[]> {
  const ranked = entries.filter((entry) => entry.rank !== null && entry.total !== null);
  const inputOf = (entry: PlacedEntry): RankInput => {
    const breakdown = breakdownOf(entry.breakdown);
    return { unitId: entry.unit.id, label: breakdown.label, total: entry.total!, groups: breakdown.groups, penalties: breakdown.penalties };
  };
  const above: Array<Text | null> = ranked.map((entry, index) =>
    index ? explainPlace(inputOf(ranked[index - 1]), inputOf(entry), breakdownOf(entry.breakdown).tieBreak, entry.decidedBy as TieBreakKey | null, entry.rank!) : null,
  );
  const lines = new Map<string, Text[]>(entries.map((entry) => [entry.unit.id, []]));
  ranked.forEach((entry, index) => {
    lines.set(entry.unit.id, [above[index], above[index + 1] ?? null].filter((line): line is Text => line !== null));
  });
  return lines;
}

/**
 * Unit id → the other units of the run sharing its rank (a tie the chain could not break), in the entries' order.
 * Derived when read rather than stored on each entry: a tie of n units stored n² ids (a sector's grid of equal
 * totals made each row kilobytes). Rows written before that keep their stored list.
 */
export function tiedUnits<T extends { unit: { id: string }; rank: number | null; tiedWith?: string[] | null }>(entries: readonly T[]): Map<string, T[]> {
  const byRank = new Map<number, T[]>();
  for (const entry of entries) {
    if (entry.rank === null) continue;
    const shared = byRank.get(entry.rank);
    if (shared) shared.push(entry);
    else byRank.set(entry.rank, [entry]);
  }
  const byId = new Map(entries.map((entry) => [entry.unit.id, entry]));
  return new Map(
    entries.map((entry) => [
      entry.unit.id,
      entry.tiedWith?.length
        ? entry.tiedWith.flatMap((id) => byId.get(id) ?? [])
        : entry.rank === null
          ? []
          : (byRank.get(entry.rank) ?? []).filter((other) => other !== entry),
    ]),
  );
}
