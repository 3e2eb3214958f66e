import { downloadName } from './download-name';

describe('downloadName', () => {
  it('spells a Vietnamese title in ASCII, lowercase, words joined by "-", with the version and extension', () => {
    expect(downloadName('Giao ước thi đua năm 2020 của Cụm thi đua số 6', 2, 'pdf')).toBe('giao-uoc-thi-dua-nam-2020-cua-cum-thi-dua-so-6-v2.pdf');
    expect(downloadName('ĐỀ ÁN "Đổi mới" / Quảng Trị', 1, 'md')).toBe('de-an-doi-moi-quang-tri-v1.md');
  });

  it('keeps names short and never empty', () => {
    expect(downloadName('Điều '.repeat(40), 3, 'md')).toMatch(/^(dieu-)+dieu-v3\.md$/);
    expect(downloadName('Điều '.repeat(40), 3, 'md').length).toBeLessThanOrEqual(80 + '-v3.md'.length);
    expect(downloadName('«»', 1, 'pdf')).toBe('van-ban-v1.pdf');
  });
});
