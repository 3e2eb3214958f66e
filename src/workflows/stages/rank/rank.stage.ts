import type { AggregationMethod, TieBreakKey } from '../../../modules/scoring/table/scoring-table';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Completion, StageHandler, StageProblem } from '../stage-handler';
import { invalidSetting, noAssignees, notBoolean, unknownSettings } from '../stage-problems';

export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['mean', 'median', 'trimmed-mean'];

/** The scorers whose sheets a rank stage counts by default: everyone but the unit itself. */
const DEFAULT_SOURCE_SCORERS: readonly string[] = ['peers', 'head', 'council'];

/** The most leading units a rank stage hands on to the nomination. */
export const MAX_LEADERS = 50;

export interface RankStageSettings {
  /** Keys of the score stages whose submitted sheets count; default every score stage scored by peers, head or council. */
  from?: string[];
  /** Whether self-scoring sheets of those stages count too (default false). */
  includeSelf?: boolean;
  /** Default `trimmed-mean` (the highest and lowest sheets dropped when there are at least 5). */
  aggregation?: AggregationMethod;
  /** Default `['total', 'group:<first group code of the table>', 'fewer-penalties']`. */
  tieBreak?: TieBreakKey[];
  /** How many ranks lead (context.ranking.leaders); default 1. */
  leaders?: number;
}

/** The settings with their defaults, except the tie-break chain, whose default needs the pinned table. */
export interface ResolvedRankSettings {
  from: string[];
  includeSelf: boolean;
  aggregation: AggregationMethod;
  tieBreak: TieBreakKey[] | undefined;
  leaders: number;
}

export const RANKED = 'ranked';

export const rankSettingsOf = (stage: StageDefinition) => (stage.settings ?? {}) as RankStageSettings;

const TIE_BREAK = /^(total|fewer-penalties|group:[A-Za-z0-9.-]{1,34})$/;

/** The score stages of a workflow a rank stage reads by default. */
export function defaultRankSources(stages: Record<string, StageDefinition>): string[] {
  return Object.entries(stages)
    .filter(([, stage]) => stage.type === 'score' && DEFAULT_SOURCE_SCORERS.includes(String(stage.settings?.scorers)))
    .map(([key]) => key);
}

/** The settings as the stage runs them (validated at publish, so only defaults are filled in here). */
export function resolveRankSettings(stage: StageDefinition, stages: Record<string, StageDefinition>): ResolvedRankSettings {
  const settings = rankSettingsOf(stage);
  return {
    from: settings.from ?? defaultRankSources(stages),
    includeSelf: settings.includeSelf ?? false,
    aggregation: settings.aggregation ?? 'trimmed-mean',
    tieBreak: settings.tieBreak,
    leaders: settings.leaders ?? 1,
  };
}

/**
 * Ranking (xếp hạng): no tasks; its effects compute the ranking from the score stages' submitted sheets when the
 * stage is entered (rank.effects.ts), so it is complete at once with `ranked`.
 */
export class RankStage implements StageHandler {
  readonly type = 'rank';
  readonly hasTasks = false;

  validate(stage: StageDefinition, workflow?: { stages: Record<string, StageDefinition> }): StageProblem[] {
    const { from, includeSelf, aggregation, tieBreak, leaders, ...rest } = rankSettingsOf(stage);
    const problems = unknownSettings(rest);
    const stages = workflow?.stages ?? {};
    if (from !== undefined) {
      if (!Array.isArray(from) || !from.length || from.some((key) => typeof key !== 'string')) {
        problems.push(invalidSetting('settings.from', 'from phải là danh sách không rỗng các mã bước chấm điểm', 'from must be a non-empty list of score stage keys'));
      } else {
        from.forEach((key, index) => {
          const source = Object.hasOwn(stages, key) ? stages[key] : undefined;
          if (source?.type !== 'score') problems.push(invalidSetting(`settings.from[${index}]`, `"${key}" không phải là bước chấm điểm của quy trình này`, `"${key}" is not a score stage of this workflow`));
        });
        if (new Set(from).size !== from.length) problems.push(invalidSetting('settings.from', 'from nêu một bước hai lần', 'from names a stage twice'));
      }
    } else if (workflow && !defaultRankSources(stages).length) {
      problems.push(
        invalidSetting(
          'settings.from',
          'Không có bước chấm điểm chéo, của cụm trưởng hay của hội đồng để xếp hạng: hãy nêu các bước trong from',
          'no score stage scored by peers, head or council to rank from: name the stages in from',
        ),
      );
    }
    // One table: totals, groups and grades of different tables cannot be compared.
    const sources = (Array.isArray(from) ? from : defaultRankSources(stages)).filter((key) => typeof key === 'string' && Object.hasOwn(stages, key) && stages[key].type === 'score');
    const tables = new Set(sources.map((key) => String(stages[key].settings?.table)));
    if (tables.size > 1) problems.push(invalidSetting('settings.from', `Các bước chấm điểm được xếp hạng dùng những bảng điểm khác nhau (${[...tables].join(', ')})`, `the score stages ranked use different scoring tables (${[...tables].join(', ')})`));
    if (includeSelf !== undefined && typeof includeSelf !== 'boolean') {
      problems.push(notBoolean('settings.includeSelf'));
    }
    if (aggregation !== undefined && !AGGREGATION_METHODS.includes(aggregation)) {
      problems.push(invalidSetting('settings.aggregation', `aggregation phải là một trong ${AGGREGATION_METHODS.join(', ')}`, `aggregation must be one of ${AGGREGATION_METHODS.join(', ')}`));
    }
    if (tieBreak !== undefined) {
      if (!Array.isArray(tieBreak) || !tieBreak.length || tieBreak.some((key) => typeof key !== 'string' || !TIE_BREAK.test(key))) {
        problems.push(
          invalidSetting(
            'settings.tieBreak',
            'tieBreak phải là danh sách không rỗng gồm "total", "group:<mã nhóm>" và "fewer-penalties"',
            'tieBreak must be a non-empty list of "total", "group:<group code>" and "fewer-penalties"',
          ),
        );
      } else if (new Set(tieBreak).size !== tieBreak.length) {
        problems.push(invalidSetting('settings.tieBreak', 'tieBreak nêu một tiêu chí hai lần', 'tieBreak names a key twice'));
      }
    }
    if (leaders !== undefined && (typeof leaders !== 'number' || !Number.isInteger(leaders) || leaders < 1 || leaders > MAX_LEADERS)) {
      problems.push(invalidSetting('settings.leaders', `leaders phải là số nguyên từ 1 đến ${MAX_LEADERS}`, `leaders must be a whole number from 1 to ${MAX_LEADERS}`));
    }
    if (stage.assignees?.length || stage.fanOut) problems.push(noAssignees('rank'));
    return problems;
  }

  outcomes(): string[] {
    return [RANKED];
  }

  taskOutcome() {
    return { problem: 'UNKNOWN_COMMAND' as const };
  }

  /** Entering computed the ranking (in the same transaction), so the stage is done. */
  evaluate(): Completion {
    return { complete: true, outcome: RANKED };
  }
}
