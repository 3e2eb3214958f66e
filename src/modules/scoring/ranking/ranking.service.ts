import { EntityManager, raw } from '@mikro-orm/core';
import type { Knex, EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import type { Text } from '../../../common/i18n/language';
import { Unit } from '../../org/entities/unit.entity';
import { RankingEntry } from '../entities/ranking-entry.entity';
import { Score } from '../entities/score.entity';
import { ScoreSheet } from '../entities/score-sheet.entity';
import { ScoringTableVersion } from '../entities/scoring-table-version.entity';
import { AggregationMethod, Hundredths, ScoringTableDocument, TieBreakKey } from '../table/scoring-table';
import { leavesOf } from '../table/table-text';
import { chainValue, comparisonChain, explainPlace, RankedRow, rankUnits } from './rank';
import { breakdownOf, inRankOrder, notRankedReason, RankingBreakdown } from './ranking-breakdown';
import { rankingStatement } from './ranking-sql';

/** A score stage run whose sheets count, with its stage key (shown beside each sheet). */
export interface RankingSource {
  stageRunId: string;
  stageKey: string;
}

export interface ComputeRankingInput {
  campaignId: string;
  /** The rank stage run the entries belong to (its earlier entries are replaced). */
  stageRunId: string;
  sources: RankingSource[];
  includeSelf: boolean;
  aggregation: AggregationMethod;
  /** Absent → total, the table's first group, fewer penalties. */
  tieBreak?: TieBreakKey[];
  /** How many ranks lead. */
  leaders: number;
  tableVersion: ScoringTableVersion;
  /** The units to rank: every member of the subject, ranked or not. */
  unitIds: string[];
}

/** What a computation or an adjustment leaves, for the campaign's context and history. */
export interface RankingOutcome {
  /** Unit ids of the ranks 1 … leaders, in rank order. */
  leaders: string[];
  leaderRows: Array<{ unitId: string; name: string; rank: number; total: Hundredths }>;
  /**
   * The explanations of the places not decided by the total alone (a tie broken by the chain, or kept), the first
   * TIES_EXPLAINED of them in rank order; the ranking's pages explain every place from the entries.
   */
  ties: Text[];
  /** How many places were not decided by the total alone (more than ties lists when a sector ties often). */
  tiesTotal: number;
  notRanked: Array<{ unitId: string; name: string; reason: Text }>;
}

/** The default chain: the total, then the table's first group, then fewer penalty points. */
export function defaultTieBreak(table: ScoringTableDocument): TieBreakKey[] {
  return ['total', ...(table.groups[0] ? [`group:${table.groups[0].code}` as TieBreakKey] : []), 'fewer-penalties'];
}

/**
 * How many tie explanations an outcome carries into the campaign's history: all of a cluster's, a bounded few of a
 * sector's, whose ten thousand units can tie thousands of times (two languages each, megabytes in one event).
 */
export const TIES_EXPLAINED = 100;

/** Units per UPDATE of moved tie-break keys (bound parameters stay far below both databases' limits). */
const UPDATE_CHUNK = 500;

const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** An entry's figures as the ranking statement returns them (the tie-break chain's values). */
export interface RankedEntryRow {
  unit_id: string;
  rank: number | string | null;
  total: number | string | null;
  decided_by: TieBreakKey | null;
  label: string;
  /** The unit's name, for the leaders and the units not ranked that the outcome names. */
  name: string;
  groups: Record<string, number> | string;
  penalties: number | string;
  /** How many sheets about a unit not ranked were recused (for its reason), else null. */
  recused: number | string | null;
}

/**
 * The ranking of a rank stage run (xếp hạng). Computing it is one INSERT … SELECT (rankingStatement: the sheets are
 * aggregated, ranked and graded in the database, with aggregateValue() and rankUnits() as its specification), then
 * the leaders and the tie explanations are read back. The council's adjustment re-ranks the stored figures with
 * rankUnits(). Works in the caller's transaction (the engine's, or the adjustment's), never its own.
 */
