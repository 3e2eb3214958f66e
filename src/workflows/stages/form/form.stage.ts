import { AssigneeRule, ROLE_ASSIGNEES, StageDefinition } from '../../definitions/workflow-document';
import { AcknowledgeStage } from '../acknowledge/acknowledge.stage';
import { Completion, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, notBoolean } from '../stage-problems';

export interface FormStageSettings {
  /** Key of the form each assignee fills in, e.g. `pact/title-registration`; its latest version is pinned at launch. */
  form: string;
  /** `all` (default), `any`, or `quorum` with an exact fraction of the assignees, as for acknowledge. */
  completion?: 'all' | 'any' | 'quorum';
  quorum?: { numerator: number; denominator: number };
  /** A submitted form may be sent again (replacing the data) until the task's due time, while the stage is open. */
  allowResubmitUntilDue?: boolean;
  /** Late submissions are accepted and flagged (default), or refused with `false`. */
  acceptLate?: boolean;
  /**
   * Each submission is reviewed by these (e.g. `["cluster-head"]`): accepted, or returned with a reason, which
   * reopens the unit's task with its data kept as a draft. Completion then counts accepted submissions only.
   */
  review?: { by: AssigneeRule[] };
}

export const formSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as unknown as FormStageSettings;

/** Form keys look like the files they come from: `<domain>/<name>`, lower-case words joined by hyphens. */
const FORM_KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

/** What the engine tells a form stage about a command: only the submission API records form data. */
export interface FormCommandInput {
  comment?: string;
  /** True when the command carries a validated submission stored in the same transaction. */
  withRecord?: boolean;
}

/**
 * Each assignee fills in and submits a form (biểu mẫu). Completion counts submitted tasks exactly like
 * acknowledge counts confirmations. The form's existence is checked when a workflow is published (it
 * needs the database, see WorkflowDefinitionsService), the version is pinned when a campaign is launched.
 */
export class FormStage implements StageHandler {
  readonly type = 'form';
  readonly hasTasks = true;
  private readonly counting = new AcknowledgeStage();

  validate(stage: StageDefinition): StageProblem[] {
    const { form, allowResubmitUntilDue, acceptLate, completion, quorum, review, ...rest } = formSettingsOf(stage);
    const problems: StageProblem[] = [];
    if (typeof form !== 'string' || !FORM_KEY.test(form) || form.length > 150) {
      problems.push(invalidSetting('settings.form', 'form phải là mã của một biểu mẫu, ví dụ "pact/title-registration"', 'form must be the key of a form, e.g. "pact/title-registration"'));
    }
    for (const [key, value] of Object.entries({ allowResubmitUntilDue, acceptLate })) {
      if (value !== undefined && typeof value !== 'boolean') problems.push(notBoolean(`settings.${key}`));
    }
    if (review !== undefined && !isReviewSetting(review)) {
      problems.push(
        invalidSetting(
          'settings.review',
          `review phải có dạng { "by": [người duyệt] }, mỗi người là một trong ${ROLE_ASSIGNEES.join(', ')}, { "unit": mã đơn vị } hoặc { "person": tên đăng nhập }`,
          `review must be { "by": [assignees] }, each one of ${ROLE_ASSIGNEES.join(', ')}, { "unit": code } or { "person": username }`,
        ),
      );
    }
    // Completion, quorum and unknown keys are judged by the same rules as acknowledge.
    const counted = { ...stage, settings: { ...(completion !== undefined ? { completion } : {}), ...(quorum !== undefined ? { quorum } : {}), ...rest } };
    return [...problems, ...this.counting.validate(counted)];
  }

  outcomes(): string[] {
    return ['submitted'];
  }

  /** `submit` only through the submission API: a bare command would complete the task without any data. */
  taskOutcome(_stage: StageDefinition, command: string, input: FormCommandInput) {
    return command === 'submit' && input.withRecord === true ? { outcome: 'submitted' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  /** With review, a submission counts once accepted; one awaiting review is still to do. */
  evaluate(stage: StageDefinition, tasks: TaskView[]): Completion {
    const reviewed = formSettingsOf(stage).review !== undefined;
    const counted = reviewed ? tasks.map((task) => (task.status === 'done' && task.outcome !== 'accepted' ? { status: 'open' as const, outcome: null } : task)) : tasks;
    const verdict = this.counting.evaluate(stage, counted);
    return verdict.complete ? { complete: true, outcome: 'submitted' } : verdict;
  }

  reviewers(stage: StageDefinition): AssigneeRule[] | undefined {
    return formSettingsOf(stage).review?.by;
  }
}

const isAssigneeRule = (rule: unknown): rule is AssigneeRule =>
  (typeof rule === 'string' && (ROLE_ASSIGNEES as readonly string[]).includes(rule)) ||
  (typeof rule === 'object' && rule !== null && Object.keys(rule).length === 1 && (typeof (rule as { unit?: unknown }).unit === 'string' || typeof (rule as { person?: unknown }).person === 'string'));

function isReviewSetting(value: unknown): value is { by: AssigneeRule[] } {
  if (typeof value !== 'object' || value === null || Object.keys(value).some((key) => key !== 'by')) return false;
  const by = (value as { by?: unknown }).by;
  return Array.isArray(by) && by.length > 0 && by.every(isAssigneeRule);
}
