import { RankingBreakdown, sheetCounts, SheetFacts, SheetUse, sheetUsesOf } from './ranking-breakdown';

const RUN = 'run-1';
const base = { ranked: true, tableVersionId: 't', aggregation: 'trimmed-mean', tieBreak: ['total'], label: 'Huế', groups: {}, penalties: 0 } as const;
const stored = (fields: Partial<RankingBreakdown>): RankingBreakdown => ({ ...base, tieBreak: ['total'], sources: [RUN], includeSelf: false, ...fields });
const sheet = (id: string, scorer: string, total: number | null, extra: Partial<SheetFacts> = {}): SheetFacts => ({
  id,
  stageRunId: RUN,
  kind: 'peer',
  status: total === null ? 'recused' : 'submitted',
  total,
  scorer,
  ...extra,
});

describe('sheetUsesOf', () => {
  // Bytewise, "Đ" (C4 90) comes after "H": the statement's order, not the Vietnamese one.
  const sheets = [
    sheet('e', 'Đà Nẵng', 1500),
    sheet('a', 'Huế', 2000),
    sheet('b', 'Bắc Ninh', 1500),
    sheet('d', 'Cà Mau', 2000),
    sheet('c', 'An Giang', 1800),
    sheet('r', 'Quảng Trị', null),
    sheet('s', 'Tự chấm', 1900, { kind: 'self' }),
    sheet('o', 'Hà Nội', 100, { stageRunId: 'other-run' }),
  ];

  it.each<[string, Partial<RankingBreakdown>, SheetUse[]]>([
    [
      'a trimmed mean drops the first lowest and the first highest in the aggregation order',
      { counted: [1800, 1500, 2000, 2000, 1500], recused: 1 },
      [
        { sheetId: 'c', use: 'used', total: 1800 },
        { sheetId: 'b', use: 'dropped', total: 1500 },
        { sheetId: 'd', use: 'dropped', total: 2000 },
        { sheetId: 'a', use: 'used', total: 2000 },
        { sheetId: 'e', use: 'used', total: 1500 },
        { sheetId: 'r', use: 'recused', total: null },
      ],
    ],
    [
      'self sheets count when the run included them',
      { aggregation: 'mean', includeSelf: true, counted: [1800, 1500, 2000, 2000, 1900, 1500], recused: 1 },
      [
        { sheetId: 'c', use: 'used', total: 1800 },
        { sheetId: 'b', use: 'used', total: 1500 },
        { sheetId: 'd', use: 'used', total: 2000 },
        { sheetId: 'a', use: 'used', total: 2000 },
        { sheetId: 's', use: 'used', total: 1900 },
        { sheetId: 'e', use: 'used', total: 1500 },
        { sheetId: 'r', use: 'recused', total: null },
      ],
    ],
    [
      'the totals the entry counted, not a sheet changed since',
      { aggregation: 'mean', counted: [1700, 1500, 2000, 2000, 1500], recused: 1 },
      [
        { sheetId: 'c', use: 'used', total: 1700 },
        { sheetId: 'b', use: 'used', total: 1500 },
        { sheetId: 'd', use: 'used', total: 2000 },
        { sheetId: 'a', use: 'used', total: 2000 },
        { sheetId: 'e', use: 'used', total: 1500 },
        { sheetId: 'r', use: 'recused', total: null },
      ],
    ],
  ])('%s', (_, fields, expected) => {
    expect(sheetUsesOf(stored(fields), sheets)).toEqual(expected);
  });

  it('keeps the list of an entry written with its sheets', () => {
    const legacy: SheetUse[] = [
      { sheetId: 'x', use: 'used', total: 1000 },
      { sheetId: 'y', use: 'recused', total: null },
    ];
    expect(sheetUsesOf({ ...base, tieBreak: ['total'], sheets: legacy }, sheets)).toBe(legacy);
  });
});

describe('sheetCounts', () => {
  it.each<[string, RankingBreakdown, { used: number; dropped: number; recused: number }]>([
    ['a trimmed mean of 5 sheets', stored({ counted: [1, 2, 3, 4, 5], recused: 2 }), { used: 3, dropped: 2, recused: 2 }],
    ['a trimmed mean of 4 sheets drops none', stored({ counted: [1, 2, 3, 4], recused: 0 }), { used: 4, dropped: 0, recused: 0 }],
    ['a unit not ranked', stored({ ranked: false, counted: [], recused: 3 }), { used: 0, dropped: 0, recused: 3 }],
    [
      'an entry written with its sheets',
      {
        ...base,
        tieBreak: ['total'],
        sheets: [
          { sheetId: 'x', use: 'used', total: 1 },
          { sheetId: 'y', use: 'dropped', total: 2 },
          { sheetId: 'z', use: 'recused', total: null },
        ],
      },
      { used: 1, dropped: 1, recused: 1 },
    ],
  ])('%s', (_, breakdown, expected) => {
    expect(sheetCounts(breakdown)).toEqual(expected);
  });
});
