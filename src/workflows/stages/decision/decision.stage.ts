import { AWARD_KINDS, type AwardKind, type AwardLabel } from '../../../modules/commendations/entities/commendation-record.entity';
import type { LocalText, StageDefinition } from '../../definitions/workflow-document';
import { Completion, NOT_COMPLETE, StageHandler, StageProblem, TaskView } from '../stage-handler';
import { invalidSetting, quoted, unknownSettings } from '../stage-problems';

/**
 * Whom an award goes to: the units the council approved (else those acclaimed), the leading units of the ranking, or
 * the title proposals the council's review passed (each with its own title, from the rule pack).
 */
export const AWARD_TARGETS = ['acclaimed', 'ranking-top', 'proposals'] as const;
export type AwardTarget = (typeof AWARD_TARGETS)[number];

/** A configured title or commendation for units. */
export interface UnitAward {
  to: Exclude<AwardTarget, 'proposals'>;
  /** Code of the title or commendation form, e.g. `co-thi-dua-vksndtc`. */
  title: string;
  label: AwardLabel;
  /** `title` (danh hiệu thi đua, default) or `form` (hình thức khen thưởng, e.g. Bằng khen). */
  kind?: AwardKind;
}

/** The approved proposals, each awarded the title it was proposed for: no title or label of its own. */
export interface ProposalsAward {
  to: 'proposals';
}

export type DecisionAward = UnitAward | ProposalsAward;

export const isUnitAward = (award: DecisionAward): award is UnitAward => award.to !== 'proposals';

export interface DecisionStageSettings {
  awards: DecisionAward[];
  /** Who issues the decision by default, e.g. "Viện trưởng Viện kiểm sát nhân dân tối cao". */
  issuer?: LocalText;
}

export const decisionSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as unknown as DecisionStageSettings;

/** Title codes look like form keys' words: lower-case letters, digits and hyphens. */
export const TITLE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_AWARDS = 20;
const AWARD_KEYS = ['to', 'title', 'label', 'kind'];

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

function labelProblems(label: unknown, path: string): StageProblem[] {
  const ok =
    typeof label === 'object' && label !== null && !Array.isArray(label) &&
    Object.keys(label).every((key) => key === 'vi' || key === 'en') &&
    isText((label as AwardLabel).vi, 255) &&
    ((label as AwardLabel).en === undefined || isText((label as AwardLabel).en, 255));
  return ok ? [] : [invalidSetting(path, 'label phải có dạng { "vi": văn bản, "en"?: văn bản } (mỗi văn bản tối đa 255 ký tự)', 'label must be { "vi": text, "en"?: text } (at most 255 characters each)')];
}

function awardProblems(award: unknown, index: number): StageProblem[] {
  const path = `settings.awards[${index}]`;
  if (typeof award !== 'object' || award === null || Array.isArray(award)) return [invalidSetting(path, 'Mỗi hình thức khen thưởng phải là một đối tượng { to, title, label }', 'an award must be an object { to, title, label }')];
  const { to, title, label, kind } = award as Record<string, unknown>;
  if (to === 'proposals') {
    // Each approved proposal is awarded the title it was proposed for, named by the rule pack.
    return Object.keys(award)
      .filter((key) => key !== 'to')
      .map((key) => invalidSetting(`${path}.${key}`, `Khen thưởng theo đề nghị (to "proposals") lấy danh hiệu của từng đề nghị: bỏ "${key}"`, `an award to "proposals" takes each proposal's own title: leave "${key}" out`));
  }
  const problems: StageProblem[] = Object.keys(award)
    .filter((key) => !AWARD_KEYS.includes(key))
    .map((key) => ({ path: `${path}.${key}`, code: 'SETTING_UNKNOWN', message: { vi: `Trường "${key}" không có trong một hình thức khen thưởng`, en: `unknown award field "${key}"` } }));
  if (!(AWARD_TARGETS as readonly unknown[]).includes(to)) problems.push(invalidSetting(`${path}.to`, `to phải là một trong ${quoted(AWARD_TARGETS)}`, `to must be one of ${quoted(AWARD_TARGETS)}`));
  if (typeof title !== 'string' || !TITLE_CODE.test(title)) problems.push(invalidSetting(`${path}.title`, 'title phải là mã gồm chữ thường, chữ số và dấu gạch ngang, ví dụ "co-thi-dua-vksndtc"', 'title must be a code of lower-case letters, digits and hyphens, e.g. "co-thi-dua-vksndtc"'));
  problems.push(...labelProblems(label, `${path}.label`));
  if (kind !== undefined && !(AWARD_KINDS as readonly unknown[]).includes(kind)) problems.push(invalidSetting(`${path}.kind`, `kind phải là một trong ${quoted(AWARD_KINDS)}`, `kind must be one of ${quoted(AWARD_KINDS)}`));
  return problems;
}

