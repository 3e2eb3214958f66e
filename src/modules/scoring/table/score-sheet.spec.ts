import { AppError } from '../../../common/errors/app-error';
import { describeSheetProblems, penaltiesOf, scoreSheet, sheetInvalidError } from './score-sheet';
import { SheetEntry } from './scoring-table';
import { sampleScoringTable } from './testing/sample-scoring-table';

const table = sampleScoringTable();

/** A complete, valid sheet for the sample table; `changes` replace or add entries by code. */
function sheet(changes: Record<string, Partial<SheetEntry> | null> = {}): SheetEntry[] {
  const base: Record<string, SheetEntry> = {
    'I.1': { code: 'I.1', value: 9 },
    'I.2.a': { code: 'I.2.a', achieved: 18 },
    'I.2.b': { code: 'I.2.b', achieved: 25, target: 20 },
    'I.3': { code: 'I.3', value: true },
    'III.1': { code: 'III.1', value: 2.5 },
    'III.2': { code: 'III.2', value: 2 },
    'IV.1': { code: 'IV.1', value: 1.5 },
  };
  for (const [code, change] of Object.entries(changes)) {
    if (change === null) delete base[code];
    else base[code] = { code, ...change };
  }
  return Object.values(base);
}

const pointsOf = (entries: SheetEntry[]) => Object.fromEntries(scoreSheet(table, entries).leaves.map((l) => [l.code, l.points]));
const explanationOf = (entries: SheetEntry[], code: string) => scoreSheet(table, entries).leaves.find((l) => l.code === code)!.explanation;

describe('scoreSheet: a complete sheet, computed by hand', () => {
  const result = scoreSheet(table, sheet());

  it('scores each leaf with its method and explains it', () => {
    expect(result.problems).toEqual([]);
    expect(result.leaves).toEqual([
      { code: 'I.1', points: 900, explanation: '9,00/10,00' },
      { code: 'I.2.a', points: 900, explanation: '18/20 × 10,00 = 9,00' },
      // 25/20 × 5 = 6.25, above the standard: bounded by exceedCap 6.
      { code: 'I.2.b', points: 600, explanation: '25/20 × 5,00 = 6,25 → 6,00 (tối đa)' },
      { code: 'I.3', points: 200, explanation: 'đạt: 2,00' },
      { code: 'III.1', points: 250, explanation: 'thưởng 2,50 (tối đa 3,00)' },
      { code: 'III.2', points: 200, explanation: 'thưởng 2,00 (tối đa 2,00)' },
      { code: 'IV.1', points: -150, explanation: 'trừ 1,50 (tối đa 5,00)' },
      // No entry for a penalty: nothing deducted.
      { code: 'IV.2', points: 0, explanation: 'trừ 0,00 (tối đa 2,00)' },
    ]);
  });

  it('applies branch caps bottom-up and sums the groups', () => {
    expect(result.branches).toEqual([
      // I.1 9 + I.2 (9 + 6 = 15 → cap 14) + I.3 2 = 25 → cap 20.
      { code: 'I', raw: 2500, capped: 2000 },
      { code: 'I.2', raw: 1500, capped: 1400 },
      // 2.5 + 2 = 4.5 → cap 4.
      { code: 'III', raw: 450, capped: 400 },
      { code: 'IV', raw: -150, capped: -150 },
    ]);
    expect(result.total).toBe(2000 + 400 - 150);
  });
});

