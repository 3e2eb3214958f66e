import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the CSV import pages (/admin/org/imports), Vietnamese first. */
export const IMPORT_WEB_TEXTS = {
  title: { vi: 'Nhập dữ liệu từ tệp CSV', en: 'Import from a CSV file' },
  intro: {
    vi: 'Chọn loại dữ liệu và tệp. Mọi dòng của tệp được kiểm tra và hiện ra để xem trước; chưa có gì được ghi cho tới khi bạn bấm Nhập, và tệp được nhập trọn vẹn hoặc không dòng nào.',
    en: 'Choose what to import and the file. Every row is checked and shown in a preview; nothing is written until you press Import, and the file is imported whole or not at all.',
  },
  kindLegend: { vi: 'Dữ liệu cần nhập', en: 'What to import' },
  units: { vi: 'Đơn vị', en: 'Units' },
  people: { vi: 'Cán bộ (và nhiệm vụ tại đơn vị)', en: 'People (and their mandates in units)' },
  file: { vi: 'Tệp CSV', en: 'CSV file' },
  fileHint: {
    vi: 'Văn bản UTF-8, dòng đầu là tiêu đề; tối đa {rows} dòng dữ liệu và {size}.',
    en: 'UTF-8 text, the header on the first line; at most {rows} data rows and {size}.',
  },
  previewButton: { vi: 'Kiểm tra và xem trước', en: 'Check and preview' },
  columnsHeading: { vi: 'Các cột của tệp', en: 'The file’s columns' },
  columnsIntro: {
    vi: 'Dòng đầu của tệp ghi tên các cột như dưới đây (thứ tự tùy ý, có thể bỏ cột không bắt buộc). Các giá trị ngăn cách bằng dấu phẩy; giá trị có dấu phẩy hay xuống dòng đặt trong ngoặc kép.',
    en: 'The file’s first line names its columns as below (in any order; optional columns may be left out). Commas separate values; a value holding a comma or a line break goes in double quotes.',
  },
  unitsColumns: { vi: 'Tệp đơn vị', en: 'A units file' },
  peopleColumns: { vi: 'Tệp cán bộ', en: 'A people file' },
  column: { vi: 'Cột', en: 'Column' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  optional: { vi: 'Không bắt buộc', en: 'Optional' },
  meaning: { vi: 'Nội dung', en: 'Meaning' },
  example: { vi: 'Ví dụ', en: 'Example' },
  template: { vi: 'Tải tệp mẫu {file}', en: 'Download the template {file}' },
  // Units file
  col_code: { vi: 'Mã đơn vị: chữ in hoa, chữ số và dấu gạch ngang (2–64 ký tự), chưa có đơn vị nào dùng.', en: 'Unit code: uppercase letters, digits and hyphens (2–64 characters), not used by another unit.' },
  col_name: { vi: 'Tên đầy đủ của đơn vị.', en: 'The unit’s full name.' },
  col_shortName: { vi: 'Tên viết tắt.', en: 'Short name.' },
  col_parentCode: { vi: 'Mã đơn vị cấp trên: một đơn vị đã có, hoặc ở một dòng phía trên trong tệp.', en: 'Parent unit code: an existing unit, or one on an earlier line of the file.' },
  // People file
  col_username: {
    vi: 'Tên đăng nhập: chữ thường, chữ số, dấu chấm, gạch dưới và gạch ngang (2–100 ký tự), chưa có ai dùng.',
    en: 'Username: lowercase letters, digits, dots, underscores and hyphens (2–100 characters), not used by anyone.',
  },
  col_fullName: { vi: 'Họ và tên.', en: 'Full name.' },
  col_email: { vi: 'Địa chỉ thư điện tử.', en: 'Email address.' },
  col_position: { vi: 'Chức vụ.', en: 'Position.' },
  col_unitCode: { vi: 'Mã đơn vị: nếu có, cán bộ được giao nhiệm vụ tại đơn vị đã có này.', en: 'Unit code: when given, the person gets a mandate in this existing unit.' },
  col_mandateRole: { vi: 'Vai trò tại đơn vị: {roles}; bắt buộc khi có mã đơn vị.', en: 'Role in the unit: {roles}; required with a unit code.' },
  col_validFrom: { vi: 'Nhiệm vụ có hiệu lực từ ngày (YYYY-MM-DD); bắt buộc khi có mã đơn vị.', en: 'The mandate is valid from (YYYY-MM-DD); required with a unit code.' },
  col_validTo: { vi: 'Nhiệm vụ có hiệu lực đến ngày (YYYY-MM-DD); để trống nếu không thời hạn.', en: 'The mandate is valid until (YYYY-MM-DD); leave empty when open-ended.' },
  col_password: { vi: 'Mật khẩu ban đầu, ít nhất {min} ký tự; để trống thì cán bộ chưa đăng nhập được.', en: 'Initial password, at least {min} characters; when empty the person cannot sign in yet.' },
  // Progress (the page's script)
  progressLabel: { vi: 'Tiến độ', en: 'Progress' },
  stepUploading: { vi: 'Đang tải tệp lên: {percent}%', en: 'Uploading the file: {percent}%' },
  stepChecking: { vi: 'Đang kiểm tra các dòng: {done}/{total}', en: 'Checking the rows: {done}/{total}' },
  stepHashing: { vi: 'Đang mã hóa mật khẩu: {done}/{total}', en: 'Hashing the passwords: {done}/{total}' },
  stepWriting: { vi: 'Đang ghi vào cơ sở dữ liệu: {done}/{total}', en: 'Writing to the database: {done}/{total}' },
  stepDone: { vi: 'Xong; đang mở kết quả…', en: 'Done; opening the result…' },
  connectionLost: { vi: 'Mất kết nối với máy chủ trước khi có kết quả; hãy thử lại.', en: 'The connection to the server was lost before the result came; try again.' },
  tooLarge: { vi: 'Tệp lớn hơn {size}; hãy chia nhỏ tệp.', en: 'The file is larger than {size}; split it.' },
  // Preview and result
  previewTitle: { vi: 'Xem trước: {file}', en: 'Preview: {file}' },
  resultTitle: { vi: 'Kết quả nhập: {file}', en: 'Import result: {file}' },
  kind: { vi: 'Loại dữ liệu', en: 'Data' },
  fileName: { vi: 'Tệp', en: 'File' },
  uploadedAt: { vi: 'Tải lên lúc', en: 'Uploaded at' },
  summary: { vi: '{rows} dòng dữ liệu, {bad} dòng có lỗi.', en: '{rows} data rows, {bad} with problems.' },
  ready: { vi: 'Không có lỗi: có thể nhập cả {rows} dòng. Chưa có gì được ghi.', en: 'No problems: all {rows} rows can be imported. Nothing has been written yet.' },
  notReady: {
    vi: 'Chưa thể nhập: hãy sửa các lỗi dưới đây trong tệp rồi chọn lại tệp. Chưa có gì được ghi.',
    en: 'Nothing can be imported yet: fix the problems below in the file, then choose it again. Nothing has been written.',
  },
  fileProblems: { vi: 'Lỗi của cả tệp', en: 'Problems with the whole file' },
  lineN: { vi: 'Dòng {line}', en: 'Line {line}' },
  badRows: { vi: 'Các dòng có lỗi', en: 'Rows with problems' },
  rowsCaption: { vi: 'Mọi dòng của tệp, với lỗi của từng dòng', en: 'Every row of the file, with its problems' },
  line: { vi: 'Dòng', en: 'Line' },
  problems: { vi: 'Lỗi', en: 'Problems' },
  rowOk: { vi: 'Hợp lệ', en: 'OK' },
  passwordGiven: { vi: '(có mật khẩu)', en: '(given)' },
  importUnits: { vi: 'Nhập {rows} đơn vị', en: 'Import {rows} units' },
  importPeople: { vi: 'Nhập {rows} cán bộ', en: 'Import {rows} people' },
  importNote: { vi: 'Các dòng được kiểm tra lại khi nhập; nếu dữ liệu đã thay đổi, không dòng nào được ghi.', en: 'The rows are checked again on import; if the data changed meanwhile, nothing is written.' },
  chooseAnother: { vi: 'Chọn tệp khác', en: 'Choose another file' },
  imported: { vi: 'Đã nhập xong.', en: 'The import is done.' },
  resultUnits: { vi: 'Đã tạo {created} đơn vị từ tệp này.', en: '{created} units were created from this file.' },
  resultPeople: { vi: 'Đã tạo {created} cán bộ và {mandates} nhiệm vụ từ tệp này.', en: '{created} people and {mandates} mandates were created from this file.' },
  seeUnits: { vi: 'Xem cây đơn vị', en: 'See the unit tree' },
  seePeople: { vi: 'Xem danh sách cán bộ', en: 'See the people' },
  importing: { vi: 'Tệp này đang được nhập (bắt đầu lúc {time}). Tải lại trang để xem kết quả.', en: 'This file is being imported (started at {time}). Reload the page for the result.' },
  interrupted: {
    vi: 'Lần nhập bắt đầu lúc {time} đã dừng mà không báo kết quả (máy chủ có thể đã khởi động lại); nó ghi trọn vẹn hoặc không ghi dòng nào. Hãy nhập lại: nếu các dòng đã được ghi, bước kiểm tra sẽ báo.',
    en: 'The import started at {time} stopped without reporting its end (the server may have restarted); it wrote everything or nothing. Import again: if the rows were written, the check will say so.',
  },
} satisfies Record<string, Text>;

export type ImportWebText = keyof typeof IMPORT_WEB_TEXTS;

export function importt(language: Language, key: ImportWebText, params: Record<string, string | number> = {}): string {
  return interpolate(IMPORT_WEB_TEXTS[key][language], params);
}
