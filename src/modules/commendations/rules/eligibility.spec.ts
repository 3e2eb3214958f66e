import { loadBuiltinRulePacks, packForYear } from './builtin-rule-packs';
import { AwardedTitle, EligibilityRecords, EligibilityResult, evaluateEligibility, PersonRecord, UnitRecord } from './eligibility';
import { RulePack, TaskResult } from './rule-pack';

const packs = loadBuiltinRulePacks();
const BEFORE_2024 = packForYear(packs, 2020);
const PROCURACY_2024 = packForYear(packs, 2024);

/** An award on the record; `revoked` when a later decision annulled it. */
const award = (title: string, year: number, revoked = false): AwardedTitle => ({ title, year, decisionNumber: `${year % 100}-${title}/QĐ-VKS`, revoked });
const awards = (title: string, ...years: number[]) => years.map((year) => award(title, year));

/** A person long in service, with nothing else on the record unless given. */
const person = (overrides: PersonRecord = {}): PersonRecord => ({ name: 'Lê Thị Hoa', startDate: '2010-09-01', ...overrides });

const evaluatePerson = (pack: RulePack, record: PersonRecord, title: string, year: number): EligibilityResult =>
  evaluateEligibility(pack, { people: { hoa: record }, units: {} }, { subject: 'person', id: 'hoa' }, title, year);

/** [rule, met] of every reason, in order. */
const verdicts = (result: EligibilityResult) => result.reasons.map((reason) => [reason.rule, reason.met]);
const reasonOf = (result: EligibilityResult, rule: string) => {
  const found = result.reasons.find((reason) => reason.rule === rule);
  if (!found) throw new Error(`no reason ${rule} in ${JSON.stringify(verdicts(result))}`);
  return found;
};

/** The three 2024 exclusions, met: a person long in service, never absent, never disciplined. */
const CLEAN_2024 = [
  ['exclusion.recruited-under-6-months', true],
  ['exclusion.absent-3-to-6-months', true],
  ['exclusion.disciplined-reprimand-or-above', true],
];

