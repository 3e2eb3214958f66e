import { DocumentContent, documentHash } from './content/document-content';
import { toPdf } from './document-pdf';

/** The 2020 pact of Cụm thi đua số 6 (Viện kiểm sát nhân dân of six provinces), shortened. */
function pact2020(): DocumentContent {
  return {
    title: 'Giao ước thi đua năm 2020 của Cụm thi đua số 6',
    preamble: 'Viện kiểm sát nhân dân các tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị và Thừa Thiên Huế thống nhất ký kết giao ước thi đua.',
    clauses: [
      { id: 'c-1', number: '1', heading: 'Thực hiện chỉ tiêu nghiệp vụ', text: 'Hoàn thành 100% chỉ tiêu nghiệp vụ theo Nghị quyết số 96/2019/QH14 của Quốc hội.' },
      { id: 'c-2', number: '2', heading: 'Thực hành quyền công tố', text: 'Không để xảy ra trường hợp Viện kiểm sát truy tố mà Tòa án tuyên bị cáo không phạm tội.\n- Tỷ lệ giải quyết án đạt trên 90%.' },
    ],
  };
}

const meta = (compress: boolean) => ({ version: 1, hash: documentHash(pact2020()), createdAt: new Date('2020-02-14T02:30:00Z'), language: 'vi' as const, compress });

describe('toPdf', () => {
  it('writes a PDF whose document information names the version hash and creation time', async () => {
    const pdf = await toPdf(pact2020(), meta(true));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain(`(sha256:${documentHash(pact2020())})`);
    expect(text).toContain('(D:20200214023000Z)');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('embeds DejaVu Sans with a Unicode map of the Vietnamese letters, so the text can be copied and searched', async () => {
    const text = (await toPdf(pact2020(), meta(false))).toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(text).toContain('/FontFile2');
    // ư (U+01B0) and ệ (U+1EC7) appear in the ToUnicode maps of the embedded subsets.
    expect(text.toLowerCase()).toContain('<01b0>');
    expect(text.toLowerCase()).toContain('<1ec7>');
  });

  it('gives the same bytes for the same version, and other bytes for another version', async () => {
    const [first, second] = await Promise.all([toPdf(pact2020(), meta(true)), toPdf(pact2020(), meta(true))]);
    expect(first.equals(second)).toBe(true);
    const changed = { ...pact2020(), title: 'Giao ước thi đua năm 2021 của Cụm thi đua số 6' };
    expect((await toPdf(changed, { ...meta(true), hash: documentHash(changed) })).equals(first)).toBe(false);
  });

  it('labels the clauses in English on request, without translating the content', async () => {
    const vi = await toPdf(pact2020(), meta(false));
    const en = await toPdf(pact2020(), { ...meta(false), language: 'en' });
    expect(en.equals(vi)).toBe(false);
    expect(en.toString('latin1')).toContain('/Lang (en)');
  });
});
