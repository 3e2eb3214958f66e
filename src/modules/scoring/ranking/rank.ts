import { Language, Text } from '../../../common/i18n/language';
import { formatPoints, tableHundredths } from '../table/points';
import { GradeThreshold, Hundredths, TieBreakKey } from '../table/scoring-table';

/** One unit's aggregated score, as the rank stage hands it over. */
export interface RankInput {
  unitId: string;
  /** The unit's name, used in the explanations (and to order a tie the chain cannot break). */
  label: string;
  total: Hundredths;
  /** Points per group code (`I`, `II`, …), for `group:<code>` tie-break keys; a missing group counts 0. */
  groups: Record<string, Hundredths>;
  /** Penalty points, ≤ 0. */
  penalties: Hundredths;
}

export interface RankedRow extends RankInput {
  /** Standard competition ranking: 1, 2, 2, 4 when two units stay tied after the whole chain. */
  rank: number;
  /** The highest grade whose minimum the total meets; null below every minimum. */
  grade: GradeThreshold | null;
  /** The key that placed this unit below the one above it; null for the first row and for a unit tied with the one above. */
  decidedBy: TieBreakKey | null;
}

/**
 * The keys compared, in order: always the total first (a ranking ranks by points), then the configured chain
 * without repeats. Every key is "higher is better": a group's points, and penalties as the (≤ 0) points they add.
 */
export function comparisonChain(tieBreak: TieBreakKey[]): TieBreakKey[] {
  return [...new Set<TieBreakKey>(['total', ...tieBreak])];
}

/** A row's value for one key of the chain. */
export function chainValue(row: RankInput, key: TieBreakKey): Hundredths {
  if (key === 'total') return row.total;
  if (key === 'fewer-penalties') return row.penalties;
  return row.groups[key.slice('group:'.length)] ?? 0;
}

const collator = new Intl.Collator('vi');

/** Grades from the highest minimum down; the first a total meets is its grade. */
function gradeFinder(grades: GradeThreshold[]): (total: Hundredths) => GradeThreshold | null {
  const byMinimum = grades.map((grade) => ({ grade, min: tableHundredths(grade.min) })).sort((a, b) => b.min - a.min);
  return (total) => byMinimum.find(({ min }) => total >= min)?.grade ?? null;
}

const KEY_NAMES: Record<Language, { total: string; group: (code: string) => string; penalties: string }> = {
  vi: { total: 'tổng điểm', group: (code) => `nhóm ${code}`, penalties: 'điểm trừ' },
  en: { total: 'total', group: (code) => `group ${code}`, penalties: 'penalty points' },
};

function keyName(key: TieBreakKey, language: Language): string {
  const names = KEY_NAMES[language];
  if (key === 'total') return names.total;
  if (key === 'fewer-penalties') return names.penalties;
  return names.group(key.slice('group:'.length));
}

/** "bằng tổng điểm 95,50" / "equal total 95.50". */
function equalPart(row: RankInput, key: TieBreakKey, language: Language): string {
  const value = key === 'fewer-penalties' ? -row.penalties : chainValue(row, key);
  return `${language === 'vi' ? 'bằng' : 'equal'} ${keyName(key, language)} ${formatPoints(value, language)}`;
}

/** "nhóm I 60,00 > 58,50"; penalties as deductions: "ít điểm trừ hơn 1,00 < 2,00". */
function decisivePart(above: RankInput, below: RankInput, key: TieBreakKey, language: Language): string {
  const fmt = (value: Hundredths) => formatPoints(value, language);
  if (key === 'fewer-penalties') {
    const lead = language === 'vi' ? 'ít điểm trừ hơn' : 'fewer penalty points';
    return `${lead} ${fmt(-above.penalties)} < ${fmt(-below.penalties)}`;
  }
  return `${keyName(key, language)} ${fmt(chainValue(above, key))} > ${fmt(chainValue(below, key))}`;
}

/**
 * Why `below` comes after `above` (or shares its rank), in both languages: the equal keys of the chain, then the one
 * that decided, or that all were equal. Built when read (a sector's ranking has thousands of places).
 */
