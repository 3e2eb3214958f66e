import type { StageRunDto } from '../api/dto/campaign.dto';
import type { WorkflowDocument } from '../definitions/workflow-document';
import { campaignTimeline } from './campaign-timeline';

const run = (stageKey: string, status: string, iteration = 1): StageRunDto => ({
  id: `${stageKey}-${iteration}`,
  stageKey,
  name: stageKey,
  type: 'review',
  iteration,
  status,
  outcome: status === 'completed' ? 'returned' : null,
  dueAt: null,
  overdue: false,
  enteredAt: '2020-01-01T00:00:00.000Z',
  closedAt: null,
  progress: { total: 1, done: 0, open: 1, awaitingReview: 0, late: 0, summary: '0/1 xong' },
});

const document: WorkflowDocument = {
  name: 'Thử',
  start: 'draft',
  stages: {
    draft: { type: 'review', on: { approved: 'score', returned: 'draft' } },
    score: {
      type: 'acknowledge',
      on: { acknowledged: [{ to: 'award', when: { '>=': [{ var: 'context.score' }, 80] } }, { to: 'done' }], timeout: 'done' },
    },
    award: { type: 'acknowledge', on: { acknowledged: 'done' } },
    done: { type: 'end' },
  },
};

describe('campaignTimeline', () => {
  it('keeps closed runs in order as done, active ones as current', () => {
    const timeline = campaignTimeline([run('draft', 'completed'), run('draft', 'cancelled', 2), run('draft', 'active', 3)], document);
    expect(timeline.done.map((r) => r.id)).toEqual(['draft-1', 'draft-2']);
    expect(timeline.current.map((r) => r.id)).toEqual(['draft-3']);
  });

  it('lists each next stage once with the outcomes leading there, a loop back marked as again', () => {
    const { next } = campaignTimeline([run('draft', 'active')], document);
    expect(next).toEqual([
      { key: 'score', again: false, routes: [{ fromKey: 'draft', outcome: 'approved', condition: undefined, fallback: false }] },
      { key: 'draft', again: true, routes: [{ fromKey: 'draft', outcome: 'returned', condition: undefined, fallback: false }] },
    ]);
  });

  it('describes guarded transitions and marks the unguarded last one as the fallback', () => {
    const { next } = campaignTimeline([run('draft', 'completed'), run('score', 'active')], document);
    expect(next).toEqual([
      { key: 'award', again: false, routes: [{ fromKey: 'score', outcome: 'acknowledged', condition: 'context.score >= 80', fallback: false }] },
      {
        key: 'done',
        again: false,
        routes: [
          { fromKey: 'score', outcome: 'acknowledged', condition: undefined, fallback: true },
          { fromKey: 'score', outcome: 'timeout', condition: undefined, fallback: false },
        ],
      },
    ]);
  });

  it('has no next stage once nothing is active', () => {
    expect(campaignTimeline([run('draft', 'completed')], document).next).toEqual([]);
  });
});
