import type { CatalogEntry } from './error-catalog';

/**
 * Error codes of published rule packs (bộ quy định thi đua, khen thưởng; issue 13); spread into ERROR_CATALOG.
 * Packs are named by their key and their name in the reader's language, never by id.
 */
export const RULE_PACK_ERRORS = {
  // A pack refused when published; `details` lists every problem as { path, code, message } in the reader's language.
  RULE_PACK_INVALID: {
    kind: 'user',
    status: 422,
    message: { vi: 'Bộ quy định thi đua, khen thưởng có {count} lỗi (xem details).', en: 'The rule pack has {count} problems (see details).' },
  },
  RULE_PACK_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy bộ quy định {key}.', en: 'Rule pack {key} not found.' } },
  RULE_PACK_VERSION_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy phiên bản bộ quy định {id}.', en: 'Rule pack version {id} not found.' } },
  // Two packs taking effect on one day would leave the year's rules to chance.
  RULE_PACK_EFFECTIVE_DATE_TAKEN: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Bộ quy định "{pack}" áp dụng từ ngày {date}, trùng ngày áp dụng của bộ "{other}" ({otherKey}); hãy chọn ngày khác.',
      en: 'Rule pack "{pack}" takes effect on {date}, the same day as "{other}" ({otherKey}); choose another date.',
    },
  },
  RULE_PACK_CONTENT_PUBLISHED: {
    kind: 'conflict',
    message: {
      vi: 'Nội dung này trùng với phiên bản {number} đã công bố trước đó; không thể công bố lại nội dung cũ.',
      en: 'This content is the same as earlier version {number}; an earlier content cannot be published again.',
    },
  },
  RULE_PACK_PUBLISH_CONFLICT: {
    kind: 'conflict',
    message: {
      vi: 'Bộ quy định {key} vừa được công bố đồng thời bởi người khác; vui lòng thử lại.',
      en: 'Rule pack {key} was being published by someone else at the same time; please retry.',
    },
  },
} satisfies Record<string, CatalogEntry>;