export function explainPlace(above: RankInput, below: RankInput, tieBreak: TieBreakKey[], decidedBy: TieBreakKey | null, rank: number): Text {
  const chain = comparisonChain(tieBreak);
  const line = (language: Language) => {
    const decided = decidedBy === null ? chain.length : chain.indexOf(decidedBy);
    const parts = chain.slice(0, decided).map((key) => equalPart(above, key, language));
    if (decidedBy !== null) {
      parts.push(decisivePart(above, below, decidedBy, language));
      return `${above.label} ${language === 'vi' ? 'xếp trên' : 'ranks above'} ${below.label}: ${parts.join('; ')}`;
    }
    const shared = language === 'vi' ? `đồng hạng ${rank}` : `share rank ${rank}`;
    return `${above.label} ${language === 'vi' ? 'và' : 'and'} ${below.label} ${shared}: ${parts.join('; ')}`;
  };
  return { vi: line('vi'), en: line('en') };
}

/** Programming errors the rank stage must not make: fractional points, positive penalties, one unit twice. */
function assertRankable(rows: RankInput[]): void {
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.has(row.unitId)) throw new Error(`Unit ${row.unitId} appears twice`);
    ids.add(row.unitId);
    const values = [row.total, row.penalties, ...Object.values(row.groups)];
    if (!values.every(Number.isSafeInteger)) throw new Error(`Points of unit ${row.unitId} must be integer hundredths`);
    if (row.penalties > 0) throw new Error(`Penalties of unit ${row.unitId} must be ≤ 0`);
  }
}

/**
 * Ranks units by total, then by the tie-break chain; a tie the chain cannot break shares a rank (1, 2, 2, 4), and
 * its rows are ordered by label then id only so that the output is deterministic (tiedUnitIds says who is tied).
 * The result does not depend on the order of the input. Each row's chain values are read once: a sector ranks
 * thousands of units with long ties.
 */
export function rankUnits(rows: RankInput[], tieBreak: TieBreakKey[], grades: GradeThreshold[]): RankedRow[] {
  assertRankable(rows);
  const chain = comparisonChain(tieBreak);
  const gradeOf = gradeFinder(grades);
  const keyed = rows.map((row) => ({ row, values: chain.map((key) => chainValue(row, key)) }));
  /** The index in the chain of the first key on which two rows differ, or -1. */
  const decisive = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
    return -1;
  };
  keyed.sort((a, b) => {
    const key = decisive(a.values, b.values);
    if (key >= 0) return b.values[key] - a.values[key];
    return collator.compare(a.row.label, b.row.label) || (a.row.unitId < b.row.unitId ? -1 : a.row.unitId > b.row.unitId ? 1 : 0);
  });

  const ranked: RankedRow[] = [];
  keyed.forEach(({ row, values }, index) => {
    const key = index ? decisive(keyed[index - 1].values, values) : -1;
    const decidedBy = index && key >= 0 ? chain[key] : null;
    const rank = index && key < 0 ? ranked[index - 1].rank : index + 1;
    ranked.push({ ...row, rank, grade: gradeOf(row.total), decidedBy });
  });
  return ranked;
}

/** Unit id → the other units sharing its rank (a tie the chain could not break), in row order; only tied units. */
export function tiedUnitIds(ranked: RankedRow[]): Map<string, string[]> {
  const byRank = new Map<number, string[]>();
  for (const row of ranked) {
    const ids = byRank.get(row.rank);
    if (ids) ids.push(row.unitId);
    else byRank.set(row.rank, [row.unitId]);
  }
  const tied = new Map<string, string[]>();
  for (const ids of byRank.values()) if (ids.length > 1) for (const id of ids) tied.set(id, ids.filter((other) => other !== id));
  return tied;
}

/** Each row's comparison with the row above (explainPlace); null for the first row. */
export function placeExplanations(ranked: RankedRow[], tieBreak: TieBreakKey[]): Array<Text | null> {
  return ranked.map((row, index) => (index ? explainPlace(ranked[index - 1], row, tieBreak, row.decidedBy, row.rank) : null));
}
