import { DocumentContent } from './document-content';
import { escapeInline, toMarkdown } from './document-markdown';

/** A three-clause version of the 2020 pact of Cụm thi đua số 6 (Viện kiểm sát nhân dân of six provinces). */
function pact2020(): DocumentContent {
  return {
    title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
    preamble:
      'Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
    clauses: [
      { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      {
        id: 'c-2',
        number: '2',
        heading: 'Thực hành quyền công tố',
        text: 'Các đơn vị cam kết:\n- Không để xảy ra trường hợp truy tố mà Tòa án tuyên không phạm tội;\n- Tỷ lệ kết án đạt trên 98%.\n\nKết quả được *đánh giá* theo [Quy chế] của ngành.',
      },
      { id: 'c-3', number: '3', text: '1. Đơn vị cụm trưởng tổ chức sơ kết, tổng kết & bình xét thi đua.' },
    ],
  };
}

const HASH = '9f2c4e1ab0d37c58e6f10a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f';

describe('toMarkdown', () => {
  it('renders a three-clause pact in Vietnamese', () => {
    expect(toMarkdown(pact2020(), { version: 2, hash: HASH, language: 'vi' })).toBe(
      [
        '# Giao ước thi đua năm 2020 của Cụm thi đua số 6',
        '',
        `Phiên bản 2 · Mã băm SHA-256: \`${HASH}\``,
        '',
        'Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
        '',
        '## Điều 1. Thực hiện chỉ tiêu nghiệp vụ',
        '',
        'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.',
        '',
        '## Điều 2. Thực hành quyền công tố',
        '',
        'Các đơn vị cam kết:\\',
        '\\- Không để xảy ra trường hợp truy tố mà Tòa án tuyên không phạm tội;\\',
        '\\- Tỷ lệ kết án đạt trên 98%.',
        '',
        'Kết quả được \\*đánh giá\\* theo \\[Quy chế\\] của ngành.',
        '',
        '## Điều 3.',
        '',
        '1\\. Đơn vị cụm trưởng tổ chức sơ kết, tổng kết & bình xét thi đua.',
        '',
      ].join('\n'),
    );
  });

  it('renders the same pact with English labels, leaving the content untranslated', () => {
    expect(toMarkdown(pact2020(), { version: 2, hash: HASH, language: 'en' })).toBe(
      [
        '# Giao ước thi đua năm 2020 của Cụm thi đua số 6',
        '',
        `Version 2 · SHA-256: \`${HASH}\``,
        '',
        'Viện kiểm sát nhân dân các tỉnh Hà Tĩnh, Nghệ An, Thanh Hóa, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua với các nội dung sau:',
        '',
        '## Article 1. Thực hiện chỉ tiêu nghiệp vụ',
        '',
        'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.',
        '',
        '## Article 2. Thực hành quyền công tố',
        '',
        'Các đơn vị cam kết:\\',
        '\\- Không để xảy ra trường hợp truy tố mà Tòa án tuyên không phạm tội;\\',
        '\\- Tỷ lệ kết án đạt trên 98%.',
        '',
        'Kết quả được \\*đánh giá\\* theo \\[Quy chế\\] của ngành.',
        '',
        '## Article 3.',
        '',
        '1\\. Đơn vị cụm trưởng tổ chức sơ kết, tổng kết & bình xét thi đua.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out an absent preamble and escapes what would start markup in titles and headings', () => {
    const content: DocumentContent = {
      title: 'Giao ước #6 <Cụm> _2020_',
      clauses: [{ id: 'c-1', number: '1', heading: 'Chỉ tiêu | tỷ lệ ##', text: '# Không phải tiêu đề\n> không phải trích dẫn\n+ 5% & ~10%, &amp; `mã`' }],
    };
    expect(toMarkdown(content, { version: 1, hash: HASH, language: 'vi' })).toBe(
      [
        '# Giao ước \\#6 \\<Cụm\\> \\_2020\\_',
        '',
        `Phiên bản 1 · Mã băm SHA-256: \`${HASH}\``,
        '',
        '## Điều 1. Chỉ tiêu \\| tỷ lệ \\#\\#',
        '',
        '\\# Không phải tiêu đề\\',
        '\\> không phải trích dẫn\\',
        '\\+ 5% & \\~10%, \\&amp; \\`mã\\`',
        '',
      ].join('\n'),
    );
  });

  it('escapes backslashes first, so an escaped text never gains or loses one', () => {
    expect(escapeInline('C:\\*thư mục*')).toBe('C:\\\\\\*thư mục\\*');
  });
});
