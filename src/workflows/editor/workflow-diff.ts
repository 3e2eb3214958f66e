import { canonicalJson } from '../../common/hashing/canonical-json';
import type { WorkflowDocument } from '../definitions/workflow-document';

/** One stage property that differs between two versions, as canonical JSON (null when absent). */
export interface StageChange {
  property: string;
  from: string | null;
  to: string | null;
}

export interface WorkflowDiff {
  /** The start stage, when it changed. */
  start: { from: string; to: string } | null;
  added: Array<{ key: string; type: string }>;
  removed: Array<{ key: string; type: string }>;
  changed: Array<{ key: string; changes: StageChange[] }>;
}

const asJson = (value: unknown) => (value === undefined ? null : canonicalJson(value));

/** What changed from one workflow version to the next, stage by stage and property by property; keys in order. */
export function diffWorkflows(from: WorkflowDocument, to: WorkflowDocument): WorkflowDiff {
  const fromKeys = Object.keys(from.stages).sort();
  const toKeys = Object.keys(to.stages).sort();
  const changed: WorkflowDiff['changed'] = [];
  for (const key of toKeys.filter((k) => k in from.stages)) {
    const before = from.stages[key] as unknown as Record<string, unknown>;
    const after = to.stages[key] as unknown as Record<string, unknown>;
    const properties = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const changes = properties
      .map((property) => ({ property, from: asJson(before[property]), to: asJson(after[property]) }))
      .filter((change) => change.from !== change.to);
    if (changes.length) changed.push({ key, changes });
  }
  return {
    start: from.start === to.start ? null : { from: from.start, to: to.start },
    added: toKeys.filter((k) => !(k in from.stages)).map((key) => ({ key, type: to.stages[key].type })),
    removed: fromKeys.filter((k) => !(k in to.stages)).map((key) => ({ key, type: from.stages[key].type })),
    changed,
  };
}
