import type { ScoreSheetKind } from '../../../modules/scoring/entities/score-sheet.entity';
import type { AssigneeRule, StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, SubjectMember, TaskView } from '../stage-handler';
import { invalidSetting, notBoolean, unknownSettings } from '../stage-problems';

/** Who scores whom: the unit itself, every other member, the cluster head, or the council's members. */
export type Scorers = 'self' | 'peers' | 'head' | 'council';
export const SCORERS: readonly Scorers[] = ['self', 'peers', 'head', 'council'];

/** `as-table`: evidence where the table's criterion asks for it; `required`: for every criterion given points; `optional`: never required. */
export type EvidenceRule = 'as-table' | 'required' | 'optional';
export const EVIDENCE_RULES: readonly EvidenceRule[] = ['as-table', 'required', 'optional'];

export interface ScoreStageSettings {
  /** Key of the scoring table; its latest version (and sheet form `scoring/<table>`) is pinned at launch. */
  table: string;
  scorers: Scorers;
  /** Default `as-table`. */
  evidence?: EvidenceRule;
  /** Whether a scorer may decline a sheet with a reason; default true, except for self-scoring. */
  allowRecusal?: boolean;
}

export const scoreSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as unknown as ScoreStageSettings;

/** Whether the stage lets a scorer recuse (default: everyone but the unit scoring itself). */
export const recusalAllowed = (settings: ScoreStageSettings): boolean => settings.allowRecusal ?? settings.scorers !== 'self';

/** The sheet kind each scorers setting produces. */
export const SHEET_KIND: Record<Scorers, ScoreSheetKind> = { self: 'self', peers: 'peer', head: 'head', council: 'council' };

/** Table keys: a lower-case kebab-case name, so that `scoring/<key>` is a valid form key. */
export const TABLE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,79}$/;

/** The assignee rule each scorers setting needs (self and peers may also use fanOut each-member). */
const ASSIGNEE_FOR: Record<Scorers, AssigneeRule> = { self: 'cluster-member', peers: 'cluster-member', head: 'cluster-head', council: 'council-member' };

/**
 * Scoring (chấm điểm): one task per scorer × scored unit, each a score sheet against the pinned table. A unit never
 * gets a task about itself. A task ends `submitted` (sheet and scores stored with it) or `recused` (a reason
 * recorded); the stage completes with `scored` once no task is open (the deadline policy may close it earlier).
 */
export class ScoreStage implements StageHandler {
  readonly type = 'score';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { table, scorers, evidence, allowRecusal, ...rest } = scoreSettingsOf(stage);
    const problems = unknownSettings(rest);
    if (typeof table !== 'string' || !TABLE_KEY_PATTERN.test(table)) {
      problems.push(invalidSetting('settings.table', 'table phải là mã của một bảng điểm, ví dụ "procuracy-cluster-2020"', 'table must be the key of a scoring table, e.g. "procuracy-cluster-2020"'));
    }
    if (!SCORERS.includes(scorers)) {
      problems.push(invalidSetting('settings.scorers', `scorers phải là một trong ${SCORERS.join(', ')}`, `scorers must be one of ${SCORERS.join(', ')}`));
    }
    if (evidence !== undefined && !EVIDENCE_RULES.includes(evidence)) {
      problems.push(invalidSetting('settings.evidence', `evidence phải là một trong ${EVIDENCE_RULES.join(', ')}`, `evidence must be one of ${EVIDENCE_RULES.join(', ')}`));
    }
    if (allowRecusal !== undefined && typeof allowRecusal !== 'boolean') {
      problems.push(notBoolean('settings.allowRecusal'));
    }
    if (SCORERS.includes(scorers)) problems.push(...assigneeProblems(stage, scorers));
    return problems;
  }

  outcomes(): string[] {
    return ['scored'];
  }

  /** `submit` and `recuse` only through the score sheet API, which stores the sheet or the reason with the command. */
  taskOutcome(_stage: StageDefinition, command: string, input: { withRecord?: boolean }) {
    if (input.withRecord !== true) return { problem: 'UNKNOWN_COMMAND' as const };
    if (command === 'submit') return { outcome: 'submitted' };
    if (command === 'recuse') return { outcome: 'recused' };
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  /** Complete once no sheet is left open: every task submitted, recused or cancelled. */
  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    return tasks.some((task) => task.status === 'open') ? NOT_COMPLETE : { complete: true, outcome: 'scored' };
  }

  /** The units a scorer scores: itself (self), every other member (peers, council) or every member but the head (head). */
  taskSubjects(stage: StageDefinition, assignee: { unitId?: string; personId?: string }, members: SubjectMember[]): string[] {
    const { scorers } = scoreSettingsOf(stage);
    const own = assignee.unitId;
    if (scorers === 'self') return own && members.some((m) => m.unitId === own) ? [own] : [];
    const others = members.filter((m) => m.unitId !== own);
    return (scorers === 'head' ? others.filter((m) => m.role !== 'head') : others).map((m) => m.unitId);
  }
}

/** self and peers: the cluster's members (as assignees or by fan-out); head: the cluster head; council: council members. */
function assigneeProblems(stage: StageDefinition, scorers: Scorers): StageProblem[] {
  const expected = ASSIGNEE_FOR[scorers];
  const assignees = stage.assignees ?? [];
  const byFanOut = stage.fanOut === 'each-member';
  const ok =
    scorers === 'self' || scorers === 'peers'
      ? assignees.every((rule) => rule === expected) && (byFanOut || assignees.length > 0)
      : !byFanOut && assignees.length > 0 && assignees.every((rule) => rule === expected);
  if (ok) return [];
  const byMembers = scorers === 'self' || scorers === 'peers';
  return [
    invalidSetting(
      'assignees',
      `scorers "${scorers}" cần assignees ${byMembers ? `["${expected}"] hoặc fanOut "each-member"` : `["${expected}"] (không có fanOut)`}`,
      `scorers "${scorers}" needs assignees ${byMembers ? `["${expected}"] or fanOut "each-member"` : `["${expected}"] (no fanOut)`}`,
    ),
  ];
}
