import { describeCondition } from './condition-text';
import { DueRule, LocalText, StageDefinition, transitionsOf, WorkflowDocument } from './workflow-document';
import { outcomesOf, stageKeysInOrder } from './document-order';

/** Node shapes by stage type: a review decides (rhombus), a wait is a timer (hexagon), the end a stadium. */
const SHAPES: Record<string, [string, string]> = {
  review: ['{', '}'],
  acknowledge: ['[', ']'],
  wait: ['{{', '}}'],
  end: ['([', '])'],
};
const OTHER_SHAPE: [string, string] = ['(', ')'];
const START_ID = 'workflow_start';

/**
 * Text safe inside a quoted Mermaid label: characters Mermaid would read as syntax become numeric
 * entity codes (`"` → `#34;`), and line breaks become spaces.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/["#&<>[\](){}|`\\;]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Stage keys are kebab-case; Mermaid ids must avoid `-` (edge syntax) and the keyword `end`. */
const nodeId = (key: string) => `stage_${key.replace(/-/g, '_')}`;

const localText = (text: LocalText | undefined): string | undefined => (typeof text === 'string' ? text : text?.vi);

function dueText(due: DueRule): string {
  if ('workingDays' in due) return `${due.workingDays} ngày làm việc`;
  if ('days' in due) return `${due.days} ngày`;
  if ('hours' in due) return `${due.hours} giờ`;
  if ('minutes' in due) return `${due.minutes} phút`;
  return `ngày ${due.date}`;
}

function nodeLine(key: string, stage: StageDefinition): string {
  const [open, close] = SHAPES[stage.type] ?? OTHER_SHAPE;
  const lines = [localText(stage.name) ?? key, stage.type];
  if (stage.due) lines.push(`hạn ${dueText(stage.due)}`);
  return `  ${nodeId(key)}${open}"${lines.map(mermaidText).join('<br/>')}"${close}`;
}

function edgeLines(key: string, stage: StageDefinition): string[] {
  return outcomesOf(stage).flatMap((outcome) => {
    const transitions = transitionsOf(stage.on![outcome]);
    return transitions.map((transition) => {
      let label = outcome;
      if (transition.when !== undefined) label += ` nếu ${describeCondition(transition.when)}`;
      // The unguarded last transition of a guarded list is the fallback.
      else if (transitions.length > 1) label += ' (ngược lại)';
      return `  ${nodeId(key)} -->|"${mermaidText(label)}"| ${nodeId(transition.to)}`;
    });
  });
}

/**
 * A Mermaid flowchart of a workflow: one node per stage (name, type, due rule), one edge per
 * transition labelled with its outcome and condition, and a start marker pointing at the start stage.
 */
export function workflowDiagram(document: WorkflowDocument): string {
  // In reading order, not stored order: PostgreSQL's jsonb does not keep the keys' order.
  const stages = stageKeysInOrder(document).map((key) => [key, document.stages[key]] as const);
  return [
    'flowchart TD',
    `  ${START_ID}(("Bắt đầu"))`,
    ...stages.map(([key, stage]) => nodeLine(key, stage)),
    `  ${START_ID} --> ${nodeId(document.start)}`,
    ...stages.flatMap(([key, stage]) => edgeLines(key, stage)),
    `  classDef start fill:#e8f5e9,stroke:#2e7d32`,
    `  class ${START_ID} start`,
  ].join('\n');
}
