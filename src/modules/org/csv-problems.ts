import { ApiProperty } from '@nestjs/swagger';
import { AppError } from '../../common/errors/app-error';
import { ERROR_CATALOG } from '../../common/errors/error-catalog';
import { interpolate, Language, Text } from '../../common/i18n/language';

/** What can be wrong with one line of an imported file; stable codes for clients, texts in both languages. */
export const ROW_PROBLEM_TEXT = {
  REQUIRED: { vi: 'Thiếu giá trị bắt buộc.', en: 'A value is required.' },
  TOO_LONG: { vi: 'Dài quá {max} ký tự.', en: 'Longer than {max} characters.' },
  TOO_SHORT: { vi: 'Cần ít nhất {min} ký tự.', en: 'At least {min} characters are required.' },
  INVALID_UNIT_CODE: {
    vi: 'Mã đơn vị "{value}" không hợp lệ: chỉ gồm 2–64 chữ in hoa, chữ số hoặc dấu gạch ngang.',
    en: 'Unit code "{value}" is invalid: use 2–64 uppercase letters, digits or hyphens.',
  },
  INVALID_USERNAME: {
    vi: 'Tên đăng nhập "{value}" không hợp lệ: chỉ gồm 2–100 chữ thường, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.',
    en: 'Username "{value}" is invalid: use 2–100 lowercase letters, digits, dots, underscores or hyphens.',
  },
  INVALID_EMAIL: { vi: 'Địa chỉ thư điện tử "{value}" không hợp lệ.', en: 'Email address "{value}" is invalid.' },
  INVALID_DATE: { vi: 'Ngày "{value}" không hợp lệ; hãy ghi theo dạng YYYY-MM-DD.', en: 'Date "{value}" is invalid; write it as YYYY-MM-DD.' },
  INVALID_MANDATE_ROLE: { vi: 'Vai trò "{value}" không hợp lệ; chọn một trong: {allowed}.', en: 'Role "{value}" is invalid; use one of: {allowed}.' },
  DUPLICATE_IN_FILE: { vi: 'Giá trị {value} đã có ở dòng {line}.', en: 'Value {value} already appears on line {line}.' },
  UNIT_CODE_TAKEN: ERROR_CATALOG.UNIT_CODE_TAKEN.message,
  USERNAME_TAKEN: ERROR_CATALOG.USERNAME_TAKEN.message,
  UNIT_ARCHIVED: ERROR_CATALOG.UNIT_ARCHIVED.message,
  MANDATE_DATES_INVALID: ERROR_CATALOG.MANDATE_DATES_INVALID.message,
  UNKNOWN_PARENT: {
    vi: 'Không tìm thấy đơn vị cấp trên {code} trong hệ thống hay ở các dòng phía trên.',
    en: 'Parent unit {code} is neither in the system nor on an earlier line.',
  },
  PARENT_AFTER_CHILD: { vi: 'Đơn vị cấp trên {code} ở dòng {line}; hãy đặt nó trước dòng này.', en: 'Parent unit {code} is on line {line}; put it before this line.' },
  PARENT_IS_SELF: { vi: 'Đơn vị không thể là cấp trên của chính nó.', en: 'A unit cannot be its own parent.' },
  UNKNOWN_UNIT: { vi: 'Không tìm thấy đơn vị {code}.', en: 'Unit {code} not found.' },
  MANDATE_UNIT_REQUIRED: {
    vi: 'Có thông tin ủy quyền nhưng thiếu mã đơn vị.',
    en: 'Mandate columns are filled in but the unit code is missing.',
  },
  COLUMN_COUNT: { vi: 'Dòng có {actual} cột trong khi tiêu đề có {expected} cột.', en: 'The line has {actual} columns; the header has {expected}.' },
  UNKNOWN_COLUMN: { vi: 'Không hỗ trợ cột "{column}"; các cột hợp lệ: {allowed}.', en: 'Unknown column "{column}"; allowed: {allowed}.' },
  MISSING_COLUMN: { vi: 'Thiếu cột bắt buộc "{column}".', en: 'Required column "{column}" is missing.' },
  DUPLICATE_COLUMN: { vi: 'Cột "{column}" xuất hiện hai lần.', en: 'Column "{column}" appears twice.' },
  MALFORMED: { vi: 'Tệp CSV sai cú pháp: {reason}', en: 'Malformed CSV: {reason}' },
} satisfies Record<string, Text>;

export type RowProblemCode = keyof typeof ROW_PROBLEM_TEXT;

/** The texts of an importer's problems: the shared ones and its own. */
export type RowProblemTexts = Record<string, Text>;

/** A problem found in the file, before it is put into words. */
export interface RowProblem {
  /** 1-based line in the file, the header being line 1. */
  row: number;
  /** The column, or null when the whole line is wrong. */
  field: string | null;
  /** A RowProblemCode, or a code of the importer's own texts (throwIfProblems). */
  code: string;
  params?: Record<string, unknown>;
}

/** One entry of `details` in a 422 CSV_INVALID answer. */
export class CsvRowErrorDto {
  @ApiProperty({ description: '1-based line number in the file, header included' }) row!: number;
  @ApiProperty({ nullable: true, type: String }) field!: string | null;
  @ApiProperty({ description: `e.g. ${Object.keys(ROW_PROBLEM_TEXT).slice(0, 4).join(', ')}` }) code!: string;
  @ApiProperty() message!: string;
}

/** Throws 422 CSV_INVALID listing every problem in file order, in the caller's language. */
export function throwIfProblems(problems: RowProblem[], language: Language, texts: RowProblemTexts = ROW_PROBLEM_TEXT): void {
  if (problems.length === 0) return;
  const details: CsvRowErrorDto[] = [...problems]
    .sort((a, b) => a.row - b.row)
    .map(({ row, field, code, params }) => ({ row, field, code, message: interpolate(texts[code][language], params, language) }));
  throw new AppError('CSV_INVALID', { count: new Set(problems.map((p) => p.row)).size }, details);
}
