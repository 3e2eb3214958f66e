import { AppError } from '../../../common/errors/app-error';
import { MAJORITY_OF_MEMBERS, parseVotingRule, VotingRule } from '../../../modules/voting/rules/voting-rule';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';

export interface VoteStageSettings {
  /** What is voted on: `document`, the latest version of the campaign's pact document (bound by its hash). */
  subject?: 'document';
  /** A voting rule as data (see voting-rule.ts); by default more than half of all member units, open ballot. */
  rule?: unknown;
}

export const voteSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as VoteStageSettings;

/** The stage's rule, parsed; publishing has checked it, so a failure here is a bug. */
export function voteRuleOf(stage: StageDefinition): VotingRule {
  const { rule } = voteSettingsOf(stage);
  return rule === undefined ? MAJORITY_OF_MEMBERS : parseVotingRule(rule);
}

/** Until the effects count the ballots, the handler only knows that voting is over. */
export const VOTE_DECIDED = 'decided';

/**
 * Member units vote on one fixed subject (biểu quyết). Each unit's task is done when it has cast a ballot; the
 * stage ends when every unit has voted or at its due time, and its effects (vote.effects.ts) close the poll and
 * turn the count into the outcome: `passed`, `failed`, `no-quorum` or `tie`.
 */
export class VoteStage implements StageHandler {
  readonly type = 'vote';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { subject, rule, ...rest } = voteSettingsOf(stage);
    const problems: StageProblem[] = [];
    if (subject !== undefined && subject !== 'document') problems.push({ path: 'settings.subject', code: 'SETTING_INVALID', message: 'subject must be "document"' });
    if (rule !== undefined) {
      try {
        parseVotingRule(rule);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const details = Array.isArray(error.details) ? (error.details as Array<{ path?: string; message?: string }>) : [];
        for (const problem of details.length ? details : [{ path: '', message: error.code }]) {
          problems.push({ path: `settings.rule${(problem.path ?? '').replace(/^\$/, '')}`, code: 'SETTING_INVALID', message: problem.message ?? 'invalid rule' });
        }
      }
    }
    if (stage.fanOut !== 'each-member') problems.push({ path: 'fanOut', code: 'SETTING_INVALID', message: 'a vote stage needs fanOut "each-member": one ballot per member unit' });
    for (const key of Object.keys(rest)) problems.push({ path: `settings.${key}`, code: 'SETTING_UNKNOWN', message: `unknown setting "${key}"` });
    return problems;
  }

  outcomes(): string[] {
    return ['passed', 'failed', 'no-quorum', 'tie'];
  }

  /** `vote` only through the ballot API, which records the ballot in the same transaction. */
  taskOutcome(_stage: StageDefinition, command: string, input: { withRecord?: boolean }) {
    return command === 'vote' && input.withRecord === true ? { outcome: 'voted' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    const counted = tasks.filter((task) => task.status !== 'cancelled');
    return counted.length > 0 && counted.every((task) => task.status === 'done') ? { complete: true, outcome: VOTE_DECIDED } : NOT_COMPLETE;
  }

  /** The poll closes at the due time with the ballots cast so far. */
  onDue(): Completion {
    return { complete: true, outcome: VOTE_DECIDED };
  }
}
