import { dejaVuFonts } from '../../common/pdf/dejavu-fonts';
import { newPdfDocument } from '../../common/pdf/pdf-document';
import { pdfBytes } from '../../common/pdf/pdf-bytes';
import type { Language } from '../../common/i18n/language';
import { DocumentContent } from './content/document-content';

/** What the PDF says about the version it renders. */
export interface PdfMeta {
  version: number;
  /** The version's `documentHash`. */
  hash: string;
  /** The version's creation time: the PDF's creation date, so the same version always gives the same file. */
  createdAt: Date;
  /** Language of the labels; the content itself is never translated. */
  language: Language;
  /** Deflate the page streams (default true); tests turn it off to read the text operators. */
  compress?: boolean;
  /** The units' signatures on this version (ký kết): a signature page after the text. */
  signatures?: PdfSignaturePage;
}

export type PdfSignatureMethod = 'passkey' | 'x509' | 'paper';

/** One unit's signature as the signature page shows it; the signing module gathers these (documents do not read signing). */
export interface PdfSignature {
  unit: { code: string; name: string };
  /** The person who signed, with their job title (Person.position) or else the role of the mandate they signed under. */
  signer: { fullName: string; position: string | null; mandateRole: string | null };
  method: PdfSignatureMethod;
  /** A paper signature the secretary recorded and the unit has not confirmed yet. */
  awaitingConfirmation: boolean;
  signedAt: Date;
  /** SHA-256 of the signing statement, lowercase hex. */
  statementHash: string;
  /** X.509: the signer certificate's subject (RFC 4514). */
  certificateSubject?: string;
}

/** The signing of a version: where it stands and its signatures, in the order they are listed. */
export interface PdfSignaturePage {
  status: 'open' | 'in-force' | 'declined' | 'closed';
  inForceAt: Date | null;
  signatures: PdfSignature[];
}

/** Who signed a version, by its id: null when nobody has. Provided by the signing module (see DocumentsService). */
export interface VersionSignatureSource {
  signaturePage(documentVersionId: string): Promise<PdfSignaturePage | null>;
}

interface Labels {
  clause: string;
  version: (version: number) => string;
  hash: string;
  signaturesHeading: string;
  signedText: (version: number, hash: string) => string;
  columns: [string, string, string, string, string];
  methods: Record<PdfSignatureMethod, string>;
  roles: Record<string, string>;
  awaitingConfirmation: string;
  certificate: string;
  status: (page: PdfSignaturePage) => string;
  statementNote: string;
}

const LABELS: Record<Language, Labels> = {
  vi: {
    clause: 'Điều',
    version: (version) => `Phiên bản ${version}`,
    hash: 'Mã băm SHA-256',
    signaturesHeading: 'Chữ ký của các đơn vị',
    signedText: (version, hash) => `Văn bản được ký: phiên bản ${version}, mã băm SHA-256 ${hash}.`,
    columns: ['Đơn vị', 'Người ký', 'Hình thức ký', 'Thời điểm ký (giờ Việt Nam)', 'Mã băm lời cam kết'],
    methods: { passkey: 'Khóa truy cập', x509: 'Chữ ký số', paper: 'Ký trên giấy tại hội nghị' },
    roles: { head: 'Thủ trưởng đơn vị', deputy: 'Cấp phó' },
    awaitingConfirmation: '(chờ đơn vị xác nhận)',
    certificate: 'Chứng thư số',
    status: (page) => {
      if (page.status === 'in-force' && page.inForceAt) return `Giao ước có hiệu lực từ ${vietnamTime(page.inForceAt, 'vi')} (giờ Việt Nam).`;
      if (page.status === 'declined') return 'Giao ước chưa có hiệu lực: một đơn vị đã từ chối ký.';
      if (page.status === 'closed') return 'Việc ký kết đã kết thúc mà giao ước chưa có hiệu lực.';
      return 'Giao ước chưa có hiệu lực: các đơn vị đang ký.';
    },
    statementNote: 'Mỗi đơn vị ký một lời cam kết nêu mã băm của văn bản; cột cuối là 16 ký tự đầu của mã băm SHA-256 của lời cam kết đó.',
  },
  en: {
    clause: 'Article',
    version: (version) => `Version ${version}`,
    hash: 'SHA-256',
    signaturesHeading: 'Signatures of the units',
    signedText: (version, hash) => `Text signed: version ${version}, SHA-256 ${hash}.`,
    columns: ['Unit', 'Signer', 'Method', 'Signed at (Vietnam time)', 'Statement hash'],
    methods: { passkey: 'Passkey', x509: 'Digital signature (X.509)', paper: 'On paper at the conference' },
    roles: { head: 'Head of unit', deputy: 'Deputy' },
    awaitingConfirmation: '(awaiting the unit’s confirmation)',
    certificate: 'Certificate',
    status: (page) => {
      if (page.status === 'in-force' && page.inForceAt) return `The pact is in force since ${vietnamTime(page.inForceAt, 'en')} (Vietnam time).`;
      if (page.status === 'declined') return 'The pact is not in force: a unit declined to sign.';
      if (page.status === 'closed') return 'The signing ended without the pact coming into force.';
      return 'The pact is not in force yet: the units are signing.';
    },
    statementNote: 'Each unit signs a statement naming the text’s hash; the last column is the first 16 characters of that statement’s SHA-256.',
  },
};

