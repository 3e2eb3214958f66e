import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import fc from 'fast-check';
import { loadConfig } from '../../src/config/load-config';
import { migratingOrmOptions } from '../../src/database/migrating-orm-options';
import { ENTITIES } from '../../src/entities';
import { FormsService } from '../../src/modules/forms/forms.service';
import { Person } from '../../src/modules/org/entities/person.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { RankingEntry } from '../../src/modules/scoring/entities/ranking-entry.entity';
import { Score } from '../../src/modules/scoring/entities/score.entity';
import { ScoreSheet, ScoreSheetKind, ScoreSheetStatus } from '../../src/modules/scoring/entities/score-sheet.entity';
import { ScoringTableVersion } from '../../src/modules/scoring/entities/scoring-table-version.entity';
import { aggregateValue } from '../../src/modules/scoring/ranking/aggregate';
import { rankUnits } from '../../src/modules/scoring/ranking/rank';
import { breakdownOf, sheetFactsOf, SheetUse, sheetUsesOf } from '../../src/modules/scoring/ranking/ranking-breakdown';
import { defaultTieBreak, RankingService, TIES_EXPLAINED } from '../../src/modules/scoring/ranking/ranking.service';
import { ScoringTablesService } from '../../src/modules/scoring/scoring-tables.service';
import { AggregationMethod, ScoringTableDocument, TieBreakKey } from '../../src/modules/scoring/table/scoring-table';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';

/**
 * The set-based ranking (one INSERT … SELECT) against its specification, the pure aggregateValue() and rankUnits()
 * composed as the rank stage describes: generated sheets (equal totals, recusals, drafts, self sheets, sheets of
 * another run, persons as scorers, penalties kept or only in the scores), every method and two tie-break chains.
 */
const TABLE: ScoringTableDocument = {
  name: 'Bảng chấm điểm kiểm thử xếp hạng',
  year: 2020,
  rounding: 'half-up',
  grades: [
    { code: 'xuat-sac', label: 'Xuất sắc', min: 20 },
    { code: 'tot', label: 'Tốt', min: 12.5 },
  ],
  groups: [
    { code: 'I', text: 'Nhóm I', items: [{ code: 'I.1', text: 'Tiêu chí I.1', method: 'full', points: 10 }] },
    { code: 'II', text: 'Nhóm II', items: [{ code: 'II.1', text: 'Tiêu chí II.1', method: 'full', points: 10 }] },
    { code: 'III', text: 'Nhóm III', items: [{ code: 'III.1', text: 'Điểm trừ', method: 'penalty', points: 5 }] },
  ],
};

/** Names whose bytewise order differs from the Vietnamese one (Đ after H bytewise, before it in Vietnamese). */
const NAMES = ['Đà Nẵng', 'Hà Nội', 'Huế', 'Điện Biên', 'An Giang', 'Ả Rập', 'Bắc Ninh', 'Cà Mau', 'Quảng Bình', 'Quảng Trị', 'Thanh Hóa', 'Thừa Thiên Huế'];

interface GeneratedSheet {
  scorer: number;
  kind: ScoreSheetKind;
  status: ScoreSheetStatus;
  /** Hundredths; a few totals only, so that ties and equal extremes are common. */
  total: number | null;
  groups: [number, number];
  penalties: number;
  /** Penalties only in the scores, as sheets submitted before they were kept. */
  legacy: boolean;
  otherRun: boolean;
}

const sheetArbitrary = fc.record({
  scorer: fc.nat({ max: 13 }),
  kind: fc.constantFrom<ScoreSheetKind>('peer', 'peer', 'peer', 'self', 'council'),
  status: fc.constantFrom<ScoreSheetStatus>('submitted', 'submitted', 'submitted', 'submitted', 'recused', 'draft'),
  total: fc.option(fc.constantFrom(1500, 1525, 1550, 2000, 2050, -300), { freq: 12 }),
  groups: fc.tuple(fc.constantFrom(500, 650, 1000), fc.constantFrom(0, 550, 1000)),
  penalties: fc.constantFrom(0, -50, -100, -250),
  legacy: fc.boolean(),
  otherRun: fc.constantFrom(false, false, false, false, true),
});
/** Per scored unit, its sheets. */
const scenarioArbitrary = fc.array(fc.array(sheetArbitrary, { maxLength: 8 }), { minLength: 12, maxLength: 12 });

