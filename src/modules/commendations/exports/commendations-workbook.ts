import type { CommendationDto } from '../dto/commendation.dto';

/** The sheet's name as Vietnamese readers know the register. */
export const REGISTER_SHEET = 'Sổ khen thưởng';

const HEADERS = ['Năm', 'Tập thể / cá nhân', 'Mã đơn vị', 'Danh hiệu / hình thức khen thưởng', 'Mã danh hiệu', 'Số quyết định', 'Ngày ký', 'Cấp quyết định', 'Thu hồi'];

/**
 * The commendation register as XLSX (one sheet, Vietnamese headers, a title line naming the filter): a row per award
 * in the register's order, years as numbers, a revoked award kept with the reason and decision of its revocation.
 */
export async function commendationsWorkbook(title: string, items: CommendationDto[]): Promise<Buffer> {
  // exceljs (about 650 modules) is loaded with the first export rather than when the app starts.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet(REGISTER_SHEET);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow(HEADERS).font = { bold: true };
  [8, 40, 14, 40, 18, 20, 12, 40, 40].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  for (const item of items) {
    const revocation = item.revocation ? `${item.revocation.reason}${item.revocation.decisionNumber ? ` (QĐ ${item.revocation.decisionNumber})` : ''}` : '';
    const [year, month, day] = item.decision.signedOn.split('-').map(Number);
    sheet.addRow([item.year, item.recipient.name, item.recipient.code ?? '', item.title.label.vi, item.title.code, item.decision.number, new Date(Date.UTC(year, month - 1, day)), item.decision.issuer, revocation]);
  }
  sheet.getColumn(7).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
