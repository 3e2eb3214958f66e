import type { CatalogEntry } from './error-catalog';

/** Error codes of stored files and evidence uploads; spread into ERROR_CATALOG. */
export const STORAGE_ERRORS = {
  EVIDENCE_TOO_LARGE: {
    kind: 'too-large',
    message: { vi: 'Tệp minh chứng vượt quá giới hạn {limitMb} MB.', en: 'The evidence file exceeds the limit of {limitMb} MB.' },
  },
  // The type named is the one read from the file's content; the declared Content-Type and name are not believed.
  EVIDENCE_TYPE_REFUSED: {
    kind: 'user',
    status: 415,
    message: {
      vi: 'Không chấp nhận tệp loại {type} làm minh chứng; chỉ nhận PDF, ảnh (PNG, JPEG, GIF, WebP, TIFF) và văn bản Word, Excel, PowerPoint hoặc OpenDocument.',
      en: 'Files of type {type} are not accepted as evidence; send PDF, images (PNG, JPEG, GIF, WebP, TIFF) or Word, Excel, PowerPoint or OpenDocument files.',
    },
  },
  EVIDENCE_FILE_MISSING: {
    kind: 'user',
    message: { vi: 'Chưa có tệp minh chứng gửi kèm (trường {field}).', en: 'No evidence file was attached (field {field}).' },
  },
  // Multipart problems other than size: several files, a file under another field name, too many fields.
  EVIDENCE_UPLOAD_INVALID: {
    kind: 'user',
    message: { vi: 'Tệp gửi lên không hợp lệ: {reason}.', en: 'Invalid upload: {reason}.' },
  },
  STORED_FILE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy tệp {id}.', en: 'File {id} not found.' } },
} satisfies Record<string, CatalogEntry>;
