import { Text } from '../../../common/i18n/language';
import { Fraction } from '../../voting/rules/fraction';

/**
 * A commendation rule pack: the titles (danh hiệu thi đua) of one regulatory period, the ladder of prerequisites
 * between them, the caps, the exclusions and the nomination vote. Plain JSON data (`commendations/*.pack.json`),
 * checked once by `validateRulePack`; the eligibility engine and the caps trust a validated pack.
 *
 * Every rule carries a `source`: the instrument (and article where known) it comes from, printed with every reason.
 */

/** Who receives a title: a person (cá nhân) or a unit (tập thể). */
export type TitleSubject = 'person' | 'unit';

/** A pack entry is a title of the ladder, or a commendation form proposed with an account of the achievement. */
export type AwardCategory = 'title' | 'form';
export const AWARD_CATEGORIES: readonly AwardCategory[] = ['title', 'form'];
export const TITLE_SUBJECTS: readonly TitleSubject[] = ['person', 'unit'];

/** Scope at which an initiative (sáng kiến) was recognised, in ascending order: unit < sector < province < national. */
export type InitiativeScope = 'unit' | 'sector' | 'province' | 'national';
export const INITIATIVE_SCOPES: readonly InitiativeScope[] = ['unit', 'sector', 'province', 'national'];

/** The year's task result (mức độ hoàn thành nhiệm vụ), ascending: không hoàn thành < hoàn thành < hoàn thành tốt < hoàn thành xuất sắc. */
export type TaskResult = 'not-completed' | 'completed' | 'good' | 'excellent';
export const TASK_RESULTS: readonly TaskResult[] = ['not-completed', 'completed', 'good', 'excellent'];

/**
 * Disciplinary measures, ascending: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc.
 */
export type DisciplineLevel = 'reprimand' | 'warning' | 'salary-reduction' | 'demotion' | 'removal-from-office' | 'dismissal';
export const DISCIPLINE_LEVELS: readonly DisciplineLevel[] = ['reprimand', 'warning', 'salary-reduction', 'demotion', 'removal-from-office', 'dismissal'];

/**
 * Who votes: the unit's Emulation-Commendation Council (`council`), the member units of the cluster
 * (`cluster-members`, đơn vị thành viên cụm), or the Sector Emulation-Commendation Council (`sector-council`, HĐTĐKT ngành).
 */
export type Electorate = 'council' | 'cluster-members' | 'sector-council';
export const ELECTORATES: readonly Electorate[] = ['council', 'cluster-members', 'sector-council'];

/** `>=` "at least", `>` "more than" (as in voting rules). */
export type ShareComparison = '>=' | '>';
export const SHARE_COMPARISONS: readonly ShareComparison[] = ['>=', '>'];

/** How a cap's `percent × base / 100` becomes a whole number of awards. */
export type CapRounding = 'floor' | 'half-up' | 'ceil';
export const CAP_ROUNDINGS: readonly CapRounding[] = ['floor', 'half-up', 'ceil'];

/** What every rule has: a stable id (printed with its reason) and the instrument it comes from. */
export interface RuleBase {
  /** Unique in the pack, e.g. `CSTDCS.same-year-LDTT`. */
  id: string;
  /** E.g. "Luật Thi đua, khen thưởng 06/2022/QH15" or "Nghị định 91/2017/NĐ-CP"; never empty. */
  source: string;
}

/** The candidate holds `title` (not revoked) in the evaluation year. */
export interface SameYearTitlePrerequisite extends RuleBase {
  kind: 'same-year-title';
  title: string;
}

/**
 * The candidate holds `title` (not revoked) `years` times in a row, the last time in the evaluation year:
 * in years Y, Y − interval, Y − 2 × interval, … With `intervalYears` 1 (the default) these are consecutive calendar
 * years (3 consecutive CSTĐCS); a title that is itself earned over several years is "consecutive" when its awards
 * follow each other, e.g. two sector titles 3 years apart (`intervalYears: 3`).
 */
export interface ConsecutiveYearsPrerequisite extends RuleBase {
  kind: 'consecutive-years';
  title: string;
  years: number;
  intervalYears?: number;
}

/** An initiative (sáng kiến) recognised at `minimumScope` or above, in the evaluation year or the `withinYears − 1` years before (1: the same year only). */
export interface InitiativePrerequisite extends RuleBase {
  kind: 'initiative';
  minimumScope: InitiativeScope;
  withinYears: number;
}

/** The year's task result on the record is at least `minimum` (default `excellent`: hoàn thành xuất sắc nhiệm vụ). */
export interface ExcellentResultsPrerequisite extends RuleBase {
  kind: 'excellent-results';
  minimum?: TaskResult;
}

/**
 * A share of an electorate's votes, `agree / electorate (comparison) threshold`. Unknowable before the vote:
 * eligibility reports it as `pending-vote`, never as a refusal.
 */
export interface VoteSharePrerequisite extends RuleBase {
  kind: 'vote-share';
  electorate: Electorate;
  threshold: Fraction;
  comparison: ShareComparison;
}

/** At least `percent` % of the unit's members hold `title` in the evaluation year (`holders × 100 ≥ percent × members`). */
export interface MembersHoldingPrerequisite extends RuleBase {
  kind: 'members-holding';
  title: string;
  /** An integer from 0 to 100. */
  percent: number;
}

/** At least `count` of the unit's members hold `title` in the evaluation year. */
export interface AtLeastMembersHoldingPrerequisite extends RuleBase {
  kind: 'at-least-members-holding';
  title: string;
  count: number;
}

