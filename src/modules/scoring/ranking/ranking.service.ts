import { randomUUID } from 'node:crypto';
import { EntityManager, JsonType, raw } from '@mikro-orm/core';
import type { Knex, EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error';
import type { Text } from '../../../common/i18n/language';
import { Unit } from '../../org/entities/unit.entity';
import { RankingEntry } from '../entities/ranking-entry.entity';
import { Score } from '../entities/score.entity';
import { ScoreSheet, ScoreSheetKind, ScoreSheetStatus } from '../entities/score-sheet.entity';
import { ScoringTableVersion } from '../entities/scoring-table-version.entity';
import { AggregationMethod, Hundredths, ScoringTableDocument, TieBreakKey } from '../table/scoring-table';
import { leavesOf } from '../table/table-text';
import { aggregateValue } from './aggregate';
import { explainPlace, RankedRow, rankUnits } from './rank';
import { breakdownOf, inRankOrder, notRankedReason, RankingBreakdown, SheetUse } from './ranking-breakdown';

/** Ranking entries per INSERT (a sector ranks 10,000 units). */
const ENTRIES_PER_STATEMENT = 1000;

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
  /** The explanations of every place not decided by the total alone (a tie broken by the chain, or kept). */
  ties: Text[];
  notRanked: Array<{ unitId: string; name: string; reason: Text }>;
}

/** A sheet row as the one query over score_sheet reads it. */
interface SheetRow {
  id: string;
  stageRunId: string;
  kind: ScoreSheetKind;
  status: ScoreSheetStatus;
  total: number | null;
  groupTotals: Record<string, number> | string | null;
  scoredUnit: string;
  scorerUnit: string | null;
  scorerPerson: string | null;
  /** Penalty points kept on the sheet; null on sheets submitted before they were kept (then summed from the scores). */
  penalties: number | null;
  /** The scoring unit's short name or name, else the scoring person's full name. */
  scorerName: string | null;
}

/** A sheet row as the database returns it. */
interface RawSheetRow {
  id: string;
  stage_run_id: string;
  kind: ScoreSheetKind;
  status: ScoreSheetStatus;
  total: number | string | null;
  group_totals: Record<string, number> | string | null;
  penalties: number | string | null;
  scored_unit_id: string;
  scorer_unit_id: string | null;
  scorer_person_id: string | null;
  scorer_name: string | null;
}

/** The default chain: the total, then the table's first group, then fewer penalty points. */
export function defaultTieBreak(table: ScoringTableDocument): TieBreakKey[] {
  return ['total', ...(table.groups[0] ? [`group:${table.groups[0].code}` as TieBreakKey] : []), 'fewer-penalties'];
}

/** A label for explanations: the short name a reader knows, else the full name. */
const labelOf = (unit: Pick<Unit, 'name' | 'shortName'>) => unit.shortName ?? unit.name;

const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The ranking of a rank stage run (xếp hạng), set-based: one query over score_sheet for the totals, group totals,
 * penalties and scorers' names of every sheet, one for the units' names, then the pure aggregateValue() and
 * rankUnits(), and multi-row INSERTs of the entries (figures only: their explanations are built when read). Works in the caller's transaction (the engine's, or the
 * adjustment's), never its own: it is the data side of the rank stage and of the council's adjustment.
 */
