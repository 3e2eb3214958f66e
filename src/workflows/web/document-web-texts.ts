import { interpolate, Language, Text } from '../../common/i18n/language';

/** Every text of the document and discussion pages, Vietnamese first. Error messages come from the error catalog. */
export const DOCUMENT_WEB_TEXTS = {
  versionHeading: { vi: 'Phiên bản {number}', en: 'Version {number}' },
  versionsLabel: { vi: 'Các phiên bản', en: 'Versions' },
  versionLink: { vi: 'Phiên bản {number}', en: 'Version {number}' },
  latestMark: { vi: '(mới nhất)', en: '(latest)' },
  versionHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  createdAt: { vi: 'Tạo lúc', en: 'Created' },
  downloads: { vi: 'Tải về', en: 'Download' },
  downloadMarkdown: { vi: 'Markdown (phiên bản {number})', en: 'Markdown (version {number})' },
  downloadPdf: { vi: 'PDF (phiên bản {number})', en: 'PDF (version {number})' },
  compareWithPrevious: { vi: 'So sánh với phiên bản trước', en: 'Compare with the previous version' },
  campaignLink: { vi: 'Đợt thi đua của văn bản này', en: 'The campaign of this document' },
  oldVersionNote: {
    vi: 'Bạn đang xem phiên bản cũ. Chỉ có thể mở chủ đề góp ý mới trên phiên bản mới nhất ({number}).',
    en: 'This is an older version. New discussion threads open only on the latest version ({number}).',
  },
  preamble: { vi: 'Lời mở đầu', en: 'Preamble' },
  clausesHeading: { vi: 'Các điều khoản', en: 'Clauses' },
  clauseTitle: { vi: 'Điều {number}.', en: 'Clause {number}.' },

  threadsOnClause: { vi: 'Góp ý về Điều {number}', en: 'Discussion of clause {number}' },
  noThreads: { vi: 'Chưa có góp ý.', en: 'No discussion yet.' },
  generalThreads: { vi: 'Góp ý chung cho cả văn bản', en: 'Discussion of the whole document' },
  threadOpen: { vi: 'Đang thảo luận', en: 'Open' },
  threadResolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  threadStatus: { vi: 'Trạng thái: {status}', en: 'Status: {status}' },
  openedBy: { vi: 'Mở bởi {actor}', en: 'Opened by {actor}' },
  commentsLabel: { vi: 'Ý kiến trong chủ đề {title}', en: 'Comments in {title}' },
  actorForUnit: { vi: '{person} (thay mặt {unit})', en: '{person} (for {unit})' },
  edited: { vi: '(đã sửa)', en: '(edited)' },
  replies: { vi: 'Trả lời', en: 'Replies' },
  reply: { vi: 'Trả lời ý kiến này', en: 'Reply to this comment' },
  replyBody: { vi: 'Nội dung trả lời', en: 'Your reply' },
  sendReply: { vi: 'Gửi trả lời', en: 'Send the reply' },
  addComment: { vi: 'Thêm ý kiến', en: 'Add a comment' },
  commentBody: { vi: 'Ý kiến của bạn', en: 'Your comment' },
  sendComment: { vi: 'Gửi ý kiến', en: 'Send the comment' },
  discussionClosedNote: {
    vi: 'Cuộc thảo luận về văn bản này đã kết thúc: không nhận thêm chủ đề hay ý kiến.',
    en: 'The discussion of this document has ended: no new threads or comments are accepted.',
  },
  threadClosedNote: { vi: 'Chủ đề đã giải quyết, không nhận thêm ý kiến.', en: 'This thread is resolved and takes no more comments.' },
  openThreadOnClause: { vi: 'Góp ý điều này', en: 'Comment on this clause' },
  openThreadGeneral: { vi: 'Mở chủ đề góp ý chung', en: 'Open a thread on the whole document' },
  threadTitle: { vi: 'Tiêu đề chủ đề', en: 'Thread title' },
  threadBody: { vi: 'Nội dung góp ý', en: 'Your comment' },
  openThread: { vi: 'Gửi góp ý', en: 'Open the thread' },
  actingUnit: { vi: 'Thay mặt đơn vị', en: 'Acting for unit' },
  actingAs: { vi: 'Bạn viết thay mặt {unit}.', en: 'You write for {unit}.' },
  mentionHint: { vi: 'Gõ @VKS-QBI hoặc @tên-đăng-nhập để báo cho đơn vị hoặc người đó.', en: 'Type @VKS-QBI or @username to notify that unit or person.' },
  needMandate: {
    vi: 'Cần có ủy quyền hợp lệ của một đơn vị để góp ý hoặc đề xuất sửa đổi.',
    en: 'You need a valid mandate of a unit to comment or propose amendments.',
  },

  amendmentsHeading: { vi: 'Các đề xuất sửa đổi', en: 'Amendments' },
  noAmendments: { vi: 'Chưa có đề xuất sửa đổi nào.', en: 'No amendment proposed yet.' },
  amendmentTitle: { vi: 'Sửa đổi số {number} — {unit}', en: 'Amendment {number} — {unit}' },
  amendmentKind: { vi: 'Loại', en: 'Kind' },
  amendmentTarget: { vi: 'Điều khoản', en: 'Clause' },
  targetClause: { vi: 'Điều {number}', en: 'Clause {number}' },
  targetStart: { vi: 'Đầu văn bản', en: 'The start of the document' },
  targetStartOption: { vi: 'Đầu văn bản (chỉ dùng với “chèn sau”)', en: 'The start of the document (only with “insert after”)' },
  baseVersion: { vi: 'Trên phiên bản', en: 'Against version' },
  proposedBy: { vi: 'Người đề xuất', en: 'Proposed by' },
  proposedHeading: { vi: 'Tiêu đề đề xuất', en: 'Proposed heading' },
  proposedText: { vi: 'Nội dung đề xuất', en: 'Proposed text' },
  justification: { vi: 'Lý do', en: 'Justification' },
  amendmentStatus: { vi: 'Trạng thái', en: 'Status' },
  decisionNote: { vi: 'Ghi chú quyết định', en: 'Decision note' },
  pollLink: { vi: 'Xem và biểu quyết', en: 'See and vote' },
  pollResultLink: { vi: 'Xem kết quả biểu quyết', en: 'See the result of the vote' },
  proposeHeading: { vi: 'Đề xuất sửa đổi', en: 'Propose an amendment' },
  proposeClosed: {
    vi: 'Đợt thi đua hiện không ở bước thảo luận nên không nhận đề xuất sửa đổi.',
    en: 'The campaign is not in its discussion stage, so it takes no amendments now.',
  },
  proposeNoCampaign: { vi: 'Văn bản này không thuộc đợt thi đua nào nên không nhận đề xuất sửa đổi qua trang này.', en: 'This document belongs to no campaign, so this page takes no amendments for it.' },
  fieldKind: { vi: 'Loại sửa đổi', en: 'Kind of change' },
  fieldClause: { vi: 'Điều khoản (với “chèn sau”: điều khoản đứng trước điều mới)', en: 'Clause (for “insert after”: the clause the new one follows)' },
  fieldHeading: { vi: 'Tiêu đề mới của điều (không bắt buộc)', en: 'New heading of the clause (optional)' },
  fieldText: { vi: 'Nội dung mới của điều (bỏ trống khi xóa)', en: 'New text of the clause (leave empty to delete)' },
  fieldJustification: { vi: 'Lý do (bắt buộc)', en: 'Justification (required)' },
  submitAmendment: { vi: 'Gửi đề xuất sửa đổi', en: 'Propose the amendment' },

  diffTitle: { vi: '{title}: thay đổi từ phiên bản {from} đến phiên bản {to}', en: '{title}: changes from version {from} to version {to}' },
  diffBack: { vi: 'Xem phiên bản {number}', en: 'See version {number}' },
  diffPick: { vi: 'So sánh hai phiên bản', en: 'Compare two versions' },
  diffFrom: { vi: 'Từ phiên bản', en: 'From version' },
  diffTo: { vi: 'Đến phiên bản', en: 'To version' },
  diffShow: { vi: 'So sánh', en: 'Compare' },
  diffNone: { vi: 'Hai phiên bản có nội dung giống nhau.', en: 'The two versions have the same content.' },
  diffChangelog: { vi: 'Tóm tắt thay đổi', en: 'Summary of changes' },
  diffAmendments: { vi: 'Các sửa đổi đã đưa vào', en: 'Amendments merged' },
  diffAmendmentEntry: { vi: 'Sửa đổi số {number} của {unit}: {change}', en: 'Amendment {number} by {unit}: {change}' },
  diffTitleChanged: { vi: 'Tên văn bản', en: 'Title' },
  diffPreambleChanged: { vi: 'Lời mở đầu', en: 'Preamble' },
  diffChanged: { vi: 'Điều khoản được sửa', en: 'Clauses changed' },
  diffAdded: { vi: 'Điều khoản được thêm', en: 'Clauses added' },
  diffRemoved: { vi: 'Điều khoản bị xóa', en: 'Clauses removed' },
  diffMoved: { vi: 'Điều khoản được chuyển chỗ', en: 'Clauses moved' },
  diffRenumbered: { vi: 'Điều khoản được đánh số lại', en: 'Clauses renumbered' },
  diffMoveEntry: { vi: 'Điều {from} chuyển thành Điều {to}', en: 'Clause {from} is now clause {to}' },
  diffChangedClause: { vi: 'Điều {before} → Điều {after}.', en: 'Clause {before} → clause {after}.' },
  diffHeading: { vi: 'Tiêu đề', en: 'Heading' },
  diffText: { vi: 'Nội dung', en: 'Text' },
  removedLabel: { vi: 'đã xóa:', en: 'removed:' },
  addedLabel: { vi: 'đã thêm:', en: 'added:' },
  diffLegend: {
    vi: 'Phần bị xóa được gạch ngang và đánh dấu “đã xóa”; phần được thêm được gạch chân và đánh dấu “đã thêm”.',
    en: 'Removed words are struck through and marked “removed”; added words are underlined and marked “added”.',
  },
} satisfies Record<string, Text>;

