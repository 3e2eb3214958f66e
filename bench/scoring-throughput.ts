/**
 * `npm run bench` (PostgreSQL): a whole sector's year-end scoring — BENCH_UNITS units (10,000) × 50 criteria × 6
 * scorers = 3 M scores — ingested through the product's path (each sheet's entries scored by `scoreSheet()` in
 * integer hundredths, then written by `ScoreWriter.insertScores`) next to a plain multi-row INSERT of the same rows
 * into the same table; then the ranking of every unit by `RankingService.compute` (the rank stage's data side:
 * trimmed mean, tie-break chain, grades, one entry per unit written) next to one SQL aggregate over those rows.
 * Both ratios are printed and written to bench/results/. Each timed figure of the ranking side is the median of
 * BENCH_REPEAT runs (3); BENCH_PART=ranking skips the product's ingest, to profile the ranking alone, and
 * BENCH_EXPLAIN=1 prints the ranking statement's plan.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager, Knex } from '@mikro-orm/knex';
import { FormsService } from '../src/modules/forms/forms.service';
import { Unit } from '../src/modules/org/entities/unit.entity';
import { ScoreSheet } from '../src/modules/scoring/entities/score-sheet.entity';
import { ScoringTableVersion } from '../src/modules/scoring/entities/scoring-table-version.entity';
import { rankingStatement } from '../src/modules/scoring/ranking/ranking-sql';
import { defaultTieBreak, RankingService } from '../src/modules/scoring/ranking/ranking.service';
import { ScoreRow, ScoreWriter, SCORE_ROWS_PER_STATEMENT } from '../src/modules/scoring/score-writer.service';
import { ScoringTablesService } from '../src/modules/scoring/scoring-tables.service';
import { penaltiesOf, scoreSheet } from '../src/modules/scoring/table/score-sheet';
import { ScoringLeaf, ScoringTableDocument, SheetEntry } from '../src/modules/scoring/table/scoring-table';
import { leavesOf } from '../src/modules/scoring/table/table-text';
import { startTestApp, TestApp } from '../test/support/test-app';

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const CRITERIA = 50;
const SCORERS = 6;
/** Sheets per transaction on both paths. */
const SHEETS_PER_BATCH = 1_000;
const dialect = process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
/** Each timed figure is the median of this many runs, so that neither side is judged on a cold first call. */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** `ranking` skips the product's ingest (the plain INSERT still writes the rows the aggregate reads): for profiling. */
const ONLY_RANKING = process.env.BENCH_PART === 'ranking';
/** `BENCH_EXPLAIN=1` prints the ranking statement's plan, run under EXPLAIN (ANALYZE, BUFFERS) as compute runs it. */
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';

/** 4 groups × 10 `full` criteria of 2,5 points and a group of 10 penalties of up to 2 points: the shape of a real table. */
function benchTable(): ScoringTableDocument {
  const groups = ['I', 'II', 'III', 'IV', 'V'].map((code) => ({
    code,
    text: `Nhóm ${code}`,
    items: Array.from({ length: CRITERIA / 5 }, (_, i): ScoringLeaf => ({
      code: `${code}.${i + 1}`,
      text: `Tiêu chí ${code}.${i + 1}`,
      method: code === 'V' ? 'penalty' : 'full',
      points: code === 'V' ? 2 : 2.5,
    })),
  }));
  return {
    name: 'Bảng chấm điểm đo hiệu năng',
    year: 2020,
    rounding: 'half-up',
    grades: [
      { code: 'xuat-sac', label: 'Xuất sắc', min: 95 },
      { code: 'tot', label: 'Tốt', min: 85 },
      { code: 'kha', label: 'Khá', min: 70 },
    ],
    groups,
  };
}

/** Deterministic points (0,00 … 2,00 in steps of 0,25) for a sheet and a criterion, so both paths write the same rows. */
const pointsOf = (sheet: number, leaf: number) => ((sheet * 31 + leaf * 17) % 9) * 0.25;

/** Outside a request the services need their own EntityManager, as the CLI's sync does. */
const tablesService = (t: TestApp) => new ScoringTablesService(t.app.get(MikroORM).em.fork(), new FormsService(t.app.get(MikroORM).em.fork()));

interface BenchSheet {
  id: string;
  scoredUnitId: string;
  entries: SheetEntry[];
}