@Injectable()
export class RankingService {
  async compute(em: EntityManager, input: ComputeRankingInput): Promise<RankingOutcome> {
    const table = input.tableVersion.document;
    const tieBreak = input.tieBreak ?? defaultTieBreak(table);
    const runIds = input.sources.map((source) => source.stageRunId);
    // One after the other: they share the caller's transaction (SQLite's one connection).
    const sheets = await this.sheetRows(em, runIds, input.includeSelf);
    const penaltiesBySheet = await this.penaltiesBySheet(em, sheets, runIds, table);
    const units = await this.unitNames(em, input.unitIds);

    const sheetsByUnit = new Map<string, SheetRow[]>();
    for (const sheet of sheets) {
      const list = sheetsByUnit.get(sheet.scoredUnit);
      if (list) list.push(sheet);
      else sheetsByUnit.set(sheet.scoredUnit, [sheet]);
    }

    const scorerOrder = scorerOrderOf(sheets);
    const groupCodes = table.groups.map((group) => group.code);
    const breakdowns = new Map<string, RankingBreakdown>();
    const aggregates = new Map<string, Hundredths>();
    for (const unit of units) {
      const label = labelOf(unit);
      // Scorers in name order, so that "the earlier sheet" a trimmed mean drops among equal totals is a stable one.
      const mine = (sheetsByUnit.get(unit.id) ?? []).sort((a, b) => scorerOrder.get(a.scorerName ?? '')! - scorerOrder.get(b.scorerName ?? '')! || (a.id < b.id ? -1 : 1));
      const counted = mine.filter((sheet) => sheet.status === 'submitted' && sheet.total !== null);
      const recused = mine.filter((sheet) => sheet.status === 'recused');
      const recusedUses: SheetUse[] = recused.map((sheet) => ({ sheetId: sheet.id, use: 'recused', total: null }));
      const base = { tableVersionId: input.tableVersion.id, aggregation: input.aggregation, tieBreak, label };
      if (!counted.length) {
        breakdowns.set(unit.id, { ...base, ranked: false, sheets: recusedUses, groups: {}, penalties: 0 });
        continue;
      }
      const result = aggregateValue(input.aggregation, counted.map((sheet) => sheet.total!));
      const dropped = new Set(result.dropped);
      const groups: Record<string, Hundredths> = {};
      for (const code of groupCodes) groups[code] = aggregateValue(input.aggregation, counted.map((sheet) => (sheet.groupTotals as Record<string, number> | null)?.[code] ?? 0)).value;
      const penalties = Math.min(0, aggregateValue(input.aggregation, counted.map((sheet) => penaltiesBySheet.get(sheet.id) ?? 0)).value);
      aggregates.set(unit.id, result.value);
      breakdowns.set(unit.id, {
        ...base,
        ranked: true,
        sheets: [...counted.map((sheet, index): SheetUse => ({ sheetId: sheet.id, use: dropped.has(index) ? 'dropped' : 'used', total: sheet.total })), ...recusedUses],
        groups,
        penalties,
      });
    }

    const ranked = rankUnits(
      [...aggregates].map(([unitId, total]) => {
        const breakdown = breakdowns.get(unitId)!;
        return { unitId, label: breakdown.label, total, groups: breakdown.groups, penalties: breakdown.penalties };
      }),
      tieBreak,
      table.grades,
    );
    const byUnit = new Map(ranked.map((row) => [row.unitId, row]));
    const now = new Date();
    await em.nativeDelete(RankingEntry, { stageRunId: input.stageRunId });
    const rows = units.map((unit) => {
      const row = byUnit.get(unit.id);
      const breakdown = breakdowns.get(unit.id)!;
      return {
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        campaignId: input.campaignId,
        stageRunId: input.stageRunId,
        unit: unit.id,
        aggregate: row ? aggregates.get(unit.id)! : null,
        adjustment: 0,
        adjustmentReason: null,
        total: row?.total ?? null,
        rank: row?.rank ?? null,
        grade: row?.grade?.code ?? null,
        // Not stored: the units sharing a rank are read from the run's entries (tiedUnits), a tie stored n² ids.
        tiedWith: null,
        decidedBy: row?.decidedBy ?? null,
        breakdown: breakdown as unknown as Record<string, unknown>,
      };
    });
    await this.insertEntries(em, rows);
    return this.outcome(ranked, tieBreak, input.leaders, units, breakdowns);
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
   * The one query over score_sheet: every submitted or recused sheet of the source runs with its scorer's name (the
   * unit's short name or name, else the person's full name), without the unit of work.
   */
  private async sheetRows(em: EntityManager, runIds: string[], includeSelf: boolean): Promise<SheetRow[]> {
    if (!runIds.length) return [];
    // Raw rows, mapped here: the query builder's result mapping cost as much as the query at a sector's 60,000 sheets.
    const rows = await (em as SqlEntityManager)
      .createQueryBuilder(ScoreSheet, 's')
      .select([
        raw('s.id as id'),
        raw('s.stage_run_id as stage_run_id'),
        raw('s.kind as kind'),
        raw('s.status as status'),
        raw('s.total as total'),
        raw('s.group_totals as group_totals'),
        raw('s.penalties as penalties'),
        raw('s.scored_unit_id as scored_unit_id'),
        raw('s.scorer_unit_id as scorer_unit_id'),
        raw('s.scorer_person_id as scorer_person_id'),
        raw('coalesce(su.short_name, su.name, sp.full_name) as scorer_name'),
      ])
      .leftJoin('s.scorerUnit', 'su')
      .leftJoin('s.scorerPerson', 'sp')
      .where({ stageRunId: { $in: runIds }, status: { $in: ['submitted', 'recused'] }, ...(includeSelf ? {} : { kind: { $ne: 'self' } }) })
      .execute<RawSheetRow[]>('all', false);
    // JSON arrives parsed from PostgreSQL and as text from SQLite: parsed once here.
    return rows.map((row) => ({
      id: row.id,
      stageRunId: row.stage_run_id,
      kind: row.kind,
      status: row.status,
      total: row.total === null ? null : Number(row.total),
      groupTotals: json(row.group_totals),
      penalties: row.penalties === null ? null : Number(row.penalties),
      scoredUnit: row.scored_unit_id,
      scorerUnit: row.scorer_unit_id,
      scorerPerson: row.scorer_person_id,
      scorerName: row.scorer_name,
    }));
  }

