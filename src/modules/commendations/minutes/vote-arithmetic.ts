import type { Language } from '../../../common/i18n/language';
import type { Decision, VotingOutcome } from '../../voting/rules/tally';

const OUTCOME: Record<Language, Record<VotingOutcome, string>> = {
  vi: { passed: 'thông qua', failed: 'không thông qua', 'no-quorum': 'không đủ túc số', tie: 'ngang phiếu, chưa quyết định' },
  en: { passed: 'passed', failed: 'failed', 'no-quorum': 'no quorum', tie: 'tie, undecided' },
};

/** The comparison's negation, for a threshold that was not met: "20 < 24". */
const NEGATION = { '>=': '<', '>': '≤' } as const;
const SYMBOL = { '>=': '≥', '>': '>' } as const;

/**
 * The threshold check of a decision in numbers, as the minutes print it:
 * "5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua" (agree × threshold denominator against the rule's denominator × its
 * numerator), or "4 × 5 ≥ 6 × 4 → 20 < 24 → không thông qua". A failed quorum prints the quorum check instead.
 */
export function thresholdArithmetic(decision: Decision, language: Language): string {
  const { arithmetic, outcome } = decision;
  const words = OUTCOME[language];
  const quorum = arithmetic.quorum;
  if (quorum && !quorum.achieved) {
    const term = language === 'vi' ? 'túc số' : 'quorum';
    return `${term}: ${quorum.ballots} × ${quorum.required.denominator} ≥ ${arithmetic.members} × ${quorum.required.numerator} → ${quorum.left} < ${quorum.right} → ${words[outcome]}`;
  }
  const threshold = arithmetic.threshold!;
  const { numerator, denominator } = threshold.fraction;
  const stated = `${arithmetic.agree} × ${denominator} ${SYMBOL[threshold.comparison]} ${arithmetic.denominator.value} × ${numerator}`;
  const numbers = `${threshold.left} ${threshold.comparisonHolds ? SYMBOL[threshold.comparison] : NEGATION[threshold.comparison]} ${threshold.right}`;
  return `${stated} → ${numbers} → ${words[outcome]}`;
}
