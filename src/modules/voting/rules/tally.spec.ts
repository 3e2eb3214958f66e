import { AppError } from '../../../common/errors/app-error';
import { fraction, RuleProblem } from './fraction';
import { decide, explain, TallyInput } from './tally';
import { MAJORITY_OF_CAST, MAJORITY_OF_MEMBERS, NOMINATION_80_PERCENT, TWO_THIRDS_OF_MEMBERS, VotingRule } from './voting-rule';

const rule = (base: VotingRule, overrides: Partial<VotingRule> = {}): VotingRule => ({ ...base, ...overrides });
const tally = (overrides: Partial<TallyInput>): TallyInput => ({ members: 6, agree: 0, disagree: 0, abstain: 0, ...overrides });

describe('decide with 6 members (the seed cluster)', () => {
  it.each([
    { agree: 3, disagree: 3, abstain: 0, outcome: 'failed' },
    { agree: 3, disagree: 2, abstain: 1, outcome: 'failed' },
    { agree: 3, disagree: 0, abstain: 0, outcome: 'failed' },
    { agree: 4, disagree: 2, abstain: 0, outcome: 'passed' },
    { agree: 4, disagree: 0, abstain: 0, outcome: 'passed' },
  ])('more than half of members: $agree agree, $disagree disagree, $abstain abstain → $outcome', ({ agree, disagree, abstain, outcome }) => {
    expect(decide(MAJORITY_OF_MEMBERS, tally({ agree, disagree, abstain })).outcome).toBe(outcome);
  });

  it.each([
    { agree: 4, disagree: 2, left: 12, right: 12, outcome: 'passed' },
    { agree: 3, disagree: 3, left: 9, right: 12, outcome: 'failed' },
  ])('at least two thirds of members: $agree agree → $left ≥ $right → $outcome (4/6 meets 2/3 exactly)', ({ agree, disagree, left, right, outcome }) => {
    const decision = decide(TWO_THIRDS_OF_MEMBERS, tally({ agree, disagree }));
    expect(decision.outcome).toBe(outcome);
    expect(decision.arithmetic.threshold).toMatchObject({ fraction: { numerator: 2, denominator: 3 }, comparison: '>=', left, right });
  });

  describe('3–3 with chair-decides follows the head unit', () => {
    const chairDecides = rule(MAJORITY_OF_MEMBERS, { tieBreak: 'chair-decides' });

    it.each([
      ['agree', 'passed'],
      ['disagree', 'failed'],
    ] as const)('head unit voted %s → %s', (chairBallot, outcome) => {
      const decision = decide(chairDecides, tally({ agree: 3, disagree: 3, chairBallot }));
      expect(decision.outcome).toBe(outcome);
      expect(decision.arithmetic.tie).toEqual({ tieBreak: 'chair-decides', chairBallot, result: outcome });
      expect(decision.arithmetic.threshold).toMatchObject({ left: 6, right: 6, met: false });
    });

    it('head unit did not vote → the tie stands', () => {
      const decision = decide(chairDecides, tally({ agree: 3, disagree: 3, chairBallot: null }));
      expect(decision).toMatchObject({ outcome: 'tie', arithmetic: { tie: { tieBreak: 'chair-decides', chairBallot: null, result: 'tie' } } });
    });

    it('head unit abstained → the tie stands', () => {
      // Abstentions out of the cast denominator: 3–3 with one abstention is a tie of 6 cast.
      const castRule = rule(MAJORITY_OF_CAST, { abstentionsCountInDenominator: false, tieBreak: 'chair-decides' });
      const decision = decide(castRule, tally({ members: 7, agree: 3, disagree: 3, abstain: 1, chairBallot: 'abstain' }));
      expect(decision).toMatchObject({ outcome: 'tie', arithmetic: { cast: 6, tie: { chairBallot: 'abstain', result: 'tie' } } });
    });
  });

  it.each([
    ['status-quo', 'failed'],
    ['revote', 'tie'],
  ] as const)('3–3 with tie-break %s → %s', (tieBreak, outcome) => {
    const decision = decide(rule(MAJORITY_OF_MEMBERS, { tieBreak }), tally({ agree: 3, disagree: 3 }));
    expect(decision.outcome).toBe(outcome);
    expect(decision.arithmetic.tie).toEqual({ tieBreak, chairBallot: null, result: outcome });
  });

  it.each([
    ['2–2 with 2 abstentions under more than half of members', MAJORITY_OF_MEMBERS, { agree: 2, disagree: 2, abstain: 2 }],
    ['2–2 with 2 absent under more than half of members', MAJORITY_OF_MEMBERS, { agree: 2, disagree: 2 }],
    ['3–3 under at least two thirds of members', TWO_THIRDS_OF_MEMBERS, { agree: 3, disagree: 3 }],
    ['3–3 of 7 members under more than half of members (4 are needed)', MAJORITY_OF_MEMBERS, { members: 7, agree: 3, disagree: 3 }],
    ['2–2 with 2 abstentions counted among ballots cast', MAJORITY_OF_CAST, { agree: 2, disagree: 2, abstain: 2 }],
  ])('no tie (a chair cannot carry a motion short of its threshold): %s', (_label, base, counts) => {
    const decision = decide(rule(base, { tieBreak: 'chair-decides' }), tally({ ...counts, chairBallot: 'agree' }));
    expect(decision).toMatchObject({ outcome: 'failed', arithmetic: { tie: null } });
  });

  it('a tie is a tie of ballots cast when abstentions are left out: 2–2 with 2 abstentions', () => {
    const castRule = rule(MAJORITY_OF_CAST, { abstentionsCountInDenominator: false, tieBreak: 'chair-decides' });
    const decision = decide(castRule, tally({ agree: 2, disagree: 2, abstain: 2, chairBallot: 'agree' }));
    expect(decision).toMatchObject({ outcome: 'passed', arithmetic: { cast: 4, threshold: { left: 4, right: 4 }, tie: { result: 'passed' } } });
  });

  it('quorum 2/3 with only 3 ballots cast → no-quorum, even though all 3 agree', () => {
    const decision = decide(rule(MAJORITY_OF_CAST, { quorum: fraction(2, 3) }), tally({ agree: 3 }));
    expect(decision.outcome).toBe('no-quorum');
    expect(decision.arithmetic.quorum).toEqual({ required: { numerator: 2, denominator: 3 }, ballots: 3, abstentionsCounted: true, left: 9, right: 12, achieved: false });
    expect(decision.arithmetic.threshold).toBeNull();
    expect(decision.arithmetic.tie).toBeNull();
  });

  it('quorum 2/3 met by exactly 4 of 6 ballots', () => {
    const decision = decide(rule(MAJORITY_OF_CAST, { quorum: fraction(2, 3) }), tally({ agree: 3, disagree: 1 }));
    expect(decision.outcome).toBe('passed');
    expect(decision.arithmetic.quorum).toMatchObject({ ballots: 4, left: 12, right: 12, achieved: true });
  });

  describe('abstentions: the same ballots, different outcomes', () => {
    // 3 agree, 1 disagree, 2 abstain of 6 members, "more than half of ballots cast".
    const counts = tally({ agree: 3, disagree: 1, abstain: 2 });

    it.each([
      [true, 6, 6, 'failed'],
      [false, 4, 4, 'passed'],
    ])('abstentionsCountInDenominator %p → cast %i, 6 > %i → %s', (abstentionsCountInDenominator, cast, right, outcome) => {
      const decision = decide(rule(MAJORITY_OF_CAST, { abstentionsCountInDenominator }), counts);
      expect(decision.outcome).toBe(outcome);
      expect(decision.arithmetic).toMatchObject({ ballots: 6, cast, denominator: { name: 'cast', value: cast }, threshold: { left: 6, right } });
    });

    // 2 agree, 1 disagree, 1 abstain of 6 members, quorum 2/3 (4 ballots), "more than half of cast, abstentions left out".
    it.each([
      [true, 4, 'passed'],
      [false, 3, 'no-quorum'],
    ])('abstentionsCountTowardQuorum %p → %i quorum ballots → %s', (abstentionsCountTowardQuorum, ballots, outcome) => {
      const quorumRule = rule(MAJORITY_OF_CAST, { quorum: fraction(2, 3), abstentionsCountTowardQuorum, abstentionsCountInDenominator: false });
      const decision = decide(quorumRule, tally({ agree: 2, disagree: 1, abstain: 1 }));
      expect(decision.outcome).toBe(outcome);
      expect(decision.arithmetic.quorum).toMatchObject({ ballots, abstentionsCounted: abstentionsCountTowardQuorum });
    });

    it('members denominator: abstaining is the same as disagreeing or being absent', () => {
      for (const counts of [{ agree: 3, abstain: 3 }, { agree: 3, disagree: 3 }, { agree: 3 }]) {
        expect(decide(MAJORITY_OF_MEMBERS, tally(counts)).arithmetic.threshold).toMatchObject({ left: 6, right: 6, met: false });
      }
    });
  });

  describe('denominator present', () => {
    const ofPresent = rule(MAJORITY_OF_CAST, { denominator: 'present' });

    it.each([
      // present 5 of 6; 3 agree, 1 disagree, 1 abstain: 6 > 5
      [true, { present: 5, agree: 3, disagree: 1, abstain: 1 }, 5, 'passed'],
      // present 6, one present member cast nothing: 3 × 2 = 6 > 6 fails
      [true, { present: 6, agree: 3, disagree: 1, abstain: 1 }, 6, 'failed'],
      // the same, abstentions left out of the present count: 6 > 5
      [false, { present: 6, agree: 3, disagree: 1, abstain: 1 }, 5, 'passed'],
    ])('abstentions counted %p, %p → denominator %i → %s', (abstentionsCountInDenominator, counts, value, outcome) => {
      const decision = decide(rule(ofPresent, { abstentionsCountInDenominator }), tally(counts));
      expect(decision.outcome).toBe(outcome);
      expect(decision.arithmetic).toMatchObject({ present: counts.present, denominator: { name: 'present', value } });
    });
  });

  it('nobody agreeing never passes, even "at least 1/2" of zero ballots cast', () => {
    const decision = decide(rule(MAJORITY_OF_CAST, { comparison: '>=' }), tally({}));
    expect(decision).toMatchObject({ outcome: 'failed', arithmetic: { cast: 0, threshold: { left: 0, right: 0, comparisonHolds: true, met: false }, tie: null } });
  });

  it('records every number used', () => {
    const decision = decide(rule(TWO_THIRDS_OF_MEMBERS, { quorum: fraction(1, 2) }), tally({ present: 6, agree: 4, disagree: 1, abstain: 1 }));
    expect(decision).toEqual({
      outcome: 'passed',
      arithmetic: {
        agree: 4,
        disagree: 1,
        abstain: 1,
        ballots: 6,
        cast: 6,
        present: 6,
        members: 6,
        quorum: { required: { numerator: 1, denominator: 2 }, ballots: 6, abstentionsCounted: true, left: 12, right: 6, achieved: true },
        denominator: { name: 'members', value: 6, abstentionsCounted: true },
        threshold: { fraction: { numerator: 2, denominator: 3 }, comparison: '>=', left: 12, right: 12, comparisonHolds: true, met: true },
        tie: null,
      },
    });
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });
});

