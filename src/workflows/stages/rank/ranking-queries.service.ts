import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { Language, Text } from '../../../common/i18n/language';
import { PrincipalService } from '../../../modules/auth/principal.service';
import { Cluster } from '../../../modules/org/entities/cluster.entity';
import { Unit } from '../../../modules/org/entities/unit.entity';
import { RankingEntry } from '../../../modules/scoring/entities/ranking-entry.entity';
import { ScoreSheet } from '../../../modules/scoring/entities/score-sheet.entity';
import { ScoringTableVersion } from '../../../modules/scoring/entities/scoring-table-version.entity';
import { aggregate } from '../../../modules/scoring/ranking/aggregate';
import { aggregateExplanation, breakdownOf, notRankedReason, RankingBreakdown, sheetCounts, sheetFactsOf, sheetUsesOf, tieBreakLinesOf, tiedUnits } from '../../../modules/scoring/ranking/ranking-breakdown';
import { RankingService } from '../../../modules/scoring/ranking/ranking.service';
import { hundredthsToNumber } from '../../../modules/scoring/table/points';
import { isLeaf, ScoringNode, ScoringTableDocument } from '../../../modules/scoring/table/scoring-table';
import { leavesOf, textIn } from '../../../modules/scoring/table/table-text';
import { Campaign } from '../../engine/entities/campaign.entity';
import { StageRun } from '../../engine/entities/stage-run.entity';
import { latestRuns, rankingOf } from './rank.effects';
import { BreakdownCriterionDto, BreakdownSheetDto, RankingBreakdownDto, RankingDto, RankingGradeDto, RankingRowDto, ScoreHistoryDto } from './ranking.dto';

/** What a person may read of a campaign's ranking: everything (head, council, administrators) or a member's share. */
export type RankingAccess = { level: 'all' } | { level: 'member'; unitIds: string[] };

const EVERYTHING_ROLES = ['admin', 'council-member'];

const points = (value: number | null): number | null => (value === null ? null : hundredthsToNumber(value));

/** A loaded ranking: the campaign, its rank stage run, the entries and the pinned table. */
export interface LoadedRanking {
  campaign: Campaign;
  run: StageRun;
  entries: RankingEntry[];
  table: ScoringTableVersion;
}

/** The first vote stage run entered after the rank stage run: the nomination (suy tôn) has started. */
export async function nominationStartedAfter(em: EntityManager, run: StageRun): Promise<StageRun | null> {
  return em.findOne(StageRun, { campaign: run.campaign, stageType: 'vote', createdAt: { $gte: run.createdAt }, id: { $ne: run.id } }, { orderBy: { createdAt: 'asc' } });
}

/**
 * The ranking as people read it: the rows in rank order with every figure explained, one unit's breakdown (each
 * criterion's self, scorer and final points from one query per kind of data), a unit's scores over the years, and
 * who may read what: the cluster head, the council and administrators everything; a member unit the ranking and its
 * own breakdown.
 */
