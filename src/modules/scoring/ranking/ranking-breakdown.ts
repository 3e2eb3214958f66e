import type { Text } from '../../../common/i18n/language';
import type { ScoreSheet } from '../entities/score-sheet.entity';
import type { AggregationMethod, Hundredths, TieBreakKey } from '../table/scoring-table';
import { aggregate, aggregateValue } from './aggregate';
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
 * What a RankingEntry keeps to explain its figures (RankingEntry.breakdown): the totals of the sheets it counted in the
 * order the aggregation took them, the per-group points and penalties the tie-break chain compares, and what is needed
 * to recompute the run after an adjustment without reading the sheets again. Figures only: the explanations are built
 * from them when read (aggregateExplanation, tieBreakLinesOf, notRankedReason), in the reader's language, and so is the
 * list of sheets (sheetUsesOf, from the unit's sheets), so a sector's ranking writes a few hundred bytes a unit.
 */
export interface RankingBreakdown {
  ranked: boolean;
  tableVersionId: string;
  aggregation: AggregationMethod;
  /** The tie-break chain the run used (the total first). */
  tieBreak: TieBreakKey[];
  /** The unit's label in the explanations (its short name, else its name). */
  label: string;
  /** The score stage runs whose sheets counted, and whether self sheets did: which sheets the figures come from. */
  sources?: string[];
  includeSelf?: boolean;
  /** The totals of the sheets counted (used or dropped), in the order the aggregation took them. */
  counted?: Hundredths[];
  /** How many sheets about the unit were recused. */
  recused?: number;
  /** Entries written before counted and recused: every sheet with its use. */
  sheets?: SheetUse[];
  /** Group code → points (hundredths), each aggregated over the unit's counted sheets with the run's method. */
  groups: Record<string, Hundredths>;
  /** Penalty points (≤ 0), aggregated likewise. */
  penalties: Hundredths;
}

export const breakdownOf = (value: Record<string, unknown>): RankingBreakdown => value as unknown as RankingBreakdown;

/** The totals the aggregate counted, in the aggregation's order (either shape of breakdown). */
export function countedTotals(breakdown: RankingBreakdown): Hundredths[] {
  if (breakdown.counted) return breakdown.counted;
  return (breakdown.sheets ?? []).flatMap((sheet) => (sheet.use === 'recused' || sheet.total === null ? [] : [sheet.total]));
}

/** How many sheets were used, dropped and recused. */
export function sheetCounts(breakdown: RankingBreakdown): { used: number; dropped: number; recused: number } {
  if (breakdown.sheets && !breakdown.counted) {
    const count = (use: SheetUse['use']) => breakdown.sheets!.filter((sheet) => sheet.use === use).length;
    return { used: count('used'), dropped: count('dropped'), recused: count('recused') };
  }
  const totals = countedTotals(breakdown);
  const dropped = totals.length ? aggregateValue(breakdown.aggregation, totals).dropped.length : 0;
  return { used: totals.length - dropped, dropped, recused: breakdown.recused ?? 0 };
}

/** What sheetUsesOf needs of a sheet about the unit. */
export interface SheetFacts {
  id: string;
  stageRunId: string;
  kind: string;
  status: string;
  total: Hundredths | null;
  /** The scorer's name as the ranking orders sheets: the scoring unit's short name, else its name, else the person's. */
  scorer: string;
}

/** A loaded sheet (its scoring unit and person populated) as sheetUsesOf reads it. */
export function sheetFactsOf(sheet: ScoreSheet): SheetFacts {
  return {
    id: sheet.id,
    stageRunId: sheet.stageRunId,
    kind: sheet.kind,
    status: sheet.status,
    total: sheet.total,
    scorer: sheet.scorerUnit?.shortName ?? sheet.scorerUnit?.name ?? sheet.scorerPerson?.fullName ?? '',
  };
}

/** The order the aggregation takes sheets in: the scorer's name bytewise (UTF-8, as the statement's), then the id. */
const aggregationOrder = (a: SheetFacts, b: SheetFacts) => Buffer.compare(Buffer.from(a.scorer), Buffer.from(b.scorer)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every sheet the entry counted or saw recused, with its use, in the order the ranking took them (recused last): from
 * the unit's sheets (submitted and recused, in at least the runs the ranking read), with the totals and the trimmed
 * mean's dropped sheets as the entry counted them. Entries written with their list of sheets keep it.
 */
export function sheetUsesOf(breakdown: RankingBreakdown, sheets: readonly SheetFacts[]): SheetUse[] {
  if (breakdown.sheets && !breakdown.counted) return breakdown.sheets;
  const sources = new Set(breakdown.sources ?? []);
  const mine = sheets.filter((sheet) => sources.has(sheet.stageRunId) && (breakdown.includeSelf || sheet.kind !== 'self')).sort(aggregationOrder);
  const counted = mine.filter((sheet) => sheet.status === 'submitted' && sheet.total !== null);
  const totals = countedTotals(breakdown);
  // The figures are those the entry counted; the sheets' own totals only if the sheets no longer match them.
  const used = counted.length === totals.length ? totals : counted.map((sheet) => sheet.total!);
  const dropped = new Set(used.length ? aggregateValue(breakdown.aggregation, used).dropped : []);
  return [
    ...counted.map((sheet, index): SheetUse => ({ sheetId: sheet.id, use: dropped.has(index) ? 'dropped' : 'used', total: used[index] })),
    ...mine.filter((sheet) => sheet.status === 'recused').map((sheet): SheetUse => ({ sheetId: sheet.id, use: 'recused', total: null })),
  ];
}

/** How the aggregate was reached from the counted sheets (null when none counted). */
export function aggregateExplanation(breakdown: RankingBreakdown): Text | null {
  const totals = countedTotals(breakdown);
  return totals.length ? aggregate(breakdown.aggregation, totals).explanation : null;
}

/** Why a unit has no rank: no sheet to use, saying how many scorers recused. Null for a ranked unit. */
export function notRankedReason(breakdown: RankingBreakdown): Text | null {
  if (breakdown.ranked) return null;
  const { recused } = sheetCounts(breakdown);
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
