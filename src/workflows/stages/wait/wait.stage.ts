import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem } from '../stage-handler';

/** A timer: no tasks; when `due` arrives the stage ends with outcome `elapsed`. */
export class WaitStage implements StageHandler {
  readonly type = 'wait';
  readonly hasTasks = false;

  validate(stage: StageDefinition): StageProblem[] {
    const problems: StageProblem[] = [];
    if (!stage.due) problems.push({ path: 'due', code: 'DUE_REQUIRED', message: 'a wait stage needs a due rule' });
    for (const key of Object.keys(stage.settings ?? {})) problems.push({ path: `settings.${key}`, code: 'SETTING_UNKNOWN', message: `unknown setting "${key}"` });
    if (stage.assignees?.length || stage.fanOut) problems.push({ path: 'assignees', code: 'ASSIGNEES_NOT_ALLOWED', message: 'a wait stage has no assignees' });
    return problems;
  }

  outcomes(): string[] {
    return ['elapsed'];
  }

  taskOutcome() {
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(): Completion {
    return NOT_COMPLETE;
  }

  onDue(): Completion {
    return { complete: true, outcome: 'elapsed' };
  }
}
