import type { CatalogEntry } from './error-catalog';

/**
 * Error codes of scoring tables, score sheets and rankings (issue 11); spread into ERROR_CATALOG.
 * Criteria are named by `{code}` and `{criterion}` (the leaf's text in the reader's language), never by id.
 */
export const SCORING_ERRORS = {
  // Tables: definitions and their published versions.
  // A table refused when saved or published; `details` lists every problem as { path, code, message }.
  SCORING_TABLE_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Bảng chấm điểm có {count} lỗi (xem details).', en: 'The scoring table has {count} problems (see details).' },
  },
  SCORING_TABLE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy bảng chấm điểm {key}.', en: 'Scoring table {key} not found.' } },
  SCORING_TABLE_VERSION_NOT_FOUND: {
    kind: 'not-found',
    message: { vi: 'Không tìm thấy phiên bản bảng chấm điểm {id}.', en: 'Scoring table version {id} not found.' },
  },
  SCORING_TABLE_CONTENT_PUBLISHED: {
    kind: 'conflict',
    message: {
      vi: 'Nội dung bản nháp trùng với phiên bản {number} đã công bố; hãy dùng lại phiên bản đó hoặc sửa bản nháp.',
      en: 'The draft has the same content as published scoring table version {number}; use that version or change the draft.',
    },
  },
  SCORING_TABLE_PUBLISH_CONFLICT: {
    kind: 'conflict',
    message: {
      vi: 'Bảng chấm điểm {key} vừa được công bố đồng thời bởi người khác; vui lòng thử lại.',
      en: 'Scoring table {key} was being published by someone else at the same time; please retry.',
    },
  },

  // Score sheets: the problems of one sheet come together under SCORE_SHEET_INVALID, `details` listing each
  // { path, code, message } with `path` the Form.io field key (e.g. `c_I_2_b`); the single codes below are those problems.
  SCORE_SHEET_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Phiếu chấm điểm có {count} lỗi (xem details).', en: 'The score sheet has {count} problems (see details).' },
  },
  SCORE_ABOVE_STANDARD: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Tiêu chí {code} "{criterion}": {value} điểm vượt quá mức tối đa {max} điểm.',
      en: 'Criterion {code} "{criterion}": {value} points exceed the maximum of {max} points.',
    },
  },
  // Below the floor: a negative score, a penalty deducting more than its limit (floor −points), a target of 0.
  SCORE_BELOW_FLOOR: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Tiêu chí {code} "{criterion}": {value} thấp hơn mức sàn {floor}.',
      en: 'Criterion {code} "{criterion}": {value} is below the floor of {floor}.',
    },
  },
  SCORE_MISSING: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tiêu chí {code} "{criterion}" chưa được chấm điểm.', en: 'Criterion {code} "{criterion}" has not been scored.' },
  },
  // Not a number where one is expected, or not a yes/no for a binary criterion.
  SCORE_NOT_A_NUMBER: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Tiêu chí {code} "{criterion}": giá trị "{value}" không hợp lệ.',
      en: 'Criterion {code} "{criterion}": "{value}" is not a valid value.',
    },
  },
  SCORE_TOO_PRECISE: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Tiêu chí {code} "{criterion}": {value} có quá 2 chữ số thập phân.',
      en: 'Criterion {code} "{criterion}": {value} has more than 2 decimal places.',
    },
  },
  SCORE_UNKNOWN_CRITERION: {
    kind: 'user',
    status: 422,
    message: { vi: 'Bảng chấm điểm không có tiêu chí {code}.', en: 'The scoring table has no criterion {code}.' },
  },
  SCORE_DUPLICATE_CRITERION: {
    kind: 'user',
    status: 422,
    message: { vi: 'Tiêu chí {code} được chấm nhiều hơn một lần trong cùng phiếu.', en: 'Criterion {code} is scored more than once in the same sheet.' },
  },
  // A unit never scores itself (the stage gives it no task); reaching this means a forged or stale request.
  SCORE_OWN_UNIT: {
    kind: 'forbidden',
    message: { vi: 'Đơn vị {unit} không được chấm điểm chéo cho chính mình.', en: 'Unit {unit} may not cross-score itself.' },
  },
  SCORE_EVIDENCE_REQUIRED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Tiêu chí {code} "{criterion}" cần ít nhất một tệp minh chứng.',
      en: 'Criterion {code} "{criterion}" needs at least one evidence file.',
    },
  },
  SCORE_STAGE_CLOSED: {
    kind: 'conflict',
    message: { vi: 'Bước chấm điểm "{stage}" đã kết thúc; không thể nộp hoặc sửa phiếu.', en: 'Scoring stage "{stage}" is closed; sheets can no longer be submitted or changed.' },
  },
  SCORE_RECUSE_AFTER_SUBMIT: {
    kind: 'conflict',
    message: {
      vi: 'Phiếu chấm điểm cho đơn vị {unit} đã được nộp; không thể xin không chấm sau khi đã nộp.',
      en: 'The score sheet for unit {unit} has been submitted; a scorer cannot recuse after submitting.',
    },
  },
  SCORE_ALREADY_SUBMITTED: {
    kind: 'conflict',
    message: { vi: 'Phiếu chấm điểm cho đơn vị {unit} đã được nộp trước đó.', en: 'The score sheet for unit {unit} was already submitted.' },
  },
  // `details` carries { pinnedVersion, sentVersion } so that the client can reload the pinned table.
  SCORE_TABLE_VERSION_MISMATCH: {
    kind: 'conflict',
    message: {
      vi: 'Phiếu được lập theo phiên bản {sent} của bảng chấm điểm {key}, nhưng chiến dịch dùng phiên bản {pinned}; hãy tải lại phiếu.',
      en: 'The sheet was made for version {sent} of scoring table {key}, but the campaign pins version {pinned}; reload the sheet.',
    },
  },
  // The stage's settings give no recusal (self-scoring by default).
  SCORE_RECUSAL_NOT_ALLOWED: {
    kind: 'forbidden',
    message: { vi: 'Bước chấm điểm "{stage}" không cho phép xin không chấm.', en: 'Scoring stage "{stage}" does not allow recusal.' },
  },
  // An evidence file asked for through a sheet it was not given with, or by someone who may not see that sheet.
  SCORE_EVIDENCE_NOT_VISIBLE: {
    kind: 'forbidden',
    message: { vi: 'Bạn không được xem minh chứng của phiếu chấm điểm này.', en: 'You may not see the evidence of this score sheet.' },
  },
  SCORE_SHEET_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy phiếu chấm điểm {sheet}.', en: 'Score sheet {sheet} not found.' } },

  // Rankings.
  RANKING_NOT_FOUND: { kind: 'not-found', message: { vi: 'Chưa có kết quả xếp hạng cho {subject}.', en: 'No ranking exists for {subject}.' } },
  RANKING_ADJUSTMENT_REASON_REQUIRED: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Điều chỉnh điểm của đơn vị {unit} cần ghi rõ lý do.',
      en: 'Adjusting the score of unit {unit} needs a stated reason.',
    },
  },
} satisfies Record<string, CatalogEntry>;
