import type { LocalText, StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, unknownSettings } from '../stage-problems';

export interface ProposeStageSettings {
  /** The titles a unit may propose its people for, by the rule pack's codes, e.g. `["LDTT", "CSTDCS"]`. */
  titles: string[];
  /**
   * What a proposal must show, for a thematic commendation (khen thưởng theo chuyên đề): the movement's own criteria,
   * shown to every unit on its task.
   */
  criteria?: LocalText;
}

export const proposeSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as unknown as ProposeStageSettings;

/** Rule packs' title codes: upper-case letters, digits and hyphens (`CSTD-NGANH`). */
const PACK_TITLE_CODE = /^[A-Z0-9][A-Z0-9-]{0,63}$/;
const MAX_TITLES = 10;

/**
 * Each member unit proposes its people for the year's individual titles (đề nghị danh hiệu thi đua cá nhân), from its
 * staff list: the proposals API judges each candidate by the rule pack of the campaign's year and the unit's caps, and
 * records the unit's proposals as its task completes (an empty list is a unit proposing nobody). The stage ends when
 * every unit has answered, or at its due time with what was proposed; a later vote stage (subject `proposals`) puts
 * them to the council.
 */
export class ProposeStage implements StageHandler {
  readonly type = 'propose';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { titles, criteria, ...rest } = proposeSettingsOf(stage);
    const problems = unknownSettings(rest);
    if (criteria !== undefined && !isLocalText(criteria)) {
      problems.push(invalidSetting('settings.criteria', 'criteria phải là văn bản hoặc { "vi": văn bản, "en"?: văn bản }', 'criteria must be a text or { "vi": text, "en"?: text }'));
    }
    const valid = Array.isArray(titles) && titles.length > 0 && titles.length <= MAX_TITLES && titles.every((code) => typeof code === 'string' && PACK_TITLE_CODE.test(code));
    if (!valid) {
      problems.push(
        invalidSetting(
          'settings.titles',
          `titles phải liệt kê từ 1 đến ${MAX_TITLES} mã danh hiệu của bộ quy tắc, ví dụ ["LDTT", "CSTDCS"]`,
          `titles must list 1 to ${MAX_TITLES} title codes of the rule pack, e.g. ["LDTT", "CSTDCS"]`,
        ),
      );
    } else if (new Set(titles).size !== titles.length) {
      problems.push(invalidSetting('settings.titles', 'Một danh hiệu bị liệt kê hai lần trong titles', 'a title is listed twice in titles'));
    }
    if (stage.fanOut !== 'each-member' && !stage.assignees?.length) {
      problems.push(invalidSetting('fanOut', 'Bước đề nghị cần fanOut "each-member" (mỗi đơn vị thành viên đề nghị người của mình) hoặc người thực hiện', 'a propose stage needs fanOut "each-member" (each member unit proposes its people) or assignees'));
    }
    return problems;
  }

  /** `none` when no unit proposed anyone (its effects count the campaign's proposals): there is nothing to review. */
  outcomes(): string[] {
    return ['proposed', 'none'];
  }

  /** `propose` only through the proposals API, which records the unit's proposals in the same transaction. */
  taskOutcome(_stage: StageDefinition, command: string, input: { withRecord?: boolean }) {
    return command === 'propose' && input.withRecord === true ? { outcome: 'proposed' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    const counted = tasks.filter((task) => task.status !== 'cancelled');
    return counted.length > 0 && counted.every((task) => task.status === 'done') ? { complete: true, outcome: 'proposed' } : NOT_COMPLETE;
  }

  /** At the due time the council goes on with what was proposed; a unit that did not answer proposed nobody. */
  onDue(): Completion {
    return { complete: true, outcome: 'proposed' };
  }
}

/** A text, or `{ vi, en? }` with a Vietnamese text; at most 4,000 characters each. */
function isLocalText(value: unknown): value is LocalText {
  const text = (candidate: unknown) => typeof candidate === 'string' && candidate.trim().length > 0 && candidate.length <= 4000;
  if (typeof value === 'string') return text(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { vi, en, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && text(vi) && (en === undefined || text(en));
}