@Injectable()
export class RankingQueriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly principals: PrincipalService,
    private readonly rankings: RankingService,
  ) {}

  async access(em: EntityManager, campaign: Campaign, principal: Principal): Promise<RankingAccess> {
    if (principal.roles.some((role) => EVERYTHING_ROLES.includes(role))) return { level: 'all' };
    const mine = new Set((await this.principals.validMandates(principal.personId)).map((mandate) => mandate.unit.id));
    const cluster = campaign.subjectCluster;
    if (cluster) {
      await em.populate(cluster, ['members', 'headUnit']);
      if (cluster.headUnit && mine.has(cluster.headUnit.id)) return { level: 'all' };
      const members = cluster.members.getItems().filter((unit) => mine.has(unit.id));
      if (members.length) return { level: 'member', unitIds: members.map((unit) => unit.id) };
    } else if (campaign.subjectUnit && mine.has(campaign.subjectUnit.id)) {
      return { level: 'member', unitIds: [campaign.subjectUnit.id] };
    }
    throw new AppError('RANKING_FORBIDDEN', { campaign: campaign.name });
  }

  /** The campaign with its pinned workflow and subject, or CAMPAIGN_NOT_FOUND. */
  async campaignOf(em: EntityManager, campaignId: string): Promise<Campaign> {
    const campaign = await em.findOne(Campaign, campaignId, { populate: ['workflowVersion', 'subjectCluster', 'subjectUnit'] });
    if (!campaign) throw new AppError('CAMPAIGN_NOT_FOUND', { id: campaignId });
    return campaign;
  }

  /** The campaign's current ranking (context.ranking): its run, entries and pinned table; or RANKING_NOT_FOUND. */
  async load(em: EntityManager, campaign: Campaign): Promise<LoadedRanking> {
    const ranking = rankingOf(campaign.context);
    const run = ranking ? await em.findOne(StageRun, ranking.stageRunId) : null;
    const entries = run ? await this.rankings.entries(em, run.id) : [];
    // Entries written by anything but the rank stage (no table, no breakdown) cannot be explained: none to show.
    const tableId = entries.length ? breakdownOf(entries[0].breakdown).tableVersionId : undefined;
    const table = tableId ? await em.findOne(ScoringTableVersion, tableId) : null;
    if (!run || !table) throw new AppError('RANKING_NOT_FOUND', { subject: campaign.name });
    return { campaign, run, entries, table };
  }

  async ranking(campaignId: string, principal: Principal, language: Language): Promise<RankingDto> {
    const em = this.em.fork();
    const campaign = await this.campaignOf(em, campaignId);
    await this.access(em, campaign, principal);
    return this.toRankingDto(em, await this.load(em, campaign), language);
  }

  async toRankingDto(em: EntityManager, { campaign, run, entries, table }: LoadedRanking, language: Language): Promise<RankingDto> {
    const first = breakdownOf(entries[0].breakdown);
    const ranking = rankingOf(campaign.context)!;
    const units = new Map(entries.map((entry) => [entry.unit.id, entry.unit]));
    const places = placesOf(entries);
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      year: campaign.year,
      stageRunId: run.id,
      stageKey: run.stageKey,
      computedAt: entries[0].createdAt.toISOString(),
      aggregation: first.aggregation,
      tieBreak: first.tieBreak,
      tableName: textIn(table.document.name, language),
      leaders: ranking.leaders.flatMap((id) => (units.has(id) ? [unitRef(units.get(id)!)] : [])),
      adjustable: campaign.status === 'running' && !(await nominationStartedAfter(em, run)),
      rows: entries.map((entry) => rowOf(entry, places, table.document, language)),
    };
  }

  /**
   * One unit's breakdown: its sheets (used, dropped, recused, and its own self-scoring), and per criterion its self
   * points, each counted sheet's points and the final points aggregated with the ranking's method.
   */
  async breakdown(campaignId: string, unitId: string, principal: Principal, language: Language): Promise<RankingBreakdownDto> {
    const em = this.em.fork();
    const campaign = await this.campaignOf(em, campaignId);
    const access = await this.access(em, campaign, principal);
    if (access.level === 'member' && !access.unitIds.includes(unitId)) {
      const unit = await em.findOne(Unit, unitId);
      throw new AppError('RANKING_BREAKDOWN_FORBIDDEN', { unit: unit?.name ?? unitId });
    }
    const loaded = await this.load(em, campaign);
    const entry = loaded.entries.find((candidate) => candidate.unit.id === unitId);
    if (!entry) {
      const unit = await em.findOne(Unit, unitId);
      throw new AppError('RANKING_UNIT_NOT_LISTED', { unit: unit?.name ?? unitId, campaign: campaign.name });
    }
    const breakdown = breakdownOf(entry.breakdown);
    const stages = campaign.workflowVersion.document.stages;
    const scoreStageKeys = Object.keys(stages).filter((key) => stages[key].type === 'score');
    const runs = await latestRuns(em, campaign, scoreStageKeys);
    // The runs the ranking read as well as the latest: its sheets are listed from them.
    const runIds = [...new Set([...runs.map((r) => r.stageRunId), ...(breakdown.sources ?? [])])];
    const { sheets, scores } = await this.rankings.unitScores(em, runIds, unitId);
    const stageKeyOf = new Map(runs.map((r) => [r.stageRunId, r.stageKey]));

    const uses = sheetUsesOf(breakdown, sheets.map(sheetFactsOf));
    const counted = uses.filter((sheet) => sheet.use === 'used' || sheet.use === 'dropped');
    const countedIds = new Set(counted.map((sheet) => sheet.sheetId));
    const selfSheets = sheets.filter((sheet) => sheet.kind === 'self' && sheet.status === 'submitted');
    const pointsOf = new Map(scores.map((score) => [`${score.sheet.id} ${score.criterionCode}`, score.points]));
    const groupOf = leafGroups(loaded.table.document);

    const byId = new Map(sheets.map((sheet) => [sheet.id, sheet]));
    const scorerOf = (sheet: ScoreSheet | undefined) => sheet?.scorerUnit?.shortName ?? sheet?.scorerUnit?.name ?? sheet?.scorerPerson?.fullName ?? '';
    const sheetRows: BreakdownSheetDto[] = [
      ...uses.map((use) => {
        const sheet = byId.get(use.sheetId);
        return {
          sheetId: use.sheetId,
          stageKey: sheet ? (stageKeyOf.get(sheet.stageRunId) ?? '') : '',
          kind: sheet?.kind ?? 'peer',
          scorer: scorerOf(sheet),
          total: points(use.total),
          use: use.use,
          recusalReason: sheet?.recusalReason ?? null,
        };
      }),
      ...selfSheets
        .filter((sheet) => !countedIds.has(sheet.id))
        .map((sheet) => ({ sheetId: sheet.id, stageKey: stageKeyOf.get(sheet.stageRunId) ?? '', kind: sheet.kind, scorer: scorerOf(sheet), total: points(sheet.total), use: 'self', recusalReason: null })),
    ];
    const criteria: BreakdownCriterionDto[] = leavesOf(loaded.table.document).map((leaf) => {
      const given = counted.map((sheet) => pointsOf.get(`${sheet.sheetId} ${leaf.code}`) ?? 0);
      const self = selfSheets[0] ? (pointsOf.get(`${selfSheets[0].id} ${leaf.code}`) ?? null) : null;
      return {
        code: leaf.code,
        text: textIn(leaf.text, language),
        group: groupOf.get(leaf.code) ?? '',
        method: leaf.method,
        standard: leaf.points,
        self: points(self),
        scorers: Object.fromEntries(counted.map((sheet, index) => [sheet.sheetId, hundredthsToNumber(given[index])])),
        final: given.length ? hundredthsToNumber(aggregate(breakdown.aggregation, given).value) : null,
      };
    });
    return {
      campaignId: campaign.id,
      unit: unitRef(entry.unit),
      row: rowOf(entry, placesOf(loaded.entries), loaded.table.document, language),
      aggregation: breakdown.aggregation,
      groups: Object.fromEntries(Object.entries(breakdown.groups).map(([code, value]) => [code, hundredthsToNumber(value)])),
      penalties: hundredthsToNumber(breakdown.penalties),
      sheets: sheetRows,
      criteria,
    };
  }

  /** The unit's total and rank in the current ranking of each campaign that ranked it, by year. */
  async scoreHistory(unitId: string, principal: Principal, language: Language): Promise<ScoreHistoryDto> {
    const em = this.em.fork();
    await this.assertMaySeeUnit(em, unitId, principal);
    const unit = await em.findOne(Unit, unitId);
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { id: unitId });
    const entries = await em.find(RankingEntry, { unit: unitId });
    const campaigns = entries.length ? await em.find(Campaign, { id: { $in: [...new Set(entries.map((e) => e.campaignId))] } }) : [];
    const current = entries.filter((entry) => {
      const campaign = campaigns.find((c) => c.id === entry.campaignId);
      return campaign && rankingOf(campaign.context)?.stageRunId === entry.stageRunId;
    });
    const runIds = current.map((entry) => entry.stageRunId);
    const others = runIds.length ? await em.find(RankingEntry, { stageRunId: { $in: runIds }, rank: { $ne: null } }, { fields: ['stageRunId'] }) : [];
    const tableIds = [...new Set(current.flatMap((entry) => breakdownOf(entry.breakdown).tableVersionId ?? []))];
    const tables = new Map((tableIds.length ? await em.find(ScoringTableVersion, { id: { $in: tableIds } }) : []).map((t) => [t.id, t.document]));
    const points = current
      .map((entry) => {
        const campaign = campaigns.find((c) => c.id === entry.campaignId)!;
        const table = tables.get(breakdownOf(entry.breakdown).tableVersionId);
        return {
          year: campaign.year,
          campaignId: campaign.id,
          campaignName: campaign.name,
          total: entry.total === null ? null : hundredthsToNumber(entry.total),
          rank: entry.rank,
          units: others.filter((other) => other.stageRunId === entry.stageRunId).length,
          grade: table ? gradeOf(entry.grade, table, language) : null,
        };
      })
      .sort((a, b) => a.year - b.year || a.campaignName.localeCompare(b.campaignName));
    return { unit: unitRef(unit), points };
  }

  /** Administrators, council members, the unit itself and the head of a cluster it belongs to. */
  private async assertMaySeeUnit(em: EntityManager, unitId: string, principal: Principal): Promise<void> {
    if (principal.roles.some((role) => EVERYTHING_ROLES.includes(role))) return;
    const mine = (await this.principals.validMandates(principal.personId)).map((mandate) => mandate.unit.id);
    if (mine.includes(unitId)) return;
    if (mine.length && (await em.count(Cluster, { members: unitId, headUnit: { $in: mine } }))) return;
    const unit = await em.findOne(Unit, unitId);
    throw new AppError('SCORE_HISTORY_FORBIDDEN', { unit: unit?.name ?? unitId });
  }
}

