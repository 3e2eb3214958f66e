import type { RulesLogic } from 'json-logic-js';

/**
 * A workflow definition as administrators write it (JSON). Validated by the JSON Schema in
 * workflow-document.schema.ts and by the graph checks in validate-workflow.ts before publishing.
 */
export type LocalText = string | { vi: string; en?: string };

/** A LocalText in one language: English falls back to Vietnamese, an absent text to `fallback`. */
export function localText(text: LocalText | undefined, fallback: string, language: 'vi' | 'en'): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return language === 'en' ? (text.en ?? text.vi) : text.vi;
}

/** When a stage is due, counted from the moment it is entered. `date` is `YYYY-MM-DD` or `--MM-DD` (in the campaign's year). */
export type DueRule = { workingDays: number } | { days: number } | { hours: number } | { minutes: number } | { date: string };

export const ROLE_ASSIGNEES = ['cluster-head', 'cluster-deputy', 'cluster-member', 'council-member', 'admin'] as const;
export type RoleAssignee = (typeof ROLE_ASSIGNEES)[number];
/** By role in the campaign's subject, or a named unit (by code) or person (by username). */
export type AssigneeRule = RoleAssignee | { unit: string } | { person: string };

export interface Transition {
  to: string;
  /** JSONLogic over `{ context, outcome, stage }`; the first transition whose condition holds is taken. */
  when?: RulesLogic;
}

export type DeadlinePolicy = 'mark-late' | 'close' | 'escalate';

export interface StageDefinition {
  type: string;
  name?: LocalText;
  settings?: Record<string, unknown>;
  assignees?: AssigneeRule[];
  /** `each-member`: one task per member unit of the cluster, in addition to `assignees`. */
  fanOut?: 'each-member';
  due?: DueRule;
  reminders?: Array<{ before: DueRule }>;
  /** What the deadline does: mark open tasks late (default), close the stage with outcome `timeout`, or escalate to the cluster head. */
  onDeadline?: DeadlinePolicy;
  /** Outcome → next stage. */
  on?: Record<string, string | Transition | Transition[]>;
}

export interface WorkflowDocument {
  name: LocalText;
  description?: LocalText;
  /** The subject a campaign of this workflow runs for. */
  subject?: 'cluster' | 'unit';
  /**
   * Who launches its campaigns: administrators (the default), or also a unit's officer for their own unit (`unit`,
   * for proposals a unit makes when the occasion arises, such as an ad hoc commendation).
   */
  startedBy?: 'admin' | 'unit';
  start: string;
  stages: Record<string, StageDefinition>;
}

/** The transitions of an `on` entry as a list. */
export function transitionsOf(entry: string | Transition | Transition[] | undefined): Transition[] {
  if (entry === undefined) return [];
  if (typeof entry === 'string') return [{ to: entry }];
  return Array.isArray(entry) ? entry : [entry];
}
