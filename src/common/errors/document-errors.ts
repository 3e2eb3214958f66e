import type { CatalogEntry } from './error-catalog';

/** Error codes of documents, discussion and amendments; spread into ERROR_CATALOG. */
export const DOCUMENT_ERRORS = {
  DOCUMENT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy văn bản {id}.', en: 'Document {id} not found.' } },
  DOCUMENT_VERSION_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Văn bản “{title}” không có phiên bản số {number}.', en: 'Document “{title}” has no version {number}.' },
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
      vi: 'Hai đề xuất sửa đổi đã được chấp thuận {a} và {b} cùng tác động đến Điều {clause}; không thể hợp nhất (xem details).',
      en: 'Accepted amendments {a} and {b} both change clause {clause} and cannot be merged (see details).',
    },
  },
  DISCUSSION_THREAD_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy chủ đề thảo luận {id}.', en: 'Discussion thread {id} not found.' } },
  DISCUSSION_COMMENT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy ý kiến {id}.', en: 'Comment {id} not found.' } },
  DISCUSSION_NOTICE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy thông báo thảo luận {id}.', en: 'Discussion notice {id} not found.' } },
  DISCUSSION_VERSION_STALE: {
    kind: 'conflict',
    message: {
      vi: 'Chỉ mở chủ đề thảo luận mới trên phiên bản mới nhất ({latest}), không trên phiên bản {version}.',
      en: 'New discussion threads open only on the latest version ({latest}), not on version {version}.',
    },
  },
  DISCUSSION_CLAUSE_NOT_FOUND: {
    kind: 'user',
    status: 422,
    message: { vi: 'Phiên bản {version} không có điều khoản {clause}.', en: 'Version {version} has no clause {clause}.' },
  },
  DISCUSSION_CLOSED: {
    kind: 'conflict',
    message: {
      vi: 'Cuộc thảo luận về văn bản "{document}" của đợt thi đua "{campaign}" đã kết thúc: không nhận thêm chủ đề, ý kiến hay chỉnh sửa.',
      en: 'The discussion of document "{document}" in campaign "{campaign}" has ended: no new threads, comments or edits are accepted.',
    },
  },
  DISCUSSION_THREAD_RESOLVED: {
    kind: 'conflict',
    message: { vi: 'Chủ đề thảo luận “{title}” đã kết thúc; hãy mở lại trước khi góp ý.', en: 'Discussion thread “{title}” is resolved; reopen it before commenting.' },
  },
  DISCUSSION_PARENT_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Ý kiến được trả lời không thuộc chủ đề thảo luận “{title}”.', en: 'The comment replied to is not in the discussion thread “{title}”.' },
  },
  COMMENT_EDITED_CONCURRENTLY: {
    kind: 'conflict',
    message: { vi: 'Ý kiến này vừa được sửa ở nơi khác; hãy tải lại rồi sửa tiếp.', en: 'This comment was just edited elsewhere; reload it and edit again.' },
  },
  NOT_COMMENT_AUTHOR: { kind: 'forbidden', message: { vi: 'Chỉ người viết mới được sửa ý kiến này.', en: 'Only the author may edit this comment.' } },
  NOT_THREAD_OWNER: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ người mở chủ đề, đơn vị của họ hoặc quản trị viên mới được đổi trạng thái chủ đề.',
      en: 'Only the person who opened the thread, their unit or an administrator may change its status.',
    },
  },
  AMENDMENT_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy đề xuất sửa đổi {id}.', en: 'Amendment {id} not found.' } },
  AMENDMENT_VERSION_STALE: {
    kind: 'conflict',
    message: {
      vi: 'Chỉ đề xuất sửa đổi phiên bản mới nhất ({latest}), không phải phiên bản {base}.',
      en: 'Amendments may only be proposed to the latest version ({latest}), not to version {base}.',
    },
  },
  AMENDMENT_UNIT_REQUIRED: {
    kind: 'forbidden',
    message: {
      vi: 'Chỉ đơn vị thành viên mới được đề xuất sửa đổi: hãy hành động thay mặt một đơn vị mà bạn có ủy quyền.',
      en: 'Only member units may propose amendments: act for a unit you hold a mandate for.',
    },
  },
  AMENDMENT_UNIT_NOT_MEMBER: {
    kind: 'forbidden',
    message: {
      vi: 'Đơn vị {unit} không phải thành viên của cụm thi đua có văn bản này, nên không được đề xuất sửa đổi.',
      en: 'Unit {unit} is not a member of the cluster this document belongs to, so it may not propose amendments.',
    },
  },
  AMENDMENT_JUSTIFICATION_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đề xuất sửa đổi phải nêu lý do.', en: 'An amendment needs a justification.' },
  },
  AMENDMENT_TEXT_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đề xuất “{kind}” phải có nội dung mới của điều khoản.', en: 'A “{kind}” amendment needs the new text of the clause.' },
  },
  AMENDMENT_CLAUSE_REQUIRED: {
    kind: 'user',
    status: 422,
    message: { vi: 'Đề xuất “{kind}” phải chỉ rõ điều khoản được sửa đổi.', en: 'A “{kind}” amendment must name the clause it changes.' },
  },
  NOT_AMENDMENT_PROPOSER: {
    kind: 'forbidden',
    message: { vi: 'Chỉ đơn vị đề xuất mới được rút đề xuất sửa đổi này.', en: 'Only the proposing unit may withdraw this amendment.' },
  },
  AMENDMENT_NOT_OPEN: {
    kind: 'conflict',
    message: { vi: 'Đề xuất sửa đổi số {number} {statusVi}; không thể thực hiện thao tác này.', en: 'Amendment no. {number} is {status}; this cannot be done now.' },
  },
  AMENDMENT_ALREADY_DECIDED: {
    kind: 'conflict',
    message: { vi: 'Đề xuất sửa đổi số {number} đã được quyết định: {statusVi}.', en: 'Amendment no. {number} has already been decided: {status}.' },
  },
} satisfies Record<string, CatalogEntry>;
