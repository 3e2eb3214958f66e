import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem } from '../stage-handler';
import { noAssignees, unknownSettings } from '../stage-problems';

/** A timer: no tasks; when `due` arrives the stage ends with outcome `elapsed`. */
export class WaitStage implements StageHandler {
  readonly type = 'wait';
  readonly hasTasks = false;

  validate(stage: StageDefinition): StageProblem[] {
    const problems: StageProblem[] = [];
    if (!stage.due) problems.push({ path: 'due', code: 'DUE_REQUIRED', message: { vi: 'Bước chờ cần quy tắc thời hạn (due)', en: 'a wait stage needs a due rule' } });
    problems.push(...unknownSettings(stage.settings ?? {}));
    if (stage.assignees?.length || stage.fanOut) problems.push(noAssignees('wait'));
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
