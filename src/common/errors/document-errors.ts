import type { CatalogEntry } from './error-catalog';

/** Error codes of documents, discussion and amendments; spread into ERROR_CATALOG. */
export const DOCUMENT_ERRORS = {
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
