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
} satisfies Record<string, CatalogEntry>;
