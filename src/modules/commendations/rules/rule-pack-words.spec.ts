import { loadBuiltinRulePacks } from './builtin-rule-packs';
import { Prerequisite, RulePack, titleOf } from './rule-pack';
import { capSentence, consultationSentence, exclusionSentence, governedYears, governedYearsText, nominationVoteSentence, prerequisiteSentence } from './rule-pack-words';

const [before2024, from2024] = loadBuiltinRulePacks();
const title = (pack: RulePack, code: string) => titleOf(pack, code)!;
const sentence = (pack: RulePack, prerequisite: Prerequisite) => prerequisiteSentence(pack, prerequisite);

describe('rule pack words', () => {
  it('states each kind of prerequisite of the built-in packs as a sentence with its source', () => {
    const cstdcs = title(from2024, 'CSTDCS').prerequisites;
    expect(sentence(from2024, cstdcs[0])).toEqual({
      source: 'Luật Thi đua, khen thưởng 06/2022/QH15',
      text: { vi: 'Có danh hiệu Lao động tiên tiến trong năm xét', en: 'Holds the Advanced Worker title in the year under review' },
    });
    expect(sentence(from2024, cstdcs[1])).toEqual({
      source: 'Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP',
      text: { vi: 'Đáp ứng một trong các điều kiện sau', en: 'One of the following' },
      alternatives: [
        { source: 'Nghị định 98/2023/NĐ-CP', text: { vi: 'Hoàn thành xuất sắc nhiệm vụ trong năm xét', en: 'Tasks completed excellently in the year under review' } },
        { source: 'Luật Thi đua, khen thưởng 06/2022/QH15', text: { vi: 'Có sáng kiến được công nhận phạm vi cấp cơ sở trở lên trong năm xét', en: 'An initiative recognised at unit level or above in the year under review' } },
      ],
    });
    const sector = title(from2024, 'CSTD-NGANH').prerequisites.map((p) => sentence(from2024, p).text.vi);
    expect(sector).toEqual([
      'Đạt danh hiệu Chiến sĩ thi đua cơ sở 3 lần liên tục, lần cuối trong năm xét',
      'Có sáng kiến được công nhận phạm vi cấp ngành trở lên trong 3 năm tính đến năm xét',
      'Được từ 9/10 số phiếu đồng ý của Hội đồng Thi đua – Khen thưởng ngành (đồng ý × 10 >= tổng số × 9)',
    ]);
    const national = title(from2024, 'CSTD-TOAN-QUOC').prerequisites.map((p) => sentence(from2024, p).text);
    expect(national[0].en).toBe('Holds the Emulation Soldier of the People\'s Procuracy sector title 2 times in a row, 3 years apart, the last in the year under review');
    // The top scope has nothing above it.
    expect(national[1].vi).toBe('Có sáng kiến được công nhận phạm vi toàn quốc trong 6 năm tính đến năm xét');
    expect(title(from2024, 'LDTT').prerequisites.map((p) => sentence(from2024, p).text.vi)).toEqual(['Hoàn thành tốt nhiệm vụ trở lên trong năm xét']);
    expect(title(from2024, 'TTLDXS').prerequisites.map((p) => sentence(from2024, p).text.vi)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ trong năm xét',
      '100% cá nhân hoàn thành nhiệm vụ trong năm xét',
      'Từ 70% cá nhân trở lên có danh hiệu Lao động tiên tiến trong năm xét',
      'Có ít nhất 1 cá nhân có danh hiệu Chiến sĩ thi đua cơ sở trong năm xét',
    ]);
    expect(sentence(from2024, title(from2024, 'TTLDXS').prerequisites[3]).text.en).toBe('At least 1 member holds the Grassroots Emulation Soldier title in the year under review');
    const flag = title(before2024, 'CO-THI-DUA-NGANH').prerequisites[1];
    expect(sentence(before2024, { ...flag, comparison: '>' } as Prerequisite).text.en).toBe("Needs more than 4/5 of the cluster's member units agreeing (agree × 5 > total × 4)");
  });

  it('states caps with their base and rounding, exclusions, the nomination vote and the consultation', () => {
    expect(before2024.caps.map((cap) => capSentence(before2024, cap).text)).toEqual([
      { vi: 'Tối đa 15% số người có LĐTT của đơn vị, làm tròn xuống', en: "At most 15% of the unit's LĐTT holders, rounded down" },
      { vi: 'Tối đa 20% số tập thể có Cờ thi đua ngành KSND, làm tròn xuống', en: 'At most 20% of the sector Emulation Flag holders, rounded down' },
    ]);
    const headcount = capSentence(before2024, { ...before2024.caps[0], base: 'headcount', rounding: 'half-up' });
    expect(headcount.text.vi).toBe('Tối đa 15% biên chế của đơn vị, làm tròn đến số nguyên gần nhất (0,5 làm tròn lên)');
    expect(from2024.exclusions.map((exclusion) => exclusionSentence(exclusion).text.vi)).toEqual([
      'Người mới tuyển dụng dưới 6 tháng tính đến ngày 31/12 của năm xét',
      'Người nghỉ việc từ 3 tháng đến dưới 6 tháng trong năm xét',
      'Người bị kỷ luật từ mức khiển trách trở lên, tính vào năm vi phạm',
    ]);
    expect(exclusionSentence({ ...from2024.exclusions[1], underMonths: undefined } as never).text.en).toBe('People absent 3 months or more in the year under review');
    expect(nominationVoteSentence(from2024.nominationVote)).toEqual({
      source: 'Thông tư 02/2024/TT-VKSTC',
      text: {
        vi: 'Bỏ phiếu kín; được đề nghị khi được từ 4/5 số phiếu đồng ý của Hội đồng Thi đua – Khen thưởng (đồng ý × 5 >= tổng số × 4)',
        en: 'Secret ballot; nominated with at least 4/5 of the Emulation-Commendation Council agreeing (agree × 5 >= total × 4)',
      },
    });
    expect(consultationSentence(title(from2024, 'CSTD-TOAN-QUOC'))).toEqual({
      source: 'Nghị định 98/2023/NĐ-CP',
      text: { vi: 'Công khai lấy ý kiến 10 ngày làm việc trước khi Hội đồng biểu quyết', en: 'Made public for objections for 10 working days before the council votes' },
    });
    expect(consultationSentence(title(from2024, 'LDTT'))).toBeUndefined();
  });

  it.each([
    // [effective dates in order, the years each governs as text], as packForYear chooses.
    [['2018-01-01', '2024-01-01'], ['2018–2023', 'từ 2024 trở đi']],
    [['2018-01-01', '2019-07-01', '2020-01-01'], ['2018', '2019', 'từ 2020 trở đi']],
    [['2018-01-01', '2018-07-01'], ['không năm nào (bộ sau áp dụng từ cùng năm)', 'từ 2018 trở đi']],
  ])('packs from %j govern %j', (dates, expected) => {
    const packs = dates.map((effectiveFrom, i) => ({ key: `p${i}`, effectiveFrom }));
    expect(governedYears(packs).map((years) => governedYearsText(years).vi)).toEqual(expected);
  });

  it('names the years in English', () => {
    expect(governedYears([{ key: 'a', effectiveFrom: '2018-01-01' }, { key: 'b', effectiveFrom: '2024-01-01' }]).map((years) => governedYearsText(years).en)).toEqual(['2018–2023', '2024 onwards']);
  });
});