describe('CSTĐCS: LĐTT of the same year plus excellent results or a recognised initiative', () => {
  const cases: Array<[string, PersonRecord, boolean, boolean]> = [
    // [case, record of the evaluation year Y, alternative met, LĐTT met]
    ['LĐTT and excellent results', { titles: [award('LDTT', 0)], taskResults: { 0: 'excellent' } }, true, true],
    ['LĐTT and a unit initiative', { titles: [award('LDTT', 0)], taskResults: { 0: 'good' }, initiatives: [{ scope: 'unit', year: 0 }] }, true, true],
    ['LĐTT and a sector initiative (above the minimum scope)', { titles: [award('LDTT', 0)], initiatives: [{ scope: 'sector', year: 0 }] }, true, true],
    ['LĐTT, good results and an initiative of the year before', { titles: [award('LDTT', 0)], taskResults: { 0: 'good' }, initiatives: [{ scope: 'unit', year: -1 }] }, false, true],
    ['excellent results without LĐTT', { taskResults: { 0: 'excellent' } }, true, false],
    ['an initiative and LĐTT of the year before only', { titles: [award('LDTT', -1)], initiatives: [{ scope: 'unit', year: 0 }] }, true, false],
    ['excellent results and a revoked LĐTT', { titles: [award('LDTT', 0, true)], taskResults: { 0: 'excellent' } }, true, false],
  ];
  /** Shifts the relative years of a case (0 = the evaluation year) to `year`. */
  const inYear = (record: PersonRecord, year: number): PersonRecord =>
    person({
      titles: record.titles?.map((a) => ({ ...a, year: year + a.year, decisionNumber: `${year + a.year}-${a.title}` })),
      taskResults: Object.fromEntries(Object.entries(record.taskResults ?? {}).map(([y, r]) => [year + Number(y), r])) as Record<number, TaskResult>,
      initiatives: record.initiatives?.map((i) => ({ ...i, year: year + i.year })),
    });

  describe.each([
    { name: 'rules before 2024', pack: BEFORE_2024, year: 2020, exclusions: [] },
    { name: 'Procuracy 2024', pack: PROCURACY_2024, year: 2024, exclusions: CLEAN_2024 },
  ])('under $name ($year)', ({ pack, year, exclusions }) => {
    it.each(cases)('%s', (_case, record, alternative, ldtt) => {
      const result = evaluatePerson(pack, inYear(record, year), 'CSTDCS', year);
      expect(verdicts(result)).toEqual([['CSTDCS.same-year-LDTT', ldtt], ['CSTDCS.excellent-results-or-initiative', alternative], ...exclusions]);
      expect(result.eligible).toBe(alternative && ldtt);
    });
  });

  it('says why in both languages, citing the source', () => {
    const result = evaluatePerson(BEFORE_2024, person({ taskResults: { 2020: 'excellent' } }), 'CSTDCS', 2020);
    expect(reasonOf(result, 'CSTDCS.same-year-LDTT')).toEqual({
      rule: 'CSTDCS.same-year-LDTT',
      source: 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013), Điều 23',
      met: false,
      text: { vi: 'Chưa đủ điều kiện CSTĐCS năm 2020: chưa có danh hiệu Lao động tiên tiến năm 2020', en: 'Not eligible for CSTĐCS in 2020: no Advanced Worker title in 2020' },
    });
    expect(reasonOf(result, 'CSTDCS.excellent-results-or-initiative').text).toEqual({ vi: 'Hoàn thành xuất sắc nhiệm vụ năm 2020', en: 'Completed tasks excellently in 2020' });
  });

  it('counts an LĐTT proposed for the same year, saying it awaits its decision; a decided one is named first', () => {
    const pending: AwardedTitle = { title: 'LDTT', year: 2020, decisionNumber: '', revoked: false, pending: true };
    const proposed = evaluatePerson(BEFORE_2024, person({ titles: [pending], taskResults: { 2020: 'excellent' } }), 'CSTDCS', 2020);
    expect(proposed.eligible).toBe(true);
    expect(reasonOf(proposed, 'CSTDCS.same-year-LDTT').text).toEqual({
      vi: 'Đã được đề nghị danh hiệu Lao động tiên tiến năm 2020 (chờ quyết định)',
      en: 'Proposed for the Advanced Worker title for 2020 (awaiting the decision)',
    });
    const decided = evaluatePerson(BEFORE_2024, person({ titles: [pending, award('LDTT', 2020)], taskResults: { 2020: 'excellent' } }), 'CSTDCS', 2020);
    expect(reasonOf(decided, 'CSTDCS.same-year-LDTT').text.vi).toBe('Có danh hiệu Lao động tiên tiến năm 2020 (quyết định số 20-LDTT/QĐ-VKS)');
  });

  it('names a revoked award and lists both alternatives when neither is met', () => {
    const result = evaluatePerson(BEFORE_2024, person({ titles: [award('LDTT', 2020, true)], taskResults: { 2020: 'good' } }), 'CSTDCS', 2020);
    expect(result.reasons.map((reason) => reason.text.vi)).toEqual([
      'Chưa đủ điều kiện CSTĐCS năm 2020: chưa có danh hiệu Lao động tiên tiến năm 2020 (danh hiệu theo quyết định số 20-LDTT/QĐ-VKS đã bị thu hồi)',
      'Chưa đủ điều kiện CSTĐCS năm 2020: không đáp ứng phương án nào: chưa hoàn thành xuất sắc nhiệm vụ năm 2020 (kết quả: hoàn thành tốt nhiệm vụ); chưa có sáng kiến được công nhận phạm vi cấp cơ sở trở lên năm 2020',
    ]);
    expect(result.reasons[1].text.en).toBe(
      'Not eligible for CSTĐCS in 2020: none of the alternatives is met: no tasks completed excellently in 2020 (result: completed tasks well); no initiative recognised at unit level or above in 2020',
    );
  });
});