function issuerProblems(issuer: unknown): StageProblem[] {
  if (issuer === undefined || isText(issuer, 255)) return [];
  return labelProblems(issuer, 'settings.issuer').map((problem) => ({ ...problem, message: { vi: 'issuer phải là văn bản hoặc { "vi": văn bản, "en"?: văn bản }', en: 'issuer must be a text or { "vi": text, "en"?: text }' } }));
}

/**
 * The council's decision (quyết định khen thưởng): a person or role (e.g. `admin`) records its number, signing day
 * and issuer, and the commendations it makes, by default the configured awards to the approved (acclaimed) units or
 * the ranking's leaders. The first assignee to record completes the stage with `decided`; the others' tasks close.
 * Recording goes through the decision API only (decision-task.service.ts), which stores it in the engine's transaction.
 */
export class DecisionStage implements StageHandler {
  readonly type = 'decision';
  readonly hasTasks = true;

  validate(stage: StageDefinition): StageProblem[] {
    const { awards, issuer, ...rest } = decisionSettingsOf(stage);
    const problems = unknownSettings(rest);
    if (!Array.isArray(awards) || awards.length === 0 || awards.length > MAX_AWARDS) {
      problems.push(invalidSetting('settings.awards', `awards phải liệt kê từ 1 đến ${MAX_AWARDS} hình thức khen thưởng { to, title, label }`, `awards must list 1 to ${MAX_AWARDS} awards { to, title, label }`));
    } else {
      awards.forEach((award, index) => problems.push(...awardProblems(award, index)));
      const seen = new Set<string>();
      awards.forEach((award, index) => {
        const title = award && isUnitAward(award) ? award.title : '';
        const key = `${award?.to}:${title}`;
        if (seen.has(key)) problems.push(invalidSetting(`settings.awards[${index}]`, `Hình thức "${title}" cho "${award.to}" bị liệt kê hai lần`, `award "${title}" to "${award.to}" is listed twice`));
        seen.add(key);
      });
    }
    problems.push(...issuerProblems(issuer));
    if (stage.fanOut !== undefined) problems.push(invalidSetting('fanOut', 'Quyết định chỉ ghi một lần: bỏ fanOut và chỉ định một người hoặc một vai trò', 'a decision is recorded once: leave fanOut out and name a person or role'));
    return problems;
  }

  outcomes(): string[] {
    return ['decided'];
  }

  /** `decide` only through the decision API, which stores the decision in the same transaction. */
  taskOutcome(_stage: StageDefinition, command: string, input: { withRecord?: boolean }) {
    return command === 'decide' && input.withRecord === true ? { outcome: 'decided' } : { problem: 'UNKNOWN_COMMAND' as const };
  }

  /** The first recorded decision completes the stage. */
  evaluate(_stage: StageDefinition, tasks: TaskView[]): Completion {
    return tasks.some((task) => task.status === 'done') ? { complete: true, outcome: 'decided' } : NOT_COMPLETE;
  }
}
