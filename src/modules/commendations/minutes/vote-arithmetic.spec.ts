import { decide } from '../../voting/rules/tally';
import { NOMINATION_80_PERCENT, parseVotingRule } from '../../voting/rules/voting-rule';
import { thresholdArithmetic } from './vote-arithmetic';

/**
 * The nomination rule (suy tôn): secret ballot, at least 4/5 of all member units agree, i.e. agree × 5 ≥ members × 4.
 * Abstaining or not voting counts against it, as every member is in the denominator.
 */
describe('nomination rule arithmetic (agree × 5 ≥ members × 4)', () => {
  const cases: Array<{ members: number; agree: number; disagree: number; abstain: number; outcome: string; vi: string; en: string }> = [
    { members: 6, agree: 6, disagree: 0, abstain: 0, outcome: 'passed', vi: '6 × 5 ≥ 6 × 4 → 30 ≥ 24 → thông qua', en: '6 × 5 ≥ 6 × 4 → 30 ≥ 24 → passed' },
    { members: 6, agree: 5, disagree: 0, abstain: 1, outcome: 'passed', vi: '5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua', en: '5 × 5 ≥ 6 × 4 → 25 ≥ 24 → passed' },
    { members: 6, agree: 5, disagree: 1, abstain: 0, outcome: 'passed', vi: '5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua', en: '5 × 5 ≥ 6 × 4 → 25 ≥ 24 → passed' },
    { members: 6, agree: 4, disagree: 2, abstain: 0, outcome: 'failed', vi: '4 × 5 ≥ 6 × 4 → 20 < 24 → không thông qua', en: '4 × 5 ≥ 6 × 4 → 20 < 24 → failed' },
    // One unit did not vote: it is still a member, so 4 agree of 5 ballots is not 4/5 of the cluster.
    { members: 6, agree: 4, disagree: 0, abstain: 1, outcome: 'failed', vi: '4 × 5 ≥ 6 × 4 → 20 < 24 → không thông qua', en: '4 × 5 ≥ 6 × 4 → 20 < 24 → failed' },
    { members: 5, agree: 4, disagree: 1, abstain: 0, outcome: 'passed', vi: '4 × 5 ≥ 5 × 4 → 20 ≥ 20 → thông qua', en: '4 × 5 ≥ 5 × 4 → 20 ≥ 20 → passed' },
    { members: 5, agree: 3, disagree: 2, abstain: 0, outcome: 'failed', vi: '3 × 5 ≥ 5 × 4 → 15 < 20 → không thông qua', en: '3 × 5 ≥ 5 × 4 → 15 < 20 → failed' },
    { members: 7, agree: 6, disagree: 1, abstain: 0, outcome: 'passed', vi: '6 × 5 ≥ 7 × 4 → 30 ≥ 28 → thông qua', en: '6 × 5 ≥ 7 × 4 → 30 ≥ 28 → passed' },
    { members: 7, agree: 5, disagree: 2, abstain: 0, outcome: 'failed', vi: '5 × 5 ≥ 7 × 4 → 25 < 28 → không thông qua', en: '5 × 5 ≥ 7 × 4 → 25 < 28 → failed' },
  ];

  it.each(cases)('$agree of $members agree (disagree $disagree, abstain $abstain) → $outcome', ({ members, agree, disagree, abstain, outcome, vi, en }) => {
    const decision = decide(NOMINATION_80_PERCENT, { members, agree, disagree, abstain });
    expect(decision.outcome).toBe(outcome);
    expect(thresholdArithmetic(decision, 'vi')).toBe(vi);
    expect(thresholdArithmetic(decision, 'en')).toBe(en);
  });

  it('is the rule language\'s "at least 4/5 of members", secret ballot', () => {
    expect(NOMINATION_80_PERCENT).toEqual(parseVotingRule({ denominator: 'members', threshold: '4/5', comparison: '>=', ballot: 'secret' }));
  });

  it('prints a strict rule and a failed quorum with their own symbols', () => {
    const majority = parseVotingRule({ denominator: 'members', threshold: '1/2', comparison: '>' });
    expect(thresholdArithmetic(decide(majority, { members: 2, agree: 2, disagree: 0, abstain: 0 }), 'vi')).toBe('2 × 2 > 2 × 1 → 4 > 2 → thông qua');
    expect(thresholdArithmetic(decide(majority, { members: 2, agree: 1, disagree: 1, abstain: 0 }), 'en')).toBe('1 × 2 > 2 × 1 → 2 ≤ 2 → failed');
    const withQuorum = parseVotingRule({ denominator: 'cast', threshold: '1/2', comparison: '>', quorum: '2/3' });
    expect(thresholdArithmetic(decide(withQuorum, { members: 6, agree: 3, disagree: 0, abstain: 0 }), 'vi')).toBe('túc số: 3 × 3 ≥ 6 × 2 → 9 < 12 → không đủ túc số');
  });
});
