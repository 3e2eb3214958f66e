import { dejaVuFonts } from '../../../common/pdf/dejavu-fonts';
import { newPdfDocument } from '../../../common/pdf/pdf-document';
import { pdfBytes } from '../../../common/pdf/pdf-bytes';
import type { AwardKind } from '../entities/commendation-record.entity';

/** What a certificate (Bằng khen, Giấy khen, a title's Giấy chứng nhận) says: one award of the register. */
export interface CertificateData {
  kind: AwardKind;
  /** The title or form in Vietnamese, e.g. "Bằng khen", "Chiến sĩ thi đua cơ sở". */
  title: string;
  recipient: { kind: 'unit' | 'person'; name: string; /** A person's unit that year, when known. */ unit?: string | null };
  year: number;
  campaign: string | null;
  decision: { number: string; /** `YYYY-MM-DD`. */ signedOn: string; issuer: string };
  /** The register entry's id: printed as the entry number, so a paper copy can be traced back. */
  registerId: string;
  /** Deflate the page streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

/**
 * A date as Vietnamese administrative documents write it: days below 10 and the months January and February with a
 * leading zero ("ngày 05 tháng 01 năm 2021", "ngày 28 tháng 12 năm 2020"), so that no digit can be added later.
 */
export function vietnameseDocumentDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** The register number printed on the certificate: the first eight hex digits of the entry's id, upper case. */
export const registerNumber = (registerId: string): string => registerId.replace(/-/g, '').slice(0, 8).toUpperCase();

/**
 * Renders one award's certificate as a landscape A4 PDF in Vietnamese (an official paper has one language): the
 * national heading, the issuer, "TẶNG" for a commendation form or "CÔNG NHẬN DANH HIỆU" for a title, the recipient,
 * the achievement's year, the decision and the issuer's signature block. DejaVu Sans carries every Vietnamese letter.
 * Deterministic: the same award gives the same bytes (the PDF's dates are the decision's).
 */
export async function certificatePdf(data: CertificateData): Promise<Buffer> {
  const { regular, bold } = dejaVuFonts();
  const signed = new Date(`${data.decision.signedOn}T00:00:00Z`);
  const pdf = await newPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 60, bottom: 50, left: 70, right: 70 },
    compress: data.compress ?? true,
    lang: 'vi',
    displayTitle: true,
    info: {
      Title: `${data.title} — ${data.recipient.name} — ${data.year}`,
      Subject: `Quyết định số ${data.decision.number}`,
      Creator: 'thidua',
      Producer: 'thidua',
      CreationDate: signed,
      ModDate: signed,
    },
  });
  const done = pdfBytes(pdf);
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const { width, height } = pdf.page;
  const red = '#9b1c1c';

  // A double frame, as printed certificates have.
  pdf.lineWidth(3).strokeColor(red).rect(24, 24, width - 48, height - 48).stroke();
  pdf.lineWidth(0.8).rect(32, 32, width - 64, height - 64).stroke();
  pdf.strokeColor('#000000').fillColor('#000000');

  pdf.font('bold').fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  pdf.font('bold').fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { align: 'center', underline: true });
  pdf.moveDown(1);
  pdf.font('bold').fontSize(13).text(data.decision.issuer.toLocaleUpperCase('vi'), { align: 'center' });
  pdf.moveDown(0.8);
  pdf.font('regular').fontSize(14).text(data.kind === 'form' ? 'TẶNG' : 'CÔNG NHẬN DANH HIỆU', { align: 'center' });
  pdf.moveDown(0.2);
  // The award's name on one line: as large as fits, from 30 points down.
  const award = data.title.toLocaleUpperCase('vi');
  const line = width - pdf.page.margins.left - pdf.page.margins.right;
  let size = 30;
  while (size > 14 && pdf.font('bold').fontSize(size).widthOfString(award) > line) size -= 1;
  pdf.font('bold').fontSize(size).fillColor(red).text(award, { align: 'center' });
  pdf.fillColor('#000000').moveDown(0.5);
  pdf.font('regular').fontSize(13).text('Cho', { align: 'center' });
  pdf.font('bold').fontSize(20).text(data.recipient.name, { align: 'center' });
  if (data.recipient.kind === 'person' && data.recipient.unit) pdf.font('regular').fontSize(13).text(data.recipient.unit, { align: 'center' });
  pdf.moveDown(0.6);
  pdf.font('regular').fontSize(13).text(`Đã có thành tích trong phong trào thi đua năm ${data.year}`, { align: 'center' });
  if (data.campaign) pdf.fontSize(11).fillColor('#444444').text(`(${data.campaign})`, { align: 'center' });
  pdf.fillColor('#000000');

  // The decision on the left, the place of signature on the right, both at the foot of the page.
  const foot = height - 175;
  const left = pdf.page.margins.left;
  const half = (width - left - pdf.page.margins.right) / 2;
  const when = vietnameseDocumentDate(data.decision.signedOn);
  pdf.font('regular').fontSize(11);
  pdf.text(`Quyết định số ${data.decision.number}`, left, foot, { width: half, align: 'center' });
  pdf.text(when, left, pdf.y, { width: half, align: 'center' });
  pdf.text(`Số vào sổ: ${registerNumber(data.registerId)}`, left, pdf.y, { width: half, align: 'center' });
  pdf.text(`${when.charAt(0).toUpperCase()}${when.slice(1)}`, left + half, foot, { width: half, align: 'center' });
  pdf.font('bold').fontSize(12).text(data.decision.issuer.toLocaleUpperCase('vi'), left + half, pdf.y + 4, { width: half, align: 'center' });
  pdf.font('regular').fontSize(10).fillColor('#444444').text('(Đã ký)', left + half, pdf.y + 2, { width: half, align: 'center' });
  pdf.end();
  return done;
}