describe('the sector Emulation Soldier', () => {
  it.each([
    ['3 consecutive CSTĐCS', awards('CSTDCS', 2018, 2019, 2020), true, 'Đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục (năm 2018, 2019, 2020)'],
    ['2 consecutive CSTĐCS', awards('CSTDCS', 2019, 2020), false, 'Chưa đủ điều kiện CSTĐ ngành năm 2020: chưa đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục (năm 2018, 2019, 2020): thiếu năm 2018'],
    ['3 CSTĐCS with a gap', awards('CSTDCS', 2017, 2018, 2020), false, 'Chưa đủ điều kiện CSTĐ ngành năm 2020: chưa đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục (năm 2018, 2019, 2020): thiếu năm 2019'],
    ['3 consecutive CSTĐCS ending the year before', awards('CSTDCS', 2017, 2018, 2019), false, 'Chưa đủ điều kiện CSTĐ ngành năm 2020: chưa đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục (năm 2018, 2019, 2020): thiếu năm 2020'],
  ])('under the rules before 2024: %s', (_case, titles, eligible, text) => {
    const result = evaluatePerson(BEFORE_2024, person({ titles }), 'CSTD-NGANH', 2020);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.map((reason) => [reason.rule, reason.met, reason.text.vi])).toEqual([['CSTD-NGANH.three-consecutive-CSTDCS', eligible, text]]);
  });

  it.each([
    ['a sector initiative', [{ scope: 'sector' as const, year: 2023 }], true],
    ['a national initiative (above sector)', [{ scope: 'national' as const, year: 2022 }], true],
    ['a unit initiative only', [{ scope: 'unit' as const, year: 2024 }], false],
    ['a sector initiative older than the 3 years', [{ scope: 'sector' as const, year: 2021 }], false],
    ['no initiative', [], false],
  ])('under the Procuracy 2024 rules, 3 consecutive CSTĐCS and %s', (_case, initiatives, initiativeMet) => {
    const result = evaluatePerson(PROCURACY_2024, person({ titles: awards('CSTDCS', 2022, 2023, 2024), initiatives }), 'CSTD-NGANH', 2024);
    expect(verdicts(result)).toEqual([
      ['CSTD-NGANH.three-consecutive-CSTDCS', true],
      ['CSTD-NGANH.sector-initiative', initiativeMet],
      // The Sector Council's vote is still to come: never a refusal, whatever else holds.
      ['CSTD-NGANH.sector-council-90', 'pending-vote'],
      ...CLEAN_2024,
    ]);
    expect(result.eligible).toBe(initiativeMet);
  });

  it('states the vote still to be met exactly', () => {
    const result = evaluatePerson(PROCURACY_2024, person({ titles: awards('CSTDCS', 2022, 2023, 2024), initiatives: [{ scope: 'sector', year: 2024 }] }), 'CSTD-NGANH', 2024);
    expect(reasonOf(result, 'CSTD-NGANH.sector-council-90')).toEqual({
      rule: 'CSTD-NGANH.sector-council-90',
      source: 'Thông tư 02/2024/TT-VKSTC',
      met: 'pending-vote',
      text: {
        vi: 'Còn chờ biểu quyết: cần từ 9/10 số phiếu đồng ý của Hội đồng Thi đua – Khen thưởng ngành (đồng ý × 10 >= tổng số × 9)',
        en: 'Pending the vote: needs at least 9/10 of the Sector Emulation-Commendation Council agreeing (agree × 10 >= total × 9)',
      },
    });
    expect(reasonOf(result, 'CSTD-NGANH.sector-initiative').text.en).toBe('Initiative recognised at sector level in 2024');
    expect(result.eligible).toBe(true);
  });
});