const unitRef = (unit: Unit) => ({ unitId: unit.id, code: unit.code, name: unit.name });

function gradeOf(code: string | null, table: ScoringTableDocument, language: Language): RankingGradeDto | null {
  const grade = code ? table.grades.find((candidate) => candidate.code === code) : undefined;
  return grade ? { code: grade.code, label: textIn(grade.label, language) } : null;
}

/** Leaf code → the code of its top-level group. */
function leafGroups(table: ScoringTableDocument): Map<string, string> {
  const groups = new Map<string, string>();
  const visit = (node: ScoringNode, group: string) => (isLeaf(node) ? groups.set(node.code, group) : node.items.forEach((item) => visit(item, group)));
  for (const group of table.groups) visit(group, group.code);
  return groups;
}

/** What each row says about its neighbours: the units sharing its rank and the tie-break lines. */
export interface RankingPlaces {
  tied: Map<string, RankingEntry[]>;
  lines: Map<string, Text[]>;
}

/** The places of a run's entries, in rank order (RankingService.entries). */
export const placesOf = (entries: RankingEntry[]): RankingPlaces => ({ tied: tiedUnits(entries), lines: tieBreakLinesOf(entries) });

/** One row of the ranking in the reader's language. */
export function rowOf(entry: RankingEntry, places: RankingPlaces, table: ScoringTableDocument, language: Language): RankingRowDto {
  const breakdown: RankingBreakdown = breakdownOf(entry.breakdown);
  return {
    unitId: entry.unit.id,
    unitCode: entry.unit.code,
    unitName: entry.unit.name,
    ranked: breakdown.ranked,
    rank: entry.rank,
    aggregate: points(entry.aggregate),
    adjustment: hundredthsToNumber(entry.adjustment),
    adjustmentReason: entry.adjustmentReason,
    total: points(entry.total),
    grade: gradeOf(entry.grade, table, language),
    tiedWith: (places.tied.get(entry.unit.id) ?? []).map((other) => unitRef(other.unit)),
    decidedBy: entry.decidedBy,
    explanation: [aggregateExplanation(breakdown), ...(places.lines.get(entry.unit.id) ?? [])].flatMap((line) => (line ? [line[language]] : [])),
    notRankedReason: notRankedReason(breakdown)?.[language] ?? null,
    sheets: sheetCounts(breakdown),
  };
}