describe('decide refuses impossible counts', () => {
  /** The problems of the VOTING_TALLY_INVALID error, as [path, code] pairs. */
  function problemsOf(votingRule: VotingRule, input: TallyInput): [string, string][] {
    try {
      decide(votingRule, input);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe('VOTING_TALLY_INVALID');
      expect(appError.kind).toBe('user');
      const problems = appError.details as RuleProblem[];
      expect(appError.params).toEqual({ count: problems.length });
      return problems.map((problem) => [problem.path, problem.code]);
    }
    throw new Error(`decide accepted ${JSON.stringify(input)}`);
  }

  it.each([
    ['more ballots than members', MAJORITY_OF_MEMBERS, tally({ agree: 4, disagree: 3 }), [['$', 'BALLOTS_EXCEED_MEMBERS']]],
    ['a negative count', MAJORITY_OF_MEMBERS, tally({ agree: -1 }), [['$.agree', 'NEGATIVE']]],
    ['a fractional count', MAJORITY_OF_MEMBERS, tally({ disagree: 1.5 }), [['$.disagree', 'NOT_AN_INTEGER']]],
    ['a count that is not a number', MAJORITY_OF_MEMBERS, tally({ abstain: Number.NaN }), [['$.abstain', 'NOT_AN_INTEGER']]],
    ['no members', MAJORITY_OF_MEMBERS, tally({ members: 0 }), [['$.members', 'NO_MEMBERS']]],
    ['an electorate past the cap', MAJORITY_OF_MEMBERS, tally({ members: 1_000_001 }), [['$.members', 'TOO_LARGE']]],
    ['more present than members', MAJORITY_OF_MEMBERS, tally({ present: 7 }), [['$.present', 'PRESENT_EXCEEDS_MEMBERS']]],
    ['more ballots than members present', MAJORITY_OF_MEMBERS, tally({ present: 3, agree: 4 }), [['$.present', 'BALLOTS_EXCEED_PRESENT']]],
    ['a present denominator without a present count', rule(MAJORITY_OF_CAST, { denominator: 'present' }), tally({ agree: 4 }), [['$.present', 'PRESENT_REQUIRED']]],
    [
      'a missing present count and too many ballots',
      rule(MAJORITY_OF_CAST, { denominator: 'present' }),
      tally({ agree: 4, disagree: 3 }),
      [
        ['$.present', 'PRESENT_REQUIRED'],
        ['$', 'BALLOTS_EXCEED_MEMBERS'],
      ],
    ],
    ['a chair ballot the counts do not contain', rule(MAJORITY_OF_MEMBERS, { tieBreak: 'chair-decides' }), tally({ agree: 3, chairBallot: 'disagree' }), [['$.chairBallot', 'CHAIR_BALLOT_NOT_COUNTED']]],
    ['a chair ballot in a secret ballot', NOMINATION_80_PERCENT, tally({ agree: 5, chairBallot: 'agree' }), [['$.chairBallot', 'CHAIR_BALLOT_SECRET']]],
    [
      'several problems at once',
      MAJORITY_OF_MEMBERS,
      tally({ members: -6, agree: 2.5, present: -1, chairBallot: 'maybe' as 'agree' }),
      [
        ['$.members', 'NEGATIVE'],
        ['$.agree', 'NOT_AN_INTEGER'],
        ['$.present', 'NEGATIVE'],
        ['$.chairBallot', 'UNKNOWN_VALUE'],
      ],
    ],
    [
      'every relation between counts',
      MAJORITY_OF_MEMBERS,
      tally({ members: 3, present: 4, agree: 2, disagree: 3 }),
      [
        ['$', 'BALLOTS_EXCEED_MEMBERS'],
        ['$.present', 'PRESENT_EXCEEDS_MEMBERS'],
        ['$.present', 'BALLOTS_EXCEED_PRESENT'],
      ],
    ],
  ])('%s', (_label, votingRule, input, expected) => {
    expect(problemsOf(votingRule, input)).toEqual(expected);
  });
});

