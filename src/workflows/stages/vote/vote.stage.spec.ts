import type { StageDefinition } from '../../definitions/workflow-document';
import { NOMINATION_80_PERCENT, MAJORITY_OF_MEMBERS } from '../../../modules/voting/rules/voting-rule';
import { VOTE_DECIDED, VoteStage, voteRuleOf } from './vote.stage';

describe('VoteStage', () => {
  const handler = new VoteStage();
  const stage = (settings: Record<string, unknown> = {}, fanOut: 'each-member' | null = 'each-member'): StageDefinition => ({ type: 'vote', ...(fanOut ? { fanOut } : {}), settings, on: {} });
  const done = { status: 'done' as const, outcome: 'voted' };
  const open = { status: 'open' as const, outcome: null };

  it('accepts a rule given as data and refuses a bad one with the rule path', () => {
    expect(handler.validate(stage({ rule: { denominator: 'members', threshold: '2/3', comparison: '>=' } }))).toEqual([]);
    expect(handler.validate(stage())).toEqual([]);
    const problems = handler.validate(stage({ rule: { denominator: 'everyone', threshold: '3/2', comparison: '>' }, colour: 'red' }, null));
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['fanOut', 'settings.colour']));
    expect(problems.filter((p) => p.path.startsWith('settings.rule')).length).toBeGreaterThanOrEqual(2);
  });

  it('votes on the document, the ranking\'s leaders or the acclaimed units, and refuses any other subject at settings.subject', () => {
    expect(handler.validate(stage({ subject: 'document' }))).toEqual([]);
    expect(handler.validate(stage({ subject: 'ranking-leaders' }))).toEqual([]);
    for (const subject of ['candidates', 'ranking', 42, null]) {
      expect(handler.validate(stage({ subject })).map((p) => [p.path, p.code])).toEqual([['settings.subject', 'SETTING_INVALID']]);
    }
  });

  it('has the member units vote on the leaders (each-member) and the council\'s people on the acclaimed units', () => {
    expect(handler.validate(stage({ subject: 'ranking-leaders' }, null)).map((p) => p.path)).toEqual(['fanOut']);
    const council = (assignees: StageDefinition['assignees'], fanOut?: 'each-member'): StageDefinition => ({ type: 'vote', assignees, ...(fanOut ? { fanOut } : {}), settings: { subject: 'acclaimed' }, on: {} });
    expect(handler.validate(council(['council-member']))).toEqual([]);
    expect(handler.validate(council(['admin', { person: 'tdkt.vutruong' }]))).toEqual([]);
    expect(handler.validate(council(['council-member'], 'each-member')).map((p) => p.path)).toEqual(['fanOut']);
    expect(handler.validate(council(['cluster-head'])).map((p) => p.path)).toEqual(['assignees']);
    expect(handler.validate(council([{ unit: 'VKS-THA' }, 'council-member'])).map((p) => p.path)).toEqual(['assignees']);
    expect(handler.validate(council(undefined)).map((p) => p.path)).toEqual(['assignees']);
  });

  it('defaults to secret ≥ 4/5 of members for a nomination and to open > 1/2 otherwise; a stated rule wins', () => {
    expect(voteRuleOf(stage({ subject: 'ranking-leaders' }))).toEqual(NOMINATION_80_PERCENT);
    expect(voteRuleOf(stage({ subject: 'ranking-leaders' })).ballot).toBe('secret');
    expect(voteRuleOf(stage({ subject: 'acclaimed' }))).toEqual(MAJORITY_OF_MEMBERS);
    expect(voteRuleOf(stage())).toEqual(MAJORITY_OF_MEMBERS);
    expect(voteRuleOf(stage({ subject: 'ranking-leaders', rule: { denominator: 'members', threshold: '2/3', comparison: '>=' } })).threshold).toEqual({ numerator: 2, denominator: 3 });
  });

  it('takes a ballot only with its record, and is decided when every unit has voted or at the due time', () => {
    expect(handler.taskOutcome(stage(), 'vote', { withRecord: true })).toEqual({ outcome: 'voted' });
    expect(handler.taskOutcome(stage(), 'vote', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.evaluate(stage(), [done, open])).toEqual({ complete: false });
    expect(handler.evaluate(stage(), [done, done, { status: 'cancelled', outcome: null }])).toEqual({ complete: true, outcome: VOTE_DECIDED });
    expect(handler.onDue()).toEqual({ complete: true, outcome: VOTE_DECIDED });
    expect(handler.outcomes()).toEqual(['passed', 'failed', 'no-quorum', 'tie']);
  });
});