  /**
   * Penalty points per submitted sheet (≤ 0), as kept on the sheet; for sheets submitted before they were kept, one
   * aggregate query over the scores of the table's penalty criteria.
   */
  private async penaltiesBySheet(em: EntityManager, sheets: SheetRow[], runIds: string[], table: ScoringTableDocument): Promise<Map<string, Hundredths>> {
    const kept = new Map<string, Hundredths>();
    const missing: string[] = [];
    for (const sheet of sheets) {
      if (sheet.status !== 'submitted') continue;
      if (sheet.penalties === null) missing.push(sheet.id);
      else kept.set(sheet.id, sheet.penalties);
    }
    const codes = leavesOf(table).filter((leaf) => leaf.method === 'penalty').map((leaf) => leaf.code);
    if (!missing.length || !codes.length) return kept;
    const rows = await (em as SqlEntityManager)
      .createQueryBuilder(Score, 'sc')
      .select([raw('sc.sheet_id as sheet_id'), raw('sum(sc.points) as penalties')])
      .join('sc.sheet', 's')
      .where({ criterionCode: { $in: codes }, 's.stageRunId': { $in: runIds }, 's.status': 'submitted', 's.penalties': null })
      .groupBy('sc.sheet')
      .execute<Array<{ sheet_id: string; penalties: number | string }>>('all', false);
    // Stored as negative points; a sheet that scored them as positive deductions still counts as ≤ 0.
    for (const row of rows) kept.set(row.sheet_id, 0 - Math.abs(Number(row.penalties)));
    return kept;
  }

  /** Units' names only, read without the unit of work: thousands of Unit entities were built just for their names. */
  private async unitNames(em: EntityManager, ids: string[]): Promise<Array<Pick<Unit, 'id' | 'name' | 'shortName'>>> {
    if (!ids.length) return [];
    return (em as SqlEntityManager)
      .createQueryBuilder(Unit, 'u')
      .select(['u.id', 'u.name', 'u.shortName'])
      .where({ id: { $in: ids } })
      .execute<Array<Pick<Unit, 'id' | 'name' | 'shortName'>>>('all');
  }

