import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { notBoolean, unknownSettings } from '../stage-problems';

interface ReviewSettings {
  /** A return must say why (default true). */
  commentRequiredOnReturn?: boolean;
}

const settingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as ReviewSettings;

/** A role approves or returns with a comment; the first decision decides (outcomes `approved` / `returned`). */
export class ReviewStage implements StageHandler {
  readonly type = 'review';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const problems: StageProblem[] = [];
    const { commentRequiredOnReturn, ...rest } = settingsOf(stage);
    if (commentRequiredOnReturn !== undefined && typeof commentRequiredOnReturn !== 'boolean') {
      problems.push(notBoolean('settings.commentRequiredOnReturn'));
    }
    problems.push(...unknownSettings(rest));
    return problems;
  }

  outcomes(): string[] {
    return ['approved', 'returned'];
  }

  taskOutcome(stage: StageDefinition, command: string, input: { comment?: string }) {
    if (command === 'approve') return { outcome: 'approved' };
    if (command === 'return') {
      const needsComment = settingsOf(stage).commentRequiredOnReturn !== false;
      return needsComment && !input.comment?.trim() ? { problem: 'COMMENT_REQUIRED' as const } : { outcome: 'returned' };
    }
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    const decided = tasks.find((t) => t.status === 'done' && t.outcome);
    return decided ? { complete: true, outcome: decided.outcome! } : NOT_COMPLETE;
  }
}
