import { AppError } from '../../../common/errors/app-error';
import { ERROR_CATALOG } from '../../../common/errors/error-catalog';
import { interpolate, Language } from '../../../common/i18n/language';
import { dividesExactly, divideHalfUp, formatPoints, formatQuantity, hundredthsToNumber, tableHundredths, toHundredths } from './points';
import { Hundredths, isLeaf, LeafScore, ScoringBranch, ScoringLeaf, ScoringMethod, ScoringNode, ScoringTableDocument, SheetEntry, SheetProblem, SheetResult } from './scoring-table';
import { fieldKeyOf, leavesOf, textIn } from './table-text';

/**
 * Scores one sheet against a table, in integer hundredths. Every problem is collected (none stops the others),
 * each at the Form.io path of its field; a leaf with a problem counts 0 and has an empty explanation, so a
 * result with problems is only for showing a draft, never for ranking.
 */
export function scoreSheet(table: ScoringTableDocument, entries: SheetEntry[]): SheetResult {
  const { byCode, problems } = indexEntries(table, entries);
  const leaves: LeafScore[] = [];
  const branches: SheetResult['branches'] = [];
  const leafProblems: SheetProblem[] = [];

  /** Bottom-up: a branch's raw sum is the sum of its items after their own caps. */
  const scoreNode = (node: ScoringNode): Hundredths => {
    if (isLeaf(node)) {
      const outcome = scoreLeaf(node, byCode.get(node.code));
      leafProblems.push(...outcome.problems);
      leaves.push({ code: node.code, points: outcome.points, explanation: outcome.explanation });
      return outcome.points;
    }
    const slot = branches.push({ code: node.code, raw: 0, capped: 0 }) - 1;
    const raw = node.items.reduce((sum, item) => sum + scoreNode(item), 0);
    branches[slot] = { code: node.code, raw, capped: capOf(node, raw) };
    return branches[slot].capped;
  };

  const total = table.groups.reduce((sum, group) => sum + scoreNode(group), 0);
  return { leaves, branches, total, problems: [...leafProblems, ...problems] };
}

/**
 * A sheet's penalty points (≤ 0): the sum of its penalty leaves. Penalties are stored as negative points; a leaf that
 * scored them as a positive deduction still counts as one.
 */
export function penaltiesOf(table: ScoringTableDocument, leaves: LeafScore[]): Hundredths {
  const penalty = new Set(leavesOf(table).filter((leaf) => leaf.method === 'penalty').map((leaf) => leaf.code));
  return 0 - Math.abs(leaves.reduce((sum, leaf) => (penalty.has(leaf.code) ? sum + leaf.points : sum), 0)); // 0 - x: never -0
}

/** The branch cap bounds what a branch contributes from above; a negative sum (penalties) is never raised. */
function capOf(branch: ScoringBranch, raw: Hundredths): Hundredths {
  return branch.cap === undefined ? raw : Math.min(raw, tableHundredths(branch.cap));
}

/** Entries by code; an entry for a code the table has no leaf for, or a second entry for one, is a problem. */
function indexEntries(table: ScoringTableDocument, entries: SheetEntry[]) {
  const known = new Set(leavesOf(table).map((leaf) => leaf.code));
  const byCode = new Map<string, SheetEntry>();
  const problems: SheetProblem[] = [];
  for (const entry of entries) {
    const code = String(entry.code);
    if (!known.has(code)) problems.push({ path: fieldKeyOf(code), code: 'SCORE_UNKNOWN_CRITERION', params: { code } });
    else if (byCode.has(code)) problems.push({ path: fieldKeyOf(code), code: 'SCORE_DUPLICATE_CRITERION', params: { code } });
    else byCode.set(code, entry);
  }
  return { byCode, problems };
}

interface LeafOutcome {
  points: Hundredths;
  explanation: string;
  problems: SheetProblem[];
}

const scored = (points: Hundredths, explanation: string): LeafOutcome => ({ points, explanation, problems: [] });
const refused = (...problems: SheetProblem[]): LeafOutcome => ({ points: 0, explanation: '', problems });

