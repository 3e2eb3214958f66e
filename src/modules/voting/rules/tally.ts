import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { compareWithFraction, Fraction, RuleProblem } from './fraction';
import { TieBreak, VotingComparison, VotingDenominator, VotingRule } from './voting-rule';

/** One voter's choice: đồng ý / không đồng ý / phiếu trắng (abstention). */
export type BallotChoice = 'agree' | 'disagree' | 'abstain';
const BALLOT_CHOICES: readonly BallotChoice[] = ['agree', 'disagree', 'abstain'];

/** Counts are electorates of member units or council members; this cap keeps every product exact (see fraction.ts). */
export const MAX_ELECTORATE = 1_000_000;

/** The counted ballots of one poll, one ballot per voter (one per unit), already deduplicated. */
export interface TallyInput {
  /** The electorate: all member units or council members entitled to vote (≥ 1). */
  members: number;
  /** Members present; required for the `present` denominator, checked against the others when given. */
  present?: number | null;
  agree: number;
  disagree: number;
  abstain: number;
  /** The chair's (head unit's) own ballot in an open poll, or null/absent when it did not vote; used by `chair-decides`. */
  chairBallot?: BallotChoice | null;
}

/** `passed`, `failed`, `no-quorum` (nothing was decided), or `tie` (undecided: re-vote, or the chair did not break it). */
export type VotingOutcome = 'passed' | 'failed' | 'no-quorum' | 'tie';

/** Quorum check: `ballots × quorum.denominator >= members × quorum.numerator`. */
export interface QuorumArithmetic {
  required: Fraction;
  /** Ballots counted for the quorum: agree + disagree, plus abstain when `abstentionsCounted`. */
  ballots: number;
  abstentionsCounted: boolean;
  /** ballots × required.denominator */
  left: number;
  /** members × required.numerator */
  right: number;
  achieved: boolean;
}

/** Threshold check: `agree × fraction.denominator (comparison) denominator.value × fraction.numerator`. */
export interface ThresholdArithmetic {
  fraction: Fraction;
  comparison: VotingComparison;
  /** agree × fraction.denominator */
  left: number;
  /** denominator value × fraction.numerator */
  right: number;
  /** The integer comparison alone. */
  comparisonHolds: boolean;
  /** comparisonHolds and at least one agree ballot (no motion passes with nobody for it). */
  met: boolean;
}

/** How a tie was resolved. */
export interface TieArithmetic {
  tieBreak: TieBreak;
  /** The chair's ballot as given (null when it did not vote), recorded for every tie-break. */
  chairBallot: BallotChoice | null;
  result: 'passed' | 'failed' | 'tie';
}

/** Every number behind a decision, so that it can be printed, stored with the minutes and re-checked. */
export interface TallyArithmetic {
  agree: number;
  disagree: number;
  abstain: number;
  /** All ballots: agree + disagree + abstain. */
  ballots: number;
  /** Ballots cast in the rule's sense: agree + disagree, plus abstain when abstentions count in the denominator. */
  cast: number;
  present: number | null;
  members: number;
  quorum: QuorumArithmetic | null;
  denominator: { name: VotingDenominator; value: number; abstentionsCounted: boolean };
  /** Null when the quorum failed (the threshold is then not evaluated). */
  threshold: ThresholdArithmetic | null;
  /** Null unless there was a tie; then the tie-break that applied and its result. */
  tie: TieArithmetic | null;
}