describe('a revocation breaks a later consecutive chain', () => {
  it.each([
    ['no revocation', false, 2020, true],
    ['the 2018 CSTĐCS revoked', true, 2020, false],
    // Revoking 2018 does not touch a chain that starts after it.
    ['the 2018 CSTĐCS revoked, chain 2019–2021', true, 2021, true],
  ])('%s → sector title in %i: %p', (_case, revoked, year, eligible) => {
    const titles = [award('CSTDCS', 2018, revoked), ...awards('CSTDCS', 2019, 2020, 2021)];
    expect(evaluatePerson(BEFORE_2024, person({ titles }), 'CSTD-NGANH', year).eligible).toBe(eligible);
  });

  it('says which award was revoked', () => {
    const titles = [award('CSTDCS', 2018, true), ...awards('CSTDCS', 2019, 2020)];
    expect(evaluatePerson(BEFORE_2024, person({ titles }), 'CSTD-NGANH', 2020).reasons[0].text.en).toBe(
      'Not eligible for sector Emulation Soldier in 2020: not 3 consecutive Grassroots Emulation Soldier titles (2018, 2019, 2020): missing 2018 (decision 18-CSTDCS/QĐ-VKS was revoked)',
    );
  });

  it('a revoked LĐTT of a member no longer counts towards the collective', () => {
    expect(evaluateUnit(BEFORE_2024, unitWith({ ldtt: 7, revokedLdtt: 1 }), 'TTLDXS', 2020).eligible).toBe(false);
  });
});

describe('the National Emulation Soldier: 2 consecutive sector titles (3 years apart) and a national initiative', () => {
  it.each([
    ['sector titles 2017 and 2020, national initiative 2019', awards('CSTD-NGANH', 2017, 2020), [{ scope: 'national' as const, year: 2019 }], [true, true]],
    ['sector titles 2019 and 2020 (not one after the other)', awards('CSTD-NGANH', 2019, 2020), [{ scope: 'national' as const, year: 2020 }], [false, true]],
    ['sector titles 2017 and 2020, sector initiative only', awards('CSTD-NGANH', 2017, 2020), [{ scope: 'sector' as const, year: 2020 }], [true, false]],
    ['sector titles 2017 and 2020, national initiative of 2014', awards('CSTD-NGANH', 2017, 2020), [{ scope: 'national' as const, year: 2014 }], [true, false]],
  ])('%s', (_case, titles, initiatives, [sector, initiative]) => {
    const result = evaluatePerson(BEFORE_2024, person({ titles, initiatives }), 'CSTD-TOAN-QUOC', 2020);
    expect(verdicts(result)).toEqual([
      ['CSTD-TOAN-QUOC.two-consecutive-sector-titles', sector],
      ['CSTD-TOAN-QUOC.national-initiative', initiative],
    ]);
  });
});

/** A unit of `members` people, the first `ldtt` holding LĐTT (the first `revokedLdtt` of them revoked), the first `cstdcs` CSTĐCS. */
function unitWith(options: { members?: number; ldtt?: number; revokedLdtt?: number; cstdcs?: number; notCompleted?: number; unitResult?: TaskResult; unitTitles?: AwardedTitle[] }): EligibilityRecords {
  const { members = 10, ldtt = 7, revokedLdtt = 0, cstdcs = 1, notCompleted = 0, unitResult = 'excellent', unitTitles = [] } = options;
  const people: Record<string, PersonRecord> = {};
  const ids = Array.from({ length: members }, (_, i) => `p${i + 1}`);
  ids.forEach((id, i) => {
    const titles = [...(i < ldtt ? [award('LDTT', 2020, i < revokedLdtt)] : []), ...(i < cstdcs ? [award('CSTDCS', 2020)] : [])];
    people[id] = person({ name: `Cán bộ ${i + 1}`, titles, taskResults: { 2020: i >= members - notCompleted ? 'not-completed' : 'good' } });
  });
  const unit: UnitRecord = { name: 'VKSND tỉnh Thanh Hóa', titles: unitTitles, taskResults: { 2020: unitResult }, membersByYear: { 2020: ids } };
  return { people, units: { 'thanh-hoa': unit } };
}

const evaluateUnit = (pack: RulePack, records: EligibilityRecords, title: string, year: number) => evaluateEligibility(pack, records, { subject: 'unit', id: 'thanh-hoa' }, title, year);