describe('scoreSheet: arithmetic', () => {
  it.each([
    // [entry of I.2.a (target 20, 10 points), points, explanation]
    [{ achieved: 20 }, 1000, '20/20 × 10,00 = 10,00'],
    [{ achieved: 0 }, 0, '0/20 × 10,00 = 0,00'],
    // 7/20 × 10 = 3.5 exactly.
    [{ achieved: 7 }, 350, '7/20 × 10,00 = 3,50'],
    // Above the target without exceedCap: bounded by the standard.
    [{ achieved: 30 }, 1000, '30/20 × 10,00 = 15,00 → 10,00 (tối đa)'],
    // 0.03/20 × 10 = 0.015 → half up → 0.02.
    [{ achieved: 0.03 }, 2, '0,03/20 × 10,00 ≈ 0,02'],
    [{ achieved: 12.35 }, 618, '12,35/20 × 10,00 ≈ 6,18'],
  ] as const)('I.2.a %p → %p hundredths', (entry, points, explanation) => {
    const entries = sheet({ 'I.2.a': entry });
    expect(pointsOf(entries)['I.2.a']).toBe(points);
    expect(explanationOf(entries, 'I.2.a')).toBe(explanation);
  });

  it.each([
    // [entry of I.2.b (scorer's target, 5 points, up to 6), points, explanation]
    [{ achieved: 2, target: 3 }, 333, '2/3 × 5,00 ≈ 3,33'],
    // 1/8 × 5 = 0.625 → half up → 0.63.
    [{ achieved: 1, target: 8 }, 63, '1/8 × 5,00 ≈ 0,63'],
    // 0.1/0.3 × 5 = 1.6666… → 1.67.
    [{ achieved: 0.1, target: 0.3 }, 167, '0,1/0,3 × 5,00 ≈ 1,67'],
    [{ achieved: 11, target: 10 }, 550, '11/10 × 5,00 = 5,50'],
    [{ achieved: 1_000_000, target: 1 }, 600, '1.000.000/1 × 5,00 = 5.000.000,00 → 6,00 (tối đa)'],
  ] as const)('I.2.b %p → %p hundredths', (entry, points, explanation) => {
    const entries = sheet({ 'I.2.b': entry });
    expect(pointsOf(entries)['I.2.b']).toBe(points);
    expect(explanationOf(entries, 'I.2.b')).toBe(explanation);
  });

  it('adds 0.1 and 0.2 to exactly 0.30 (no float drift)', () => {
    const result = scoreSheet(table, sheet({ 'III.1': { value: 0.1 }, 'III.2': { value: 0.2 } }));
    expect(result.branches.find((b) => b.code === 'III')).toEqual({ code: 'III', raw: 30, capped: 30 });
    expect(result.total).toBe(2000 + 30 - 150);
  });

  it.each([
    [1.15, 115],
    [4.35, 435],
    [9.99, 999],
    ['7.10', 710],
  ])('reads full points %p as %p hundredths', (value, points) => {
    expect(pointsOf(sheet({ 'I.1': { value: value as number } }))['I.1']).toBe(points);
  });

  it('scores an unmet binary criterion 0 and bonus and penalty leaves without entries 0', () => {
    const result = scoreSheet(table, sheet({ 'I.3': { value: false }, 'III.1': null, 'III.2': null, 'IV.1': null }));
    expect(result.problems).toEqual([]);
    expect(pointsOf(sheet({ 'I.3': { value: false } }))['I.3']).toBe(0);
    // I: 9 + 14 + 0 = 23 → 20; III 0; IV 0.
    expect(result.total).toBe(2000);
  });

  it('lets a penalty group pull the total down', () => {
    const result = scoreSheet(table, sheet({ 'IV.1': { value: 5 }, 'IV.2': { value: 2 } }));
    expect(result.branches.find((b) => b.code === 'IV')).toEqual({ code: 'IV', raw: -700, capped: -700 });
    expect(result.total).toBe(2000 + 400 - 700);
    // What the sheet keeps for the "fewer penalties" tie-break: the penalty leaves only, never the bonus.
    expect(penaltiesOf(table, result.leaves)).toBe(-700);
    expect(penaltiesOf(table, scoreSheet(table, sheet()).leaves)).toBe(-150);
    expect(penaltiesOf(table, scoreSheet(table, sheet({ 'IV.1': null })).leaves)).toBe(0);
  });

  it('accepts the limits themselves', () => {
    const result = scoreSheet(table, sheet({ 'I.1': { value: 10 }, 'III.1': { value: 3 }, 'IV.1': { value: 5 }, 'I.2.b': { achieved: 0, target: 0.01 } }));
    expect(result.problems).toEqual([]);
  });
});

