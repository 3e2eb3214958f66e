import { asciiFileName, attachmentDisposition, extensionOf, MAX_ORIGINAL_NAME_LENGTH, sanitiseOriginalName } from './file-names';

describe('sanitiseOriginalName', () => {
  it.each([
    ['a plain name', 'bao-cao.pdf', 'bao-cao.pdf'],
    ['a Windows path (old browsers)', 'C:\\Users\\Lan\\Tài liệu\\Báo cáo.pdf', 'Báo cáo.pdf'],
    ['a Unix path', '/home/lan/../../etc/passwd', 'passwd'],
    ['path climbing only', '../..', 'tep'],
    ['leading dots', '...hidden.pdf', 'hidden.pdf'],
    ['control characters', 'Báo\u0000 cáo\u0007\r\n.pdf', 'Báo cáo.pdf'],
    ['C1 controls and DEL', 'a\u0085b\u007fc.pdf', 'abc.pdf'],
    ['a right-to-left override hiding .exe', 'hoso\u202Efdp.exe', 'hosofdp.exe'],
    ['bidi isolates and marks', 'a\u2066b\u2069\u200fc.pdf', 'abc.pdf'],
    ['a lone surrogate', 'x\ud800y.pdf', 'xy.pdf'],
    ['surrounding spaces', '  Biên bản.docx  ', 'Biên bản.docx'],
    ['nothing left', '\u0001\u0002', 'tep'],
    ['empty', '', 'tep'],
  ])('%s', (_name, input, expected) => {
    expect(sanitiseOriginalName(input)).toBe(expected);
  });

  it('keeps an emoji (a surrogate pair) whole', () => {
    expect(sanitiseOriginalName('Khen thưởng 🏅.pdf')).toBe('Khen thưởng 🏅.pdf');
  });

  it('composes decomposed Vietnamese (NFD from macOS) into NFC', () => {
    const decomposed = 'Báo cáo Thanh Hóa.pdf'.normalize('NFD');
    expect(decomposed).not.toBe('Báo cáo Thanh Hóa.pdf');
    expect(sanitiseOriginalName(decomposed)).toBe('Báo cáo Thanh Hóa.pdf');
  });

  it('shortens a long name to 255 characters, keeping its extension and whole characters', () => {
    const long = `${'Hồ sơ minh chứng '.repeat(30)}🏅🏅.pdf`;
    const kept = sanitiseOriginalName(long);
    expect(Array.from(kept)).toHaveLength(MAX_ORIGINAL_NAME_LENGTH);
    expect(kept.endsWith('.pdf')).toBe(true);
    expect(kept.startsWith('Hồ sơ minh chứng')).toBe(true);
    expect(sanitiseOriginalName('🏅'.repeat(300))).toBe('🏅'.repeat(255));
  });
});

describe('extensionOf', () => {
  it.each([
    ['Báo cáo.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['README', ''],
    ['.profile', ''],
  ])('%s → %p', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});

describe('attachmentDisposition', () => {
  it('gives the Vietnamese name in RFC 5987 form and an ASCII fallback', () => {
    const header = attachmentDisposition('Biên bản họp Cụm số 6 (đợt 1).pdf');
    expect(header).toBe(`attachment; filename="Bien ban hop Cum so 6 (dot 1).pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp%20C%E1%BB%A5m%20s%E1%BB%91%206%20%28%C4%91%E1%BB%A3t%201%29.pdf`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(decodeURIComponent(encoded)).toBe('Biên bản họp Cụm số 6 (đợt 1).pdf');
  });

  it('cannot be broken out of by quotes, semicolons or line breaks in the name', () => {
    const header = attachmentDisposition('a"; filename="evil.exe\r\nX-Injected: 1;.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^attachment; filename="a__ filename=_evil.exeX-Injected: 1_.pdf"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('replaces letters ASCII cannot hold', () => {
    expect(asciiFileName('Đánh giá 中文.pdf')).toBe('Danh gia __.pdf');
  });
});
