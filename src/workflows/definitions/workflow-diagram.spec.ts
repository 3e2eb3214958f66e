import { describeCondition } from './condition-text';
import { mermaidText, workflowDiagram } from './workflow-diagram';
import { WorkflowDocument } from './workflow-document';

const document = (): WorkflowDocument => ({
  name: 'Giao ước',
  start: 'draft-review',
  stages: {
    'draft-review': { type: 'review', name: { vi: 'Cụm trưởng xem xét', en: 'Head reviews' }, assignees: ['cluster-head'], on: { approved: 'acknowledge', returned: 'draft-review' } },
    acknowledge: {
      type: 'acknowledge',
      fanOut: 'each-member',
      due: { workingDays: 5 },
      onDeadline: 'close',
      on: { acknowledged: 'end', timeout: [{ to: 'draft-review', when: { '==': [{ var: 'context.retry' }, true] } }, { to: 'end' }] },
    },
    end: { type: 'end', name: 'Hoàn thành' },
  },
});

describe('workflowDiagram', () => {
  const lines = () => workflowDiagram(document()).split('\n');

  it('is a top-down flowchart with a start marker pointing at the start stage', () => {
    const diagram = lines();
    expect(diagram[0]).toBe('flowchart TD');
    expect(diagram).toContain('  workflow_start(("Bắt đầu"))');
    expect(diagram).toContain('  workflow_start --> stage_draft_review');
  });

  it('draws one node per stage with its Vietnamese name (else its key), its type and its due rule, shaped by type', () => {
    const diagram = lines();
    expect(diagram).toContain('  stage_draft_review{"Cụm trưởng xem xét<br/>review"}');
    expect(diagram).toContain('  stage_acknowledge["acknowledge<br/>acknowledge<br/>hạn 5 ngày làm việc"]');
    // `end` is a Mermaid keyword: the prefixed id keeps a stage called "end" drawable.
    expect(diagram).toContain('  stage_end(["Hoàn thành<br/>end"])');
  });

  it('labels edges with the outcome, the condition that guards them, and the fallback', () => {
    const diagram = lines();
    expect(diagram).toContain('  stage_draft_review -->|"approved"| stage_acknowledge');
    expect(diagram).toContain('  stage_draft_review -->|"returned"| stage_draft_review');
    expect(diagram).toContain('  stage_acknowledge -->|"timeout nếu context.retry == true"| stage_draft_review');
    expect(diagram).toContain('  stage_acknowledge -->|"timeout #40;ngược lại#41;"| stage_end');
  });

  it('draws unknown (future) stage types as rounded boxes, timers as hexagons', () => {
    const doc: WorkflowDocument = { name: 'x', start: 'vote', stages: { vote: { type: 'vote', on: { passed: 'pause' } }, pause: { type: 'wait', due: { hours: 2 } } } };
    const diagram = workflowDiagram(doc).split('\n');
    expect(diagram).toContain('  stage_vote("vote<br/>vote")');
    expect(diagram).toContain('  stage_pause{{"pause<br/>wait<br/>hạn 2 giờ"}}');
  });

  it('escapes quotes, brackets and other syntax in labels', () => {
    const doc = document();
    doc.stages['draft-review'].name = 'Xem xét "dự thảo" [lần 2] {A|B} (#1) <b>\nmới';
    const node = workflowDiagram(doc).split('\n').find((line) => line.startsWith('  stage_draft_review{'))!;
    const label = node.slice(node.indexOf('{"') + 2, node.lastIndexOf('"}'));
    expect(label).toBe('Xem xét #34;dự thảo#34; #91;lần 2#93; #123;A#124;B#125; #40;#35;1#41; #60;b#62; mới<br/>review');
    expect(label.split('<br/>')[0]).not.toMatch(/["[\]{}|()<>]/);
  });
});

describe('mermaidText', () => {
  it('leaves ordinary Vietnamese text alone', () => {
    expect(mermaidText('Đơn vị thành viên xác nhận')).toBe('Đơn vị thành viên xác nhận');
  });
});

describe('describeCondition', () => {
  it('writes comparisons infix, joins and/or in Vietnamese, and shows other operators as calls', () => {
    expect(describeCondition({ and: [{ '>=': [{ var: 'context.score' }, 80] }, { '!': { var: 'context.late' } }] })).toBe(
      '(context.score >= 80) và (không context.late)',
    );
    expect(describeCondition({ or: [{ '==': [{ var: 'a' }, 'x'] }, { in: ['b', { var: 'list' }] }] })).toBe('(a == "x") hoặc ("b" in list)');
    expect(describeCondition({ missing: ['a', 'b'] })).toBe('missing("a", "b")');
  });

  it('cuts long conditions', () => {
    const text = describeCondition({ '==': [{ var: 'context.' + 'x'.repeat(200) }, 1] });
    expect(text).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });
});