describe('scoreSheet: problems at the Form.io path of the field', () => {
  const criterion = (code: string) => ({ 'I.1': 'Giải quyết án', 'I.2.a': 'Tỷ lệ truy tố', 'I.2.b': 'Kháng nghị', 'I.3': 'Báo cáo đúng hạn', 'III.1': 'Sáng kiến', 'IV.1': 'Cán bộ bị kỷ luật' })[code]!;

  it.each([
    ['I.1', { value: 10.5 }, 'c_I_1', 'SCORE_ABOVE_STANDARD', { value: 10.5, max: 10 }],
    ['I.1', { value: 10.01 }, 'c_I_1', 'SCORE_ABOVE_STANDARD', { value: 10.01, max: 10 }],
    ['I.1', { value: -1 }, 'c_I_1', 'SCORE_BELOW_FLOOR', { value: -1, floor: 0 }],
    ['I.1', { value: 9.555 }, 'c_I_1', 'SCORE_TOO_PRECISE', { value: '9.555' }],
    ['I.1', { value: 0.1 + 0.2 }, 'c_I_1', 'SCORE_TOO_PRECISE', { value: '0.30000000000000004' }],
    ['I.1', { value: 'abc' as unknown as number }, 'c_I_1', 'SCORE_NOT_A_NUMBER', { value: 'abc' }],
    ['I.1', { value: undefined }, 'c_I_1', 'SCORE_MISSING', {}],
    ['I.1', { value: null as unknown as number }, 'c_I_1', 'SCORE_MISSING', {}],
    ['I.3', { value: undefined }, 'c_I_3', 'SCORE_MISSING', {}],
    ['I.3', { value: 1 }, 'c_I_3', 'SCORE_NOT_A_NUMBER', { value: '1' }],
    ['I.2.a', { achieved: undefined }, 'c_I_2_a.achieved', 'SCORE_MISSING', {}],
    ['I.2.a', { achieved: -3 }, 'c_I_2_a.achieved', 'SCORE_BELOW_FLOOR', { value: -3, floor: 0 }],
    ['I.2.a', { achieved: 1.234 }, 'c_I_2_a.achieved', 'SCORE_TOO_PRECISE', { value: '1.234' }],
    ['I.2.b', { achieved: 3 }, 'c_I_2_b.target', 'SCORE_MISSING', {}],
    ['I.2.b', { achieved: 3, target: 0 }, 'c_I_2_b.target', 'SCORE_BELOW_FLOOR', { value: 0, floor: 0.01 }],
    ['III.1', { value: 3.5 }, 'c_III_1', 'SCORE_ABOVE_STANDARD', { value: 3.5, max: 3 }],
    ['III.1', { value: -0.5 }, 'c_III_1', 'SCORE_BELOW_FLOOR', { value: -0.5, floor: 0 }],
    // Deducting 6 from a penalty of at most 5 goes below its floor of −5.
    ['IV.1', { value: 6 }, 'c_IV_1', 'SCORE_BELOW_FLOOR', { value: -6, floor: -5 }],
    ['IV.1', { value: -1 }, 'c_IV_1', 'SCORE_BELOW_FLOOR', { value: -1, floor: 0 }],
  ] as const)('%s %p → %s %s', (code, entry, path, problem, params) => {
    const result = scoreSheet(table, sheet({ [code]: entry as Partial<SheetEntry> }));
    expect(result.problems).toEqual([{ path, code: problem, params: { code, criterion: criterion(code), ...params } }]);
    expect(result.leaves.find((l) => l.code === code)).toEqual({ code, points: 0, explanation: '' });
  });

  it('reports both missing quantities of a proportional leaf', () => {
    const result = scoreSheet(table, sheet({ 'I.2.b': {} }));
    expect(result.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['c_I_2_b.achieved:SCORE_MISSING', 'c_I_2_b.target:SCORE_MISSING']);
  });

  it('refuses codes the table has no leaf for (a branch code included) and a second entry for one leaf', () => {
    const result = scoreSheet(table, [...sheet(), { code: 'X.9', value: 1 }, { code: 'I.2', value: 1 }, { code: 'I.1', value: 2 }]);
    expect(result.problems).toEqual([
      { path: 'c_X_9', code: 'SCORE_UNKNOWN_CRITERION', params: { code: 'X.9' } },
      { path: 'c_I_2', code: 'SCORE_UNKNOWN_CRITERION', params: { code: 'I.2' } },
      { path: 'c_I_1', code: 'SCORE_DUPLICATE_CRITERION', params: { code: 'I.1' } },
    ]);
    // The first entry counts.
    expect(result.leaves[0].points).toBe(900);
  });

  it('collects every problem of a sheet in table order', () => {
    const result = scoreSheet(table, sheet({ 'I.1': null, 'I.3': null, 'IV.1': { value: 9 } }));
    expect(result.problems.map((p) => p.path)).toEqual(['c_I_1', 'c_I_3', 'c_IV_1']);
  });
});

