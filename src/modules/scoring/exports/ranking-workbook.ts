import type { Worksheet } from 'exceljs';

/** One row of the "Xếp hạng" sheet; points as numbers (2 decimals), null where a unit is not ranked. */
export interface WorkbookRankingRow {
  rank: number | null;
  unit: string;
  aggregate: number | null;
  adjustment: number;
  adjustmentReason: string | null;
  total: number | null;
  grade: string | null;
}

/** One submitted sheet of the "Phiếu chấm" sheet. */
export interface WorkbookSheetRow {
  stage: string;
  kind: string;
  scorer: string;
  scoredUnit: string;
  total: number | null;
}

export interface RankingWorkbookInput {
  /** The campaign's name, the first line of every sheet. */
  title: string;
  ranking: WorkbookRankingRow[];
  /** Criteria in table order, and the units (columns) with each criterion's final points. */
  criteria: Array<{ code: string; text: string }>;
  units: Array<{ name: string; finals: Record<string, number | null> }>;
  sheets: WorkbookSheetRow[];
}

/** Sheet names as the Vietnamese readers of the export know them (Excel allows 31 characters). */
export const WORKBOOK_SHEETS = { ranking: 'Xếp hạng', criteria: 'Điểm theo tiêu chí', sheets: 'Phiếu chấm' } as const;

const POINTS_FORMAT = '0.00';

/** A title line, then a bold header row; the header row stays visible while scrolling. */
function start(sheet: Worksheet, title: string, headers: string[], widths: number[]): void {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
}

/** Marks these columns (1-based) as points with two decimals. */
function pointsColumns(sheet: Worksheet, columns: number[]): void {
  for (const column of columns) sheet.getColumn(column).numFmt = POINTS_FORMAT;
}

/**
 * The ranking workbook (XLSX) with Vietnamese headers: "Xếp hạng" (rank, unit, aggregate, adjustment and its reason,
 * total, grade), "Điểm theo tiêu chí" (criteria × units, the final points) and "Phiếu chấm" (every submitted sheet's
 * total by scorer and scored unit). Points are numbers formatted with 2 decimals, never text.
 */
export async function rankingWorkbook(input: RankingWorkbookInput): Promise<Buffer> {
  // exceljs (about 650 modules) is loaded with the first export rather than when the app starts.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'thidua';
  workbook.created = new Date(0);

  const ranking = workbook.addWorksheet(WORKBOOK_SHEETS.ranking);
  start(ranking, input.title, ['Hạng', 'Đơn vị', 'Điểm tổng hợp', 'Điều chỉnh', 'Lý do điều chỉnh', 'Tổng điểm', 'Xếp loại'], [8, 45, 15, 12, 40, 12, 15]);
  for (const row of input.ranking) ranking.addRow([row.rank, row.unit, row.aggregate, row.adjustment, row.adjustmentReason, row.total, row.grade]);
  pointsColumns(ranking, [3, 4, 6]);

  const criteria = workbook.addWorksheet(WORKBOOK_SHEETS.criteria);
  start(criteria, input.title, ['Mã tiêu chí', 'Tiêu chí', ...input.units.map((unit) => unit.name)], [12, 50, ...input.units.map(() => 16)]);
  for (const criterion of input.criteria) criteria.addRow([criterion.code, criterion.text, ...input.units.map((unit) => unit.finals[criterion.code] ?? null)]);
  pointsColumns(criteria, input.units.map((_, index) => index + 3));

  const sheets = workbook.addWorksheet(WORKBOOK_SHEETS.sheets);
  start(sheets, input.title, ['Bước chấm', 'Loại phiếu', 'Người chấm', 'Đơn vị được chấm', 'Tổng điểm'], [20, 14, 35, 45, 12]);
  for (const row of input.sheets) sheets.addRow([row.stage, row.kind, row.scorer, row.scoredUnit, row.total]);
  pointsColumns(sheets, [5]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
