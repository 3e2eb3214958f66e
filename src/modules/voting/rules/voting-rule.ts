import { AppError } from '../../../common/errors/app-error';
import { formatFraction, Fraction, fraction, readFraction, RuleProblem } from './fraction';

/**
 * What the threshold is measured against.
 * - `cast`: ballots cast = agree + disagree, plus abstain when `abstentionsCountInDenominator`.
 * - `present`: members present at the meeting (given with the tally), minus abstentions when
 *   `abstentionsCountInDenominator` is false. Present members who cast no ballot stay in.
 * - `members`: the whole electorate (all member units or council members), whatever was cast.
 */
export type VotingDenominator = 'cast' | 'present' | 'members';
export const VOTING_DENOMINATORS: readonly VotingDenominator[] = ['cast', 'present', 'members'];

/** `>` "more than", `>=` "at least". */
export type VotingComparison = '>' | '>=';
export const VOTING_COMPARISONS: readonly VotingComparison[] = ['>', '>='];

/** Biểu quyết công khai (open) or bỏ phiếu kín (secret). */
export type BallotSecrecy = 'open' | 'secret';
export const BALLOT_SECRECIES: readonly BallotSecrecy[] = ['open', 'secret'];

/**
 * What happens on a tie (see `decide` in tally.ts for when a tie exists):
 * - `chair-decides`: the chair's (head unit's) own ballot decides: agree → passed, disagree → failed;
 *   if the chair abstained or did not vote, the outcome stays `tie`. Open ballots only.
 * - `status-quo`: the motion is not adopted → failed.
 * - `revote`: the outcome is `tie` and the caller opens a new poll.
 */
export type TieBreak = 'chair-decides' | 'status-quo' | 'revote';
export const TIE_BREAKS: readonly TieBreak[] = ['chair-decides', 'status-quo', 'revote'];

/**
 * A voting rule, stated exactly (DOMAIN.md, "Voting"). Plain JSON-serialisable data; build it with
 * {@link parseVotingRule} or take a preset, since `decide` trusts its shape.
 */
export interface VotingRule {
  readonly denominator: VotingDenominator;
  /** In (0, 1], reduced. */
  readonly threshold: Fraction;
  /** The motion passes when `agree × threshold.denominator (comparison) denominatorValue × threshold.numerator`. */
  readonly comparison: VotingComparison;
  /**
   * Fraction of all members that must cast a ballot, or null for no quorum. Always "at least":
   * `quorumBallots × quorum.denominator >= members × quorum.numerator`.
   */
  readonly quorum: Fraction | null;
  /** Whether abstentions are ballots for the quorum (a member who abstains took part). */
  readonly abstentionsCountTowardQuorum: boolean;
  /**
   * Whether abstentions stay in a `cast` or `present` denominator (then an abstention weighs like a
   * disagree). Must stay true for `members`: an abstaining member is still a member.
   */
  readonly abstentionsCountInDenominator: boolean;
  readonly ballot: BallotSecrecy;
  readonly tieBreak: TieBreak;
}

const preset = (rule: VotingRule): VotingRule => Object.freeze(rule);

/** More than half of all members, open ballot: the default for pact adoption and amendments. */
export const MAJORITY_OF_MEMBERS: VotingRule = preset({
  denominator: 'members',
  threshold: fraction(1, 2),
  comparison: '>',
  quorum: null,
  abstentionsCountTowardQuorum: true,
  abstentionsCountInDenominator: true,
  ballot: 'open',
  tieBreak: 'status-quo',
});

/** At least two thirds of all members, open ballot (4 of 6 meets it exactly). */
export const TWO_THIRDS_OF_MEMBERS: VotingRule = preset({ ...MAJORITY_OF_MEMBERS, threshold: fraction(2, 3), comparison: '>=' });

/** Award nominations: secret ballot, at least 4/5 (80%) of all members, as the rule pack states. */
export const NOMINATION_80_PERCENT: VotingRule = preset({ ...MAJORITY_OF_MEMBERS, threshold: fraction(4, 5), comparison: '>=', ballot: 'secret' });

/** More than half of the ballots cast, abstentions included in the count (an abstention weighs like a disagree). */
export const MAJORITY_OF_CAST: VotingRule = preset({ ...MAJORITY_OF_MEMBERS, denominator: 'cast' });

/** The rule used for every field the data leaves out (DOMAIN.md: pact adoption and amendments). */
export const DEFAULT_VOTING_RULE: VotingRule = MAJORITY_OF_MEMBERS;

const RULE_FIELDS = [
  'denominator',
  'threshold',
  'comparison',
  'quorum',
  'abstentionsCountTowardQuorum',
  'abstentionsCountInDenominator',
  'ballot',
  'tieBreak',
] as const;

/** The three fields that state the threshold; given together or not at all (see parseVotingRule). */
const THRESHOLD_FIELDS = ['denominator', 'threshold', 'comparison'] as const;

type Reading<T> = { value: T; problems: RuleProblem[] };

function readChoice<T extends string>(record: Record<string, unknown>, field: string, allowed: readonly T[], fallback: T): Reading<T> {
  const value = record[field];
  if (value === undefined) return { value: fallback, problems: [] };
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return { value: value as T, problems: [] };
  return {
    value: fallback,
    problems: [{ path: `$.${field}`, code: 'UNKNOWN_VALUE', message: `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}` }],
  };
}

function readBoolean(record: Record<string, unknown>, field: string, fallback: boolean): Reading<boolean> {
  const value = record[field];
  if (value === undefined) return { value: fallback, problems: [] };
  if (typeof value === 'boolean') return { value, problems: [] };
  return { value: fallback, problems: [{ path: `$.${field}`, code: 'NOT_A_BOOLEAN', message: `expected true or false, got ${JSON.stringify(value)}` }] };
}