export type DocumentWebTextKey = keyof typeof DOCUMENT_WEB_TEXTS;

/** The page text in a language, with `{name}` placeholders filled. */
export function dt(language: Language, key: DocumentWebTextKey, params?: Record<string, unknown>): string {
  return interpolate(DOCUMENT_WEB_TEXTS[key][language], params);
}

export const AMENDMENT_KIND_TEXTS: Record<string, Text> = {
  replace: { vi: 'thay thế', en: 'replace' },
  insert: { vi: 'chèn sau', en: 'insert after' },
  delete: { vi: 'xóa', en: 'delete' },
};

export const AMENDMENT_STATUS_TEXTS: Record<string, Text> = {
  proposed: { vi: 'đang biểu quyết', en: 'being voted on' },
  accepted: { vi: 'được chấp nhận', en: 'accepted' },
  rejected: { vi: 'bị bác', en: 'rejected' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
  merged: { vi: 'đã đưa vào phiên bản {version}', en: 'merged into version {version}' },
};

/** What a page says after a form went through (`?flash=`); only these codes are shown. */
export const DOCUMENT_FLASH_TEXTS: Record<string, Text> = {
  'thread-opened': { vi: 'Đã mở chủ đề góp ý.', en: 'Thread opened.' },
  'comment-added': { vi: 'Đã gửi ý kiến.', en: 'Comment sent.' },
  'amendment-proposed': { vi: 'Đã gửi đề xuất sửa đổi; cuộc biểu quyết về đề xuất đã mở.', en: 'Amendment proposed; its vote is open.' },
};

/** What a merged amendment did, with the clause's number: `{clause}`. */
export const MERGED_CHANGE_TEXTS: Record<string, Text> = {
  replace: { vi: 'thay thế Điều {clause}', en: 'replaces clause {clause}' },
  insert: { vi: 'chèn Điều {clause} mới', en: 'inserts a new clause {clause}' },
  delete: { vi: 'xóa Điều {clause}', en: 'deletes clause {clause}' },
};
