import { MAJORITY_OF_MEMBERS, parseVotingRule, VotingRule } from '../../../modules/voting/rules/voting-rule';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, unknownSettings } from '../stage-problems';
import { votingRuleProblems } from '../vote/voting-rule-problems';

export interface DiscussionStageSettings {
  /** Where the document comes from when the campaign has none yet: the submitted form of this key (the pact draft). */
  document?: { fromForm: string };
  /** How each amendment is decided: a vote of the member units under this rule (default: more than half of members). */
  amendmentRule?: unknown;
}

export const discussionSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as DiscussionStageSettings;

export function amendmentRuleOf(stage: StageDefinition): VotingRule {
  const { amendmentRule } = discussionSettingsOf(stage);
  return amendmentRule === undefined ? MAJORITY_OF_MEMBERS : parseVotingRule(amendmentRule);
}

/**
 * Collective discussion of the campaign's document (thảo luận): member units comment on clauses and propose
 * amendments, each put to a vote of the members. The assignee (usually the cluster head) closes the discussion
 * with `close`, or the due time does; its effects then decide the amendments and merge the accepted ones into
 * the next version of the document. Outcome: `closed`.
 */
export class DiscussionStage implements StageHandler {
  readonly type = 'discussion';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { document, amendmentRule, ...rest } = discussionSettingsOf(stage);
    const problems: StageProblem[] = [];
    if (document !== undefined && (typeof document !== 'object' || document === null || typeof document.fromForm !== 'string' || Object.keys(document).length !== 1)) {
      problems.push(invalidSetting('settings.document', 'document phải có dạng { "fromForm": "<mã biểu mẫu>" }', 'document must be { "fromForm": "<form key>" }'));
    }
    if (amendmentRule !== undefined) problems.push(...votingRuleProblems(amendmentRule, 'settings.amendmentRule'));
    problems.push(...unknownSettings(rest));
    return problems;
  }

  outcomes(): string[] {
    return ['closed'];
  }

  taskOutcome(_stage: StageDefinition, command: string, _input: { comment?: string } = {}) {
    return command === 'close' ? { outcome: 'closed' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    return tasks.some((task) => task.status === 'done' && task.outcome === 'closed') ? { complete: true, outcome: 'closed' } : NOT_COMPLETE;
  }

  /** The discussion ends at its due time. */
  onDue(): Completion {
    return { complete: true, outcome: 'closed' };
  }
}
