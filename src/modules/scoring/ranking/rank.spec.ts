import { GradeThreshold, TieBreakKey } from '../table/scoring-table';
import { comparisonChain, placeExplanations, RankInput, rankUnits, tiedUnitIds } from './rank';

const GRADES: GradeThreshold[] = [
  { code: 'xuat-sac', label: 'Xuất sắc', min: 95 },
  { code: 'tot', label: 'Tốt', min: 85 },
  { code: 'kha', label: 'Khá', min: 70 },
  { code: 'trung-binh', label: 'Trung bình', min: 50 },
  { code: 'yeu', label: 'Yếu', min: 0 },
];
const CHAIN: TieBreakKey[] = ['total', 'group:I', 'fewer-penalties'];

/** A unit's row: total, group I, group II and penalties in hundredths. */
const unit = (unitId: string, label: string, total: number, groupI: number, penalties = 0, groupII = 0): RankInput => ({
  unitId,
  label,
  total,
  groups: { I: groupI, II: groupII },
  penalties,
});

const summary = (rows: ReturnType<typeof rankUnits>) => {
  const tied = tiedUnitIds(rows);
  return rows.map((r) => `${r.rank} ${r.unitId} ${r.decidedBy ?? '-'} [${(tied.get(r.unitId) ?? []).join(',')}] ${r.grade?.code ?? '-'}`);
};

