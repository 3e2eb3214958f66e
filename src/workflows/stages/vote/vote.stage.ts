import { MAJORITY_OF_MEMBERS, NOMINATION_80_PERCENT, parseVotingRule, VotingRule } from '../../../modules/voting/rules/voting-rule';
import type { AssigneeRule, StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, quoted, unknownSettings } from '../stage-problems';
import { votingRuleProblems } from './voting-rule-problems';

/**
 * What a vote stage votes on:
 * - `document` (default): the latest version of the campaign's pact document, bound by its hash; member units vote;
 * - `ranking-leaders`: the suy tôn of the leading units of the campaign's ranking (`context.ranking`), a candidate poll
 *   of the member units, by default by secret ballot with at least 4/5 of all members agreeing;
 * - `acclaimed`: the council's vote on the proposal for the acclaimed units (`context.acclaimed`), a candidate poll of
 *   the stage's people (council members), by default open, more than half of them;
 * - `proposals`: the council's review (bình xét) of the proposals the campaign's propose stage made, a candidate poll
 *   of the stage's people, each proposal passed or not on its own, by default by the rule pack of the campaign's year
 *   (the strictest council rule of the titles proposed).
 */
export const VOTE_SUBJECTS = ['document', 'ranking-leaders', 'acclaimed', 'proposals'] as const;

export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/** Subjects on which the council (people, one ballot each) votes, not the member units. */
const COUNCIL_SUBJECTS: readonly VoteSubject[] = ['acclaimed', 'proposals'];

export interface VoteStageSettings {
  subject?: VoteSubject;
  /** A voting rule as data (see voting-rule.ts); by default the subject's rule (see defaultRuleOf). */
  rule?: unknown;
}

export const voteSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as VoteStageSettings;

export const voteSubjectOf = (stage: StageDefinition): VoteSubject => voteSettingsOf(stage).subject ?? 'document';

/**
 * The rule when the stage gives none: nominations by secret ballot, at least 4/5 of all member units (agree × 5 ≥
 * members × 4, the rule pack's 80%); the council's vote and the pact's by more than half of all members, open.
 */
export function defaultRuleOf(subject: VoteSubject): VotingRule {
  return subject === 'ranking-leaders' ? NOMINATION_80_PERCENT : MAJORITY_OF_MEMBERS;
}

/** The stage's rule, parsed; publishing has checked it, so a failure here is a bug. */
export function voteRuleOf(stage: StageDefinition): VotingRule {
  const { rule } = voteSettingsOf(stage);
  return rule === undefined ? defaultRuleOf(voteSubjectOf(stage)) : parseVotingRule(rule);
}

/** Assignees that are people, not units: the electorate of a council's vote. */
const isPersonAssignee = (rule: AssigneeRule) => rule === 'council-member' || rule === 'admin' || (typeof rule === 'object' && 'person' in rule);

/** Until the effects count the ballots, the handler only knows that voting is over. */
export const VOTE_DECIDED = 'decided';

/**
 * Member units (or, for the council's vote, council members) vote on one fixed subject (biểu quyết): a document
 * version or a list of candidate units. Each task is done when its ballot is cast; the stage ends when everyone has
 * voted or at its due time, and its effects (vote.effects.ts) close the poll and
 * turn the count into the outcome: `passed`, `failed`, `no-quorum` or `tie`.
 */
export class VoteStage implements StageHandler {
  readonly type = 'vote';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { subject, rule, ...rest } = voteSettingsOf(stage);
    const problems: StageProblem[] = [];
    if (subject !== undefined && !(VOTE_SUBJECTS as readonly unknown[]).includes(subject)) {
      problems.push(invalidSetting('settings.subject', `subject phải là một trong ${quoted(VOTE_SUBJECTS)}`, `subject must be one of ${quoted(VOTE_SUBJECTS)}`));
    }
    if (rule !== undefined) problems.push(...votingRuleProblems(rule, 'settings.rule'));
    if (subject !== undefined && COUNCIL_SUBJECTS.includes(subject)) {
      // The council votes: one ballot per person, so the electorate is the stage's people and never the member units.
      if (stage.fanOut !== undefined) problems.push(invalidSetting('fanOut', `Hội đồng biểu quyết (subject "${subject}") theo từng người: bỏ fanOut`, `the council's vote (subject "${subject}") is cast by people: leave fanOut out`));
      const assignees = stage.assignees ?? [];
      if (!assignees.length || !assignees.every(isPersonAssignee)) {
        problems.push(
          invalidSetting(
            'assignees',
            `Hội đồng biểu quyết (subject "${subject}") cần người thực hiện là cá nhân: "council-member", "admin" hoặc { "person": tên đăng nhập }`,
            `the council's vote (subject "${subject}") needs people as assignees: "council-member", "admin" or { "person": username }`,
          ),
        );
      }
    } else if (stage.fanOut !== 'each-member') {
      problems.push(invalidSetting('fanOut', 'Bước biểu quyết cần fanOut "each-member": mỗi đơn vị thành viên một phiếu', 'a vote stage needs fanOut "each-member": one ballot per member unit'));
    }
    problems.push(...unknownSettings(rest));
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
