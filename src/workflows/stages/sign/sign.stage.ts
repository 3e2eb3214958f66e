import { SIGNATURE_METHODS, SignatureMethod } from '../../../modules/signing/entities/signature.entity';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, quoted, unknownSettings } from '../stage-problems';

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
    if (document !== undefined && document !== 'adopted') problems.push(invalidSetting('settings.document', 'document phải là "adopted"', 'document must be "adopted"'));
    if (signerRoles !== undefined && (!Array.isArray(signerRoles) || !signerRoles.length || signerRoles.some((role) => role !== 'head' && role !== 'deputy'))) {
      problems.push(invalidSetting('settings.signerRoles', 'signerRoles phải là danh sách không rỗng gồm "head" và "deputy"', 'signerRoles must be a non-empty list of "head" and "deputy"'));
    }
    if (methods !== undefined && (!Array.isArray(methods) || !methods.length || methods.some((method) => !SIGNATURE_METHODS.includes(method)))) {
      problems.push(invalidSetting('settings.methods', `methods phải là danh sách không rỗng gồm ${quoted(SIGNATURE_METHODS)}`, `methods must be a non-empty list of ${quoted(SIGNATURE_METHODS)}`));
    }
    if (completion !== undefined && completion !== 'all') problems.push(invalidSetting('settings.completion', 'completion phải là "all"', 'completion must be "all"'));
    if (stage.fanOut !== 'each-member') problems.push(invalidSetting('fanOut', 'Bước ký cần fanOut "each-member": mỗi đơn vị thành viên ký một lần', 'a sign stage needs fanOut "each-member": one signature per member unit'));
    problems.push(...unknownSettings(rest));
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