/** Vietnam keeps UTC+7 all year (no daylight saving): a fixed offset, so the same moment always prints the same. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** `13/02/2020 09:30` in Vietnamese, `2020-02-13 09:30` in English, on Vietnam's wall clock. */
function vietnamTime(moment: Date, language: Language): string {
  const wall = new Date(moment.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const [year, month, day] = wall.slice(0, 10).split('-');
  return `${language === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`} ${wall.slice(11, 16)}`;
}

/** The signature page's last change: the PDF's modification date, so that it too is the same for the same signing. */
function lastChange(page: PdfSignaturePage): Date | undefined {
  const times = [...page.signatures.map((signature) => signature.signedAt.getTime()), ...(page.inForceAt ? [page.inForceAt.getTime()] : [])];
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/**
 * Renders a version as an A4 PDF: the title, the version number and hash, the preamble, then each clause
 * (`Điều 1. <heading>` in bold, then its text), with the hash repeated in the document information
 * (Subject, Keywords) so that it can be read without rendering the pages. Fonts are subset and embedded.
 * With `meta.signatures`, a signature page follows: each unit's signer, method, time and statement hash, and whether
 * the pact is in force. Deterministic: the same content and meta give the same bytes. Text is left-aligned, not
 * justified: pdfkit justifies by placing words without space glyphs, and copied or searched text would lose its spaces.
 */
export async function toPdf(content: DocumentContent, meta: PdfMeta): Promise<Buffer> {
  const { regular, bold } = dejaVuFonts();
  const labels = LABELS[meta.language];
  const pdf = await newPdfDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    compress: meta.compress ?? true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: content.title,
      Subject: `${labels.version(meta.version)} · SHA-256 ${meta.hash}`,
      Keywords: `sha256:${meta.hash}`,
      Creator: 'thidua',
      Producer: 'thidua',
      CreationDate: meta.createdAt,
      ModDate: (meta.signatures && lastChange(meta.signatures)) ?? meta.createdAt,
    },
  });
  const done = pdfBytes(pdf);
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);

  pdf.font('bold').fontSize(15).text(content.title, { align: 'center' });
  pdf.moveDown(0.5);
  pdf.font('regular').fontSize(8.5).fillColor('#444444').text(`${labels.version(meta.version)} · ${labels.hash}: ${meta.hash}`, { align: 'center' });
  pdf.fillColor('#000000').fontSize(11.5);
  if (content.preamble) {
    pdf.moveDown(1.2);
    pdf.font('regular').text(content.preamble);
  }
  for (const clause of content.clauses) {
    pdf.moveDown(1);
    const heading = clause.heading ? ` ${clause.heading}` : '';
    pdf.font('bold').text(`${labels.clause} ${clause.number}.${heading}`);
    pdf.moveDown(0.3);
    pdf.font('regular').text(clause.text);
  }
  if (meta.signatures) signaturePage(pdf, meta.signatures, meta, labels);
  pdf.end();
  return done;
}

/** Column widths of the signature table, in points: 469 wide, the A4 page less its margins. */
const SIGNATURE_COLUMNS = [112, 100, 82, 72, 103];

function signerText(signer: PdfSignature['signer'], labels: Labels): string {
  const title = signer.position ?? (signer.mandateRole ? (labels.roles[signer.mandateRole] ?? signer.mandateRole) : null);
  return title ? `${signer.fullName}\n${title}` : signer.fullName;
}

/**
 * The signature page: the text signed (version and hash), a table with one row per signature (an X.509 signature
 * adds a row with its certificate's subject across the table) and the line saying whether the pact is in force.
 */
function signaturePage(pdf: PDFKit.PDFDocument, page: PdfSignaturePage, meta: PdfMeta, labels: Labels): void {
  pdf.addPage();
  pdf.font('bold').fontSize(14).text(labels.signaturesHeading, { align: 'center' });
  pdf.moveDown(0.6);
  pdf.font('regular').fontSize(9).fillColor('#444444').text(labels.signedText(meta.version, meta.hash));
  pdf.fillColor('#000000').moveDown(0.8);
  pdf.font('bold').fontSize(11.5).text(labels.status(page));
  pdf.moveDown(0.8);
  const header = labels.columns.map((text) => ({ text, type: 'TH' as const, font: { src: 'bold' }, backgroundColor: '#eeeeee' }));
  const rows: Array<Array<string | PDFKit.Mixins.CellOptions>> = [header];
  for (const signature of page.signatures) {
    const method = labels.methods[signature.method] + (signature.awaitingConfirmation ? `\n${labels.awaitingConfirmation}` : '');
    rows.push([
      `${signature.unit.name}\n(${signature.unit.code})`,
      signerText(signature.signer, labels),
      method,
      vietnamTime(signature.signedAt, meta.language),
      signature.statementHash.slice(0, 16),
    ]);
    if (signature.certificateSubject) {
      rows.push([{ text: `${labels.certificate}: ${signature.certificateSubject}`, colSpan: 5, textColor: '#444444' }]);
    }
  }
  pdf.font('regular').fontSize(8.5);
  pdf.table({ columnStyles: SIGNATURE_COLUMNS, defaultStyle: { padding: 4, borderColor: '#999999', border: 0.5 }, data: rows });
  pdf.moveDown(0.8);
  pdf.fontSize(8).fillColor('#444444').text(labels.statementNote, pdf.page.margins.left);
  pdf.fillColor('#000000');
}
