import type { Text } from '../../common/i18n/language';
import type { AssigneeRule, StageDefinition } from '../definitions/workflow-document';

/** A problem found in a stage definition; `path` is relative to the stage (e.g. `settings.completion`), the message in both languages. */
export interface StageProblem {
  path: string;
  code: string;
  message: Text;
}

/** What a handler sees of a stage run's tasks when deciding completion. */
export interface TaskView {
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
}

/** A member unit of the campaign's subject, as pairing stages see it. */
export interface SubjectMember {
  unitId: string;
  role: 'head' | 'deputy' | 'member';
}

export type Completion = { complete: false } | { complete: true; outcome: string };

export const NOT_COMPLETE: Completion = { complete: false };

/**
 * One stage type. Handlers are stateless and pure: the runner owns the database, the tasks and the
 * transitions, and asks the handler only what the stage type decides.
 */
export interface StageHandler {
  readonly type: string;
  /** Whether entering the stage creates a task per assignee (and so needs assignees). */
  readonly hasTasks: boolean;
  /** A terminal stage ends the campaign when entered. */
  readonly terminal?: boolean;

  /**
   * Checks the stage's settings and anything else the type requires; run when a version is published. `workflow`
   * gives the other stages, for settings that name them (a rank stage's score stages).
   */
  validate(stage: StageDefinition, workflow?: { stages: Record<string, StageDefinition> }): StageProblem[];

  /** Every outcome the stage can end with (each needs a target in `on`, except for terminal stages). */
  outcomes(stage: StageDefinition): string[];

  /** Commands an assignee may send on a task, mapped to the outcome recorded on the task. */
  taskOutcome(stage: StageDefinition, command: string, input: { comment?: string; withRecord?: boolean }): { outcome: string } | { problem: 'UNKNOWN_COMMAND' | 'COMMENT_REQUIRED' };

  /** Whether the stage is complete now, and with which outcome. */
  evaluate(stage: StageDefinition, tasks: TaskView[]): Completion;

  /** For timer stages: the outcome when the due time arrives. Others follow the stage's deadline policy. */
  onDue?(stage: StageDefinition): Completion;

  /**
   * For stages whose tasks are each about one unit (a score sheet): the ids of the units this assignee gets a
   * task about, from the subject's member units. Absent → one task per assignee.
   */
  taskSubjects?(stage: StageDefinition, assignee: { unitId?: string; personId?: string }, members: SubjectMember[]): string[];

  /**
   * Who reviews each completed task (accept, or return to its assignee), when the stage is configured so;
   * undefined when tasks are final once done.
   */
  reviewers?(stage: StageDefinition): AssigneeRule[] | undefined;
}