describe('describeSheetProblems', () => {
  it('names the criterion by code and text in the reader\'s language', () => {
    const { problems } = scoreSheet(table, sheet({ 'I.1': { value: 10.5 }, 'I.3': null }));
    expect(describeSheetProblems(table, problems, 'vi')).toEqual([
      { path: 'c_I_1', code: 'SCORE_ABOVE_STANDARD', message: 'Tiêu chí I.1 "Giải quyết án": 10,5 điểm vượt quá mức tối đa 10 điểm.' },
      { path: 'c_I_3', code: 'SCORE_MISSING', message: 'Tiêu chí I.3 "Báo cáo đúng hạn" chưa được chấm điểm.' },
    ]);
    expect(describeSheetProblems(table, problems, 'en')[0].message).toBe('Criterion I.1 "Cases resolved": 10.5 points exceed the maximum of 10 points.');
  });

  it('writes numbers as the reader does, a penalty floor included', () => {
    const { problems } = scoreSheet(table, sheet({ 'IV.1': { value: 6.5 }, 'I.2.b': { achieved: 1, target: 0 } }));
    expect(describeSheetProblems(table, problems, 'vi').map((p) => p.message)).toEqual([
      'Tiêu chí I.2.b "Kháng nghị": 0 thấp hơn mức sàn 0,01.',
      'Tiêu chí IV.1 "Cán bộ bị kỷ luật": -6,5 thấp hơn mức sàn -5.',
    ]);
    expect(describeSheetProblems(table, problems, 'en')[1].message).toBe('Criterion IV.1 "Staff disciplined": -6.5 is below the floor of -5.');
  });

  it('sheetInvalidError carries the count and the described problems', () => {
    const { problems } = scoreSheet(table, sheet({ 'I.1': null, 'I.3': null }));
    const error = sheetInvalidError(table, problems, 'en');
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'SCORE_SHEET_INVALID', params: { count: 2 } });
    expect(error.details).toEqual([
      { path: 'c_I_1', code: 'SCORE_MISSING', message: 'Criterion I.1 "Cases resolved" has not been scored.' },
      { path: 'c_I_3', code: 'SCORE_MISSING', message: 'Criterion I.3 "Reports on time" has not been scored.' },
    ]);
  });

  it('describes a criterion the table does not have by its code', () => {
    const { problems } = scoreSheet(table, [...sheet(), { code: 'X.9', value: 1 }]);
    expect(describeSheetProblems(table, problems, 'en')).toEqual([{ path: 'c_X_9', code: 'SCORE_UNKNOWN_CRITERION', message: 'The scoring table has no criterion X.9.' }]);
  });
});
