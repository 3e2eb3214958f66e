import { pdfText } from '../../../../test/support/pdf-text';
import { CertificateData, certificatePdf, registerNumber, vietnameseDocumentDate } from './certificate-pdf';

const data = (over: Partial<CertificateData> = {}): CertificateData => ({
  kind: 'form',
  title: 'Bằng khen',
  recipient: { kind: 'person', name: 'Nguyễn Thị Hường', unit: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' },
  year: 2020,
  campaign: 'Tổng kết năm 2020',
  decision: { number: '123/QĐ-VKSTC', signedOn: '2021-01-05', issuer: 'Viện trưởng Viện kiểm sát nhân dân tối cao' },
  registerId: '0f3a9c2e-5b1d-4e7a-9c0b-1234567890ab',
  compress: false,
  ...over,
});

describe('vietnameseDocumentDate', () => {
  it.each([
    ['2021-01-05', 'ngày 05 tháng 01 năm 2021'],
    ['2020-02-29', 'ngày 29 tháng 02 năm 2020'],
    ['2020-03-09', 'ngày 09 tháng 3 năm 2020'],
    ['2020-12-28', 'ngày 28 tháng 12 năm 2020'],
    ['2020-10-10', 'ngày 10 tháng 10 năm 2020'],
  ])('%s → %s (leading zero for days below 10 and for January and February only)', (iso, expected) => {
    expect(vietnameseDocumentDate(iso)).toBe(expected);
  });
});

describe('certificatePdf', () => {
  it('says who received what, for which year, by which decision, in Vietnamese letters', async () => {
    const text = pdfText(await certificatePdf(data()));
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TẶNG',
      'BẰNG KHEN',
      'Nguyễn Thị Hường',
      'Viện kiểm sát nhân dân tỉnh Thanh Hóa',
      'Đã có thành tích trong phong trào thi đua năm 2020',
      '(Tổng kết năm 2020)',
      'Quyết định số 123/QĐ-VKSTC',
      'ngày 05 tháng 01 năm 2021',
      'Ngày 05 tháng 01 năm 2021',
      'Số vào sổ: 0F3A9C2E',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.filter((line) => line === 'VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO')).toHaveLength(2);
    expect(text).not.toContain('CÔNG NHẬN DANH HIỆU');
  });

  it('recognises a title for a unit, without a person’s unit line or a campaign', async () => {
    const text = pdfText(await certificatePdf(data({ kind: 'title', title: 'Cờ thi đua', recipient: { kind: 'unit', name: 'Viện kiểm sát nhân dân tỉnh Nghệ An' }, campaign: null })));
    expect(text).toEqual(expect.arrayContaining(['CÔNG NHẬN DANH HIỆU', 'CỜ THI ĐUA', 'Viện kiểm sát nhân dân tỉnh Nghệ An']));
    expect(text).not.toContain('TẶNG');
    expect(text.filter((line) => line.startsWith('('))).toEqual(['(Đã ký)']);
  });

  it('keeps a long award name on one line', async () => {
    const text = pdfText(await certificatePdf(data({ kind: 'title', title: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao' })));
    expect(text).toContain('CỜ THI ĐUA CỦA VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO');
  });

  it('gives the same bytes for the same award and different bytes for another recipient', async () => {
    const first = await certificatePdf(data({ compress: true }));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(first, await certificatePdf(data({ compress: true })))).toBe(0);
    expect(Buffer.compare(first, await certificatePdf(data({ compress: true, recipient: { kind: 'person', name: 'Lê Văn Nam' } })))).not.toBe(0);
  });

  it('numbers the register entry from its id', () => {
    expect(registerNumber('0f3a9c2e-5b1d-4e7a-9c0b-1234567890ab')).toBe('0F3A9C2E');
  });
});
