import { loadBuiltinRulePacks, packForYear } from './builtin-rule-packs';
import { applyCaps, capLimit, CapProposal } from './caps';
import { CapRounding, RulePack } from './rule-pack';

describe('capLimit: percent × base / 100 rounded in integers', () => {
  it.each([
    // [percent, base, floor, half-up, ceil], each worked out by hand.
    [15, 13, 1, 2, 2], // 1.95
    [15, 20, 3, 3, 3], // 3 exactly: no float makes it 2.9999…
    [15, 27, 4, 4, 5], // 4.05
    [15, 10, 1, 2, 2], // 1.5: half-up goes up
    [15, 6, 0, 1, 1], // 0.9
    [15, 7, 1, 1, 2], // 1.05
    [15, 0, 0, 0, 0],
    [20, 7, 1, 1, 2], // 1.4
    [10, 5, 0, 1, 1], // 0.5
    [100, 7, 7, 7, 7],
    [0, 40, 0, 0, 0],
    [1, 99, 0, 1, 1], // 0.99
    [1, 101, 1, 1, 2], // 1.01
  ])('%i%% of %i → floor %i, half-up %i, ceil %i', (percent, base, floor, halfUp, ceil) => {
    const limit = (rounding: CapRounding) => capLimit({ percent, rounding }, base);
    expect([limit('floor'), limit('half-up'), limit('ceil')]).toEqual([floor, halfUp, ceil]);
  });

  it.each([-1, 2.5, Number.NaN])('refuses a base of %p', (base) => {
    expect(() => capLimit({ percent: 15, rounding: 'floor' }, base)).toThrow("A cap's base must be a whole number");
  });
});

describe('applyCaps', () => {
  const packs = loadBuiltinRulePacks();
  const before2024 = packForYear(packs, 2020);
  const proposals = (title: string, ...ids: string[]): CapProposal[] => ids.map((candidateId) => ({ candidateId, title }));

  it('marks the proposals past 15% of LĐTT holders, in the unit order, with the arithmetic', () => {
    const outcomes = applyCaps(
      before2024,
      {
        'thanh-hoa': [...proposals('CSTDCS', 'an', 'binh', 'cuong'), ...proposals('LDTT', 'dung')],
        'nghe-an': proposals('CSTDCS', 'em', 'giang'),
        'ha-tinh': proposals('CSTDCS', 'h1', 'h2', 'h3', 'h4', 'h5'),
        'quang-binh': proposals('LDTT', 'khanh'),
      },
      { 'thanh-hoa': { holders: { LDTT: 13 } }, 'nghe-an': { holders: { LDTT: 20 } }, 'ha-tinh': { holders: { LDTT: 27 } } },
    );
    expect(outcomes['thanh-hoa']).toEqual([
      {
        capId: 'cap.CSTDCS-15-percent-of-LDTT',
        source: 'Nghị định 91/2017/NĐ-CP',
        title: 'CSTDCS',
        baseCount: 13,
        limit: 1,
        within: proposals('CSTDCS', 'an'),
        exceeding: proposals('CSTDCS', 'binh', 'cuong'),
        text: {
          vi: 'Vượt giới hạn: tối đa 15% × 13 người có LĐTT = 1,95 → 1 CSTĐCS (đề nghị 3)',
          en: 'Over the cap: at most 15% × 13 LĐTT holders = 1.95 → 1 CSTĐCS (3 proposed)',
        },
      },
    ]);
    expect(outcomes['nghe-an'].map((o) => [o.limit, o.exceeding.length, o.text.vi])).toEqual([[3, 0, 'Trong giới hạn: tối đa 15% × 20 người có LĐTT = 3 → 3 CSTĐCS (đề nghị 2)']]);
    expect(outcomes['ha-tinh'].map((o) => [o.limit, o.exceeding, o.text.en])).toEqual([[4, proposals('CSTDCS', 'h5'), 'Over the cap: at most 15% × 27 LĐTT holders = 4.05 → 4 CSTĐCS (5 proposed)']]);
    // A title without a cap is not reported.
    expect(outcomes['quang-binh']).toEqual([]);
  });

  it('caps the Government flag at 20% of the sector flags, counting collectives', () => {
    const outcomes = applyCaps(before2024, { sector: proposals('CO-THI-DUA-CHINH-PHU', 'thanh-hoa', 'nghe-an') }, { sector: { holders: { 'CO-THI-DUA-NGANH': 6 } } });
    expect(outcomes.sector.map((o) => [o.limit, o.text.vi])).toEqual([[1, 'Vượt giới hạn: tối đa 20% × 6 tập thể có Cờ thi đua ngành KSND = 1,2 → 1 Cờ thi đua của Chính phủ (đề nghị 2)']]);
  });

  it('measures a headcount cap against the staff, with the rounding the cap states', () => {
    const pack: RulePack = { ...before2024, caps: [{ id: 'cap.headcount', source: 'Quy chế', title: 'CSTDCS', base: 'headcount', percent: 15, rounding: 'half-up' }] };
    const outcomes = applyCaps(pack, { unit: proposals('CSTDCS', 'a', 'b', 'c') }, { unit: { headcount: 10 } });
    expect(outcomes.unit.map((o) => [o.limit, o.exceeding.length, o.text.vi, o.text.en])).toEqual([
      [2, 1, 'Vượt giới hạn: tối đa 15% × 10 người trong biên chế = 1,5 → 2 CSTĐCS (đề nghị 3)', 'Over the cap: at most 15% × 10 staff (headcount) = 1.5 → 2 CSTĐCS (3 proposed)'],
    ]);
  });

  it('has nothing to report under the 2024 pack, which states no cap', () => {
    expect(applyCaps(packForYear(packs, 2024), { unit: proposals('CSTDCS', 'a', 'b') }, {})).toEqual({ unit: [] });
  });

  it('refuses to guess a missing base', () => {
    expect(() => applyCaps(before2024, { unit: proposals('CSTDCS', 'a') }, { unit: { headcount: 30 } })).toThrow('unit unit proposes CSTDCS but has no count of LDTT holders');
  });
});