describe('the Excellent Collective: all complete their tasks, ≥ 70% hold LĐTT, ≥ 1 holds CSTĐCS', () => {
  it.each([
    ['7 of 10 LĐTT, 1 CSTĐCS (70% exactly)', { ldtt: 7 }, [true, true, true, true]],
    ['6 of 10 LĐTT', { ldtt: 6 }, [true, true, false, true]],
    ['2 of 3 LĐTT (66.7%)', { members: 3, ldtt: 2 }, [true, true, false, true]],
    ['no CSTĐCS', { cstdcs: 0 }, [true, true, true, false]],
    ['one member did not complete the tasks', { notCompleted: 1 }, [true, false, true, true]],
    ['the unit completed its tasks well, not excellently', { unitResult: 'good' as const }, [false, true, true, true]],
  ])('%s', (_case, options, expected) => {
    const result = evaluateUnit(BEFORE_2024, unitWith(options), 'TTLDXS', 2020);
    expect(result.reasons.map((reason) => reason.met)).toEqual(expected);
    expect(result.eligible).toBe(expected.every(Boolean));
  });

  it('prints the integer arithmetic and names the members who fell short', () => {
    const result = evaluateUnit(BEFORE_2024, unitWith({ ldtt: 6, notCompleted: 2 }), 'TTLDXS', 2020);
    expect(reasonOf(result, 'TTLDXS.members-LDTT-70').text).toEqual({
      vi: 'Chưa đủ điều kiện TTLĐXS năm 2020: 6/10 cá nhân có danh hiệu Lao động tiên tiến năm 2020, cần từ 70% (6 × 100 = 600 < 70 × 10 = 700)',
      en: 'Not eligible for TTLĐXS in 2020: 6 of 10 members hold the Advanced Worker title in 2020, at least 70% needed (6 × 100 = 600 < 70 × 10 = 700)',
    });
    expect(reasonOf(result, 'TTLDXS.all-members-completed').text.vi).toBe('Chưa đủ điều kiện TTLĐXS năm 2020: 2/10 cá nhân chưa hoàn thành nhiệm vụ năm 2020 (Cán bộ 9, Cán bộ 10)');
    expect(reasonOf(evaluateUnit(BEFORE_2024, unitWith({ cstdcs: 0 }), 'TTLDXS', 2020), 'TTLDXS.one-CSTDCS').text.vi).toBe(
      'Chưa đủ điều kiện TTLĐXS năm 2020: không có cá nhân nào có danh hiệu Chiến sĩ thi đua cơ sở năm 2020, cần ít nhất 1',
    );
  });

  it('is not eligible without a member list for the year', () => {
    const records = unitWith({});
    records.units['thanh-hoa'].membersByYear = { 2019: ['p1'] };
    const result = evaluateUnit(BEFORE_2024, records, 'TTLDXS', 2020);
    expect(reasonOf(result, 'TTLDXS.all-members-completed').text.en).toBe('Not eligible for TTLĐXS in 2020: no member list for 2020');
    expect(result.eligible).toBe(false);
  });
});

describe('the sector Emulation Flag: only from Excellent Collectives', () => {
  it.each([
    ['rules before 2024, an Excellent Collective', BEFORE_2024, [award('TTLDXS', 2020)], [['CO-THI-DUA-NGANH.same-year-TTLDXS', true], ['CO-THI-DUA-NGANH.cluster-approval-80', 'pending-vote']], true],
    ['rules before 2024, an Advanced Collective only', BEFORE_2024, [award('TTLDTT', 2020)], [['CO-THI-DUA-NGANH.same-year-TTLDXS', false], ['CO-THI-DUA-NGANH.cluster-approval-80', 'pending-vote']], false],
    ['Procuracy 2024, an Excellent Collective', PROCURACY_2024, [award('TTLDXS', 2020)], [['CO-THI-DUA-NGANH.same-year-TTLDXS', true]], true],
  ])('%s', (_case, pack, unitTitles, expected, eligible) => {
    const result = evaluateUnit(pack, unitWith({ unitTitles }), 'CO-THI-DUA-NGANH', 2020);
    expect(verdicts(result)).toEqual(expected);
    expect(result.eligible).toBe(eligible);
  });

  it("asks for 4/5 of the cluster's member units under the old rule", () => {
    const result = evaluateUnit(BEFORE_2024, unitWith({ unitTitles: [award('TTLDXS', 2020)] }), 'CO-THI-DUA-NGANH', 2020);
    expect(reasonOf(result, 'CO-THI-DUA-NGANH.cluster-approval-80').text.vi).toBe(
      'Còn chờ biểu quyết: cần từ 4/5 số phiếu đồng ý của các đơn vị thành viên cụm thi đua (đồng ý × 5 >= tổng số × 4)',
    );
  });
});

