import { decide, TallyInput } from './tally';
import { MAJORITY_OF_CAST, MAJORITY_OF_MEMBERS, NOMINATION_80_PERCENT, TWO_THIRDS_OF_MEMBERS, VotingRule } from './voting-rule';

/*
 * The full table: for 5, 6, 7 and 9 members and every agree count, the outcome under four rules.
 * The minimum passing counts are worked out by hand, not by the code under test:
 *   > 1/2 of members: smallest a with 2a > n      → 5: 3, 6: 4, 7: 4, 9: 5
 *   ≥ 2/3 of members: smallest a with 3a ≥ 2n     → 5: 4 (12 ≥ 10), 6: 4 (12 ≥ 12), 7: 5 (15 ≥ 14), 9: 6 (18 ≥ 18)
 *   ≥ 4/5 of members: smallest a with 5a ≥ 4n     → 5: 4 (20 ≥ 20), 6: 5 (25 ≥ 24), 7: 6 (30 ≥ 28), 9: 8 (40 ≥ 36)
 *   > 1/2 of cast, when every member casts a ballot and abstentions count: as "> 1/2 of members".
 * When the others abstain and abstentions are left out of ballots cast, or the others are absent,
 * the cast denominator is the agree count itself, so one agree ballot passes (2 × 1 > 1).
 */
type RuleName = '> 1/2 of members' | '≥ 2/3 of members' | '≥ 4/5 of members' | '> 1/2 of cast';

const RULES: Record<RuleName, VotingRule> = {
  '> 1/2 of members': MAJORITY_OF_MEMBERS,
  '≥ 2/3 of members': TWO_THIRDS_OF_MEMBERS,
  '≥ 4/5 of members': NOMINATION_80_PERCENT,
  '> 1/2 of cast': MAJORITY_OF_CAST,
};

const MINIMUM_AGREE_TO_PASS: Record<number, Record<RuleName, number>> = {
  5: { '> 1/2 of members': 3, '≥ 2/3 of members': 4, '≥ 4/5 of members': 4, '> 1/2 of cast': 3 },
  6: { '> 1/2 of members': 4, '≥ 2/3 of members': 4, '≥ 4/5 of members': 5, '> 1/2 of cast': 4 },
  7: { '> 1/2 of members': 4, '≥ 2/3 of members': 5, '≥ 4/5 of members': 6, '> 1/2 of cast': 4 },
  9: { '> 1/2 of members': 5, '≥ 2/3 of members': 6, '≥ 4/5 of members': 8, '> 1/2 of cast': 5 },
};

/** Where the others go: each variant gives the counts for `agree` of `members`, and overrides minima that change. */
interface Variant {
  name: string;
  counts: (members: number, agree: number) => TallyInput;
  rule: (base: VotingRule) => VotingRule;
  minimumOverrides: Partial<Record<RuleName, number>>;
}

const VARIANTS: Variant[] = [
  {
    name: 'the others disagree',
    counts: (members, agree) => ({ members, agree, disagree: members - agree, abstain: 0 }),
    rule: (base) => base,
    minimumOverrides: {},
  },
  {
    name: 'the others abstain (abstentions count among ballots cast)',
    counts: (members, agree) => ({ members, agree, disagree: 0, abstain: members - agree }),
    rule: (base) => base,
    minimumOverrides: {},
  },
  {
    name: 'the others abstain (abstentions left out of ballots cast)',
    counts: (members, agree) => ({ members, agree, disagree: 0, abstain: members - agree }),
    rule: (base) => (base.denominator === 'cast' ? { ...base, abstentionsCountInDenominator: false } : base),
    minimumOverrides: { '> 1/2 of cast': 1 },
  },
  {
    name: 'one abstains, the rest disagree',
    counts: (members, agree) => (agree < members ? { members, agree, disagree: members - agree - 1, abstain: 1 } : { members, agree, disagree: 0, abstain: 0 }),
    rule: (base) => base,
    minimumOverrides: {},
  },
  {
    name: 'the others are absent',
    counts: (members, agree) => ({ members, agree, disagree: 0, abstain: 0 }),
    rule: (base) => base,
    minimumOverrides: { '> 1/2 of cast': 1 },
  },
];

/** With an even electorate split evenly, the strict-majority rules sit exactly on the threshold: a tie (status quo → failed). */
const TIE_AT: Record<number, number | null> = { 5: null, 6: 3, 7: null, 9: null };

const SIZES = [5, 6, 7, 9];
const RULE_NAMES = Object.keys(RULES) as RuleName[];

describe.each(VARIANTS)('full table, $name', (variant) => {
  describe.each(SIZES)('%i members', (members) => {
    const rows = RULE_NAMES.flatMap((ruleName) =>
      Array.from({ length: members + 1 }, (_, agree) => {
        const minimum = variant.minimumOverrides[ruleName] ?? MINIMUM_AGREE_TO_PASS[members][ruleName];
        return { ruleName, agree, expected: agree >= minimum ? 'passed' : 'failed' };
      }),
    );

    it.each(rows)('$ruleName: $agree agree → $expected', ({ ruleName, agree, expected }) => {
      const decision = decide(variant.rule(RULES[ruleName]), variant.counts(members, agree));
      expect(decision.outcome).toBe(expected);
      const strictHalf = ruleName.startsWith('>');
      const isTie = variant.name === 'the others disagree' && strictHalf && TIE_AT[members] === agree;
      expect(decision.arithmetic.tie).toEqual(isTie ? { tieBreak: 'status-quo', chairBallot: null, result: 'failed' } : null);
    });
  });
});