/** The outcome of a poll with the arithmetic that led to it. */
export interface Decision {
  outcome: VotingOutcome;
  arithmetic: TallyArithmetic;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function countProblems(value: unknown, field: string): RuleProblem[] {
  const path = `$.${field}`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return [{ path, code: 'NOT_AN_INTEGER', message: `expected a whole number, got ${JSON.stringify(value)}` }];
  if (value < 0) return [{ path, code: 'NEGATIVE', message: `must not be negative, got ${value}` }];
  if (value > MAX_ELECTORATE) return [{ path, code: 'TOO_LARGE', message: `must be at most ${MAX_ELECTORATE}, got ${value}` }];
  return [];
}

/** Every reason the counts cannot have happened under this rule. */
function tallyProblems(rule: VotingRule, input: TallyInput): RuleProblem[] {
  const problems = (['members', 'agree', 'disagree', 'abstain'] as const).flatMap((field) => countProblems(input[field], field));
  if (isCount(input.members) && input.members === 0) problems.push({ path: '$.members', code: 'NO_MEMBERS', message: 'the electorate must have at least one member' });
  const present = input.present ?? null;
  if (present !== null) problems.push(...countProblems(present, 'present'));
  const countsValid = problems.length === 0;
  if (present === null && rule.denominator === 'present') {
    problems.push({ path: '$.present', code: 'PRESENT_REQUIRED', message: 'the rule counts against members present; give the number present' });
  }

  const chair = input.chairBallot ?? null;
  if (chair !== null) {
    if (!BALLOT_CHOICES.includes(chair)) {
      problems.push({ path: '$.chairBallot', code: 'UNKNOWN_VALUE', message: `expected one of ${BALLOT_CHOICES.join(', ')} or null, got ${JSON.stringify(chair)}` });
    } else if (countsValid && input[chair] === 0) {
      problems.push({ path: '$.chairBallot', code: 'CHAIR_BALLOT_NOT_COUNTED', message: `the chair voted ${chair} but no ${chair} ballot was counted` });
    }
    if (rule.ballot === 'secret') problems.push({ path: '$.chairBallot', code: 'CHAIR_BALLOT_SECRET', message: 'a secret ballot has no known chair ballot' });
  }
  if (!countsValid) return problems;

  // Relations between counts, checked only once each count is a valid number.
  const ballots = input.agree + input.disagree + input.abstain;
  if (ballots > input.members) problems.push({ path: '$', code: 'BALLOTS_EXCEED_MEMBERS', message: `${ballots} ballots for ${input.members} members` });
  if (present !== null && present > input.members) problems.push({ path: '$.present', code: 'PRESENT_EXCEEDS_MEMBERS', message: `${present} present of ${input.members} members` });
  if (present !== null && ballots > present) problems.push({ path: '$.present', code: 'BALLOTS_EXCEED_PRESENT', message: `${ballots} ballots from ${present} members present` });
  return problems;
}

function denominatorValue(rule: VotingRule, input: TallyInput, cast: number): number {
  switch (rule.denominator) {
    case 'members':
      return input.members;
    case 'cast':
      return cast;
    case 'present':
      // Validated above: present is given and is at least the number of ballots.
      return (input.present as number) - (rule.abstentionsCountInDenominator ? 0 : input.abstain);
  }
}

function breakTie(tieBreak: TieBreak, chairBallot: BallotChoice | null): TieArithmetic['result'] {
  if (tieBreak === 'status-quo') return 'failed';
  if (tieBreak === 'chair-decides' && chairBallot === 'agree') return 'passed';
  if (tieBreak === 'chair-decides' && chairBallot === 'disagree') return 'failed';
  return 'tie';
}

/**
 * Decides a poll under a rule, with integer arithmetic only.
 *
 * 1. Quorum (when the rule has one): `quorumBallots × qden >= members × qnum`, where quorumBallots =
 *    agree + disagree (+ abstain when `abstentionsCountTowardQuorum`). Not achieved → `no-quorum`.
 * 2. Threshold: `agree × tden (>|>=) denominatorValue × tnum` (see VotingDenominator), and at least one
 *    agree ballot. Met → `passed`.
 * 3. Tie: the motion did not pass, agree === disagree > 0, and agree sits exactly on the threshold
 *    (`agree × tden === denominatorValue × tnum`, so only possible with `>`). So 3–3 of 6 members under
 *    "> 1/2 of members" is a tie, while 2–2 with 2 abstentions under the same rule, or 3–3 under
 *    "≥ 2/3 of members", is simply `failed`: a tie-break must never carry a motion that is short of its
 *    threshold by more than the tie itself. The rule's tie-break then applies (see TieBreak).
 * 4. Otherwise `failed`.
 *
 * Throws 422 `VOTING_TALLY_INVALID` listing every impossible count. The rule must come from
 * `parseVotingRule` or a preset.
 */
export function decide(rule: VotingRule, input: TallyInput): Decision {
  const problems = tallyProblems(rule, input);
  if (problems.length) throw new AppError('VOTING_TALLY_INVALID', { count: problems.length }, problems);

  const { members, agree, disagree, abstain } = input;
  const ballots = agree + disagree + abstain;
  const cast = agree + disagree + (rule.abstentionsCountInDenominator ? abstain : 0);
  const denominator = { name: rule.denominator, value: denominatorValue(rule, input, cast), abstentionsCounted: rule.abstentionsCountInDenominator };
  const chairBallot = input.chairBallot ?? null;
  const base = { agree, disagree, abstain, ballots, cast, present: input.present ?? null, members, denominator };

  let quorum: QuorumArithmetic | null = null;
  if (rule.quorum) {
    const quorumBallots = agree + disagree + (rule.abstentionsCountTowardQuorum ? abstain : 0);
    const check = compareWithFraction(quorumBallots, members, rule.quorum, '>=');
    quorum = { required: rule.quorum, ballots: quorumBallots, abstentionsCounted: rule.abstentionsCountTowardQuorum, left: check.left, right: check.right, achieved: check.met };
    if (!quorum.achieved) return { outcome: 'no-quorum', arithmetic: { ...base, quorum, threshold: null, tie: null } };
  }

  const check = compareWithFraction(agree, denominator.value, rule.threshold, rule.comparison);
  const threshold: ThresholdArithmetic = {
    fraction: rule.threshold,
    comparison: rule.comparison,
    left: check.left,
    right: check.right,
    comparisonHolds: check.met,
    met: check.met && agree > 0,
  };
  if (threshold.met) return { outcome: 'passed', arithmetic: { ...base, quorum, threshold, tie: null } };

  const isTie = agree === disagree && agree > 0 && threshold.left === threshold.right;
  if (!isTie) return { outcome: 'failed', arithmetic: { ...base, quorum, threshold, tie: null } };
  const tie: TieArithmetic = { tieBreak: rule.tieBreak, chairBallot, result: breakTie(rule.tieBreak, chairBallot) };
  return { outcome: tie.result, arithmetic: { ...base, quorum, threshold, tie } };
}

/** The words of one language; numbers and symbols are shared. */
interface Phrases {
  outcome: Record<VotingOutcome, string>;
  /** "4 of 6 members agree" */
  share: (agree: number, total: number, denominator: VotingDenominator, abstentionsCounted: boolean) => string;
  disagreeSuffix: (disagree: number) => string;
  ruleLabel: string;
  agreeTerm: string;
  denominatorTerm: Record<VotingDenominator, string>;
  /** "3 of 6 members cast a ballot" */
  quorumShare: (ballots: number, members: number, abstentionsCounted: boolean) => string;
  quorumLabel: string;
  ballotsTerm: string;
  membersTerm: string;
  met: string;
  notMet: string;
  metButNobodyAgrees: string;
  tie: (agree: number, disagree: number) => string;
  tieBreakLabel: string;
  tieBreak: (tie: TieArithmetic) => string;
}

const EN: Phrases = {
  outcome: { passed: 'passed', failed: 'failed', 'no-quorum': 'no quorum', tie: 'tie, undecided' },
  share: (agree, total, denominator, counted) => {
    const note = counted || denominator === 'members' ? '' : ' (abstentions not counted)';
    const noun = { members: 'members', cast: 'ballots cast', present: 'present' }[denominator];
    return `${agree} of ${total} ${noun}${note} agree`;
  },
  disagreeSuffix: (disagree) => `, ${disagree} disagree`,
  ruleLabel: 'rule',
  agreeTerm: 'agree',
  denominatorTerm: { members: 'members', cast: 'cast', present: 'present' },
  quorumShare: (ballots, members, counted) => `${ballots} of ${members} members cast a ballot${counted ? '' : ' (abstentions not counted)'}`,
  quorumLabel: 'quorum',
  ballotsTerm: 'ballots',
  membersTerm: 'members',
  met: 'met',
  notMet: 'not met',
  metButNobodyAgrees: 'met but no ballot agrees',
  tie: (agree, disagree) => `tie ${agree}–${disagree}`,
  tieBreakLabel: 'tie-break',
  tieBreak: ({ tieBreak, chairBallot }) => {
    if (tieBreak === 'status-quo') return 'status quo';
    if (tieBreak === 'revote') return 'revote, a new poll is needed';
    if (chairBallot === null) return 'the chair did not vote';
    return { agree: 'the chair voted agree', disagree: 'the chair voted disagree', abstain: 'the chair abstained' }[chairBallot];
  },
};

const VI: Phrases = {
  outcome: { passed: 'thông qua', failed: 'không thông qua', 'no-quorum': 'không đủ túc số', tie: 'ngang phiếu, chưa quyết định' },
  share: (agree, total, denominator, counted) => {
    const note = counted || denominator === 'members' ? '' : ' (không tính phiếu trắng)';
    const noun = { members: 'thành viên', cast: 'phiếu biểu quyết', present: 'thành viên có mặt' }[denominator];
    return `${agree}/${total} ${noun}${note} đồng ý`;
  },
  disagreeSuffix: (disagree) => `, ${disagree} không đồng ý`,
  ruleLabel: 'quy tắc',
  agreeTerm: 'đồng ý',
  denominatorTerm: { members: 'thành viên', cast: 'số phiếu', present: 'có mặt' },
  quorumShare: (ballots, members, counted) => `${ballots}/${members} thành viên đã bỏ phiếu${counted ? '' : ' (không tính phiếu trắng)'}`,
  quorumLabel: 'túc số',
  ballotsTerm: 'số phiếu',
  membersTerm: 'thành viên',
  met: 'đạt',
  notMet: 'không đạt',
  metButNobodyAgrees: 'đạt nhưng không có phiếu đồng ý',
  tie: (agree, disagree) => `ngang phiếu ${agree}–${disagree}`,
  tieBreakLabel: 'xử lý ngang phiếu',
  tieBreak: ({ tieBreak, chairBallot }) => {
    if (tieBreak === 'status-quo') return 'giữ nguyên hiện trạng';
    if (tieBreak === 'revote') return 'biểu quyết lại, cần mở cuộc biểu quyết mới';
    if (chairBallot === null) return 'chủ tọa không bỏ phiếu';
    return { agree: 'chủ tọa đồng ý', disagree: 'chủ tọa không đồng ý', abstain: 'chủ tọa bỏ phiếu trắng' }[chairBallot];
  },
};

const PHRASES: Record<Language, Phrases> = { vi: VI, en: EN };

const symbol = (comparison: VotingComparison): string => (comparison === '>' ? '>' : '≥');

/** "agree × 2 > members" or "ballots × 3 ≥ members × 2": a multiplier of 1 is left out. */
const formula = (leftTerm: string, leftFactor: number, comparison: VotingComparison, rightTerm: string, rightFactor: number): string =>
  `${leftTerm}${leftFactor === 1 ? '' : ` × ${leftFactor}`} ${symbol(comparison)} ${rightTerm}${rightFactor === 1 ? '' : ` × ${rightFactor}`}`;

function explainQuorum(quorum: QuorumArithmetic, members: number, words: Phrases): string {
  const rule = formula(words.ballotsTerm, quorum.required.denominator, '>=', words.membersTerm, quorum.required.numerator);
  const verdict = quorum.achieved ? words.met : `${words.notMet} → ${words.outcome['no-quorum']}`;
  return `${words.quorumShare(quorum.ballots, members, quorum.abstentionsCounted)}; ${words.quorumLabel}: ${rule} → ${quorum.left} ≥ ${quorum.right} ${verdict}`;
}

function explainThreshold(decision: Decision, threshold: ThresholdArithmetic, words: Phrases): string {
  const { arithmetic, outcome } = decision;
  const { denominator, tie } = arithmetic;
  const share = words.share(arithmetic.agree, denominator.value, denominator.name, denominator.abstentionsCounted) + (tie ? words.disagreeSuffix(arithmetic.disagree) : '');
  const rule = formula(words.agreeTerm, threshold.fraction.denominator, threshold.comparison, words.denominatorTerm[denominator.name], threshold.fraction.numerator);
  const numbers = `${threshold.left} ${symbol(threshold.comparison)} ${threshold.right}`;
  const check = `${words.ruleLabel}: ${rule} → ${numbers}`;
  if (threshold.met) return `${share}; ${check} → ${words.outcome.passed}`;
  const verdict = threshold.comparisonHolds ? words.metButNobodyAgrees : words.notMet;
  if (!tie) return `${share}; ${check} ${verdict} → ${words.outcome[outcome]}`;
  return `${share}; ${check} ${verdict}; ${words.tie(arithmetic.agree, arithmetic.disagree)}; ${words.tieBreakLabel}: ${words.tieBreak(tie)} → ${words.outcome[tie.result]}`;
}

/**
 * The decision's arithmetic in words and numbers, for the minutes (biên bản), e.g.
 * en "4 of 6 members agree; rule: agree × 2 > members → 8 > 6 → passed",
 * vi "4/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 8 > 6 → thông qua".
 * A quorum, when the rule has one, is explained first; a tie adds the tie-break and its result.
 */
export function explain(decision: Decision, language: Language): string {
  const words = PHRASES[language];
  const { quorum, threshold, members } = decision.arithmetic;
  const parts: string[] = [];
  if (quorum) parts.push(explainQuorum(quorum, members, words));
  if (threshold) parts.push(explainThreshold(decision, threshold, words));
  return parts.join('; ');
}