describe('exclusions of the Procuracy 2024 pack, at their boundary dates', () => {
  /** An Advanced Worker candidate for 2024 who meets the prerequisite; `overrides` bring the exclusion. */
  const candidate = (overrides: PersonRecord) => person({ taskResults: { 2024: 'good', 2025: 'good' }, ...overrides });

  it.each([
    // Service is counted up to and including 31 December: recruited on 1 July = exactly 6 months.
    ['2024-06-30', true],
    ['2024-07-01', true],
    ['2024-07-02', false],
    ['2024-12-31', false],
    ['2025-01-02', false],
  ])('recruited on %s → 6 months served by 31/12/2024: %p', (startDate, served) => {
    const result = evaluatePerson(PROCURACY_2024, candidate({ startDate }), 'LDTT', 2024);
    expect(reasonOf(result, 'exclusion.recruited-under-6-months').met).toBe(served);
    expect(result.eligible).toBe(served);
  });

  it('explains a recruitment under 6 months and one without a date', () => {
    expect(reasonOf(evaluatePerson(PROCURACY_2024, candidate({ startDate: '2024-07-02' }), 'LDTT', 2024), 'exclusion.recruited-under-6-months').text).toEqual({
      vi: 'Chưa đủ điều kiện LĐTT năm 2024: mới tuyển dụng dưới 6 tháng tính đến ngày 31/12/2024 (tuyển dụng ngày 02/07/2024)',
      en: 'Not eligible for LĐTT in 2024: recruited less than 6 months before 2024-12-31 (recruited on 2024-07-02)',
    });
    const undated = evaluatePerson(PROCURACY_2024, candidate({ startDate: undefined }), 'LDTT', 2024);
    expect(reasonOf(undated, 'exclusion.recruited-under-6-months').met).toBe(false);
  });

  it.each([
    // Absences are inclusive ranges: 1 March – 31 May is exactly 3 months.
    ['exactly 3 months', [{ from: '2024-03-01', to: '2024-05-31' }], false],
    ['3 months less one day', [{ from: '2024-03-01', to: '2024-05-30' }], true],
    ['6 months less one day', [{ from: '2024-03-01', to: '2024-08-30' }], false],
    // "From 3 to under 6 months": exactly 6 months is outside this exclusion's range.
    ['exactly 6 months', [{ from: '2024-03-01', to: '2024-08-31' }], true],
    ['two absences adding up to 92 days from 1 January (3 months = 91 days)', [{ from: '2024-01-01', to: '2024-01-31' }, { from: '2024-06-01', to: '2024-07-31' }], false],
    ['overlapping absences counted once (1 March – 30 May)', [{ from: '2024-03-01', to: '2024-04-30' }, { from: '2024-04-01', to: '2024-05-30' }], true],
    ['3 months straddling the new year: 2 of them in 2024', [{ from: '2023-11-01', to: '2024-02-29' }], true],
    ['3 months at the end of 2024 (1 October – 31 December)', [{ from: '2024-10-01', to: '2025-02-28' }], false],
    ['no absence', [], true],
  ])('absent %s in 2024 → not excluded: %p', (_case, absences, met) => {
    const result = evaluatePerson(PROCURACY_2024, candidate({ absences }), 'LDTT', 2024);
    expect(reasonOf(result, 'exclusion.absent-3-to-6-months').met).toBe(met);
    expect(result.eligible).toBe(met);
  });

  it('counts an absence only in its own year', () => {
    const absences = [{ from: '2024-10-01', to: '2025-02-28' }];
    expect(reasonOf(evaluatePerson(PROCURACY_2024, candidate({ absences }), 'LDTT', 2025), 'exclusion.absent-3-to-6-months').met).toBe(true);
    expect(reasonOf(evaluatePerson(PROCURACY_2024, candidate({ absences }), 'LDTT', 2024), 'exclusion.absent-3-to-6-months').text.vi).toBe(
      'Chưa đủ điều kiện LĐTT năm 2024: nghỉ việc từ 3 tháng đến dưới 6 tháng trong năm 2024 (92 ngày: 01/10/2024–31/12/2024)',
    );
  });

  it.each([
    ['a reprimand for a violation on 31/12/2024, decided in 2025', 'reprimand' as const, '2024-12-31', '2025-01-20', 2024, false],
    ['the same reprimand, evaluating 2025', 'reprimand' as const, '2024-12-31', '2025-01-20', 2025, true],
    ['a reprimand for a violation on 01/01/2024', 'reprimand' as const, '2024-01-01', '2024-03-01', 2024, false],
    ['a reprimand for a violation on 31/12/2023, decided in 2024', 'reprimand' as const, '2023-12-31', '2024-02-01', 2024, true],
    ['a warning (above reprimand) in 2024', 'warning' as const, '2024-05-15', '2024-06-01', 2024, false],
  ])('%s → not excluded: %p', (_case, level, violationDate, decisionDate, year, met) => {
    const result = evaluatePerson(PROCURACY_2024, candidate({ disciplines: [{ level, violationDate, decisionDate }] }), 'LDTT', year);
    expect(reasonOf(result, 'exclusion.disciplined-reprimand-or-above').met).toBe(met);
    expect(result.eligible).toBe(met);
  });

  it('bars the higher individual titles too, citing the decree', () => {
    const record = candidate({ titles: [award('LDTT', 2024)], taskResults: { 2024: 'excellent' }, disciplines: [{ level: 'reprimand', violationDate: '2024-05-15' }] });
    const result = evaluatePerson(PROCURACY_2024, record, 'CSTDCS', 2024);
    expect(result.eligible).toBe(false);
    expect(reasonOf(result, 'exclusion.disciplined-reprimand-or-above')).toEqual({
      rule: 'exclusion.disciplined-reprimand-or-above',
      source: 'Nghị định 98/2023/NĐ-CP; Thông tư 02/2024/TT-VKSTC',
      met: false,
      text: {
        vi: 'Chưa đủ điều kiện CSTĐCS năm 2024: bị kỷ luật khiển trách do vi phạm ngày 15/05/2024 (tính vào năm vi phạm 2024)',
        en: 'Not eligible for CSTĐCS in 2024: disciplined (reprimand) for a violation on 2024-05-15, counted against 2024',
      },
    });
  });

  it('does not apply to collectives', () => {
    const result = evaluateUnit(PROCURACY_2024, unitWith({}), 'TTLDXS', 2020);
    expect(result.reasons.map((reason) => reason.rule)).not.toContain('exclusion.recruited-under-6-months');
  });
});