@Injectable()
export class RankingService {
  async compute(em: EntityManager, input: ComputeRankingInput): Promise<RankingOutcome> {
    const table = input.tableVersion.document;
    const tieBreak = input.tieBreak ?? defaultTieBreak(table);
    const dialect = em.getPlatform().constructor.name === 'PostgreSqlPlatform' ? 'postgresql' : 'sqlite';
    await em.nativeDelete(RankingEntry, { stageRunId: input.stageRunId });
    const statement = rankingStatement({
      dialect,
      campaignId: input.campaignId,
      stageRunId: input.stageRunId,
      sourceRunIds: input.sources.map((source) => source.stageRunId),
      includeSelf: input.includeSelf,
      aggregation: input.aggregation,
      tieBreak,
      tableVersionId: input.tableVersion.id,
      groupCodes: table.groups.map((group) => group.code),
      grades: table.grades,
      penaltyCodes: leavesOf(table).filter((leaf) => leaf.method === 'penalty').map((leaf) => leaf.code),
      unitIds: input.unitIds,
      now: em.getPlatform().processDateProperty(new Date()),
    });
    // For this transaction: the statement sorts a sector's sheets in memory rather than in temporary files, and is not
    // compiled (the planner's row guesses for the CTEs reach millions, and JIT then cost more than the query).
    if (dialect === 'postgresql') await this.raw(em, "set local work_mem = '64MB'; set local jit = off", []);
    const entries = await this.raw<RankedEntryRow[]>(em, statement.sql, statement.bindings);
    return this.outcomeOf(em, entries, input.stageRunId, tieBreak, input.leaders);
  }

  /**
   * The council's adjustment of one entry (điều chỉnh): its adjustment and reason replaced, then every total, grade
   * and rank of the run recomputed from the stored aggregates, groups and penalties (no sheet is read again).
   */
  async adjust(
    em: EntityManager,
    input: { stageRunId: string; unitId: string; adjustment: Hundredths; reason: string; leaders: number; campaignName: string },
  ): Promise<RankingOutcome & { previous: { adjustment: Hundredths; total: Hundredths | null; rank: number | null }; entry: RankingEntry }> {
    const entries = await em.find(RankingEntry, { stageRunId: input.stageRunId }, { populate: ['unit'] });
    const entry = entries.find((candidate) => candidate.unit.id === input.unitId);
    if (!entry) {
      const unit = await em.findOne(Unit, input.unitId);
      throw new AppError('RANKING_UNIT_NOT_LISTED', { unit: unit?.name ?? input.unitId, campaign: input.campaignName });
    }
    if (!input.reason.trim()) throw new AppError('RANKING_ADJUSTMENT_REASON_REQUIRED', { unit: entry.unit.name });
    if (entry.aggregate === null) throw new AppError('RANKING_UNIT_NOT_RANKED', { unit: entry.unit.name });
    const previous = { adjustment: entry.adjustment, total: entry.total, rank: entry.rank };
    entry.adjustment = input.adjustment;
    entry.adjustmentReason = input.reason;

    const breakdowns = new Map(entries.map((e) => [e.unit.id, breakdownOf(e.breakdown)]));
    const first = breakdowns.get(entry.unit.id)!;
    const table = await em.findOneOrFail(ScoringTableVersion, first.tableVersionId);
    const rankedEntries = entries.filter((e) => e.aggregate !== null);
    const ranked = rankUnits(
      rankedEntries.map((e) => {
        const breakdown = breakdowns.get(e.unit.id)!;
        return { unitId: e.unit.id, label: breakdown.label, total: e.aggregate! + e.adjustment, groups: breakdown.groups, penalties: breakdown.penalties };
      }),
      first.tieBreak,
      table.document.grades,
    );
    const byUnit = new Map(ranked.map((row) => [row.unitId, row]));
    for (const e of rankedEntries) {
      const row = byUnit.get(e.unit.id)!;
      e.total = row.total;
      e.rank = row.rank;
      e.grade = row.grade?.code ?? null;
      e.tiedWith = null;
      e.decidedBy = row.decidedBy;
    }
    return { ...this.outcome(ranked, first.tieBreak, input.leaders, entries.map((e) => e.unit), breakdowns), previous, entry };
  }