describe('explain', () => {
  const chairDecides = rule(MAJORITY_OF_MEMBERS, { tieBreak: 'chair-decides' });
  const withQuorum = rule(MAJORITY_OF_CAST, { quorum: fraction(2, 3) });

  it.each([
    [
      'a pass, more than half of members',
      decide(MAJORITY_OF_MEMBERS, tally({ agree: 4, disagree: 2 })),
      '4/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 8 > 6 → thông qua',
      '4 of 6 members agree; rule: agree × 2 > members → 8 > 6 → passed',
    ],
    [
      'a pass at exactly two thirds',
      decide(TWO_THIRDS_OF_MEMBERS, tally({ agree: 4, disagree: 1, abstain: 1 })),
      '4/6 thành viên đồng ý; quy tắc: đồng ý × 3 ≥ thành viên × 2 → 12 ≥ 12 → thông qua',
      '4 of 6 members agree; rule: agree × 3 ≥ members × 2 → 12 ≥ 12 → passed',
    ],
    [
      'a fail',
      decide(TWO_THIRDS_OF_MEMBERS, tally({ agree: 3, disagree: 3 })),
      '3/6 thành viên đồng ý; quy tắc: đồng ý × 3 ≥ thành viên × 2 → 9 ≥ 12 không đạt → không thông qua',
      '3 of 6 members agree; rule: agree × 3 ≥ members × 2 → 9 ≥ 12 not met → failed',
    ],
    [
      'a no-quorum',
      decide(withQuorum, tally({ agree: 3 })),
      '3/6 thành viên đã bỏ phiếu; túc số: số phiếu × 3 ≥ thành viên × 2 → 9 ≥ 12 không đạt → không đủ túc số',
      '3 of 6 members cast a ballot; quorum: ballots × 3 ≥ members × 2 → 9 ≥ 12 not met → no quorum',
    ],
    [
      'a quorum met, then a pass of ballots cast',
      decide(withQuorum, tally({ agree: 4, disagree: 1 })),
      '5/6 thành viên đã bỏ phiếu; túc số: số phiếu × 3 ≥ thành viên × 2 → 15 ≥ 12 đạt; 4/5 phiếu biểu quyết đồng ý; quy tắc: đồng ý × 2 > số phiếu → 8 > 5 → thông qua',
      '5 of 6 members cast a ballot; quorum: ballots × 3 ≥ members × 2 → 15 ≥ 12 met; 4 of 5 ballots cast agree; rule: agree × 2 > cast → 8 > 5 → passed',
    ],
    [
      'a no-quorum when abstentions do not count toward it',
      decide(rule(withQuorum, { abstentionsCountTowardQuorum: false }), tally({ agree: 3, abstain: 2 })),
      '3/6 thành viên đã bỏ phiếu (không tính phiếu trắng); túc số: số phiếu × 3 ≥ thành viên × 2 → 9 ≥ 12 không đạt → không đủ túc số',
      '3 of 6 members cast a ballot (abstentions not counted); quorum: ballots × 3 ≥ members × 2 → 9 ≥ 12 not met → no quorum',
    ],
    [
      'a tie decided by the chair',
      decide(chairDecides, tally({ agree: 3, disagree: 3, chairBallot: 'agree' })),
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: chủ tọa đồng ý → thông qua',
      '3 of 6 members agree, 3 disagree; rule: agree × 2 > members → 6 > 6 not met; tie 3–3; tie-break: the chair voted agree → passed',
    ],
    [
      'a tie the chair voted down',
      decide(chairDecides, tally({ agree: 3, disagree: 3, chairBallot: 'disagree' })),
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: chủ tọa không đồng ý → không thông qua',
      '3 of 6 members agree, 3 disagree; rule: agree × 2 > members → 6 > 6 not met; tie 3–3; tie-break: the chair voted disagree → failed',
    ],
    [
      'a tie the chair did not vote in',
      decide(chairDecides, tally({ agree: 3, disagree: 3 })),
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: chủ tọa không bỏ phiếu → ngang phiếu, chưa quyết định',
      '3 of 6 members agree, 3 disagree; rule: agree × 2 > members → 6 > 6 not met; tie 3–3; tie-break: the chair did not vote → tie, undecided',
    ],
    [
      'a tie the chair abstained in, abstentions left out of ballots cast',
      decide(rule(MAJORITY_OF_CAST, { abstentionsCountInDenominator: false, tieBreak: 'chair-decides' }), tally({ members: 7, agree: 3, disagree: 3, abstain: 1, chairBallot: 'abstain' })),
      '3/6 phiếu biểu quyết (không tính phiếu trắng) đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > số phiếu → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: chủ tọa bỏ phiếu trắng → ngang phiếu, chưa quyết định',
      '3 of 6 ballots cast (abstentions not counted) agree, 3 disagree; rule: agree × 2 > cast → 6 > 6 not met; tie 3–3; tie-break: the chair abstained → tie, undecided',
    ],
    [
      'a tie kept as the status quo',
      decide(MAJORITY_OF_MEMBERS, tally({ agree: 3, disagree: 3 })),
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: giữ nguyên hiện trạng → không thông qua',
      '3 of 6 members agree, 3 disagree; rule: agree × 2 > members → 6 > 6 not met; tie 3–3; tie-break: status quo → failed',
    ],
    [
      'a tie sent to a revote',
      decide(rule(MAJORITY_OF_MEMBERS, { tieBreak: 'revote' }), tally({ agree: 3, disagree: 3 })),
      '3/6 thành viên đồng ý, 3 không đồng ý; quy tắc: đồng ý × 2 > thành viên → 6 > 6 không đạt; ngang phiếu 3–3; xử lý ngang phiếu: biểu quyết lại, cần mở cuộc biểu quyết mới → ngang phiếu, chưa quyết định',
      '3 of 6 members agree, 3 disagree; rule: agree × 2 > members → 6 > 6 not met; tie 3–3; tie-break: revote, a new poll is needed → tie, undecided',
    ],
    [
      'a pass of members present',
      decide(rule(MAJORITY_OF_CAST, { denominator: 'present' }), tally({ present: 5, agree: 3, disagree: 2 })),
      '3/5 thành viên có mặt đồng ý; quy tắc: đồng ý × 2 > có mặt → 6 > 5 → thông qua',
      '3 of 5 present agree; rule: agree × 2 > present → 6 > 5 → passed',
    ],
    [
      'a nomination short of 80%',
      decide(NOMINATION_80_PERCENT, tally({ agree: 4, disagree: 2 })),
      '4/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 20 ≥ 24 không đạt → không thông qua',
      '4 of 6 members agree; rule: agree × 5 ≥ members × 4 → 20 ≥ 24 not met → failed',
    ],
    [
      'nobody agreeing with nothing cast',
      decide(rule(MAJORITY_OF_CAST, { comparison: '>=' }), tally({})),
      '0/0 phiếu biểu quyết đồng ý; quy tắc: đồng ý × 2 ≥ số phiếu → 0 ≥ 0 đạt nhưng không có phiếu đồng ý → không thông qua',
      '0 of 0 ballots cast agree; rule: agree × 2 ≥ cast → 0 ≥ 0 met but no ballot agrees → failed',
    ],
  ])('%s', (_label, decision, vietnamese, english) => {
    expect(explain(decision, 'vi')).toBe(vietnamese);
    expect(explain(decision, 'en')).toBe(english);
  });
});
