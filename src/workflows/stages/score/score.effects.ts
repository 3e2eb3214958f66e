import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import { Clock } from '../../../modules/calendar/clock';
import { ScoreSheet } from '../../../modules/scoring/entities/score-sheet.entity';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import { StageEffectContext, StageEffects } from '../stage-effects';
import { SHEET_KIND, scoreSettingsOf } from './score.stage';

/** The pinned table version of a score stage's table, from the campaign's context (pinned at launch). */
export function pinnedTableVersionId(context: Record<string, unknown>, tableKey: string): string | undefined {
  return (context as EvaluationContext).scoringTables?.[tableKey];
}

/**
 * A score stage makes one draft sheet per task on entering, in one multi-row INSERT (a cluster's cross-scoring is
 * 30 sheets; a council's, hundreds). Re-entering a stage makes new tasks, hence new sheets; a redelivered entry
 * finds its sheets and adds none.
 */
@Injectable()
export class ScoreStageEffects implements StageEffects {
  readonly type = 'score';

  constructor(private readonly clock: Clock) {}

  async onEnter({ em, campaign, run, stage, tasks, record }: StageEffectContext): Promise<void> {
    const settings = scoreSettingsOf(stage);
    const tableVersionId = pinnedTableVersionId(campaign.context, settings.table);
    if (!tableVersionId) throw new AppError('SCORING_TABLE_NOT_FOUND', { key: settings.table });
    const existing = new Set((await em.find(ScoreSheet, { stageRunId: run.id }, { fields: ['taskId'] })).map((sheet) => sheet.taskId));
    const now = this.clock.now();
    const rows = tasks
      .filter((task) => task.aboutUnit && !existing.has(task.id))
      .map((task) => ({
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        campaignId: campaign.id,
        stageRunId: run.id,
        taskId: task.id,
        tableVersion: tableVersionId,
        kind: SHEET_KIND[settings.scorers],
        scorerUnit: task.assigneeUnit?.id ?? null,
        scorerPerson: task.assigneePerson?.id ?? null,
        scoredUnit: task.aboutUnit!.id,
        status: 'draft' as const,
        version: 1,
      }));
    if (rows.length) await em.insertMany(ScoreSheet, rows);
    await record('scoring.opened', { stage: run.stageKey, stageRunId: run.id, table: settings.table, tableVersionId, scorers: settings.scorers, sheets: rows.length });
  }
}
