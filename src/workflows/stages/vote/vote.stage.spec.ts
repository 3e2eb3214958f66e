import type { StageDefinition } from '../../definitions/workflow-document';
import { VOTE_DECIDED, VoteStage } from './vote.stage';

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

  it('takes a ballot only with its record, and is decided when every unit has voted or at the due time', () => {
    expect(handler.taskOutcome(stage(), 'vote', { withRecord: true })).toEqual({ outcome: 'voted' });
    expect(handler.taskOutcome(stage(), 'vote', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.evaluate(stage(), [done, open])).toEqual({ complete: false });
    expect(handler.evaluate(stage(), [done, done, { status: 'cancelled', outcome: null }])).toEqual({ complete: true, outcome: VOTE_DECIDED });
    expect(handler.onDue()).toEqual({ complete: true, outcome: VOTE_DECIDED });
    expect(handler.outcomes()).toEqual(['passed', 'failed', 'no-quorum', 'tie']);
  });
});