describe('rankUnits', () => {
  it('orders by total and explains each step', () => {
    const rows = rankUnits([unit('HTI', 'Hà Tĩnh', 9200, 6000), unit('THA', 'Thanh Hóa', 9650, 6500), unit('NAN', 'Nghệ An', 9550, 6200)], CHAIN, GRADES);
    expect(summary(rows)).toEqual(['1 THA - [] xuat-sac', '2 NAN total [] xuat-sac', '3 HTI total [] tot']);
    expect(placeExplanations(rows, CHAIN)[0]).toBeNull();
    expect(placeExplanations(rows, CHAIN)[1]).toEqual({ vi: 'Thanh Hóa xếp trên Nghệ An: tổng điểm 96,50 > 95,50', en: 'Thanh Hóa ranks above Nghệ An: total 96.50 > 95.50' });
  });

  it('breaks an equal total by group I, and says so', () => {
    const rows = rankUnits([unit('HTI', 'Hà Tĩnh', 9550, 5850), unit('NAN', 'Nghệ An', 9550, 6000)], CHAIN, GRADES);
    expect(summary(rows)).toEqual(['1 NAN - [] xuat-sac', '2 HTI group:I [] xuat-sac']);
    expect(placeExplanations(rows, CHAIN)[1]).toEqual({
      vi: 'Nghệ An xếp trên Hà Tĩnh: bằng tổng điểm 95,50; nhóm I 60,00 > 58,50',
      en: 'Nghệ An ranks above Hà Tĩnh: equal total 95.50; group I 60.00 > 58.50',
    });
  });

  it('then by fewer penalty points', () => {
    const rows = rankUnits([unit('QBI', 'Quảng Bình', 8800, 6000, -200), unit('QTR', 'Quảng Trị', 8800, 6000, -100)], CHAIN, GRADES);
    expect(summary(rows)).toEqual(['1 QTR - [] tot', '2 QBI fewer-penalties [] tot']);
    expect(placeExplanations(rows, CHAIN)[1]).toEqual({
      vi: 'Quảng Trị xếp trên Quảng Bình: bằng tổng điểm 88,00; bằng nhóm I 60,00; ít điểm trừ hơn 1,00 < 2,00',
      en: 'Quảng Trị ranks above Quảng Bình: equal total 88.00; equal group I 60.00; fewer penalty points 1.00 < 2.00',
    });
  });

  it('reports a tie the chain cannot break with a shared rank, 1, 2, 2, 4', () => {
    const rows = rankUnits(
      [unit('TTH', 'Thừa Thiên Huế', 8000, 5000, -100), unit('THA', 'Thanh Hóa', 9000, 6000), unit('QTR', 'Quảng Trị', 8500, 5500, -50), unit('QBI', 'Quảng Bình', 8500, 5500, -50)],
      CHAIN,
      GRADES,
    );
    expect(summary(rows)).toEqual(['1 THA - [] tot', '2 QBI total [QTR] tot', '2 QTR - [QBI] tot', '4 TTH total [] kha']);
    expect(placeExplanations(rows, CHAIN)[2]).toEqual({
      vi: 'Quảng Bình và Quảng Trị đồng hạng 2: bằng tổng điểm 85,00; bằng nhóm I 55,00; bằng điểm trừ 0,50',
      en: 'Quảng Bình and Quảng Trị share rank 2: equal total 85.00; equal group I 55.00; equal penalty points 0.50',
    });
  });

  it('keeps three tied units together at one rank, each naming the others', () => {
    const rows = rankUnits([unit('C', 'Cc', 7000, 0), unit('A', 'Aa', 7000, 0), unit('B', 'Bb', 7000, 0), unit('D', 'Dd', 7500, 0)], CHAIN, GRADES);
    expect(summary(rows)).toEqual(['1 D - [] kha', '2 A total [B,C] kha', '2 B - [A,C] kha', '2 C - [A,B] kha']);
  });

  it('always ranks by total first, then by the configured chain without repeats', () => {
    expect(comparisonChain(['group:II', 'total', 'group:II'])).toEqual(['total', 'group:II']);
    const rows = rankUnits([unit('X', 'X', 9000, 6000, 0, 3000), unit('Y', 'Y', 9000, 5000, 0, 4000), unit('Z', 'Z', 9100, 1000)], ['group:II'], GRADES);
    expect(summary(rows)).toEqual(['1 Z - [] tot', '2 Y total [] tot', '3 X group:II [] tot']);
  });

  it('counts a group a unit has no points in as 0', () => {
    const rows = rankUnits([{ unitId: 'A', label: 'A', total: 5000, groups: {}, penalties: 0 }, unit('B', 'B', 5000, 1)], CHAIN, GRADES);
    expect(summary(rows)).toEqual(['1 B - [] trung-binh', '2 A group:I [] trung-binh']);
    expect(placeExplanations(rows, CHAIN)[1]!.vi).toBe('B xếp trên A: bằng tổng điểm 50,00; nhóm I 0,01 > 0,00');
  });

  it.each([
    [9500, 'xuat-sac'],
    [9499, 'tot'],
    [8500, 'tot'],
    [7000, 'kha'],
    [6999, 'trung-binh'],
    [0, 'yeu'],
    [-1, null],
  ])('grades a total of %p hundredths as %p (the highest minimum met)', (total, grade) => {
    expect(rankUnits([unit('A', 'A', total, 0)], CHAIN, GRADES)[0].grade?.code ?? null).toBe(grade);
  });

  it('finds the grade whatever order the thresholds are written in', () => {
    expect(rankUnits([unit('A', 'A', 8600, 0)], CHAIN, [...GRADES].reverse())[0].grade?.code).toBe('tot');
  });

  it('gives the same result for any order of the input', () => {
    const input = [
      unit('THA', 'Thanh Hóa', 9650, 6500),
      unit('NAN', 'Nghệ An', 9550, 6000),
      unit('HTI', 'Hà Tĩnh', 9550, 5850),
      unit('QBI', 'Quảng Bình', 8500, 5500, -50),
      unit('QTR', 'Quảng Trị', 8500, 5500, -50),
      unit('TTH', 'Thừa Thiên Huế', 8000, 5000, -100),
    ];
    const expected = rankUnits(input, CHAIN, GRADES);
    for (const order of [[5, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3], [4, 3, 5, 0, 2, 1]]) {
      expect(rankUnits(order.map((i) => input[i]), CHAIN, GRADES)).toEqual(expected);
    }
    expect(expected.map((r) => r.unitId)).toEqual(['THA', 'NAN', 'HTI', 'QBI', 'QTR', 'TTH']);
  });

  it('ranks nobody from no rows', () => {
    expect(rankUnits([], CHAIN, GRADES)).toEqual([]);
  });

  it.each([
    ['a unit twice', [unit('A', 'A', 1, 0), unit('A', 'A', 2, 0)], 'appears twice'],
    ['a fractional total', [unit('A', 'A', 1.5, 0)], 'integer hundredths'],
    ['positive penalties', [unit('A', 'A', 1, 0, 5)], 'must be ≤ 0'],
  ])('refuses %s', (_, rows, message) => {
    expect(() => rankUnits(rows, CHAIN, GRADES)).toThrow(message);
  });
});
