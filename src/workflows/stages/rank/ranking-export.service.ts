import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { downloadName } from '../../../modules/documents/download-name';
import { rankingWorkbook } from '../../../modules/scoring/exports/ranking-workbook';
import { aggregate } from '../../../modules/scoring/ranking/aggregate';
import { breakdownOf, sheetFactsOf, SheetFacts, sheetUsesOf } from '../../../modules/scoring/ranking/ranking-breakdown';
import { RankingService } from '../../../modules/scoring/ranking/ranking.service';
import { hundredthsToNumber } from '../../../modules/scoring/table/points';
import { leavesOf, textIn } from '../../../modules/scoring/table/table-text';
import { latestRuns } from './rank.effects';
import { RankingQueriesService } from './ranking-queries.service';

/** Sheet kinds as the workbook names them. */
const KIND_LABELS: Record<string, string> = { self: 'Tự chấm', peer: 'Chấm chéo', head: 'Cụm trưởng', council: 'Hội đồng', final: 'Kết quả cuối' };

/**
 * The ranking as an XLSX workbook, for the cluster head, the council and administrators (it holds every scorer's
 * sheet): the ranking, each criterion's final points per unit, and every submitted sheet's total.
 */
@Injectable()
export class RankingExportService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: RankingQueriesService,
    private readonly rankings: RankingService,
  ) {}

  async workbook(campaignId: string, principal: Principal): Promise<{ body: Buffer; filename: string }> {
    const em: EntityManager = this.em.fork();
    const campaign = await this.queries.campaignOf(em, campaignId);
    const access = await this.queries.access(em, campaign, principal);
    if (access.level !== 'all') throw new AppError('RANKING_EXPORT_FORBIDDEN', { campaign: campaign.name });
    const { entries, table, run } = await this.queries.load(em, campaign);
    const first = breakdownOf(entries[0].breakdown);
    const stages = campaign.workflowVersion.document.stages;
    const runs = await latestRuns(em, campaign, Object.keys(stages).filter((key) => stages[key].type === 'score'));
    const stageKeyOf = new Map(runs.map((r) => [r.stageRunId, r.stageKey]));
    // The runs the ranking read as well as the latest: each unit's counted sheets are found among them.
    const runIds = [...new Set([...runs.map((r) => r.stageRunId), ...(first.sources ?? [])])];
    const { sheets, scores } = await this.rankings.allScores(em, runIds);
    const factsByUnit = new Map<string, SheetFacts[]>();
    for (const sheet of sheets) {
      const facts = factsByUnit.get(sheet.scoredUnit.id);
      if (facts) facts.push(sheetFactsOf(sheet));
      else factsByUnit.set(sheet.scoredUnit.id, [sheetFactsOf(sheet)]);
    }
    const pointsOf = new Map(scores.map((score) => [`${score.sheetId} ${score.criterionCode}`, score.points]));
    const leaves = leavesOf(table.document);
    const gradeLabel = (code: string | null) => {
      const grade = table.document.grades.find((candidate) => candidate.code === code);
      return grade ? textIn(grade.label, 'vi') : null;
    };
    const stageName = (key: string) => {
      const name = stages[key]?.name;
      return name ? (typeof name === 'string' ? name : name.vi) : key;
    };

    const body = await rankingWorkbook({
      title: `${campaign.name} — ${stageName(run.stageKey)}`,
      ranking: entries.map((entry) => ({
        rank: entry.rank,
        unit: entry.unit.name,
        aggregate: entry.aggregate === null ? null : hundredthsToNumber(entry.aggregate),
        adjustment: hundredthsToNumber(entry.adjustment),
        adjustmentReason: entry.adjustmentReason,
        total: entry.total === null ? null : hundredthsToNumber(entry.total),
        grade: gradeLabel(entry.grade),
      })),
      criteria: leaves.map((leaf) => ({ code: leaf.code, text: textIn(leaf.text, 'vi') })),
      units: entries.map((entry) => {
        const counted = sheetUsesOf(breakdownOf(entry.breakdown), factsByUnit.get(entry.unit.id) ?? []).filter((sheet) => sheet.use === 'used' || sheet.use === 'dropped');
        return {
          name: entry.unit.name,
          finals: Object.fromEntries(
            leaves.map((leaf) => [
              leaf.code,
              counted.length ? hundredthsToNumber(aggregate(first.aggregation, counted.map((sheet) => pointsOf.get(`${sheet.sheetId} ${leaf.code}`) ?? 0)).value) : null,
            ]),
          ),
        };
      }),
      sheets: sheets
        .filter((sheet) => stageKeyOf.has(sheet.stageRunId))
        .map((sheet) => ({
          stage: stageName(stageKeyOf.get(sheet.stageRunId) ?? ''),
          kind: KIND_LABELS[sheet.kind] ?? sheet.kind,
          scorer: sheet.scorerUnit?.name ?? sheet.scorerPerson?.fullName ?? '',
          scoredUnit: sheet.scoredUnit.name,
          total: sheet.total === null ? null : hundredthsToNumber(sheet.total),
        }))
        .sort((a, b) => a.stage.localeCompare(b.stage, 'vi') || a.scoredUnit.localeCompare(b.scoredUnit, 'vi') || a.scorer.localeCompare(b.scorer, 'vi')),
    });
    return { body, filename: downloadName(`xep hang ${campaign.name}`, run.iteration, 'xlsx') };
  }
}