/** Every member of the unit completed their tasks in the evaluation year (task result `completed` or better). */
export interface AllMembersCompletedPrerequisite extends RuleBase {
  kind: 'all-members-completed';
}

/** At least one of the alternatives is met ("excellent results or a recognised initiative"). */
export interface AnyOfPrerequisite extends RuleBase {
  kind: 'any-of';
  anyOf: Prerequisite[];
}

export type Prerequisite =
  | SameYearTitlePrerequisite
  | ConsecutiveYearsPrerequisite
  | InitiativePrerequisite
  | ExcellentResultsPrerequisite
  | VoteSharePrerequisite
  | MembersHoldingPrerequisite
  | AtLeastMembersHoldingPrerequisite
  | AllMembersCompletedPrerequisite
  | AnyOfPrerequisite;

export type PrerequisiteKind = Prerequisite['kind'];
export const PREREQUISITE_KINDS: readonly PrerequisiteKind[] = [
  'same-year-title',
  'consecutive-years',
  'initiative',
  'excellent-results',
  'vote-share',
  'members-holding',
  'at-least-members-holding',
  'all-members-completed',
  'any-of',
];

/** Prerequisites that only make sense for a unit (they look at its members). */
export const COLLECTIVE_PREREQUISITE_KINDS: readonly PrerequisiteKind[] = ['members-holding', 'at-least-members-holding', 'all-members-completed'];

/** An emulation title (danh hiệu thi đua) and what it takes. */
export interface TitleDefinition {
  /** Unique in the pack: `LDTT`, `CSTDCS`, `CSTD-NGANH`, `TTLDXS`, `CO-THI-DUA-NGANH`, … */
  code: string;
  /** Full name: { vi: 'Lao động tiên tiến', en: 'Advanced Worker' }. */
  name: Text;
  /** As printed in reasons: { vi: 'LĐTT', en: 'LĐTT' }. */
  shortName: Text;
  subject: TitleSubject;
  /**
   * `title` (danh hiệu thi đua, the default) or `form`: a commendation form (hình thức khen thưởng: Giấy khen, Bằng
   * khen) given for an ad hoc or thematic achievement, whose proposals must give an account of it.
   */
  kind?: AwardCategory;
  /** All must be met (`any-of` states alternatives). */
  prerequisites: Prerequisite[];
  /**
   * Proposals for it are made public for objections (công khai lấy ý kiến) for this many working days before the
   * council may vote on them (national titles).
   */
  publicConsultation?: { workingDays: number; source: string };
}

/** A title as the base of a cap: its holders in the unit that year. */
export interface TitleCapBase {
  title: string;
}

/** At most `percent` % of the base may receive `title` in a unit (CSTĐCS ≤ 15% of LĐTT holders). */
export interface Cap extends RuleBase {
  title: string;
  /** Holders of a title, or the unit's headcount (biên chế). */
  base: TitleCapBase | 'headcount';
  /** An integer from 0 to 100. */
  percent: number;
  rounding: CapRounding;
}

interface ExclusionBase extends RuleBase {
  /** The titles the exclusion bars (individual titles only). */
  titles: string[];
}

/** Recruited (tuyển dụng) under `months` months before the end of the evaluation year. */
export interface RecruitedUnderMonthsExclusion extends ExclusionBase {
  kind: 'recruited-under-months';
  months: number;
}

/** Absent (nghỉ việc) from `fromMonths` to under `underMonths` months in the evaluation year (no upper bound when `underMonths` is absent). */
export interface AbsentMonthsExclusion extends ExclusionBase {
  kind: 'absent-months';
  fromMonths: number;
  underMonths?: number;
}

/** Disciplined at `level` or above, counted against the year of the violation (not of the decision). */
export interface DisciplinedAtOrAboveExclusion extends ExclusionBase {
  kind: 'disciplined-at-or-above';
  level: DisciplineLevel;
}

export type Exclusion = RecruitedUnderMonthsExclusion | AbsentMonthsExclusion | DisciplinedAtOrAboveExclusion;
export type ExclusionKind = Exclusion['kind'];
export const EXCLUSION_KINDS: readonly ExclusionKind[] = ['recruited-under-months', 'absent-months', 'disciplined-at-or-above'];

/** How nominations (bình xét, suy tôn) are voted: `agree / electorate (comparison) threshold`. */
export interface NominationVoteRule {
  /** Bỏ phiếu kín (secret) or biểu quyết công khai (open). */
  secret: boolean;
  threshold: Fraction;
  comparison: ShareComparison;
  electorate: Electorate;
  source: string;
}

/** One regulatory period's rules. */
export interface RulePack {
  /** `<key>` of `commendations/<key>.pack.json`. */
  key: string;
  name: Text;
  /**
   * ISO date (YYYY-MM-DD) the rules took effect. The pack governs evaluation years from this date's year until the
   * next pack's (see `packForYear`).
   */
  effectiveFrom: string;
  titles: TitleDefinition[];
  caps: Cap[];
  exclusions: Exclusion[];
  nominationVote: NominationVoteRule;
}

/** The title with `code`, or undefined. */
export const titleOf = (pack: RulePack, code: string): TitleDefinition | undefined => pack.titles.find((title) => title.code === code);

/** Titles a prerequisite refers to (its own and, for `any-of`, its alternatives'). */
export function referencedTitles(prerequisite: Prerequisite): string[] {
  switch (prerequisite.kind) {
    case 'same-year-title':
    case 'consecutive-years':
    case 'members-holding':
    case 'at-least-members-holding':
      return [prerequisite.title];
    case 'any-of':
      return prerequisite.anyOf.flatMap(referencedTitles);
    default:
      return [];
  }
}
