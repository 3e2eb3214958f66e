import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, unknownSettings } from '../stage-problems';

export interface AcknowledgeSettings {
  /** `all` (default), `any`, or `quorum` with an exact fraction of the assignees. */
  completion?: 'all' | 'any' | 'quorum';
  quorum?: { numerator: number; denominator: number };
}

const settingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as AcknowledgeSettings;
const isPositiveInt = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;

/**
 * Each assignee confirms. Complete when all, any, or a quorum of them have: the quorum is an exact
 * fraction compared with integers (confirmed × denominator ≥ assignees × numerator), never floats.
 */
export class AcknowledgeStage implements StageHandler {
  readonly type = 'acknowledge';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { completion = 'all', quorum, ...rest } = settingsOf(stage);
    const problems = unknownSettings(rest);
    if (!['all', 'any', 'quorum'].includes(completion)) {
      problems.push(invalidSetting('settings.completion', 'completion phải là "all", "any" hoặc "quorum"', 'must be all, any or quorum'));
    }
    if (completion === 'quorum') {
      if (!quorum || !isPositiveInt(quorum.numerator) || !isPositiveInt(quorum.denominator) || quorum.numerator > quorum.denominator) {
        problems.push(invalidSetting('settings.quorum', 'quorum cần hai số nguyên 0 < numerator ≤ denominator', 'quorum needs integers 0 < numerator ≤ denominator'));
      }
    } else if (quorum !== undefined) {
      problems.push(invalidSetting('settings.quorum', 'quorum chỉ dùng khi completion là "quorum"', 'quorum is only used with completion "quorum"'));
    }
    return problems;
  }

  outcomes(): string[] {
    return ['acknowledged'];
  }

  taskOutcome(_stage: StageDefinition, command: string) {
    return command === 'acknowledge' ? { outcome: 'acknowledged' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(stage: StageDefinition, tasks: TaskView[]): Completion {
    const { completion = 'all', quorum } = settingsOf(stage);
    const counted = tasks.filter((t) => t.status !== 'cancelled');
    const done = counted.filter((t) => t.status === 'done').length;
    const total = counted.length;
    let complete: boolean;
    if (completion === 'any') complete = done >= 1;
    else if (completion === 'quorum') complete = done > 0 && done * quorum!.denominator >= total * quorum!.numerator;
    else complete = total > 0 && done === total;
    return complete ? { complete: true, outcome: 'acknowledged' } : NOT_COMPLETE;
  }
}
