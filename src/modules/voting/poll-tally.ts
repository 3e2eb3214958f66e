import { AppError } from '../../common/errors/app-error';
import { contentHash } from '../../common/hashing/canonical-json';
import type { StoredChoice } from './entities/ballot.entity';
import type { CandidateDecision, ElectorateKind, PollCandidate } from './entities/poll.entity';
import { BallotChoice, decide, Decision, VotingOutcome } from './rules/tally';
import type { VotingRule } from './rules/voting-rule';

/** What a voter sends: a choice on a motion, or the candidates they approve. */
export type ChoiceInput = BallotChoice | { candidateIds: string[] };

const MOTION_CHOICES: readonly string[] = ['agree', 'disagree', 'abstain'];

/** `unit:<id>` for a unit electorate, `person:<id>` for a people electorate: whom a ballot counts for. */
export const voterKeyOf = (kind: ElectorateKind, id: string): string => `${kind === 'units' ? 'unit' : 'person'}:${id}`;

/** The member id inside a voter key. */
export const memberIdOf = (voterKey: string): string => voterKey.slice(voterKey.indexOf(':') + 1);

const invalid = (vi: string, en: string) => new AppError('BALLOT_INVALID', { reason: { vi, en } }, { reason: { vi, en } });

/**
 * Checks a choice against the poll's kind and returns it in stored form: a motion poll takes `agree`,
 * `disagree` or `abstain`; a candidate poll takes `{ candidateIds }` of distinct known candidates, in the
 * order of the list (an empty list abstains). Anything else is 422 BALLOT_INVALID.
 */
export function normaliseChoice(choice: unknown, candidates: PollCandidate[] | null): StoredChoice {
  if (!candidates) {
    if (typeof choice === 'string' && MOTION_CHOICES.includes(choice)) return choice as BallotChoice;
    throw invalid('cuộc biểu quyết này chỉ nhận "agree", "disagree" hoặc "abstain".', 'this poll takes "agree", "disagree" or "abstain".');
  }
  const record = typeof choice === 'object' && choice !== null && !Array.isArray(choice) ? (choice as Record<string, unknown>) : null;
  const ids = record?.candidateIds;
  if (!record || Object.keys(record).some((key) => key !== 'candidateIds') || !Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw invalid('cuộc biểu quyết này là bình chọn ứng viên; hãy gửi { candidateIds: [...] }.', 'this poll is on candidates; send { candidateIds: [...] }.');
  }
  const chosen = new Set(ids as string[]);
  if (chosen.size !== ids.length) throw invalid('một ứng viên được chọn hai lần.', 'a candidate is chosen twice.');
  const unknown = [...chosen].filter((id) => !candidates.some((candidate) => candidate.id === id));
  if (unknown.length) throw invalid(`không có ứng viên ${unknown.join(', ')}.`, `no candidate ${unknown.join(', ')}.`);
  return { candidateIds: candidates.filter((candidate) => chosen.has(candidate.id)).map((candidate) => candidate.id) };
}

/** What a receipt hashes; anyone holding it and the poll's subject hash can recompute the receipt. */
export interface ReceiptContent {
  pollId: string;
  subjectHash: string;
  voterKey: string;
  choice: StoredChoice;
  sequence: number;
  castAt: Date;
}

/** `sha256(canonical JSON of { pollId, subjectHash, voterKey, choice, sequence, castAt (ISO 8601) })`. */
export const receiptOf = (content: ReceiptContent): string => contentHash({ ...content, castAt: content.castAt.toISOString() });

/** The counted ballots of a poll, as the tally needs them. */
export interface CountedBallot {
  voterKey: string;
  choice: StoredChoice;
}

export interface PollTallyInput {
  rule: VotingRule;
  electorateKind: ElectorateKind;
  members: number;
  chairUnitId: string | null;
  candidates: PollCandidate[] | null;
  ballots: CountedBallot[];
}

export interface PollTally {
  outcome: VotingOutcome;
  decision: Decision | null;
  candidateDecisions: CandidateDecision[] | null;
}

/** A candidate's ballots as a motion: approving it agrees, another non-empty list disagrees, an empty list abstains. */
function choiceFor(choice: StoredChoice, candidateId: string | null): BallotChoice {
  if (typeof choice === 'string') return choice;
  if (choice.candidateIds.length === 0) return 'abstain';
  return candidateId !== null && choice.candidateIds.includes(candidateId) ? 'agree' : 'disagree';
}

function decideMotion(input: PollTallyInput, candidateId: string | null): Decision {
  const counts = { agree: 0, disagree: 0, abstain: 0 };
  for (const ballot of input.ballots) counts[choiceFor(ballot.choice, candidateId)] += 1;
  const chairKey = input.chairUnitId && input.electorateKind === 'units' ? voterKeyOf('units', input.chairUnitId) : null;
  const chair = input.rule.ballot === 'open' && chairKey ? input.ballots.find((ballot) => ballot.voterKey === chairKey) : undefined;
  // Online, "present" means took part: every voter with a counted ballot, abstentions included.
  const present = input.rule.denominator === 'present' ? input.ballots.length : null;
  return decide(input.rule, { members: input.members, present, ...counts, chairBallot: chair ? choiceFor(chair.choice, candidateId) : null });
}

/**
 * Decides a closed poll from its current ballots. A motion poll is one `decide`; under the `present`
 * denominator the members present are those with a counted ballot. A candidate poll applies
 * the rule to each candidate on its own (its approvals as agree); the poll's outcome is then `no-quorum`
 * when the quorum failed, `passed` when at least one candidate passed, `tie` when none passed but one tied,
 * otherwise `failed`.
 */
export function tallyPoll(input: PollTallyInput): PollTally {
  if (!input.candidates) {
    const decision = decideMotion(input, null);
    return { outcome: decision.outcome, decision, candidateDecisions: null };
  }
  const candidateDecisions = input.candidates.map((candidate) => ({ id: candidate.id, label: candidate.label, decision: decideMotion(input, candidate.id) }));
  const outcomes = candidateDecisions.map((entry) => entry.decision.outcome);
  const outcome: VotingOutcome = outcomes.includes('no-quorum')
    ? 'no-quorum'
    : outcomes.includes('passed')
      ? 'passed'
      : outcomes.includes('tie')
        ? 'tie'
        : 'failed';
  return { outcome, decision: null, candidateDecisions };
}
