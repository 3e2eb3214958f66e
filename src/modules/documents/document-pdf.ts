import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
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
}

interface Fonts {
  regular: Buffer;
  bold: Buffer;
}

let fonts: Fonts | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every precomposed Vietnamese letter (ạ, ầ, ữ…),
 * unlike PDF's 14 standard fonts, and ships with the app, so no system font or network is needed.
 */
function loadFonts(): Fonts {
  if (!fonts) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}

const LABELS: Record<Language, { clause: string; version: (version: number) => string; hash: string }> = {
  vi: { clause: 'Điều', version: (version) => `Phiên bản ${version}`, hash: 'Mã băm SHA-256' },
  en: { clause: 'Article', version: (version) => `Version ${version}`, hash: 'SHA-256' },
};

/**
 * Renders a version as an A4 PDF: the title, the version number and hash, the preamble, then each clause
 * (`Điều 1. <heading>` in bold, then its text), with the hash repeated in the document information
 * (Subject, Keywords) so that it can be read without rendering the pages. Fonts are subset and embedded.
 * Deterministic: the same content and meta give the same bytes. Text is left-aligned, not justified: pdfkit
 * justifies by placing words without space glyphs, and copied or searched text would lose its spaces.
 */
export function toPdf(content: DocumentContent, meta: PdfMeta): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const labels = LABELS[meta.language];
  const pdf = new PDFDocument({
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
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
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
  pdf.end();
  return done;
}