interface Case {
  aggregation: AggregationMethod;
  includeSelf: boolean;
  tieBreak: TieBreakKey[];
}

describe(`set-based ranking against aggregateValue and rankUnits (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let table: ScoringTableVersion;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(migratingOrmOptions(loadConfig({ NODE_ENV: 'test', ...database.env }).database, ENTITIES));
    await orm.getMigrator().up();
    const tables = new ScoringTablesService(orm.em.fork(), new FormsService(orm.em.fork()));
    table = (await tables.publish('xep-hang-kiem-thu', TABLE, null)).version;
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  /** Units named so that labels tie in both orders, scorer units and two persons of the council. */
  async function seed(scenario: GeneratedSheet[][]): Promise<{ runId: string; unitIds: string[] }> {
    const em = orm.em.fork();
    const tag = randomUUID().slice(0, 8);
    const scored = scenario.map((_, index) => em.create(Unit, { code: `R-${tag}-${index}`, name: `VKSND ${NAMES[index]}`, shortName: index % 3 ? null : NAMES[index] }));
    const scorers = [
      ...NAMES.map((name, index) => ({ unit: em.create(Unit, { code: `S-${tag}-${index}`, name: `Viện kiểm sát ${name}` }), person: null })),
      { unit: null, person: em.create(Person, { username: `hd-${tag}-1`, fullName: 'Đỗ Văn An' }) },
      { unit: null, person: em.create(Person, { username: `hd-${tag}-2`, fullName: 'Hoàng Thị Bình' }) },
    ];
    await em.flush();
    const runId = randomUUID();
    const otherRunId = randomUUID();
    const campaignId = randomUUID();
    const tableVersion = em.getReference(ScoringTableVersion, table.id);
    scenario.forEach((sheets, index) =>
      sheets.forEach((generated) => {
        const scorer = scorers[generated.scorer];
        const submitted = generated.status === 'submitted';
        const sheet = em.create(ScoreSheet, {
          campaignId,
          stageRunId: generated.otherRun ? otherRunId : runId,
          taskId: randomUUID(),
          tableVersion,
          kind: generated.kind,
          scorerUnit: scorer.unit,
          scorerPerson: scorer.person,
          scoredUnit: scored[index],
          status: generated.status,
          total: submitted ? generated.total : null,
          groupTotals: submitted ? { I: generated.groups[0], II: generated.groups[1], III: generated.penalties } : null,
          penalties: submitted && !generated.legacy ? generated.penalties : null,
        });
        if (submitted && generated.legacy) em.create(Score, { sheet, scoredUnitId: scored[index].id, criterionCode: 'III.1', points: generated.penalties, entry: null });
      }),
    );
    await em.flush();
    return { runId, unitIds: scored.map((unit) => unit.id) };
  }

  /** The entries the rank stage's specification gives for these sheets, from the database's rows. */
  async function expected(runId: string, unitIds: string[], test: Case) {
    const em = orm.em.fork();
    const sheets = await em.find(ScoreSheet, { stageRunId: runId, status: { $in: ['submitted', 'recused'] } }, { populate: ['scorerUnit', 'scorerPerson'] });
    const found = new Map((await em.find(Unit, { id: { $in: unitIds } })).map((unit) => [unit.id, unit]));
    const units = unitIds.map((id) => found.get(id)!);
    const scorerOf = (sheet: ScoreSheet) => sheet.scorerUnit?.shortName ?? sheet.scorerUnit?.name ?? sheet.scorerPerson?.fullName ?? '';
    // Bytewise (code point) order of names, then id: the order the aggregation takes the sheets in.
    const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const rows = [];
    const breakdowns = new Map<string, { sheets: SheetUse[]; groups: Record<string, number>; penalties: number; ranked: boolean; aggregate: number | null }>();
    for (const unit of units) {
      const mine = sheets
        .filter((sheet) => sheet.scoredUnit.id === unit.id && (test.includeSelf || sheet.kind !== 'self'))
        .sort((a, b) => bytewise(scorerOf(a), scorerOf(b)) || bytewise(a.id, b.id));
      const counted = mine.filter((sheet) => sheet.status === 'submitted' && sheet.total !== null);
      const recused: SheetUse[] = mine.filter((sheet) => sheet.status === 'recused').map((sheet) => ({ sheetId: sheet.id, use: 'recused', total: null }));
      if (!counted.length) {
        breakdowns.set(unit.id, { sheets: recused, groups: {}, penalties: 0, ranked: false, aggregate: null });
        continue;
      }
      const penaltiesOf = (sheet: ScoreSheet) => sheet.penalties ?? (sheet.groupTotals!.III as number);
      const result = aggregateValue(test.aggregation, counted.map((sheet) => sheet.total!));
      const groups = Object.fromEntries(['I', 'II', 'III'].map((code) => [code, aggregateValue(test.aggregation, counted.map((sheet) => sheet.groupTotals![code] as number)).value]));
      const penalties = Math.min(0, aggregateValue(test.aggregation, counted.map(penaltiesOf)).value);
      const uses: SheetUse[] = counted.map((sheet, index) => ({ sheetId: sheet.id, use: result.dropped.includes(index) ? 'dropped' : 'used', total: sheet.total }));
      breakdowns.set(unit.id, { sheets: [...uses, ...recused], groups, penalties, ranked: true, aggregate: result.value });
      rows.push({ unitId: unit.id, label: unit.shortName ?? unit.name, total: result.value, groups, penalties });
    }
    const ranked = new Map(rankUnits(rows, test.tieBreak, TABLE.grades).map((row) => [row.unitId, row]));
    return units.map((unit) => {
      const row = ranked.get(unit.id);
      const breakdown = breakdowns.get(unit.id)!;
      return {
        unit: unit.id,
        aggregate: breakdown.aggregate,
        total: row?.total ?? null,
        rank: row?.rank ?? null,
        grade: row?.grade?.code ?? null,
        decidedBy: row?.decidedBy ?? null,
        sheets: breakdown.sheets,
        breakdown: {
          ranked: breakdown.ranked,
          tableVersionId: table.id,
          aggregation: test.aggregation,
          tieBreak: test.tieBreak,
          label: unit.shortName ?? unit.name,
          sources: [runId],
          includeSelf: test.includeSelf,
          counted: breakdown.sheets.flatMap((sheet) => (sheet.use === 'recused' ? [] : [sheet.total!])),
          recused: breakdown.sheets.filter((sheet) => sheet.use === 'recused').length,
          groups: breakdown.groups,
          penalties: breakdown.penalties,
        },
      };
    });
  }

  async function actual(runId: string, unitIds: string[], test: Case) {
    const stageRunId = randomUUID();
    const outcome = await orm.em.fork().transactional((em) =>
      new RankingService().compute(em, {
        campaignId: randomUUID(),
        stageRunId,
        sources: [{ stageRunId: runId, stageKey: 'cross-score' }],
        includeSelf: test.includeSelf,
        aggregation: test.aggregation,
        tieBreak: test.tieBreak,
        leaders: 2,
        tableVersion: table,
        unitIds,
      }),
    );
    const em = orm.em.fork();
    const entries = await em.find(RankingEntry, { stageRunId });
    const byUnit = new Map(entries.map((entry) => [entry.unit.id, entry]));
    // Every sheet of every run, as a reader may load them: the list of each unit's sheets is derived from them.
    const sheets = await em.find(ScoreSheet, { scoredUnit: { $in: unitIds }, status: { $in: ['submitted', 'recused'] } }, { populate: ['scorerUnit', 'scorerPerson'] });
    const rows = unitIds.map((id) => {
      const entry = byUnit.get(id)!;
      const breakdown = breakdownOf(entry.breakdown);
      const mine = sheets.filter((sheet) => sheet.scoredUnit.id === id).map(sheetFactsOf);
      return { unit: id, aggregate: entry.aggregate, total: entry.total, rank: entry.rank, grade: entry.grade, decidedBy: entry.decidedBy, sheets: sheetUsesOf(breakdown, mine), breakdown };
    });
    return { rows, outcome, count: entries.length };
  }

  const cases: Case[] = [
    { aggregation: 'trimmed-mean', includeSelf: false, tieBreak: defaultTieBreak(TABLE) },
    { aggregation: 'mean', includeSelf: true, tieBreak: defaultTieBreak(TABLE) },
    { aggregation: 'median', includeSelf: false, tieBreak: ['group:II', 'fewer-penalties', 'group:ZZ'] },
    { aggregation: 'trimmed-mean', includeSelf: true, tieBreak: ['fewer-penalties'] },
  ];

  it('writes what aggregateValue and rankUnits give, for every method, on generated sheets', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const { runId, unitIds } = await seed(scenario as GeneratedSheet[][]);
        for (const test of cases) {
          const { rows, outcome, count } = await actual(runId, unitIds, test);
          expect(count).toBe(unitIds.length);
          const want = await expected(runId, unitIds, test);
          expect(rows).toEqual(want);
          // The outcome names the ranks 1 and 2 in rank order, and every unit without a counted sheet.
          const leading = want.filter((row) => row.rank !== null && row.rank <= 2);
          expect(new Set(outcome.leaders)).toEqual(new Set(leading.map((row) => row.unit)));
          expect(outcome.notRanked.map((row) => row.unitId).sort()).toEqual(want.filter((row) => row.rank === null).map((row) => row.unit).sort());
          // Every place after the first that the total alone did not decide is counted (and, this few, explained).
          const ranked = want.filter((row) => row.rank !== null).length;
          const byTotal = want.filter((row) => row.decidedBy === 'total').length;
          expect(outcome.tiesTotal).toBe(Math.max(0, ranked - 1 - byTotal));
          expect(outcome.ties).toHaveLength(outcome.tiesTotal);
        }
      }),
      { seed: 20261203, numRuns: 12 },
    );
  });

  it("counts a sector's ties but explains only the first TIES_EXPLAINED of them, in rank order", async () => {
    const em = orm.em.fork();
    const tag = randomUUID().slice(0, 8);
    const count = TIES_EXPLAINED + 30;
    // Every unit scored alike: the chain cannot break any tie, so every place after the first is explained as shared.
    const units = Array.from({ length: count }, (_, index) => em.create(Unit, { code: `T-${tag}-${index}`, name: `VKSND Đơn vị ${String(index).padStart(3, '0')}` }));
    const scorer = em.create(Unit, { code: `TS-${tag}`, name: 'Viện kiểm sát chấm' });
    const runId = randomUUID();
    const campaignId = randomUUID();
    for (const unit of units) {
      em.create(ScoreSheet, {
        campaignId,
        stageRunId: runId,
        taskId: randomUUID(),
        tableVersion: em.getReference(ScoringTableVersion, table.id),
        kind: 'peer',
        scorerUnit: scorer,
        scoredUnit: unit,
        status: 'submitted',
        total: 1500,
        groupTotals: { I: 1000, II: 500, III: 0 },
        penalties: 0,
      });
    }
    await em.flush();
    const { outcome, count: written } = await actual(runId, units.map((unit) => unit.id), { aggregation: 'mean', includeSelf: false, tieBreak: defaultTieBreak(TABLE) });
    expect(written).toBe(count);
    expect(outcome.tiesTotal).toBe(count - 1);
    expect(outcome.ties).toHaveLength(TIES_EXPLAINED);
    expect(outcome.ties[0].vi).toBe('VKSND Đơn vị 000 và VKSND Đơn vị 001 đồng hạng 1: bằng tổng điểm 15,00; bằng nhóm I 10,00; bằng điểm trừ 0,00');
    expect(outcome.ties[TIES_EXPLAINED - 1].vi).toMatch(/^VKSND Đơn vị 099 và VKSND Đơn vị 100 đồng hạng 1:/);
  });
});
