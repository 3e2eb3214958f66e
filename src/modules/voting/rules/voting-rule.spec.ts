import { AppError } from '../../../common/errors/app-error';
import { RuleProblem } from './fraction';
import {
  DEFAULT_VOTING_RULE,
  describeVotingRule,
  MAJORITY_OF_CAST,
  MAJORITY_OF_MEMBERS,
  NOMINATION_80_PERCENT,
  parseVotingRule,
  TWO_THIRDS_OF_MEMBERS,
  VotingRule,
} from './voting-rule';

/** The problems of the VOTING_RULE_INVALID error thrown for `input`, as [path, code] pairs. */
function problemsOf(input: unknown): [string, string][] {
  try {
    parseVotingRule(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VOTING_RULE_INVALID');
    expect(appError.kind).toBe('user');
    const problems = appError.details as RuleProblem[];
    expect(appError.params).toEqual({ count: problems.length });
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
    return problems.map((problem) => [problem.path, problem.code]);
  }
  throw new Error(`parseVotingRule accepted ${JSON.stringify(input)}`);
}

const rule = (overrides: Partial<VotingRule>): VotingRule => ({ ...MAJORITY_OF_MEMBERS, ...overrides });

describe('voting rule presets', () => {
  it.each([
    ['MAJORITY_OF_MEMBERS', '> 1/2 of members', 'open', MAJORITY_OF_MEMBERS],
    ['TWO_THIRDS_OF_MEMBERS', '>= 2/3 of members', 'open', TWO_THIRDS_OF_MEMBERS],
    ['NOMINATION_80_PERCENT', '>= 4/5 of members', 'secret', NOMINATION_80_PERCENT],
    ['MAJORITY_OF_CAST', '> 1/2 of cast', 'open', MAJORITY_OF_CAST],
  ])('%s is "%s", %s ballot, and survives a JSON round trip through the parser', (_name, description, ballot, preset) => {
    expect(describeVotingRule(preset)).toBe(description);
    expect(preset.ballot).toBe(ballot);
    expect(parseVotingRule(JSON.parse(JSON.stringify(preset)))).toEqual(preset);
  });

  it('are frozen', () => {
    expect(Object.isFrozen(MAJORITY_OF_MEMBERS)).toBe(true);
    expect(Object.isFrozen(MAJORITY_OF_MEMBERS.threshold)).toBe(true);
  });

  it('default to the pact rule: open ballot, more than half of all members', () => {
    expect(DEFAULT_VOTING_RULE).toBe(MAJORITY_OF_MEMBERS);
    expect(describeVotingRule(rule({ quorum: { numerator: 2, denominator: 3 } }))).toBe('> 1/2 of members, quorum 2/3 of members');
  });
});

describe('parseVotingRule: defaults', () => {
  it('gives the pact default for an empty object', () => {
    expect(parseVotingRule({})).toEqual({
      denominator: 'members',
      threshold: { numerator: 1, denominator: 2 },
      comparison: '>',
      quorum: null,
      abstentionsCountTowardQuorum: true,
      abstentionsCountInDenominator: true,
      ballot: 'open',
      tieBreak: 'status-quo',
    });
  });

  it('fills in everything but the threshold, which is stated completely', () => {
    expect(parseVotingRule({ denominator: 'cast', threshold: '4/6', comparison: '>=', quorum: null })).toEqual(
      rule({ denominator: 'cast', threshold: { numerator: 2, denominator: 3 }, comparison: '>=' }),
    );
  });

  it('reads every field, fractions as strings or objects, and reduces them', () => {
    expect(
      parseVotingRule({
        denominator: 'present',
        threshold: { numerator: 8, denominator: 10 },
        comparison: '>=',
        quorum: '2/4',
        abstentionsCountTowardQuorum: false,
        abstentionsCountInDenominator: false,
        ballot: 'open',
        tieBreak: 'chair-decides',
      }),
    ).toEqual({
      denominator: 'present',
      threshold: { numerator: 4, denominator: 5 },
      comparison: '>=',
      quorum: { numerator: 1, denominator: 2 },
      abstentionsCountTowardQuorum: false,
      abstentionsCountInDenominator: false,
      ballot: 'open',
      tieBreak: 'chair-decides',
    });
  });

  it('accepts a threshold of exactly 1 when it is "at least" (unanimity)', () => {
    expect(parseVotingRule({ denominator: 'members', threshold: '1/1', comparison: '>=' }).threshold).toEqual({ numerator: 1, denominator: 1 });
  });
});

describe('parseVotingRule: problems', () => {
  it('reports every bad field with its path in one error', () => {
    expect(
      problemsOf({
        denominator: 'everyone',
        threshold: { numerator: -1, denominator: 0 },
        comparison: '=>',
        quorum: { numerator: 1.5, denominator: 2 },
        abstentionsCountTowardQuorum: 'yes',
        abstentionsCountInDenominator: 0,
        ballot: 'hidden',
        tieBreak: 'coin',
        majority: true,
      }),
    ).toEqual([
      ['$.majority', 'UNKNOWN_FIELD'],
      ['$.denominator', 'UNKNOWN_VALUE'],
      ['$.threshold.numerator', 'NEGATIVE'],
      ['$.threshold.denominator', 'ZERO_DENOMINATOR'],
      ['$.comparison', 'UNKNOWN_VALUE'],
      ['$.quorum.numerator', 'NOT_AN_INTEGER'],
      ['$.abstentionsCountTowardQuorum', 'NOT_A_BOOLEAN'],
      ['$.abstentionsCountInDenominator', 'NOT_A_BOOLEAN'],
      ['$.ballot', 'UNKNOWN_VALUE'],
      ['$.tieBreak', 'UNKNOWN_VALUE'],
    ]);
  });

  const stated = { denominator: 'members', comparison: '>=' };
  it.each([
    ['threshold 3/2', { ...stated, threshold: { numerator: 3, denominator: 2 } }, [['$.threshold', 'FRACTION_ABOVE_ONE']]],
    ['threshold "3/2"', { ...stated, threshold: '3/2' }, [['$.threshold', 'FRACTION_ABOVE_ONE']]],
    ['threshold denominator 0', { ...stated, threshold: { numerator: 1, denominator: 0 } }, [['$.threshold.denominator', 'ZERO_DENOMINATOR']]],
    ['threshold "1/0"', { ...stated, threshold: '1/0' }, [['$.threshold', 'ZERO_DENOMINATOR']]],
    ['negative threshold', { ...stated, threshold: { numerator: -2, denominator: 3 } }, [['$.threshold.numerator', 'NEGATIVE']]],
    ['non-integer threshold', { ...stated, threshold: { numerator: 0.5, denominator: 1 } }, [['$.threshold.numerator', 'NOT_AN_INTEGER']]],
    ['threshold 0', { ...stated, threshold: '0/2' }, [['$.threshold', 'FRACTION_NOT_POSITIVE']]],
    ['threshold as a float', { ...stated, threshold: 0.6667 }, [['$.threshold', 'NOT_A_FRACTION']]],
    ['unknown denominator', { ...stated, denominator: 'voters', threshold: '1/2' }, [['$.denominator', 'UNKNOWN_VALUE']]],
    ['unknown comparison', { ...stated, comparison: '≥', threshold: '1/2' }, [['$.comparison', 'UNKNOWN_VALUE']]],
    ['quorum 3/2', { quorum: '3/2' }, [['$.quorum', 'FRACTION_ABOVE_ONE']]],
    ['quorum 0', { quorum: { numerator: 0, denominator: 3 } }, [['$.quorum', 'FRACTION_NOT_POSITIVE']]],
    ['quorum negative', { quorum: { numerator: -2, denominator: 3 } }, [['$.quorum.numerator', 'NEGATIVE']]],
    ['quorum as a number', { quorum: 66 }, [['$.quorum', 'NOT_A_FRACTION']]],
    ['threshold without comparison', { denominator: 'members', threshold: '2/3' }, [['$.comparison', 'REQUIRED']]],
    [
      'comparison alone',
      { comparison: '>=' },
      [
        ['$.denominator', 'REQUIRED'],
        ['$.threshold', 'REQUIRED'],
      ],
    ],
    ['more than 1/1', { ...stated, comparison: '>', threshold: '1/1' }, [['$.threshold', 'THRESHOLD_UNREACHABLE']]],
    ['members with abstentions left out', { abstentionsCountInDenominator: false }, [['$.abstentionsCountInDenominator', 'ABSTENTIONS_ALWAYS_MEMBERS']]],
    ['secret ballot broken by the chair', { ballot: 'secret', tieBreak: 'chair-decides' }, [['$.tieBreak', 'CHAIR_BALLOT_SECRET']]],
    ['unknown field', { weight: 2 }, [['$.weight', 'UNKNOWN_FIELD']]],
    ['unknown field inside a fraction', { quorum: { numerator: 1, denominator: 2, rounding: 'up' } }, [['$.quorum.rounding', 'UNKNOWN_FIELD']]],
  ])('%s', (_label, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });

  it('does not add cross-field problems on top of a field that is already wrong', () => {
    expect(problemsOf({ ballot: 'secret', tieBreak: 'coin' })).toEqual([['$.tieBreak', 'UNKNOWN_VALUE']]);
  });

  it.each([null, undefined, 'majority', 42, [MAJORITY_OF_MEMBERS]])('refuses %p as a whole', (input) => {
    expect(problemsOf(input)).toEqual([['$', 'NOT_AN_OBJECT']]);
  });
});
