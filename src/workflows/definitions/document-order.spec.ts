import type { WorkflowDocument } from '../definitions/workflow-document';
import { outcomesOf, stageKeysInOrder } from './document-order';

describe('document order', () => {
  // Keys as PostgreSQL's jsonb returns them: shorter keys first, not as written.
  const document: WorkflowDocument = {
    name: 'Thử',
    start: 'draft-review',
    stages: {
      done: { type: 'end' },
      orphan: { type: 'end' },
      'cool-off': { type: 'wait', on: { elapsed: 'done' } },
      acknowledge: { type: 'acknowledge', on: { timeout: 'cool-off', acknowledged: 'cool-off' } },
      'draft-review': { type: 'review', on: { returned: 'draft-review', approved: [{ to: 'acknowledge', when: { '==': [1, 1] } }, { to: 'done' }] } },
    },
  };

  it('lists outcomes alphabetically, whatever order the database kept', () => {
    expect(outcomesOf(document.stages.acknowledge)).toEqual(['acknowledged', 'timeout']);
    expect(outcomesOf(document.stages.done)).toEqual([]);
    expect(outcomesOf(undefined)).toEqual([]);
  });

  it('orders stages from the start along the transitions, then the unreachable ones by key', () => {
    expect(stageKeysInOrder(document)).toEqual(['draft-review', 'acknowledge', 'done', 'cool-off', 'orphan']);
  });
});
