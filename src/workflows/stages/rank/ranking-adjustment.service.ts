import { Injectable } from '@nestjs/common';
import type { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { RankingService } from '../../../modules/scoring/ranking/ranking.service';
import { hundredthsToNumber, toHundredths } from '../../../modules/scoring/table/points';
import type { EvaluationContext } from '../../../modules/scoring/table/scoring-table';
import { CampaignRecordsService } from '../../engine/campaign-records.service';
import { CampaignHistoryService, eventActor } from '../../engine/campaign-history.service';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { resolveRankSettings } from './rank.stage';
import { rankingOf } from './rank.effects';
import { nominationStartedAfter } from './ranking-queries.service';
import { RankingAdjustmentDto } from './ranking.dto';
import { stageNameIn } from '../../engine/refusal-words';

/**
 * The council's final adjustment of a unit's score (điều chỉnh điểm), with its reason, under the campaign lock:
 * allowed while the campaign runs and its nomination (the first vote stage after the ranking) has not started. The
 * run's totals, grades and ranks are recomputed, `context.ranking.leaders` follows, and `ranking.adjusted` is recorded.
 */
@Injectable()
export class RankingAdjustmentService {
  constructor(
    private readonly records: CampaignRecordsService,
    private readonly history: CampaignHistoryService,
    private readonly rankings: RankingService,
  ) {}

  async adjust(campaignId: string, body: RankingAdjustmentDto, principal: Principal, actingFor: ActingFor | undefined): Promise<void> {
    const parsed = toHundredths(body.points);
    // The DTO already refused more than 2 decimals and non-numbers; this only keeps the arithmetic exact.
    if (!parsed.ok) throw new AppError('VALIDATION_FAILED', { fields: { vi: 'Số điểm điều chỉnh', en: 'Points' } });
    const reason = body.reason?.trim() ?? '';
    await this.records.recordOnCampaign(campaignId, 'ranking.adjust', principal, actingFor, async (em, campaign) => {
      const ranking = rankingOf(campaign.context);
      if (!ranking) throw new AppError('RANKING_NOT_FOUND', { subject: campaign.name });
      const run = await em.findOneOrFail(StageRun, ranking.stageRunId);
      const nomination = await nominationStartedAfter(em, run);
      if (nomination) throw new AppError('RANKING_NOMINATION_STARTED', { stage: stageNameIn(campaign.workflowVersion.document, nomination.stageKey) });
      const stage = campaign.workflowVersion.document.stages[run.stageKey];
      const { leaders } = resolveRankSettings(stage, campaign.workflowVersion.document.stages);
      const outcome = await this.rankings.adjust(em, { stageRunId: run.id, unitId: body.unitId, adjustment: parsed.hundredths, reason, leaders, campaignName: campaign.name });
      const next: EvaluationContext['ranking'] = { stageRunId: run.id, leaders: outcome.leaders };
      campaign.context = { ...campaign.context, ranking: next };
      await this.history.append(
        em,
        campaign,
        'ranking.adjusted',
        {
          stage: run.stageKey,
          stageRunId: run.id,
          unit: { id: outcome.entry.unit.id, name: outcome.entry.unit.name },
          adjustment: hundredthsToNumber(parsed.hundredths),
          previousAdjustment: hundredthsToNumber(outcome.previous.adjustment),
          reason,
          total: outcome.entry.total === null ? null : hundredthsToNumber(outcome.entry.total),
          previousTotal: outcome.previous.total === null ? null : hundredthsToNumber(outcome.previous.total),
          rank: outcome.entry.rank,
          previousRank: outcome.previous.rank,
          leaders: outcome.leaderRows.map((row) => ({ ...row, total: hundredthsToNumber(row.total) })),
          ties: outcome.ties,
          tiesTotal: outcome.tiesTotal,
        },
        eventActor(principal, actingFor),
      );
    });
  }
}
