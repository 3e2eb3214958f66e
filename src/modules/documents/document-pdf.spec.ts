import { pdfText } from '../../../test/support/pdf-text';
import { DocumentContent, documentHash } from './content/document-content';
import { PdfSignaturePage, toPdf } from './document-pdf';

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

/** Signatures of three units of Cluster No. 6, one by each method; Quảng Trị's paper signature not yet confirmed. */
function signing(status: PdfSignaturePage['status'] = 'open'): PdfSignaturePage {
  return {
    status,
    inForceAt: status === 'in-force' ? new Date('2020-02-13T03:05:00Z') : null,
    signatures: [
      {
        unit: { code: 'VKS-THA', name: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa' },
        signer: { fullName: 'Lê Văn Thanh', position: 'Viện trưởng', mandateRole: 'head' },
        method: 'passkey',
        awaitingConfirmation: false,
        signedAt: new Date('2020-02-13T02:30:00Z'),
        statementHash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
      },
      {
        unit: { code: 'VKS-HTI', name: 'Viện kiểm sát nhân dân tỉnh Hà Tĩnh' },
        signer: { fullName: 'Nguyễn Văn Hà', position: null, mandateRole: 'head' },
        method: 'x509',
        awaitingConfirmation: false,
        signedAt: new Date('2020-02-13T02:45:00Z'),
        statementHash: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
        certificateSubject: 'CN=Nguyễn Văn Hà, O=Viện kiểm sát nhân dân tỉnh Hà Tĩnh, C=VN',
      },
      {
        unit: { code: 'VKS-QTR', name: 'Viện kiểm sát nhân dân tỉnh Quảng Trị' },
        signer: { fullName: 'Trần Quốc Trị', position: null, mandateRole: 'deputy' },
        method: 'paper',
        awaitingConfirmation: true,
        signedAt: new Date('2020-02-13T03:00:00Z'),
        statementHash: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      },
    ],
  };
}

/** The PDF's text as a reader copies it, table cells' lines joined by spaces. */
const textOf = (pdf: Buffer) => pdfText(pdf).join(' ').replace(/\s+/g, ' ');

describe('toPdf: the signature page', () => {
  it('lists each unit, its signer, the method in words, the time in Vietnam, the short statement hash and the certificate subject', async () => {
    const text = textOf(await toPdf(pact2020(), { ...meta(false), signatures: signing('in-force') }));
    expect(text).toContain('Chữ ký của các đơn vị');
    expect(text).toContain(`Văn bản được ký: phiên bản 1, mã băm SHA-256 ${documentHash(pact2020())}.`);
    expect(text).toContain('Viện kiểm sát nhân dân tỉnh Thanh Hóa (VKS-THA) Lê Văn Thanh Viện trưởng Khóa truy cập 13/02/2020 09:30 a1b2c3d4e5f60718');
    // Without a job title, the role of the mandate the person signed under.
    expect(text).toContain('(VKS-HTI) Nguyễn Văn Hà Thủ trưởng đơn vị Chữ ký số 13/02/2020 09:45 ffeeddccbbaa9988');
    expect(text).toContain('Chứng thư số: CN=Nguyễn Văn Hà, O=Viện kiểm sát nhân dân tỉnh Hà Tĩnh, C=VN');
    expect(text).toContain('(VKS-QTR) Trần Quốc Trị Cấp phó Ký trên giấy tại hội nghị (chờ đơn vị xác nhận) 13/02/2020 10:00 0123456789abcdef');
    expect(text).not.toContain('a1b2c3d4e5f60718293a');
    expect(text).toContain('Giao ước có hiệu lực từ 13/02/2020 10:05 (giờ Việt Nam).');
    // The text of the pact comes first, on its own pages.
    expect(text.indexOf('Thực hành quyền công tố')).toBeLessThan(text.indexOf('Chữ ký của các đơn vị'));
  });

  it('says when the pact is not in force yet, or why not', async () => {
    expect(textOf(await toPdf(pact2020(), { ...meta(false), signatures: signing('open') }))).toContain('Giao ước chưa có hiệu lực: các đơn vị đang ký.');
    expect(textOf(await toPdf(pact2020(), { ...meta(false), signatures: signing('declined') }))).toContain('Giao ước chưa có hiệu lực: một đơn vị đã từ chối ký.');
    expect(textOf(await toPdf(pact2020(), { ...meta(false), signatures: signing('in-force') }))).not.toContain('chưa có hiệu lực');
  });

  it('has no signature page without signatures', async () => {
    const text = textOf(await toPdf(pact2020(), meta(false)));
    expect(text).toContain('Giao ước thi đua năm 2020 của Cụm thi đua số 6');
    expect(text).not.toContain('Chữ ký của các đơn vị');
  });

  it('speaks English on request: methods, roles, time and the in-force line', async () => {
    const text = textOf(await toPdf(pact2020(), { ...meta(false), language: 'en', signatures: signing('in-force') }));
    expect(text).toContain('Signatures of the units');
    expect(text).toContain('Nguyễn Văn Hà Head of unit Digital signature (X.509) 2020-02-13 09:45');
    expect(text).toContain('Passkey');
    expect(text).toContain('On paper at the conference (awaiting the unit’s confirmation)');
    expect(text).toContain('Certificate: CN=Nguyễn Văn Hà');
    expect(text).toContain('The pact is in force since 2020-02-13 10:05 (Vietnam time).');
  });

  it('gives the same bytes for the same signing, other bytes once it changes, and dates the change', async () => {
    const [first, second] = await Promise.all([toPdf(pact2020(), { ...meta(true), signatures: signing('open') }), toPdf(pact2020(), { ...meta(true), signatures: signing('open') })]);
    expect(first.equals(second)).toBe(true);
    expect(first.equals(await toPdf(pact2020(), meta(true)))).toBe(false);
    const inForce = await toPdf(pact2020(), { ...meta(true), signatures: signing('in-force') });
    expect(inForce.equals(first)).toBe(false);
    // Modified when the pact came into force; created when the version was.
    expect(inForce.toString('latin1')).toContain('(D:20200213030500Z)');
    expect(inForce.toString('latin1')).toContain('(D:20200214023000Z)');
    expect(first.toString('latin1')).not.toContain('(D:20200213030500Z)');
  });

  it('keeps every row when the signatures run over a page', async () => {
    const many: PdfSignaturePage = {
      status: 'open',
      inForceAt: null,
      signatures: Array.from({ length: 40 }, (_, index) => ({ ...signing().signatures[1], unit: { code: `VKS-${String(index).padStart(3, '0')}`, name: `Đơn vị số ${index}` } })),
    };
    const lines = pdfText(await toPdf(pact2020(), { ...meta(false), signatures: many }));
    for (let index = 0; index < 40; index++) expect(lines).toContain(`(VKS-${String(index).padStart(3, '0')})`);
  });
});