async function seed(t: TestApp, table: ScoringTableDocument): Promise<{ sheets: BenchSheet[]; unitIds: string[]; runId: string; tableVersionId: string }> {
  const orm = t.app.get(MikroORM);
  const { version } = await tablesService(t).publish(`bench-${randomUUID().slice(0, 8)}`, table, null);
  const em = orm.em.fork();
  const now = new Date();
  const unitIds = Array.from({ length: UNITS }, () => randomUUID());
  for (let i = 0; i < UNITS; i += 2_000) {
    await em.insertMany(Unit, unitIds.slice(i, i + 2_000).map((id, k) => ({ id, code: `BENCH-${i + k}`, name: `Đơn vị đo ${i + k}`, createdAt: now, updatedAt: now })));
  }
  const runId = randomUUID();
  const campaignId = randomUUID();
  const leaves = table.groups.flatMap((group) => group.items as ScoringLeaf[]);
  const sheets: BenchSheet[] = [];
  const rows: Array<RequiredEntityData<ScoreSheet>> = [];
  unitIds.forEach((scoredUnitId, u) => {
    for (let s = 1; s <= SCORERS; s++) {
      const index = sheets.length;
      const entries = leaves.map((leaf, l) => ({ code: leaf.code, value: pointsOf(index, l) }));
      const result = scoreSheet(table, entries);
      const sheet = { id: randomUUID(), scoredUnitId, entries };
      sheets.push(sheet);
      rows.push({
        id: sheet.id,
        createdAt: now,
        updatedAt: now,
        campaignId,
        stageRunId: runId,
        taskId: randomUUID(),
        tableVersion: version.id,
        kind: 'peer',
        scorerUnit: unitIds[(u + s) % UNITS],
        scoredUnit: scoredUnitId,
        status: 'submitted',
        total: result.total,
        groupTotals: Object.fromEntries(result.branches.filter((b) => table.groups.some((g) => g.code === b.code)).map((b) => [b.code, b.capped])),
        // As the product's submit keeps them (ScoreTaskService).
        penalties: penaltiesOf(table, result.leaves),
        submittedAt: now,
        version: 1,
      });
    }
  });
  for (let i = 0; i < rows.length; i += 2_000) await em.insertMany(ScoreSheet, rows.slice(i, i + 2_000));
  return { sheets, unitIds, runId, tableVersionId: version.id };
}

