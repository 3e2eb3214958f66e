import { ruleText } from './poll-web-texts';

describe('ruleText', () => {
  const rule = (over: Record<string, unknown> = {}) => ({
    denominator: 'members',
    threshold: { numerator: 1, denominator: 2 },
    comparison: '>',
    quorum: null,
    tieBreak: 'chair-decides',
    ...over,
  });

  it('states the default pact rule in Vietnamese and English', () => {
    expect(ruleText(rule(), 'vi')).toBe('Thông qua khi số đồng ý lớn hơn 1/2 tổng số thành viên; ngang phiếu thì theo phiếu của đơn vị chủ trì (cụm trưởng).');
    expect(ruleText(rule(), 'en')).toBe("Passes when agree is more than 1/2 of all members; a tie follows the chair's (cluster head's) ballot.");
  });

  it('says "at least", the denominator, the quorum and the tie-break as given', () => {
    const nomination = rule({ denominator: 'cast', threshold: { numerator: 4, denominator: 5 }, comparison: '>=', quorum: { numerator: 2, denominator: 3 }, tieBreak: 'status-quo' });
    expect(ruleText(nomination, 'vi')).toBe('Thông qua khi số đồng ý từ 4/5 số phiếu đã bỏ; cần ít nhất 2/3 thành viên bỏ phiếu; ngang phiếu thì không thông qua.');
    expect(ruleText(rule({ denominator: 'present', tieBreak: 'revote' }), 'en')).toBe('Passes when agree is more than 1/2 of the members present; a tie means a new vote.');
  });
});
