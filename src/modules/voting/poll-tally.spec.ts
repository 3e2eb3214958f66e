import { AppError } from '../../common/errors/app-error';
import { sha256Hex } from '../../common/hashing/canonical-json';
import type { StoredChoice } from './entities/ballot.entity';
import { CountedBallot, memberIdOf, normaliseChoice, receiptOf, tallyPoll, voterKeyOf } from './poll-tally';
import { explain } from './rules/tally';
import { MAJORITY_OF_MEMBERS, parseVotingRule, TWO_THIRDS_OF_MEMBERS } from './rules/voting-rule';

const CANDIDATES = [
  { id: 'VKS-THA', label: 'Thanh Hóa' },
  { id: 'VKS-NAN', label: 'Nghệ An' },
];

const ballots = (...choices: StoredChoice[]): CountedBallot[] => choices.map((choice, index) => ({ voterKey: `unit:u${index + 1}`, choice }));

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
};

describe('voter keys', () => {
  it('name units and people apart, and give the member id back', () => {
    expect(voterKeyOf('units', 'abc')).toBe('unit:abc');
    expect(voterKeyOf('people', 'abc')).toBe('person:abc');
    expect(memberIdOf('unit:1f0e-…')).toBe('1f0e-…');
  });
});

describe('normaliseChoice', () => {
  it('takes agree, disagree or abstain on a motion and nothing else', () => {
    expect(['agree', 'disagree', 'abstain'].map((choice) => normaliseChoice(choice, null))).toEqual(['agree', 'disagree', 'abstain']);
    for (const bad of ['yes', '', null, undefined, 1, { candidateIds: [] }, ['agree']]) expect(codeOf(() => normaliseChoice(bad, null))).toBe('BALLOT_INVALID');
  });

  it('takes distinct known candidates in the order of the list, an empty list abstains', () => {
    expect(normaliseChoice({ candidateIds: ['VKS-NAN', 'VKS-THA'] }, CANDIDATES)).toEqual({ candidateIds: ['VKS-THA', 'VKS-NAN'] });
    expect(normaliseChoice({ candidateIds: [] }, CANDIDATES)).toEqual({ candidateIds: [] });
    for (const bad of ['agree', { candidateIds: ['VKS-HUE'] }, { candidateIds: ['VKS-THA', 'VKS-THA'] }, { candidateIds: 'VKS-THA' }, { candidateIds: [1] }, { candidateIds: [], extra: 1 }]) {
      expect(codeOf(() => normaliseChoice(bad, CANDIDATES))).toBe('BALLOT_INVALID');
    }
  });
});

describe('receiptOf', () => {
  it('hashes the canonical JSON of the ballot, the subject hash and the time, whatever the key order', () => {
    const castAt = new Date('2020-02-13T02:00:00.000Z');
    const receipt = receiptOf({ voterKey: 'unit:u1', pollId: 'p1', sequence: 3, subjectHash: 'h', choice: 'agree', castAt });
    expect(receipt).toBe(sha256Hex('{"castAt":"2020-02-13T02:00:00.000Z","choice":"agree","pollId":"p1","sequence":3,"subjectHash":"h","voterKey":"unit:u1"}'));
    expect(receiptOf({ pollId: 'p1', subjectHash: 'h2', voterKey: 'unit:u1', choice: 'agree', sequence: 3, castAt })).not.toBe(receipt);
  });
});

describe('tallyPoll', () => {
  const base = { electorateKind: 'units' as const, members: 6, chairUnitId: null, candidates: null };

  it('decides a motion with the counts of the current ballots', () => {
    const tally = tallyPoll({ ...base, rule: MAJORITY_OF_MEMBERS, ballots: ballots('agree', 'agree', 'agree', 'agree', 'disagree', 'abstain') });
    expect(tally.outcome).toBe('passed');
    expect(tally.candidateDecisions).toBeNull();
    expect(explain(tally.decision!, 'vi')).toBe('4/6 thành viên đồng ý; quy tắc: đồng ý × 2 > thành viên → 8 > 6 → thông qua');
    expect(tallyPoll({ ...base, rule: MAJORITY_OF_MEMBERS, ballots: ballots('agree', 'agree', 'agree') }).outcome).toBe('failed');
  });

  it("gives the chair unit's ballot to chair-decides, only in an open ballot", () => {
    const rule = parseVotingRule({ tieBreak: 'chair-decides' });
    const tie = ballots('disagree', 'agree', 'agree', 'disagree', 'disagree', 'agree');
    expect(tallyPoll({ ...base, rule, chairUnitId: 'u1', ballots: tie }).outcome).toBe('failed');
    expect(tallyPoll({ ...base, rule, chairUnitId: 'u2', ballots: tie }).outcome).toBe('passed');
    // The chair did not vote: the tie stays.
    expect(tallyPoll({ ...base, rule, chairUnitId: 'u9', ballots: tie }).outcome).toBe('tie');
  });

  it('counts the voters as present under the "present" denominator', () => {
    const rule = parseVotingRule({ denominator: 'present', threshold: '1/2', comparison: '>' });
    const tally = tallyPoll({ ...base, rule, ballots: ballots('agree', 'agree', 'disagree') });
    expect(tally.decision!.arithmetic).toMatchObject({ present: 3, denominator: { value: 3 } });
    expect(tally.outcome).toBe('passed');
  });

  it('applies the rule to each candidate: approvals agree, other lists disagree, empty lists abstain', () => {
    const tally = tallyPoll({
      ...base,
      rule: TWO_THIRDS_OF_MEMBERS,
      candidates: CANDIDATES,
      ballots: ballots({ candidateIds: ['VKS-THA'] }, { candidateIds: ['VKS-THA'] }, { candidateIds: ['VKS-THA', 'VKS-NAN'] }, { candidateIds: ['VKS-THA'] }, { candidateIds: ['VKS-NAN'] }, { candidateIds: [] }),
    });
    expect(tally.decision).toBeNull();
    expect(tally.outcome).toBe('passed');
    expect(tally.candidateDecisions!.map((entry) => [entry.id, entry.decision.outcome, entry.decision.arithmetic.agree, entry.decision.arithmetic.disagree, entry.decision.arithmetic.abstain])).toEqual([
      ['VKS-THA', 'passed', 4, 1, 1],
      ['VKS-NAN', 'failed', 2, 3, 1],
    ]);
  });

  it('gives a candidate poll no-quorum when the quorum fails, failed when nobody passes', () => {
    const rule = parseVotingRule({ quorum: '2/3' });
    const few = ballots({ candidateIds: ['VKS-THA'] }, { candidateIds: ['VKS-NAN'] });
    expect(tallyPoll({ ...base, rule, candidates: CANDIDATES, ballots: few }).outcome).toBe('no-quorum');
    expect(tallyPoll({ ...base, rule: MAJORITY_OF_MEMBERS, candidates: CANDIDATES, ballots: few }).outcome).toBe('failed');
  });
});
