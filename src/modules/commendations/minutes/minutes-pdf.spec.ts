import { pdfText } from '../../../../test/support/pdf-text';
import { formatPoints, MinutesData, minutesPdf } from './minutes-pdf';

const data = (over: Partial<MinutesData> = {}): MinutesData => ({
  language: 'vi',
  cluster: { name: 'Cụm thi đua số 6', year: 2020 },
  campaign: 'Tổng kết năm 2020',
  members: [
    { name: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', role: 'head' },
    { name: 'Viện kiểm sát nhân dân tỉnh Nghệ An', role: 'deputy' },
    { name: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh', role: 'member' },
  ],
  ranking: [
    { rank: 1, unit: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', total: 9550, grade: 'Xuất sắc' },
    { rank: 2, unit: 'Viện kiểm sát nhân dân tỉnh Nghệ An', total: 9005, grade: null },
    { rank: null, unit: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh', total: null, grade: null },
  ],
  tieLines: [],
  vote: {
    subject: 'Suy tôn đơn vị dẫn đầu: Viện kiểm sát nhân dân tỉnh Thanh Hóa',
    secret: true,
    rule: 'ít nhất 4/5 tổng số thành viên (đồng ý × 5 ≥ thành viên × 4)',
    members: 3,
    ballots: 3,
    candidates: [{ unit: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', agree: 3, disagree: 0, abstain: 0, passed: true, explanation: '3/3 thành viên đồng ý', arithmetic: '3 × 5 ≥ 3 × 4 → 15 ≥ 12 → thông qua' }],
  },
  acclaimed: ['Viện kiểm sát nhân dân tỉnh Thanh Hóa'],
  chair: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa',
  closedAt: new Date('2020-12-10T03:00:00Z'),
  compress: false,
  ...over,
});

describe('minutesPdf', () => {
  it('gives the same bytes for the same data, and different bytes for another count', async () => {
    const first = await minutesPdf(data({ compress: true }));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(first, await minutesPdf(data({ compress: true })))).toBe(0);
    const other = data({ compress: true });
    other.vote.candidates[0] = { ...other.vote.candidates[0], agree: 2, abstain: 1 };
    expect(Buffer.compare(first, await minutesPdf(other))).not.toBe(0);
  });

  it('prints members with their roles, the ranking (a unit not ranked as —), the vote and the signature lines', async () => {
    const text = pdfText(await minutesPdf(data()));
    for (const line of [
      'BIÊN BẢN',
      '1. Viện kiểm sát nhân dân tỉnh Thanh Hóa (Cụm trưởng)',
      '2. Viện kiểm sát nhân dân tỉnh Nghệ An (Cụm phó)',
      '3. Viện kiểm sát nhân dân tỉnh Hà Tĩnh',
      '95,50',
      '90,05',
      'Xuất sắc',
      'Không có đơn vị bằng điểm.',
      'Hình thức: bỏ phiếu kín.',
      'Phép tính: 3 × 5 ≥ 3 × 4 → 15 ≥ 12 → thông qua',
      'Kết quả: được suy tôn.',
      'CHỦ TRÌ',
      'THƯ KÝ',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.filter((line) => line === '—').length).toBeGreaterThanOrEqual(2);
  });

  it('lists the tie-breaks, says when nobody was acclaimed, and speaks English on request', async () => {
    const text = pdfText(await minutesPdf(data({ language: 'en', tieLines: ['Nghệ An: after Thanh Hóa on group I'], acclaimed: [] })));
    expect(text).toContain('MINUTES');
    expect(text).toContain('How ties were resolved:');
    expect(text).toContain('– Nghệ An: after Thanh Hóa on group I');
    expect(text).toContain('No unit was acclaimed.');
    expect(text).toContain('95.50');
  });

  it.each([
    [9550, 'vi', '95,50'],
    [9005, 'en', '90.05'],
    [0, 'vi', '0,00'],
    [-250, 'vi', '-2,50'],
    [7, 'en', '0.07'],
  ] as const)('formats %i hundredths in %s as %s', (hundredths, language, expected) => {
    expect(formatPoints(hundredths, language)).toBe(expected);
  });
});
