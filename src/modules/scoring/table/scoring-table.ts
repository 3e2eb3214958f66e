/**
 * A scoring table (bảng chấm điểm) as administrators write it: groups → criteria → sub-criteria. Published and
 * pinned like forms and workflows. Points in the document are decimals with at most two places; every
 * computation works in integer hundredths (`Hundredths`) so that no float ever decides a rank.
 */
export type LocalText = string | { vi: string; en?: string };

/** A number of points × 100, always an integer. */
export type Hundredths = number;

/**
 * How a leaf turns what the scorer entered into points:
 * - `full`: the scorer gives 0 … standard points (the standard when fully met);
 * - `binary`: met → the standard, not met → 0;
 * - `proportional`: achieved / target × standard, capped at the standard, or at `exceedCap` when the table allows exceeding;
 * - `bonus`: the scorer gives 0 … `points` extra points (the limit);
 * - `penalty`: the scorer deducts 0 … `points` (the floor is −points).
 */
export type ScoringMethod = 'full' | 'binary' | 'proportional' | 'bonus' | 'penalty';

export interface ScoringLeaf {
  /** Unique in the table, e.g. `I.2.b`; letters, digits, dots and dashes. */
  code: string;
  text: LocalText;
  method: ScoringMethod;
  /** Standard points (full, binary, proportional), the bonus limit, or the penalty's largest deduction. */
  points: number;
  /** `proportional`: the target the achieved quantity is measured against; absent → the scorer enters it. */
  target?: number;
  /** `proportional`: points allowed when the target is exceeded (> points); absent → capped at the standard. */
  exceedCap?: number;
  /** Whether a score for this criterion needs at least one evidence file (default `optional`). */
  evidence?: 'required' | 'optional';
  /** A hint shown under the field (how to score it). */
  hint?: LocalText;
}

export interface ScoringBranch {
  code: string;
  text: LocalText;
  /** The most this branch may contribute (before bonus and penalty groups); absent → the sum of its items. */
  cap?: number;
  items: ScoringNode[];
}

export type ScoringNode = ScoringLeaf | ScoringBranch;

export const isLeaf = (node: ScoringNode): node is ScoringLeaf => !('items' in node);

export interface GradeThreshold {
  /** Machine code, e.g. `xuat-sac`. */
  code: string;
  label: LocalText;
  /** Lowest total (points, ≤ 2 decimals) that earns the grade; grades are tried from the highest `min` down. */
  min: number;
}

export interface ScoringTableDocument {
  name: LocalText;
  description?: LocalText;
  /** The evaluation year the table was issued for. */
  year: number;
  /** The unit type it applies to (e.g. `procuracy-provincial`), when tables differ by type. */
  unitType?: string;
  /** The regulation it follows, e.g. "QĐ 424/QĐ-VKSTC ngày 2/10/2020". */
  source?: string;
  /** The one rounding rule: results of divisions are rounded half up to hundredths. */
  rounding: 'half-up';
  grades: GradeThreshold[];
  /** Top-level groups (nhóm tiêu chí), e.g. I. Công tác chuyên môn, II. …, III. Điểm thưởng, IV. Điểm trừ. */
  groups: ScoringBranch[];
}

/** What a scorer entered for one leaf. */
export interface SheetEntry {
  code: string;
  /** full / bonus / penalty: points given (penalty: points deducted, a positive number); binary: met or not. */
  value?: number | boolean;
  /** proportional: the achieved quantity, and the target when the table leaves it to the scorer. */
  achieved?: number;
  target?: number;
  comment?: string;
}

/** A problem with a sheet, at the Form.io path of the field, with a catalogue code. */
export interface SheetProblem {
  path: string;
  code:
    | 'SCORE_ABOVE_STANDARD'
    | 'SCORE_BELOW_FLOOR'
    | 'SCORE_MISSING'
    | 'SCORE_NOT_A_NUMBER'
    | 'SCORE_TOO_PRECISE'
    | 'SCORE_UNKNOWN_CRITERION'
    | 'SCORE_DUPLICATE_CRITERION';
  params: Record<string, string | number>;
}

/** The points of one leaf, and how they were reached (shown on the unit's breakdown). */
export interface LeafScore {
  code: string;
  points: Hundredths;
  /** "18/20 × 10,00 = 9,00" (≈ when rounded half up, → 6,00 (tối đa) when capped): the arithmetic in Vietnamese number format; empty when the leaf has a problem. */
  explanation: string;
}

export interface SheetResult {
  leaves: LeafScore[];
  /** Per branch code: the raw sum and the sum after the branch cap. */
  branches: Array<{ code: string; raw: Hundredths; capped: Hundredths }>;
  total: Hundredths;
  problems: SheetProblem[];
}

/** How several scorers' sheets for one unit become its score. */
export type AggregationMethod = 'mean' | 'median' | 'trimmed-mean';

/** A key the ranking breaks ties with: the total, a group's points (`group:I`), or fewer penalty points. */
export type TieBreakKey = 'total' | `group:${string}` | 'fewer-penalties';

/** The campaign context keys the evaluation stages share (campaign.context). */
export interface EvaluationContext {
  /** Pinned scoring table versions: table key → ScoringTableVersion id (pinned at launch, like formVersions). */
  scoringTables?: Record<string, string>;
  /** The latest rank stage's result: its stage run and the leading unit ids in rank order. */
  ranking?: { stageRunId: string; leaders: string[] };
  /** The nomination vote's outcome: the candidate unit ids acclaimed, with the poll. */
  acclaimed?: { pollId: string; unitIds: string[] };
  /** The nomination vote (suy tôn) once opened: its poll and vote stage run; the minutes (biên bản) are read from it. */
  nomination?: { pollId: string; stageRunId: string };
  /** The council's vote on the proposal: the acclaimed units it approved, with the poll (a decision awards these). */
  councilApproved?: { pollId: string; unitIds: string[] };
  /** The council's review of the units' title proposals (a vote on `proposals`): the proposals it passed, with the poll. */
  approvedProposals?: { pollId: string; proposalIds: string[] };
  /** The commendation decision recorded by a decision stage. */
  decision?: { decisionId: string; number: string; signedOn: string; stageRunId: string };
}
