import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { Unit } from '../../../modules/org/entities/unit.entity';
import { ScoringTableVersion } from '../../../modules/scoring/entities/scoring-table-version.entity';
import { RankingService, RankingSource } from '../../../modules/scoring/ranking/ranking.service';
import { hundredthsToNumber } from '../../../modules/scoring/table/points';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import type { StageDefinition } from '../../definitions/workflow-document';
import { Campaign } from '../../engine/entities/campaign.entity';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { scoreSettingsOf } from '../score/score.stage';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { resolveRankSettings } from './rank.stage';

/** The campaign's latest ranking (context.ranking), if one was computed. */
export function rankingOf(context: Record<string, unknown>): EvaluationContext['ranking'] | undefined {
  const ranking = (context as EvaluationContext).ranking;
  return ranking && typeof ranking.stageRunId === 'string' ? ranking : undefined;
}

/** The latest run of each of these stages (runs of a stage visited again get the next iteration). */
export async function latestRuns(em: EntityManager, campaign: Campaign | string, stageKeys: string[]): Promise<RankingSource[]> {
  if (!stageKeys.length) return [];
  const runs = await em.find(StageRun, { campaign, stageKey: { $in: stageKeys } }, { orderBy: { iteration: 'desc' } });
  const latest = new Map<string, StageRun>();
  for (const run of runs) if (!latest.has(run.stageKey)) latest.set(run.stageKey, run);
  return stageKeys.flatMap((key) => (latest.has(key) ? [{ stageRunId: latest.get(key)!.id, stageKey: key }] : []));
}

/** The scoring table version the campaign pinned for the first source stage's table (context.scoringTables). */
export async function pinnedTableOf(em: EntityManager, campaign: Campaign, stages: Record<string, StageDefinition>, from: string[]): Promise<ScoringTableVersion> {
  const tableKey = from.map((key) => stages[key]).find((stage) => stage?.type === 'score');
  const key = tableKey ? scoreSettingsOf(tableKey).table : undefined;
  const versionId = key ? (campaign.context as EvaluationContext).scoringTables?.[key] : undefined;
  const version = versionId ? await em.findOne(ScoringTableVersion, versionId) : null;
  if (!version) throw new AppError('SCORING_TABLE_NOT_FOUND', { key: key ?? '—' });
  return version;
}

/** The units a ranking lists: the subject's member units (archived ones left out), or the subject unit. */
async function subjectUnitIds(em: EntityManager, campaign: Campaign): Promise<string[]> {
  if (campaign.subjectUnit) return [campaign.subjectUnit.id];
  const cluster = campaign.subjectCluster;
  if (!cluster) return [];
  await em.populate(cluster, ['members']);
  return cluster.members.getItems().filter((unit: Unit) => !unit.archivedAt).map((unit) => unit.id);
}

/**
 * The rank stage computes when entered, in the engine's transaction: the submitted sheets of the latest runs of its
 * score stages, aggregated and ranked (RankingService), the entries stored, `context.ranking` set to the run and its
 * leading units, and `ranking.computed` recorded with the leaders, the tie explanations and the units not ranked.
 */
@Injectable()
export class RankStageEffects implements StageEffects {
  readonly type = 'rank';

  constructor(private readonly rankings: RankingService) {}

  async onEnter({ em, campaign, run, stage, record }: StageEffectContext): Promise<void> {
    const stages = campaign.workflowVersion.document.stages;
    const settings = resolveRankSettings(stage, stages);
    const sources = await latestRuns(em, campaign, settings.from);
    const tableVersion = await pinnedTableOf(em, campaign, stages, settings.from);
    const unitIds = await subjectUnitIds(em, campaign);
    const outcome = await this.rankings.compute(em, {
      campaignId: campaign.id,
      stageRunId: run.id,
      sources,
      includeSelf: settings.includeSelf,
      aggregation: settings.aggregation,
      tieBreak: settings.tieBreak,
      leaders: settings.leaders,
      tableVersion,
      unitIds,
    });
    const ranking: EvaluationContext['ranking'] = { stageRunId: run.id, leaders: outcome.leaders };
    campaign.context = { ...campaign.context, ranking };
    await record('ranking.computed', {
      stage: run.stageKey,
      stageRunId: run.id,
      sources,
      aggregation: settings.aggregation,
      tableVersionId: tableVersion.id,
      leaders: outcome.leaderRows.map((row) => ({ ...row, total: hundredthsToNumber(row.total) })),
      ties: outcome.ties,
      tiesTotal: outcome.tiesTotal,
      notRanked: outcome.notRanked,
    });
  }
}