  /** The entries of a rank stage run with their units, ranked ones in rank order, then those not ranked. */
  async entries(em: EntityManager, stageRunId: string): Promise<RankingEntry[]> {
    const entries = await em.find(RankingEntry, { stageRunId }, { populate: ['unit'] });
    return inRankOrder(entries);
  }

  /**
   * Every submitted or recused sheet about one unit in these score stage runs and every score the submitted ones give:
   * one query per kind of data, whatever the number of criteria.
   */
  async unitScores(em: EntityManager, runIds: string[], unitId: string): Promise<{ sheets: ScoreSheet[]; scores: Score[] }> {
    if (!runIds.length) return { sheets: [], scores: [] };
    const sheets = await em.find(ScoreSheet, { stageRunId: { $in: runIds }, scoredUnit: unitId, status: { $in: ['submitted', 'recused'] } }, { populate: ['scorerUnit', 'scorerPerson'] });
    const submitted = sheets.filter((sheet) => sheet.status === 'submitted').map((sheet) => sheet.id);
    const scores = submitted.length ? await em.find(Score, { scoredUnitId: unitId, sheet: { $in: submitted } }) : [];
    return { sheets, scores };
  }

  /** Every submitted sheet of these runs (all units), for the workbook: one query for the sheets, one for their scores. */
  async allScores(em: EntityManager, runIds: string[]): Promise<{ sheets: ScoreSheet[]; scores: Array<{ sheetId: string; criterionCode: string; points: Hundredths }> }> {
    if (!runIds.length) return { sheets: [], scores: [] };
    const sheets = await em.find(ScoreSheet, { stageRunId: { $in: runIds }, status: 'submitted' }, { populate: ['scorerUnit', 'scorerPerson', 'scoredUnit'] });
    if (!sheets.length) return { sheets, scores: [] };
    const rows = await (em as SqlEntityManager)
      .createQueryBuilder(Score, 'sc')
      .select([raw('sc.sheet_id as sheet_id'), raw('sc.criterion_code as criterion_code'), raw('sc.points as points')])
      .join('sc.sheet', 's')
      .where({ 's.stageRunId': { $in: runIds }, 's.status': 'submitted' })
      .execute<Array<{ sheet_id: string; criterion_code: string; points: number | string }>>('all', false);
    return { sheets, scores: rows.map((row) => ({ sheetId: row.sheet_id, criterionCode: row.criterion_code, points: Number(row.points) })) };
  }

