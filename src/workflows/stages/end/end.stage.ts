import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, StageHandler, StageProblem } from '../stage-handler';
import { noAssignees } from '../stage-problems';

/** The end of the workflow: entering it completes the campaign. */
export class EndStage implements StageHandler {
  readonly type = 'end';
  readonly hasTasks = false;
  readonly terminal = true;

  validate(stage: StageDefinition): StageProblem[] {
    const problems: StageProblem[] = [];
    if (stage.on && Object.keys(stage.on).length) problems.push({ path: 'on', code: 'TRANSITIONS_NOT_ALLOWED', message: { vi: 'Bước kết thúc không chuyển tiếp sang bước nào', en: 'an end stage has no outgoing transitions' } });
    if (stage.assignees?.length || stage.fanOut) problems.push(noAssignees('end'));
    if (stage.due) problems.push({ path: 'due', code: 'DUE_NOT_ALLOWED', message: { vi: 'Bước kết thúc không có thời hạn', en: 'an end stage has no due date' } });
    return problems;
  }

  outcomes(): string[] {
    return [];
  }

  taskOutcome() {
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(): Completion {
    return { complete: true, outcome: 'end' };
  }
}
