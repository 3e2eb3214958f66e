import type { CatalogEntry } from './error-catalog';

/** Error codes of documents, discussion and amendments; spread into ERROR_CATALOG. */
export const DOCUMENT_ERRORS = {
  DOCUMENT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy văn bản {id}.', en: 'Document {id} not found.' } },
  DOCUMENT_VERSION_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Văn bản {id} không có phiên bản số {number}.', en: 'Document {id} has no version {number}.' },
  },
  DOCUMENT_SOURCE_INVALID: {
    kind: 'user',
    message: {
      vi: 'Hãy gửi đúng một trong hai trường content (nội dung văn bản) hoặc pactDraft (dữ liệu dự thảo giao ước).',
      en: 'Send exactly one of content (the document content) and pactDraft (the data of a pact draft).',
    },
  },
  DOCUMENT_VERSION_STALE: {
    // A retry must not merge the same amendments onto the newer version: they were decided on the old one.
    kind: 'conflict',
    message: {
      vi: 'Các đề xuất sửa đổi dựa trên phiên bản {base}, nhưng phiên bản mới nhất là {latest}; không thể hợp nhất vào phiên bản cũ.',
      en: 'The amendments are based on version {base}, but the latest version is {latest}; they cannot be merged into an older version.',
    },
  },
  DOCUMENT_CONTENT_EXISTS: {
    kind: 'conflict',
    message: {
      vi: 'Nội dung sau khi hợp nhất trùng với phiên bản {number} đã có; không tạo phiên bản mới.',
      en: 'The merged content is the same as existing version {number}; no new version was created.',
    },
  },
  DOCUMENT_CONTENT_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Nội dung văn bản có {count} lỗi (xem details).', en: 'The document content has {count} problems (see details).' },
  },
  AMENDMENT_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Các đề xuất sửa đổi có {count} lỗi (xem details).', en: 'The amendments have {count} problems (see details).' },
  },
  AMENDMENT_TARGET_MISSING: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Đề xuất sửa đổi {amendment} nhắm tới điều khoản {clause} không có trong phiên bản được sửa đổi.',
      en: 'Amendment {amendment} targets clause {clause}, which is not in the amended version.',
    },
  },
  AMENDMENT_CONFLICT: {
    // 409 for the client, but kind 'user': the same amendments conflict again on every retry.
    kind: 'user',
    status: 409,
    message: {
      vi: 'Hai đề xuất sửa đổi đã được chấp thuận {a} và {b} cùng tác động đến điều khoản {clause}; không thể hợp nhất (xem details).',
      en: 'Accepted amendments {a} and {b} both change clause {clause} and cannot be merged (see details).',
    },
  },
} satisfies Record<string, CatalogEntry>;
