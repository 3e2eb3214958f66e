import { StageDefinition, transitionsOf, WorkflowDocument } from './workflow-document';

/**
 * The outcomes of a stage's `on`, alphabetically. PostgreSQL stores documents as jsonb, which does
 * not keep keys in the order they were written, so pages pick an order that is the same everywhere.
 */
export function outcomesOf(stage: StageDefinition | undefined): string[] {
  return Object.keys(stage?.on ?? {}).sort();
}

/** Stage keys in reading order: breadth-first from the start along the outcomes, then any other stage by key. */
export function stageKeysInOrder(document: WorkflowDocument): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [document.start];
  while (queue.length) {
    const key = queue.shift()!;
    const stage = document.stages[key];
    if (seen.has(key) || !stage) continue;
    seen.add(key);
    order.push(key);
    for (const outcome of outcomesOf(stage)) queue.push(...transitionsOf(stage.on![outcome]).map((transition) => transition.to));
  }
  return [...order, ...Object.keys(document.stages).filter((key) => !seen.has(key)).sort()];
}