  /**
   * The entries written by multi-row INSERTs with bound parameters, in the caller's transaction. Not em.insertMany:
   * MikroORM formats every value into the SQL text (each breakdown is kilobytes of JSON), which took seconds per
   * thousand units; bound, the JSON goes to the driver as one string (jsonb on PostgreSQL, text on SQLite, both read
   * back by JsonType). 15 columns a row: chunks keep each INSERT under SQLite's and PostgreSQL's bound-parameter limits.
   */
  private async insertEntries(em: EntityManager, rows: Array<Record<string, unknown>>): Promise<void> {
    const meta = em.getMetadata().get(RankingEntry.name);
    const platform = em.getPlatform();
    const columns = Object.keys(rows[0] ?? {});
    const properties = new Map(meta.props.map((property) => [property.name as string, property]));
    const fieldOf = (property: string) => properties.get(property)!.fieldNames[0];
    const valueOf = (property: string, value: unknown) =>
      value === null || value === undefined
        ? null
        : value instanceof Date
          ? platform.processDateProperty(value)
          : properties.get(property)!.customType instanceof JsonType
            ? JSON.stringify(value)
            : value;
    const fields = columns.map(fieldOf);
    const placeholders = `(${fields.map(() => '?').join(', ')})`;
    const context = em.getTransactionContext<Knex.Transaction>();
    for (let start = 0; start < rows.length; start += ENTRIES_PER_STATEMENT) {
      const chunk = rows
        .slice(start, start + ENTRIES_PER_STATEMENT)
        .map((row) => columns.map((property) => valueOf(property, row[property])));
      // Plain SQL with bound parameters (knex.raw: MikroORM's execute would format them into the text), without
      // knex's insert builder, which spent as long on 15,000 values as the database did.
      const sql = `insert into ${meta.tableName} (${fields.join(', ')}) values ${chunk.map(() => placeholders).join(', ')}`;
      const query = (em as SqlEntityManager).getKnex().raw(sql, chunk.flat() as Knex.RawBinding[]);
      await (context ? query.transacting(context) : query);
    }
  }

  private outcome(ranked: RankedRow[], tieBreak: TieBreakKey[], leaders: number, units: Array<Pick<Unit, 'id' | 'name'>>, breakdowns: Map<string, RankingBreakdown>): RankingOutcome {
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    const leading = ranked.filter((row) => row.rank <= leaders);
    return {
      leaders: leading.map((row) => row.unitId),
      leaderRows: leading.map((row) => ({ unitId: row.unitId, name: names.get(row.unitId) ?? row.label, rank: row.rank, total: row.total })),
      // Only the places not decided by the total are explained here: a sector has thousands of places.
      ties: ranked.flatMap((row, index) => (index && row.decidedBy !== 'total' ? [explainPlace(ranked[index - 1], row, tieBreak, row.decidedBy, row.rank)] : [])),
      notRanked: units
        .filter((unit) => breakdowns.get(unit.id)?.ranked === false)
        .map((unit) => ({ unitId: unit.id, name: unit.name, reason: notRankedReason(breakdowns.get(unit.id)!)! })),
    };
  }
}

const collator = new Intl.Collator('vi');

/**
 * Each scorer name's place in Vietnamese alphabetical order, computed once: a sector sorts 10,000 units' sheets, and
 * comparing names with the collator inside every sort cost more than the ranking itself.
 */
function scorerOrderOf(sheets: SheetRow[]): Map<string, number> {
  const names = [...new Set(sheets.map((sheet) => sheet.scorerName ?? ''))].sort(collator.compare);
  const order = new Map<string, number>();
  // Names the collator holds equal share a place, so that the sheet id decides between them as before.
  names.forEach((name, index) => order.set(name, index > 0 && collator.compare(names[index - 1], name) === 0 ? order.get(names[index - 1])! : index));
  return order;
}
