import type { WorkflowDocument } from '../definitions/workflow-document';
import { diffWorkflows } from './workflow-diff';

const v1: WorkflowDocument = {
  name: 'Giao ước',
  start: 'draft',
  stages: {
    draft: { type: 'form', due: { workingDays: 10 }, on: { submitted: 'vote' } },
    vote: { type: 'vote', on: { passed: 'done', failed: 'draft' } },
    done: { type: 'end' },
  },
};

describe('diffWorkflows', () => {
  it('is empty between a version and itself', () => {
    expect(diffWorkflows(v1, structuredClone(v1))).toEqual({ start: null, added: [], removed: [], changed: [] });
  });

  it('lists added and removed stages, each changed property with both values, and a new start', () => {
    const v2: WorkflowDocument = {
      name: 'Giao ước',
      start: 'intro',
      stages: {
        intro: { type: 'acknowledge', on: { acknowledged: 'draft' } },
        draft: { type: 'form', due: { workingDays: 12 }, on: { submitted: 'review' } },
        review: { type: 'review', on: { approved: 'done', returned: 'draft' } },
        done: { type: 'end' },
      },
    };
    expect(diffWorkflows(v1, v2)).toEqual({
      start: { from: 'draft', to: 'intro' },
      added: [{ key: 'intro', type: 'acknowledge' }, { key: 'review', type: 'review' }],
      removed: [{ key: 'vote', type: 'vote' }],
      changed: [
        {
          key: 'draft',
          changes: [
            { property: 'due', from: '{"workingDays":10}', to: '{"workingDays":12}' },
            { property: 'on', from: '{"submitted":"vote"}', to: '{"submitted":"review"}' },
          ],
        },
      ],
    });
  });

  it('reports a property that appears or disappears with null on the other side', () => {
    const v2 = structuredClone(v1);
    v2.stages.vote.name = { vi: 'Biểu quyết' };
    delete v2.stages.draft.due;
    expect(diffWorkflows(v1, v2).changed).toEqual([
      { key: 'draft', changes: [{ property: 'due', from: '{"workingDays":10}', to: null }] },
      { key: 'vote', changes: [{ property: 'name', from: null, to: '{"vi":"Biểu quyết"}' }] },
    ]);
  });
});