/** The product's path: each sheet scored exactly, its rows written by ScoreWriter, a transaction per batch of sheets. */
async function productIngest(t: TestApp, table: ScoringTableDocument, sheets: BenchSheet[]): Promise<number> {
  const orm = t.app.get(MikroORM);
  const writer = new ScoreWriter();
  const started = process.hrtime.bigint();
  for (let i = 0; i < sheets.length; i += SHEETS_PER_BATCH) {
    const rows: ScoreRow[] = [];
    for (const sheet of sheets.slice(i, i + SHEETS_PER_BATCH)) {
      const result = scoreSheet(table, sheet.entries);
      if (result.problems.length) throw new Error(`bench sheet refused: ${JSON.stringify(result.problems[0])}`);
      for (const leaf of result.leaves) rows.push({ sheetId: sheet.id, scoredUnitId: sheet.scoredUnitId, criterionCode: leaf.code, points: leaf.points });
    }
    await orm.em.fork().transactional((em) => writer.insertScores(em, rows));
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The baseline: the same rows (points precomputed) as plain parameterised multi-row INSERTs into the same table. */
async function plainInsert(t: TestApp, table: ScoringTableDocument, sheets: BenchSheet[]): Promise<number> {
  const orm = t.app.get(MikroORM);
  const leaves = table.groups.flatMap((group) => group.items as ScoringLeaf[]);
  const started = process.hrtime.bigint();
  for (let i = 0; i < sheets.length; i += SHEETS_PER_BATCH) {
    const values: unknown[][] = [];
    for (const sheet of sheets.slice(i, i + SHEETS_PER_BATCH)) {
      leaves.forEach((leaf, l) => {
        const points = Math.round(Number(sheet.entries[l].value) * 100);
        values.push([randomUUID(), sheet.id, sheet.scoredUnitId, leaf.code, leaf.method === 'penalty' ? -points : points]);
      });
    }
    await orm.em.fork().transactional(async (em) => {
      const connection = em.getConnection();
      for (let j = 0; j < values.length; j += SCORE_ROWS_PER_STATEMENT) {
        const chunk = values.slice(j, j + SCORE_ROWS_PER_STATEMENT);
        await connection.execute(
          `insert into score (id, sheet_id, scored_unit_id, criterion_code, points) values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flat(),
        );
      }
    });
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The median of REPEAT timed runs of work, in seconds. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const seconds: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = process.hrtime.bigint();
    await work();
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return seconds.sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
}

/** The ranking's statement under EXPLAIN (ANALYZE, BUFFERS), in a transaction with compute's settings, rolled back. */
async function explainRanking(orm: MikroORM, tableVersion: ScoringTableVersion, seeded: { runId: string; unitIds: string[] }): Promise<void> {
  const table = tableVersion.document;
  const statement = rankingStatement({
    dialect: 'postgresql',
    campaignId: randomUUID(),
    stageRunId: randomUUID(),
    sourceRunIds: [seeded.runId],
    includeSelf: false,
    aggregation: 'trimmed-mean',
    tieBreak: defaultTieBreak(table),
    tableVersionId: tableVersion.id,
    groupCodes: table.groups.map((group) => group.code),
    grades: table.grades,
    penaltyCodes: leavesOf(table).filter((leaf) => leaf.method === 'penalty').map((leaf) => leaf.code),
    unitIds: seeded.unitIds,
    now: new Date(),
  });
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  await knex
    .transaction(async (trx) => {
      await trx.raw("set local work_mem = '64MB'; set local jit = off");
      const plan = await trx.raw(`explain (analyze, buffers) ${statement.sql}`, statement.bindings as Knex.RawBinding[]);
      process.stdout.write(`${(plan.rows as Array<Record<string, string>>).map((row) => row['QUERY PLAN']).join('\n')}\n`);
      await trx.rollback();
    })
    .catch((error: unknown) => {
      // knex rejects a rolled-back transaction with no error.
      if (error) throw error;
    });
}

async function main(): Promise<void> {
  const t = await startTestApp({ role: 'api' });
  try {
    const orm = t.app.get(MikroORM);
    const table = benchTable();
    const seeded = await seed(t, table);
    const scores = seeded.sheets.length * CRITERIA;
    const clear = () => orm.em.fork().getConnection().execute('delete from score');

    const plainSeconds = await plainInsert(t, table, seeded.sheets);
    let productSeconds = NaN;
    if (!ONLY_RANKING) {
      await clear();
      productSeconds = await productIngest(t, table, seeded.sheets);
    }
    const stored = Number((await orm.em.fork().getConnection().execute('select count(*) as n from score'))[0].n);
    if (stored !== scores) throw new Error(`expected ${scores} scores, found ${stored}`);
    // On PostgreSQL also vacuumed: the autovacuum the bulk load sets off would otherwise run during the timed parts.
    await orm.em.fork().getConnection().execute(dialect === 'postgresql' ? 'vacuum analyze' : 'analyze');

    const aggregateSeconds = await timed(() => orm.em.fork().getConnection().execute('select scored_unit_id, sum(points) as total from score group by scored_unit_id'));
    const tableVersion = await tablesService(t).findVersion(seeded.tableVersionId);
    let leaders: string[] = [];
    const rankingSeconds = await timed(() =>
      orm.em.fork().transactional(async (em) => {
        const outcome = await new RankingService().compute(em, {
          campaignId: randomUUID(),
          stageRunId: randomUUID(),
          sources: [{ stageRunId: seeded.runId, stageKey: 'cross-score' }],
          includeSelf: false,
          aggregation: 'trimmed-mean',
          leaders: 1,
          tableVersion,
          unitIds: seeded.unitIds,
        });
        leaders = outcome.leaders;
      }),
    );
    if (!leaders.length) throw new Error('the ranking named no leader');
    if (EXPLAIN) await explainRanking(orm, tableVersion, seeded);

    const ingestRatio = plainSeconds / productSeconds;
    const rankingRatio = rankingSeconds / aggregateSeconds;
    const result = {
      dialect,
      date: new Date().toISOString(),
      units: UNITS,
      criteria: CRITERIA,
      scorers: SCORERS,
      scores,
      ingest: { productSeconds: +productSeconds.toFixed(2), plainInsertSeconds: +plainSeconds.toFixed(2), ratio: +ingestRatio.toFixed(3), target: '≥ 0.5' },
      ranking: { rankingSeconds: +rankingSeconds.toFixed(3), oneAggregateSeconds: +aggregateSeconds.toFixed(3), ratio: +rankingRatio.toFixed(3), target: '≤ 2' },
    };
    process.stdout.write(
      `[${dialect}] scoring: ${scores.toLocaleString('en')} scores ingested in ${productSeconds.toFixed(1)} s (${Math.round(scores / productSeconds).toLocaleString('en')}/s) ` +
        `vs plain INSERT ${plainSeconds.toFixed(1)} s; ratio ${ingestRatio.toFixed(2)} (target ≥ 0.5)\n` +
        `[${dialect}] ranking of ${UNITS.toLocaleString('en')} units: ${rankingSeconds.toFixed(2)} s vs one SQL aggregate ${aggregateSeconds.toFixed(2)} s; ` +
        `ratio ${rankingRatio.toFixed(2)} (target ≤ 2)\n`,
    );
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `scoring-throughput-${dialect}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