const invalid = (problems: RuleProblem[]) => new AppError('VOTING_RULE_INVALID', { count: problems.length }, problems);

/** Cross-field checks, made only on fields that were read without problems. */
function consistencyProblems(rule: VotingRule, fieldsWithProblems: Set<string>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const clean = (...fields: string[]) => fields.every((field) => !fieldsWithProblems.has(field));
  if (clean('threshold', 'comparison') && rule.comparison === '>' && rule.threshold.numerator === rule.threshold.denominator) {
    problems.push({ path: '$.threshold', code: 'THRESHOLD_UNREACHABLE', message: `"more than ${formatFraction(rule.threshold)}" can never be met; use ">=" or a smaller threshold` });
  }
  if (clean('denominator', 'abstentionsCountInDenominator') && rule.denominator === 'members' && !rule.abstentionsCountInDenominator) {
    problems.push({
      path: '$.abstentionsCountInDenominator',
      code: 'ABSTENTIONS_ALWAYS_MEMBERS',
      message: 'with denominator "members" an abstaining member is still a member; leave this true or use "cast" or "present"',
    });
  }
  if (clean('ballot', 'tieBreak') && rule.ballot === 'secret' && rule.tieBreak === 'chair-decides') {
    problems.push({ path: '$.tieBreak', code: 'CHAIR_BALLOT_SECRET', message: 'in a secret ballot the chair\'s ballot is unknown; use "status-quo" or "revote"' });
  }
  return problems;
}

/**
 * Validates rule data (from JSON) and applies defaults; throws 422 `VOTING_RULE_INVALID` with every
 * problem (`{ path, code, message }`, paths from `$`) in `details`.
 *
 * Defaults: with none of `denominator`, `threshold`, `comparison` given, the threshold is the pact
 * default "more than 1/2 of members". Once any of the three is given, all three are required, because
 * a half-stated threshold ("2/3" without saying "more than" or "at least") is exactly the ambiguity
 * these rules exist to remove. Other fields: `quorum` null (none), both abstention flags true,
 * `ballot` "open", `tieBreak` "status-quo". The threshold and quorum accept `"2/3"` or
 * `{ numerator, denominator }`, must lie in (0, 1] and are reduced. Unknown fields are problems.
 */
export function parseVotingRule(input: unknown): VotingRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid([{ path: '$', code: 'NOT_AN_OBJECT', message: `expected an object, got ${JSON.stringify(input) ?? typeof input}` }]);
  }
  const record = input as Record<string, unknown>;
  const problems: RuleProblem[] = Object.keys(record)
    .filter((key) => !(RULE_FIELDS as readonly string[]).includes(key))
    .map((key) => ({ path: `$.${key}`, code: 'UNKNOWN_FIELD', message: `unknown field "${key}" (known: ${RULE_FIELDS.join(', ')})` }));

  const stated = THRESHOLD_FIELDS.filter((field) => record[field] !== undefined);
  if (stated.length > 0) {
    for (const field of THRESHOLD_FIELDS.filter((f) => record[f] === undefined)) {
      problems.push({ path: `$.${field}`, code: 'REQUIRED', message: `required together with ${stated.join(', ')}: a threshold is stated completely or not at all` });
    }
  }

  const denominator = readChoice(record, 'denominator', VOTING_DENOMINATORS, DEFAULT_VOTING_RULE.denominator);
  const comparison = readChoice(record, 'comparison', VOTING_COMPARISONS, DEFAULT_VOTING_RULE.comparison);
  const threshold = record.threshold === undefined ? { fraction: DEFAULT_VOTING_RULE.threshold, problems: [] } : readFraction(record.threshold, '$.threshold');
  const quorum = record.quorum === undefined || record.quorum === null ? { fraction: null, problems: [] } : readFraction(record.quorum, '$.quorum');
  const towardQuorum = readBoolean(record, 'abstentionsCountTowardQuorum', DEFAULT_VOTING_RULE.abstentionsCountTowardQuorum);
  const inDenominator = readBoolean(record, 'abstentionsCountInDenominator', DEFAULT_VOTING_RULE.abstentionsCountInDenominator);
  const ballot = readChoice(record, 'ballot', BALLOT_SECRECIES, DEFAULT_VOTING_RULE.ballot);
  const tieBreak = readChoice(record, 'tieBreak', TIE_BREAKS, DEFAULT_VOTING_RULE.tieBreak);

  const fieldProblems = [denominator, threshold, comparison, quorum, towardQuorum, inDenominator, ballot, tieBreak].flatMap((reading) => reading.problems);
  problems.push(...fieldProblems);
  const rule: VotingRule = {
    denominator: denominator.value,
    threshold: threshold.fraction ?? DEFAULT_VOTING_RULE.threshold,
    comparison: comparison.value,
    quorum: quorum.fraction,
    abstentionsCountTowardQuorum: towardQuorum.value,
    abstentionsCountInDenominator: inDenominator.value,
    ballot: ballot.value,
    tieBreak: tieBreak.value,
  };
  const fieldsWithProblems = new Set(problems.map((problem) => problem.path.split('.')[1]));
  problems.push(...consistencyProblems(rule, fieldsWithProblems));
  if (problems.length) throw invalid(problems);
  return rule;
}

/** "> 1/2 of members", for logs and summaries. */
export const describeVotingRule = (rule: VotingRule): string =>
  `${rule.comparison} ${formatFraction(rule.threshold)} of ${rule.denominator}` + (rule.quorum ? `, quorum ${formatFraction(rule.quorum)} of members` : '');
