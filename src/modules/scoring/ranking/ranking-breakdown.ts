import type { Text } from '../../../common/i18n/language';
import type { ScoreSheetKind } from '../entities/score-sheet.entity';
import type { AggregationMethod, Hundredths, TieBreakKey } from '../table/scoring-table';

/** One sheet about the unit, as its ranking entry remembers it: used in the aggregate, dropped by it, or recused. */
export interface SheetUse {
  sheetId: string;
  stageKey: string;
  kind: ScoreSheetKind;
  /** The scoring unit's name, or the scoring person's full name. */
  scorer: string;
  scorerUnitId: string | null;
  /** Null for a recused sheet. */
  total: Hundredths | null;
  use: 'used' | 'dropped' | 'recused';
  recusalReason: string | null;
}

/**
 * What a RankingEntry keeps to explain its figures (RankingEntry.breakdown): the sheets, the per-group points and
 * penalties the tie-break chain compares, the aggregation's arithmetic and the tie-break lines, and what is needed to
 * recompute the run after an adjustment without reading the sheets again.
 */
export interface RankingBreakdown {
  ranked: boolean;
  /** Why a unit is not ranked (no sheet to use). */
  notRankedReason: Text | null;
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
  /** How the aggregate was reached from the sheets. */
  aggregateExplanation: Text | null;
  /** Why the unit comes after the one above it and before the one below it (or shares their rank). */
  tieBreakLines: Text[];
}

export const breakdownOf = (value: Record<string, unknown>): RankingBreakdown => value as unknown as RankingBreakdown;

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
