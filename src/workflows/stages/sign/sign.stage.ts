import { SIGNATURE_METHODS, SignatureMethod } from '../../../modules/signing/entities/signature.entity';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';

export interface SignStageSettings {
  /** What is signed: `adopted`, the version the preceding vote adopted (bound by its hash, never "the latest"). */
  document?: 'adopted';
  /** Mandate roles that may sign for a unit; the unit's head by default. */
  signerRoles?: Array<'head' | 'deputy'>;
  /** Methods a unit may use; all three by default. */
  methods?: SignatureMethod[];
  /** `all`: the pact is in force when every member unit has signed. */
  completion?: 'all';
}

export const signSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as SignStageSettings;

export const SIGNED = 'signed';
export const DECLINED = 'declined';

/**
 * Each member unit signs the adopted text (ký kết giao ước): its task is done with `signed` when a valid signature
 * is recorded (sign-task.service.ts, in the same transaction), or with `declined`, with a required reason. One
 * decline ends the stage with `declined` (the pact goes back to discussion per the workflow); when every unit has
 * signed the stage ends with `signed` and its effects put the pact in force.
 */
export class SignStage implements StageHandler {
  readonly type = 'sign';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { document, signerRoles, methods, completion, ...rest } = signSettingsOf(stage);
    const problems: StageProblem[] = [];
    if (document !== undefined && document !== 'adopted') problems.push({ path: 'settings.document', code: 'SETTING_INVALID', message: 'document must be "adopted"' });
    if (signerRoles !== undefined && (!Array.isArray(signerRoles) || !signerRoles.length || signerRoles.some((role) => role !== 'head' && role !== 'deputy'))) {
      problems.push({ path: 'settings.signerRoles', code: 'SETTING_INVALID', message: 'signerRoles must be a non-empty list of "head" and "deputy"' });
    }
    if (methods !== undefined && (!Array.isArray(methods) || !methods.length || methods.some((method) => !SIGNATURE_METHODS.includes(method)))) {
      problems.push({ path: 'settings.methods', code: 'SETTING_INVALID', message: `methods must be a non-empty list of ${SIGNATURE_METHODS.map((m) => `"${m}"`).join(', ')}` });
    }
    if (completion !== undefined && completion !== 'all') problems.push({ path: 'settings.completion', code: 'SETTING_INVALID', message: 'completion must be "all"' });
    if (stage.fanOut !== 'each-member') problems.push({ path: 'fanOut', code: 'SETTING_INVALID', message: 'a sign stage needs fanOut "each-member": one signature per member unit' });
    for (const key of Object.keys(rest)) problems.push({ path: `settings.${key}`, code: 'SETTING_UNKNOWN', message: `unknown setting "${key}"` });
    return problems;
  }

  outcomes(): string[] {
    return [SIGNED, DECLINED];
  }

  /**
   * Both only through the signing API (`withRecord`), which checks the signer's mandate role: `sign` with its
   * signature recorded in the same transaction, `decline` with a reason.
   */
  taskOutcome(_stage: StageDefinition, command: string, input: { comment?: string; withRecord?: boolean }) {
    if (input.withRecord !== true) return { problem: 'UNKNOWN_COMMAND' as const };
    if (command === 'sign') return { outcome: SIGNED };
    if (command === 'decline') return input.comment?.trim() ? { outcome: DECLINED } : { problem: 'COMMENT_REQUIRED' as const };
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    if (tasks.some((task) => task.status === 'done' && task.outcome === DECLINED)) return { complete: true, outcome: DECLINED };
    const counted = tasks.filter((task) => task.status !== 'cancelled');
    return counted.length > 0 && counted.every((task) => task.status === 'done' && task.outcome === SIGNED) ? { complete: true, outcome: SIGNED } : NOT_COMPLETE;
  }
}