/** A problem about a leaf, its parameters naming the criterion by code and Vietnamese text. */
function problemAt(leaf: ScoringLeaf, path: string, code: SheetProblem['code'], params: Record<string, string | number> = {}): SheetProblem {
  return { path, code, params: { code: leaf.code, criterion: textIn(leaf.text, 'vi'), ...params } };
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';
const shown = (value: unknown) => String(value).slice(0, 50);
const vi = (hundredths: Hundredths) => formatPoints(hundredths, 'vi');

/** A number the scorer entered, in hundredths, or the problem with it. */
function readAmount(leaf: ScoringLeaf, path: string, value: unknown): Hundredths | SheetProblem {
  const parsed = toHundredths(value);
  return parsed.ok ? parsed.hundredths : problemAt(leaf, path, parsed.code, { value: shown(value) });
}

/** An amount within 0 … max: below 0 is under the floor, above max over the standard (or the bonus limit). */
function readBounded(leaf: ScoringLeaf, path: string, value: unknown, max: Hundredths): Hundredths | SheetProblem {
  const amount = readAmount(leaf, path, value);
  if (typeof amount !== 'number') return amount;
  if (amount < 0) return problemAt(leaf, path, 'SCORE_BELOW_FLOOR', { value: hundredthsToNumber(amount), floor: 0 });
  if (amount > max) return problemAt(leaf, path, 'SCORE_ABOVE_STANDARD', { value: hundredthsToNumber(amount), max: hundredthsToNumber(max) });
  return amount;
}

/** `full`: 0 … standard, required. */
function scoreFull(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  const path = fieldKeyOf(leaf.code);
  if (isAbsent(entry?.value)) return refused(problemAt(leaf, path, 'SCORE_MISSING'));
  const standard = tableHundredths(leaf.points);
  const given = readBounded(leaf, path, entry!.value, standard);
  return typeof given === 'number' ? scored(given, `${vi(given)}/${vi(standard)}`) : refused(given);
}

/** `bonus`: 0 … the limit; no entry means no bonus. */
function scoreBonus(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  const limit = tableHundredths(leaf.points);
  const given = isAbsent(entry?.value) ? 0 : readBounded(leaf, fieldKeyOf(leaf.code), entry!.value, limit);
  return typeof given === 'number' ? scored(given, `thưởng ${vi(given)} (tối đa ${vi(limit)})`) : refused(given);
}

/** `penalty`: the scorer enters the deduction 0 … points; it counts as negative points; no entry means none. */
function scorePenalty(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  const path = fieldKeyOf(leaf.code);
  const limit = tableHundredths(leaf.points);
  const deduction = isAbsent(entry?.value) ? 0 : readAmount(leaf, path, entry!.value);
  if (typeof deduction !== 'number') return refused(deduction);
  if (deduction < 0) return refused(problemAt(leaf, path, 'SCORE_BELOW_FLOOR', { value: hundredthsToNumber(deduction), floor: 0 }));
  // Deducting more than the limit goes below the floor of −points.
  if (deduction > limit) return refused(problemAt(leaf, path, 'SCORE_BELOW_FLOOR', { value: -hundredthsToNumber(deduction), floor: -hundredthsToNumber(limit) }));
  // `0 - x`, not `-x`: no deduction must be 0, never −0.
  return scored(0 - deduction, `trừ ${vi(deduction)} (tối đa ${vi(limit)})`);
}

/** `binary`: met → the standard, not met → 0; only true or false. */
function scoreBinary(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  const path = fieldKeyOf(leaf.code);
  if (isAbsent(entry?.value)) return refused(problemAt(leaf, path, 'SCORE_MISSING'));
  if (typeof entry!.value !== 'boolean') return refused(problemAt(leaf, path, 'SCORE_NOT_A_NUMBER', { value: shown(entry!.value) }));
  const standard = tableHundredths(leaf.points);
  return entry!.value ? scored(standard, `đạt: ${vi(standard)}`) : scored(0, `không đạt: ${vi(0)}`);
}

/**
 * `proportional`: achieved × standard / target, rounded half up to hundredths, then bounded by the standard or
 * by `exceedCap` when the table allows exceeding. The target is the table's, or the scorer's when it has none.
 */
function scoreProportional(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  const key = fieldKeyOf(leaf.code);
  const problems: SheetProblem[] = [];
  const achieved = readQuantity(leaf, `${key}.achieved`, entry?.achieved, 0, problems);
  const target = leaf.target !== undefined ? tableHundredths(leaf.target) : readQuantity(leaf, `${key}.target`, entry?.target, 1, problems);
  if (achieved === null || target === null) return refused(...problems);

  const standard = tableHundredths(leaf.points);
  const numerator = BigInt(achieved) * BigInt(standard);
  const raw = Number(divideHalfUp(numerator, BigInt(target)));
  const ceiling = leaf.exceedCap !== undefined ? tableHundredths(leaf.exceedCap) : standard;
  const points = Math.min(raw, ceiling);
  const q = (h: Hundredths) => formatQuantity(h, 'vi');
  const arithmetic = `${q(achieved)}/${q(target)} × ${vi(standard)} ${dividesExactly(numerator, BigInt(target)) ? '=' : '≈'} ${vi(raw)}`;
  return scored(points, raw > ceiling ? `${arithmetic} → ${vi(ceiling)} (tối đa)` : arithmetic);
}

/** A quantity the scorer entered (achieved ≥ 0, target ≥ 0.01), or null with the problem recorded. */
function readQuantity(leaf: ScoringLeaf, path: string, value: unknown, floor: Hundredths, problems: SheetProblem[]): Hundredths | null {
  if (isAbsent(value)) return problems.push(problemAt(leaf, path, 'SCORE_MISSING')), null;
  const amount = readAmount(leaf, path, value);
  if (typeof amount !== 'number') return problems.push(amount), null;
  if (amount < floor) return problems.push(problemAt(leaf, path, 'SCORE_BELOW_FLOOR', { value: hundredthsToNumber(amount), floor: hundredthsToNumber(floor) })), null;
  return amount;
}

const SCORERS: Record<ScoringMethod, (leaf: ScoringLeaf, entry: SheetEntry | undefined) => LeafOutcome> = {
  full: scoreFull,
  bonus: scoreBonus,
  penalty: scorePenalty,
  binary: scoreBinary,
  proportional: scoreProportional,
};

/** The points of one leaf from what the scorer entered (or did not). */
export function scoreLeaf(leaf: ScoringLeaf, entry: SheetEntry | undefined): LeafOutcome {
  return SCORERS[leaf.method](leaf, entry);
}

/** Numbers in the reader's convention: 10.5 → "10,5" (vi) or "10.5" (en); anything else as it is. */
function shownParam(value: string | number, language: Language): string | number {
  if (typeof value !== 'number') return value;
  const parsed = toHundredths(value);
  return parsed.ok ? formatQuantity(parsed.hundredths, language) : value;
}

/**
 * Each problem with its message in the reader's language, the criterion named by code and its text in that
 * language and numbers written as the reader writes them: the `details` of SCORE_SHEET_INVALID.
 */
export function describeSheetProblems(table: ScoringTableDocument, problems: SheetProblem[], language: Language): Array<{ path: string; code: string; message: string }> {
  const texts = new Map(leavesOf(table).map((leaf) => [leaf.code, textIn(leaf.text, language)]));
  return problems.map((problem) => {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(problem.params)) params[name] = name === 'code' ? value : shownParam(value, language);
    params.criterion = texts.get(String(problem.params.code)) ?? problem.params.criterion ?? '';
    return { path: problem.path, code: problem.code, message: interpolate(ERROR_CATALOG[problem.code].message[language], params) };
  });
}

/** SCORE_SHEET_INVALID (422) with every problem described in `details`; nothing is stored for such a sheet. */
export function sheetInvalidError(table: ScoringTableDocument, problems: SheetProblem[], language: Language = 'vi'): AppError {
  return new AppError('SCORE_SHEET_INVALID', { count: problems.length }, describeSheetProblems(table, problems, language));
}
