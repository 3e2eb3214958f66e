import { dejaVuFonts } from '../../../common/pdf/dejavu-fonts';
import { newPdfDocument } from '../../../common/pdf/pdf-document';
import { pdfBytes } from '../../../common/pdf/pdf-bytes';
import type { Language } from '../../../common/i18n/language';

/** One row of the ranking table. */
export interface MinutesRankingRow {
  /** Null for a unit not ranked (no sheet to use). */
  rank: number | null;
  unit: string;
  /** Points × 100; null when not ranked. */
  total: number | null;
  grade: string | null;
}

/** The vote on one candidate: counts only (the ballot is secret), the rule's words and its arithmetic in numbers. */
export interface MinutesCandidateResult {
  unit: string;
  agree: number;
  disagree: number;
  abstain: number;
  passed: boolean;
  /** e.g. "5/6 thành viên đồng ý; quy tắc: đồng ý × 5 ≥ thành viên × 4 → 25 ≥ 24 → thông qua". */
  explanation: string;
  /** e.g. "5 × 5 ≥ 6 × 4 → 25 ≥ 24 → thông qua". */
  arithmetic: string;
}

/** What the minutes of the review and acclamation (biên bản họp bình xét, suy tôn) say. */
export interface MinutesData {
  language: Language;
  cluster: { name: string; year: number };
  campaign: string;
  members: Array<{ name: string; role: 'head' | 'deputy' | 'member' }>;
  ranking: MinutesRankingRow[];
  /** How ties were broken, or that they remain. */
  tieLines: string[];
  vote: {
    subject: string;
    secret: boolean;
    /** e.g. "≥ 4/5 of members" in words. */
    rule: string;
    members: number;
    ballots: number;
    candidates: MinutesCandidateResult[];
  };
  /** The acclaimed units' names, in ranking order. */
  acclaimed: string[];
  /** The chair: the head unit (chủ trì). */
  chair: string;
  /** When the vote closed: the PDF's date, so that the same data always gives the same bytes. */
  closedAt: Date;
  /** Deflate the page streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

const LABELS = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    title: 'BIÊN BẢN',
    subtitle: (year: number) => `Họp bình xét, suy tôn đơn vị dẫn đầu phong trào thi đua năm ${year}`,
    campaign: 'Đợt thi đua',
    members: 'I. Thành phần: các đơn vị thành viên',
    roles: { head: ' (Cụm trưởng)', deputy: ' (Cụm phó)', member: '' },
    ranking: 'II. Kết quả chấm điểm, xếp hạng',
    columns: ['Hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại'],
    noTies: 'Không có đơn vị bằng điểm.',
    ties: 'Phân định thứ hạng khi bằng điểm:',
    vote: 'III. Kết quả bỏ phiếu suy tôn',
    ballot: (secret: boolean) => (secret ? 'Hình thức: bỏ phiếu kín.' : 'Hình thức: biểu quyết công khai.'),
    rule: 'Quy tắc',
    turnout: (ballots: number, members: number) => `Số phiếu: ${ballots}/${members} đơn vị thành viên đã bỏ phiếu.`,
    counts: (r: MinutesCandidateResult) => `Đồng ý: ${r.agree}; không đồng ý: ${r.disagree}; không chọn/phiếu trắng: ${r.abstain}.`,
    arithmetic: 'Phép tính',
    verdict: (passed: boolean) => (passed ? 'Kết quả: được suy tôn.' : 'Kết quả: không được suy tôn.'),
    acclaimed: 'IV. Đơn vị được suy tôn',
    noneAcclaimed: 'Không có đơn vị nào được suy tôn.',
    secretNote: 'Bỏ phiếu kín: biên bản chỉ ghi số phiếu, không ghi đơn vị nào đã chọn gì.',
    chair: 'CHỦ TRÌ',
    secretary: 'THƯ KÝ',
    sign: '(Ký, ghi rõ họ tên)',
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    title: 'MINUTES',
    subtitle: (year: number) => `Review and acclamation of the leading unit of the emulation movement, ${year}`,
    campaign: 'Campaign',
    members: 'I. Present: the member units',
    roles: { head: ' (cluster head)', deputy: ' (deputy)', member: '' },
    ranking: 'II. Scores and ranking',
    columns: ['Rank', 'Unit', 'Total', 'Grade'],
    noTies: 'No units are tied.',
    ties: 'How ties were resolved:',
    vote: 'III. Result of the acclamation vote',
    ballot: (secret: boolean) => (secret ? 'Secret ballot.' : 'Open vote.'),
    rule: 'Rule',
    turnout: (ballots: number, members: number) => `Ballots: ${ballots} of ${members} member units voted.`,
    counts: (r: MinutesCandidateResult) => `Agree: ${r.agree}; disagree: ${r.disagree}; none chosen/abstain: ${r.abstain}.`,
    arithmetic: 'Arithmetic',
    verdict: (passed: boolean) => (passed ? 'Result: acclaimed.' : 'Result: not acclaimed.'),
    acclaimed: 'IV. Units acclaimed',
    noneAcclaimed: 'No unit was acclaimed.',
    secretNote: 'Secret ballot: the minutes give the counts only, never which unit chose what.',
    chair: 'CHAIR',
    secretary: 'SECRETARY',
    sign: '(Signature and full name)',
  },
} as const;

/** Points from hundredths: "92,50" in Vietnamese, "92.50" in English. */
export function formatPoints(hundredths: number, language: Language): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const text = `${Math.floor(abs / 100)}${language === 'vi' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
  return sign + text;
}

/** Column widths of the ranking table: 469 points, the A4 page less its margins. */
const RANKING_COLUMNS = [45, 254, 80, 90];

/**
 * Renders the minutes of the review and acclamation as an A4 PDF (biên bản): the cluster and year, the member units,
 * the ranking table and its tie-breaks, the acclamation vote with its counts, rule and arithmetic, the acclaimed units,
 * and signature lines for the chair and the secretary. Deterministic: the same data gives the same bytes.
 */
export async function minutesPdf(data: MinutesData): Promise<Buffer> {
  const { regular, bold } = dejaVuFonts();
  const labels = LABELS[data.language];
  const title = `${labels.title} — ${data.cluster.name} ${data.cluster.year}`;
  const pdf = await newPdfDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    compress: data.compress ?? true,
    lang: data.language,
    displayTitle: true,
    info: { Title: title, Subject: labels.subtitle(data.cluster.year), Creator: 'thidua', Producer: 'thidua', CreationDate: data.closedAt, ModDate: data.closedAt },
  });
  const done = pdfBytes(pdf);
  pdf.registerFont('regular', regular);
  pdf.registerFont('bold', bold);
  const heading = (text: string) => {
    pdf.moveDown(1);
    pdf.font('bold').fontSize(12).text(text, pdf.page.margins.left);
    pdf.moveDown(0.3);
    pdf.font('regular').fontSize(11);
  };

  pdf.font('bold').fontSize(11).text(labels.nation, { align: 'center' });
  pdf.font('regular').fontSize(11).text(labels.motto, { align: 'center' });
  pdf.moveDown(1.2);
  pdf.font('bold').fontSize(15).text(labels.title, { align: 'center' });
  pdf.font('bold').fontSize(12).text(labels.subtitle(data.cluster.year), { align: 'center' });
  pdf.font('regular').fontSize(11).text(`${data.cluster.name} — ${data.cluster.year}`, { align: 'center' });
  pdf.fontSize(9).fillColor('#444444').text(`${labels.campaign}: ${data.campaign}`, { align: 'center' });
  pdf.fillColor('#000000');

  heading(labels.members);
  data.members.forEach((member, index) => pdf.text(`${index + 1}. ${member.name}${labels.roles[member.role]}`));

  heading(labels.ranking);
  const header = labels.columns.map((text) => ({ text, type: 'TH' as const, font: { src: 'bold' }, backgroundColor: '#eeeeee' }));
  const rows: Array<Array<string | PDFKit.Mixins.CellOptions>> = [header];
  for (const row of data.ranking) rows.push([row.rank === null ? '—' : String(row.rank), row.unit, row.total === null ? '—' : formatPoints(row.total, data.language), row.grade ?? '—']);
  pdf.fontSize(10);
  pdf.table({ columnStyles: RANKING_COLUMNS, defaultStyle: { padding: 4, borderColor: '#999999', border: 0.5 }, data: rows });
  pdf.moveDown(0.6);
  pdf.fontSize(10);
  if (!data.tieLines.length) pdf.text(labels.noTies, pdf.page.margins.left);
  else {
    pdf.text(labels.ties, pdf.page.margins.left);
    for (const line of data.tieLines) pdf.text(`– ${line}`);
  }

  heading(labels.vote);
  pdf.text(data.vote.subject);
  pdf.text(labels.ballot(data.vote.secret));
  pdf.text(`${labels.rule}: ${data.vote.rule}.`);
  pdf.text(labels.turnout(data.vote.ballots, data.vote.members));
  for (const candidate of data.vote.candidates) {
    pdf.moveDown(0.5);
    pdf.font('bold').text(candidate.unit);
    pdf.font('regular').text(labels.counts(candidate));
    pdf.text(candidate.explanation);
    pdf.text(`${labels.arithmetic}: ${candidate.arithmetic}`);
    pdf.font('bold').text(labels.verdict(candidate.passed));
    pdf.font('regular');
  }
  if (data.vote.secret) {
    pdf.moveDown(0.4);
    pdf.fontSize(9).fillColor('#444444').text(labels.secretNote);
    pdf.fillColor('#000000').fontSize(11);
  }

  heading(labels.acclaimed);
  if (!data.acclaimed.length) pdf.text(labels.noneAcclaimed);
  data.acclaimed.forEach((unit, index) => pdf.text(`${index + 1}. ${unit}`));

  pdf.moveDown(2);
  const top = pdf.y;
  const left = pdf.page.margins.left;
  const half = (pdf.page.width - pdf.page.margins.left - pdf.page.margins.right) / 2;
  pdf.font('bold').fontSize(11).text(labels.secretary, left, top, { width: half, align: 'center' });
  pdf.font('regular').fontSize(9).text(labels.sign, left, pdf.y, { width: half, align: 'center' });
  pdf.font('bold').fontSize(11).text(labels.chair, left + half, top, { width: half, align: 'center' });
  pdf.font('regular').fontSize(9).text(labels.sign, left + half, pdf.y, { width: half, align: 'center' });
  pdf.fontSize(10).text(data.chair, left + half, pdf.y + 48, { width: half, align: 'center' });
  pdf.end();
  return done;
}