  /**
   * What the computation leaves for the campaign's context and history, from the rows the statement returned: the
   * ranked entries' chain values (in rankUnits' order: rank, then label, then id) for the leaders and the tie
   * explanations, and the breakdowns of the units not ranked for their reasons.
   */
  private async outcomeOf(em: EntityManager, entries: RankedEntryRow[], stageRunId: string, tieBreak: TieBreakKey[], leaders: number): Promise<RankingOutcome> {
    const ranked: RankedRow[] = entries
      .filter((row) => row.rank !== null)
      .map((row) => ({
        unitId: row.unit_id,
        label: row.label,
        total: Number(row.total),
        groups: json(row.groups) ?? {},
        penalties: Number(row.penalties),
        rank: Number(row.rank),
        grade: null,
        decidedBy: row.decided_by,
      }))
      // The statement returns them in rank order, labels bytewise within a rank: mostly in order, so the sort is near linear.
      .sort((a, b) => a.rank - b.rank || collator.compare(a.label, b.label) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
    // Within a tie the row above is the previous one in Vietnamese label order: where the database's order differed,
    // the key that placed a row moves to the row the readers show first.
    const chain = comparisonChain(tieBreak);
    const moved: RankedRow[] = [];
    ranked.forEach((row, index) => {
      const above = ranked[index - 1];
      const decidedBy = above ? (chain.find((key) => chainValue(above, key) !== chainValue(row, key)) ?? null) : null;
      if (decidedBy !== row.decidedBy) moved.push(row);
      row.decidedBy = decidedBy;
    });
    await this.setDecidedBy(em, stageRunId, moved);
    const unranked = entries.filter((row) => row.rank === null);
    // The units the outcome names, the leaders and those not ranked, with the names the statement returned.
    const nameOf = new Map(entries.map((row) => [row.unit_id, row.name]));
    const units = [...ranked.filter((row) => row.rank <= leaders).map((row) => row.unitId), ...unranked.map((row) => row.unit_id)].map((id) => ({ id, name: nameOf.get(id)! }));
    const breakdowns = new Map(unranked.map((row) => [row.unit_id, { ranked: false, counted: [], recused: Number(row.recused ?? 0) } as unknown as RankingBreakdown]));
    return this.outcome(ranked, tieBreak, leaders, units, breakdowns);
  }

  /** The moved keys written: one UPDATE per key and chunk of units, a sector may move thousands. */
  private async setDecidedBy(em: EntityManager, stageRunId: string, rows: RankedRow[]): Promise<void> {
    const byKey = new Map<TieBreakKey | null, string[]>();
    for (const row of rows) {
      const ids = byKey.get(row.decidedBy);
      if (ids) ids.push(row.unitId);
      else byKey.set(row.decidedBy, [row.unitId]);
    }
    for (const [key, unitIds] of byKey) {
      for (let start = 0; start < unitIds.length; start += UPDATE_CHUNK) {
        const chunk = unitIds.slice(start, start + UPDATE_CHUNK);
        await this.raw(em, `update ranking_entry set decided_by = ? where stage_run_id = ? and unit_id in (${chunk.map(() => '?').join(', ')})`, [key, stageRunId, ...chunk]);
      }
    }
  }

  /** Plain SQL with bound parameters in the caller's transaction (knex.raw: MikroORM's execute formats values into the text). */
  private async raw<T = unknown>(em: EntityManager, sql: string, bindings: unknown[]): Promise<T> {
    const knex = (em as SqlEntityManager).getKnex();
    const context = em.getTransactionContext<Knex.Transaction>();
    const query = knex.raw(sql, bindings as Knex.RawBinding[]);
    const result = (await (context ? query.transacting(context) : query)) as unknown;
    // pg answers { rows }, better-sqlite3 the rows themselves.
    return (Array.isArray(result) ? result : (result as { rows: T }).rows) as T;
  }

  /** The places not decided by the total alone: counted, and the first TIES_EXPLAINED explained (only those are built). */
  private tiesOf(ranked: RankedRow[], tieBreak: TieBreakKey[]): Pick<RankingOutcome, 'ties' | 'tiesTotal'> {
    const ties: Text[] = [];
    let tiesTotal = 0;
    ranked.forEach((row, index) => {
      if (!index || row.decidedBy === 'total') return;
      if (tiesTotal++ < TIES_EXPLAINED) ties.push(explainPlace(ranked[index - 1], row, tieBreak, row.decidedBy, row.rank));
    });
    return { ties, tiesTotal };
  }

  private outcome(ranked: RankedRow[], tieBreak: TieBreakKey[], leaders: number, units: Array<Pick<Unit, 'id' | 'name'>>, breakdowns: Map<string, RankingBreakdown>): RankingOutcome {
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    const leading = ranked.filter((row) => row.rank <= leaders);
    return {
      leaders: leading.map((row) => row.unitId),
      leaderRows: leading.map((row) => ({ unitId: row.unitId, name: names.get(row.unitId) ?? row.label, rank: row.rank, total: row.total })),
      ...this.tiesOf(ranked, tieBreak),
      notRanked: units
        .filter((unit) => breakdowns.get(unit.id)?.ranked === false)
        .map((unit) => ({ unitId: unit.id, name: unit.name, reason: notRankedReason(breakdowns.get(unit.id)!)! })),
    };
  }
}

const collator = new Intl.Collator('vi');