describe('a year that straddles the change of pack', () => {
  /** Three consecutive CSTĐCS up to the year, no sector initiative, recruited on 1 September of the year before. */
  it.each([
    [2023, 'rules-before-2024', true],
    [2024, 'rules-2024-procuracy', false],
  ])('%i is reviewed under %s → sector title eligible: %p', (year, key, eligible) => {
    const pack = packForYear(packs, year);
    expect(pack.key).toBe(key);
    const result = evaluatePerson(pack, person({ titles: awards('CSTDCS', year - 2, year - 1, year) }), 'CSTD-NGANH', year);
    expect(result.eligible).toBe(eligible);
  });

  it('a person recruited in September is barred from LĐTT only from 2024', () => {
    const record = (year: number) => person({ startDate: `${year}-09-01`, taskResults: { [year]: 'good' } });
    expect(evaluatePerson(packForYear(packs, 2023), record(2023), 'LDTT', 2023).eligible).toBe(true);
    expect(evaluatePerson(packForYear(packs, 2024), record(2024), 'LDTT', 2024).eligible).toBe(false);
  });
});

describe('requests that do not fit the pack', () => {
  it('refuses a collective title for a person, and an individual title for a unit', () => {
    const asPerson = evaluatePerson(BEFORE_2024, person(), 'TTLDXS', 2020);
    expect(asPerson).toEqual({
      eligible: false,
      reasons: [{ rule: 'subject', source: BEFORE_2024.name.vi, met: false, text: { vi: 'Chưa đủ điều kiện TTLĐXS năm 2020: danh hiệu chỉ xét tặng cho tập thể', en: 'Not eligible for TTLĐXS in 2020: the title is awarded to collectives only' } }],
    });
    expect(evaluateUnit(BEFORE_2024, unitWith({}), 'LDTT', 2020).reasons.map((reason) => reason.rule)).toEqual(['subject']);
  });

  it('refuses a title the pack does not know', () => {
    const result = evaluatePerson(BEFORE_2024, person(), 'HUAN-CHUONG', 2020);
    expect(verdicts(result)).toEqual([['title', false]]);
    expect(result.reasons[0].text.en).toContain('Title "HUAN-CHUONG" is not in');
  });

  it('treats a candidate missing from the records as having nothing on record', () => {
    const result = evaluateEligibility(BEFORE_2024, { people: {}, units: {} }, { subject: 'person', id: 'nobody' }, 'CSTDCS', 2020);
    expect(verdicts(result)).toEqual([
      ['CSTDCS.same-year-LDTT', false],
      ['CSTDCS.excellent-results-or-initiative', false],
    ]);
  });

  it('refuses a malformed date on the record as a bug, not as a fact', () => {
    expect(() => evaluatePerson(PROCURACY_2024, person({ startDate: '01/07/2024' }), 'LDTT', 2024)).toThrow('startDate: not an ISO date');
  });
});

