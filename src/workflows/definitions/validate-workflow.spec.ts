import { StageRegistry } from '../stages/stage-registry';
import { validateWorkflow } from './validate-workflow';
import { WorkflowDocument } from './workflow-document';

const registry = new StageRegistry();

const valid = (): WorkflowDocument => ({
  name: { vi: 'Giao ước thi đua', en: 'Emulation pact' },
  start: 'draft-review',
  stages: {
    'draft-review': { type: 'review', assignees: ['cluster-head'], on: { approved: 'acknowledge', returned: 'draft-review' } },
    acknowledge: {
      type: 'acknowledge',
      fanOut: 'each-member',
      settings: { completion: 'quorum', quorum: { numerator: 2, denominator: 3 } },
      due: { workingDays: 5 },
      onDeadline: 'close',
      on: { acknowledged: 'cool-off', timeout: [{ to: 'draft-review', when: { '==': [{ var: 'context.retry' }, true] } }, { to: 'done' }] },
    },
    'cool-off': { type: 'wait', due: { hours: 2 }, on: { elapsed: 'done' } },
    done: { type: 'end' },
  },
});

describe('validateWorkflow', () => {
  it('accepts a valid four-stage workflow', () => {
    expect(validateWorkflow(valid(), registry)).toEqual([]);
  });

  it('reports schema problems with JSON paths', () => {
    const doc = { ...valid(), extra: 1, stages: { x: { type: 'review', due: { weeks: 2 } } } };
    const problems = validateWorkflow(doc, registry);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '$', code: 'SCHEMA', message: { vi: 'không có thuộc tính "extra" ở đây', en: 'must NOT have additional properties: "extra"' } }),
        expect.objectContaining({ path: '$.stages.x.due', code: 'SCHEMA' }),
      ]),
    );
  });

  it('names every graph problem at once', () => {
    const doc = valid();
    doc.stages['orphan'] = { type: 'end' };
    doc.stages['draft-review'].on = { approved: 'nowhere', rejected: 'done' };
    doc.stages['acknowledge'].settings = { completion: 'quorum', quorum: { numerator: 3, denominator: 2 } };
    doc.stages['mystery'] = { type: 'telepathy' };
    const codes = validateWorkflow(doc, registry).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'UNKNOWN_TARGET $.stages["draft-review"].on.approved',
        'UNKNOWN_OUTCOME $.stages["draft-review"].on.rejected',
        'OUTCOME_WITHOUT_TARGET $.stages["draft-review"].on',
        'SETTING_INVALID $.stages.acknowledge.settings.quorum',
        'UNKNOWN_STAGE_TYPE $.stages.mystery.type',
        'UNREACHABLE_STAGE $.stages.orphan',
        'UNREACHABLE_STAGE $.stages.mystery',
      ]),
    );
  });

  it('requires assignees for task stages, a due rule for timers, and an end', () => {
    const doc: WorkflowDocument = {
      name: 'x',
      start: 'a',
      stages: { a: { type: 'review', on: { approved: 'b', returned: 'a' } }, b: { type: 'wait', on: { elapsed: 'a' } } },
    };
    const codes = validateWorkflow(doc, registry).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(expect.arrayContaining(['ASSIGNEES_REQUIRED $.stages.a.assignees', 'DUE_REQUIRED $.stages.b.due', 'NO_END $.stages']));
  });

  it('refuses a bad JSONLogic condition and an unconditional transition before others', () => {
    const doc = valid();
    doc.stages['acknowledge'].on!['timeout'] = [{ to: 'done' }, { to: 'draft-review', when: { nonsense: 1 } as never }];
    const codes = validateWorkflow(doc, registry).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['UNREACHABLE_TRANSITION', 'INVALID_CONDITION']));
  });

  it('does not take inherited object members for stages', () => {
    const doc = valid();
    doc.stages['draft-review'].on = { approved: 'toString', returned: 'constructor' };
    const codes = validateWorkflow(doc, registry).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_TARGET $.stages["draft-review"].on.approved', 'UNKNOWN_TARGET $.stages["draft-review"].on.returned']));
    expect(validateWorkflow({ ...valid(), start: 'constructor' }, registry).map((p) => p.code)).toContain('UNKNOWN_START');
  });
});

describe('StageRegistry', () => {
  it('refuses a stage type without a handler or with two', () => {
    expect(() => new StageRegistry([], ['review'])).toThrow(/"review" has no handler/);
    const review = registry.get('review');
    expect(() => new StageRegistry([review, review], ['review'])).toThrow(/two handlers/);
  });
});
