import type { CatalogEntry } from './error-catalog';

/** Error codes of polls, rules, ballots and tallies; spread into ERROR_CATALOG. */
export const VOTING_ERRORS = {
  // Rule data (threshold, quorum, abstentions, tie-break) refused when a workflow or rule pack is saved; `details` lists every problem with its path.
  VOTING_RULE_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Quy tắc biểu quyết có {count} lỗi (xem details).', en: 'The voting rule has {count} problems (see details).' },
  },
  // Counts that cannot happen (negative, more ballots than members, a chair ballot the counts do not contain); `details` lists every problem.
  VOTING_TALLY_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Số liệu kiểm phiếu có {count} điểm không hợp lệ (xem details).', en: 'The ballot count has {count} impossible values (see details).' },
  },
  // Polls and ballots.
  POLL_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy cuộc biểu quyết {id}.', en: 'Poll {id} not found.' } },
  POLL_CLOSED: { kind: 'conflict', message: { vi: 'Cuộc biểu quyết đã kết thúc; không thể bỏ phiếu hoặc sửa phiếu.', en: 'The poll is closed; ballots can no longer be cast or changed.' } },
  POLL_OPEN: { kind: 'conflict', message: { vi: 'Cuộc biểu quyết chưa kết thúc; kết quả chỉ có sau khi đóng.', en: 'The poll is still open; the result exists only after it closes.' } },
  NOT_IN_ELECTORATE: {
    kind: 'forbidden',
    message: { vi: '{voter} không thuộc danh sách được biểu quyết của cuộc biểu quyết này.', en: '{voter} is not in the electorate of this poll.' },
  },
  BALLOT_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Phiếu biểu quyết không hợp lệ: {reason}', en: 'Invalid ballot: {reason}' },
  },
  POLL_SUBJECT_CHANGED: {
    // The voter saw another text than the one the poll binds: a retry must not count the ballot for a text they did not read.
    kind: 'conflict',
    message: {
      vi: 'Nội dung được biểu quyết đã thay đổi (mã băm {actual}, không phải {expected}); hãy đọc lại trước khi bỏ phiếu.',
      en: 'The subject of the poll differs from the one you saw (hash {actual}, not {expected}); read it again before voting.',
    },
  },
  POLL_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Cuộc biểu quyết có {count} lỗi (xem details).', en: 'The poll has {count} problems (see details).' },
  },
  POLL_KEY_REUSED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Khóa {key} đã được dùng để mở một cuộc biểu quyết về nội dung khác.',
      en: 'Key {key} was already used to open a poll on another subject.',
    },
  },
  OFFLINE_BALLOT_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Không có phiếu ghi nhận tại cuộc họp của đơn vị {unit} chờ xác nhận.', en: 'No ballot recorded at a meeting awaits confirmation by unit {unit}.' },
  },
  OFFLINE_CONFIRM_CLOSED: {
    kind: 'conflict',
    message: { vi: 'Đã hết thời hạn xác nhận phiếu ghi tại cuộc họp ({deadline}).', en: 'The window to confirm the ballot recorded at the meeting has ended ({deadline}).' },
  },
} satisfies Record<string, CatalogEntry>;
