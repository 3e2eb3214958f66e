import type { CatalogEntry } from './error-catalog';

/** Error codes of the CSV import pages (/admin/org/imports); spread into ERROR_CATALOG. */
export const IMPORT_ERRORS = {
  CSV_FILE_MISSING: { kind: 'user', message: { vi: 'Hãy chọn một tệp CSV.', en: 'Choose a CSV file.' } },
  CSV_NOT_UTF8: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tệp không phải văn bản UTF-8; hãy lưu lại tệp dưới dạng "CSV UTF-8".', en: 'The file is not UTF-8 text; save it again as "CSV UTF-8".' },
  },
  IMPORT_PREVIEW_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Không tìm thấy bản xem trước này (bản xem trước chỉ được giữ một giờ); hãy chọn lại tệp.', en: 'This preview was not found (previews are kept for an hour); choose the file again.' },
  },
  IMPORT_IN_PROGRESS: { kind: 'conflict', message: { vi: 'Tệp này đang được nhập; hãy chờ kết quả.', en: 'This file is being imported; wait for the result.' } },
} satisfies Record<string, CatalogEntry>;
