import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ActingFor, Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language } from '../../../common/i18n/language';
import { ScoreSheet } from '../../../modules/scoring/entities/score-sheet.entity';
import { formatPoints } from '../../../modules/scoring/table/points';
import { Campaign } from '../../engine/entities/campaign.entity';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { Task } from '../../engine/entities/task.entity';
import { ScoreMatrixDto, ScoreMatrixRowDto } from './score-sheet.dto';

/** The scoring matrix (who has scored whom), a read apart from the sheets' own use cases. */
@Injectable()
export class ScoreMatrixReader {
  constructor(private readonly em: EntityManager) {}

  /**
   * The scoring matrix of a campaign (optionally one score stage): every sheet for the cluster head's people,
   * council members and administrators; a member unit's own sheets for its people.
   */
  async matrix(campaignId: string, stageKey: string | undefined, principal: Principal, mandates: ActingFor[], language: Language): Promise<ScoreMatrixDto> {
    const em = this.em.fork();
    const campaign = await em.findOne(Campaign, campaignId, { populate: ['subjectCluster'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    const units = new Set(mandates.map((m) => m.unitId));
    const seesAll = principal.roles.includes('admin') || principal.roles.includes('council-member') || (campaign.subjectCluster?.headUnit ? units.has(campaign.subjectCluster.headUnit.id) : false);
    const runs = await em.find(StageRun, { campaign: campaignId, stageType: 'score', ...(stageKey ? { stageKey } : {}) });
    const runKeys = new Map(runs.map((run) => [run.id, run.stageKey]));
    if (!runs.length) return { campaignId, stageKey: stageKey ?? null, rows: [] };
    const whose = seesAll ? {} : { $or: [{ scorerUnit: { $in: [...units] } }, { scorerPerson: principal.personId }] };
    const sheets = await em.find(ScoreSheet, { stageRunId: { $in: [...runKeys.keys()] }, ...whose }, { populate: ['scorerUnit', 'scorerPerson', 'scoredUnit'] });
    const late = new Map((await em.find(Task, { id: { $in: sheets.map((s) => s.taskId) } }, { fields: ['late'] })).map((task) => [task.id, task.late]));
    const rows: ScoreMatrixRowDto[] = sheets.map((sheet) => ({
      sheetId: sheet.id,
      taskId: sheet.taskId,
      stageKey: runKeys.get(sheet.stageRunId)!,
      kind: sheet.kind,
      scorer: sheet.scorerUnit?.name ?? sheet.scorerPerson?.fullName ?? '—',
      scorerCode: sheet.scorerUnit?.code ?? null,
      scoredUnit: sheet.scoredUnit.name,
      scoredCode: sheet.scoredUnit.code,
      status: sheet.status,
      total: sheet.total,
      totalText: sheet.total === null ? null : formatPoints(sheet.total, language),
      late: late.get(sheet.taskId) ?? false,
      recusalReason: sheet.recusalReason,
      submittedAt: sheet.submittedAt?.toISOString() ?? null,
    }));
    const order = (row: ScoreMatrixRowDto) => `${row.stageKey}\u0000${row.scorerCode ?? row.scorer}\u0000${row.scoredCode}`;
    rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    return { campaignId, stageKey: stageKey ?? null, rows };
  }

}
