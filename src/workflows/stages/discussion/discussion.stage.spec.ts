import type { StageDefinition } from '../../definitions/workflow-document';
import { amendmentRuleOf, DiscussionStage } from './discussion.stage';

describe('DiscussionStage', () => {
  const handler = new DiscussionStage();
  const stage = (settings: Record<string, unknown> = {}): StageDefinition => ({ type: 'discussion', assignees: ['cluster-head'], settings, on: { closed: 'vote' } });

  it('checks its settings', () => {
    expect(handler.validate(stage({ document: { fromForm: 'pact/pact-draft' }, amendmentRule: { denominator: 'cast', threshold: '1/2', comparison: '>' } }))).toEqual([]);
    expect(handler.validate(stage({ document: 'pact', amendmentRule: { threshold: '5/4' }, extra: 1 })).map((p) => p.path)).toEqual([
      'settings.document',
      // A half-stated threshold: each missing part at its own path.
      'settings.amendmentRule.denominator',
      'settings.amendmentRule.comparison',
      'settings.amendmentRule.threshold',
      'settings.extra',
    ]);
  });

  it('is closed by its assignee or at the due time; amendments default to more than half of the members', () => {
    expect(handler.taskOutcome(stage(), 'close', {})).toEqual({ outcome: 'closed' });
    expect(handler.taskOutcome(stage(), 'approve', {})).toEqual({ problem: 'UNKNOWN_COMMAND' });
    expect(handler.evaluate(stage(), [{ status: 'open', outcome: null }])).toEqual({ complete: false });
    expect(handler.evaluate(stage(), [{ status: 'done', outcome: 'closed' }])).toEqual({ complete: true, outcome: 'closed' });
    expect(handler.onDue()).toEqual({ complete: true, outcome: 'closed' });
    expect(amendmentRuleOf(stage())).toMatchObject({ denominator: 'members', comparison: '>' });
  });
});