describe('alternatives (any-of) with a vote among them', () => {
  // A pack where the sector title may come from 3 consecutive CSTĐCS or, failing that, from a council vote.
  const pack: RulePack = {
    ...BEFORE_2024,
    titles: BEFORE_2024.titles.map((title) =>
      title.code !== 'CSTD-NGANH'
        ? title
        : {
            ...title,
            prerequisites: [
              {
                id: 'chain-or-vote',
                kind: 'any-of',
                source: 'Quy chế mẫu',
                anyOf: [
                  { id: 'chain', kind: 'consecutive-years', title: 'CSTDCS', years: 3, source: 'Quy chế mẫu' },
                  { id: 'vote', kind: 'vote-share', electorate: 'council', threshold: { numerator: 2, denominator: 3 }, comparison: '>', source: 'Quy chế mẫu' },
                ],
              },
            ],
          },
    ),
  };

  it.each([
    ['the chain is met', awards('CSTDCS', 2018, 2019, 2020), true, 'Đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục (năm 2018, 2019, 2020)'],
    ['only the vote is left', awards('CSTDCS', 2020), 'pending-vote', 'Còn chờ biểu quyết: cần trên 2/3 số phiếu đồng ý của Hội đồng Thi đua – Khen thưởng (đồng ý × 3 > tổng số × 2)'],
  ])('%s', (_case, titles, met, text) => {
    const result = evaluatePerson(pack, person({ titles }), 'CSTD-NGANH', 2020);
    expect(result.reasons.map((reason) => [reason.rule, reason.met, reason.text.vi])).toEqual([['chain-or-vote', met, text]]);
    expect(result.eligible).toBe(true);
  });
});
