import type { CatalogEntry } from './error-catalog';

/** Error codes of webhooks (điểm nhận sự kiện); spread into ERROR_CATALOG. */
export const WEBHOOK_ERRORS = {
  WEBHOOK_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy điểm nhận webhook {id}.', en: 'Webhook endpoint {id} not found.' } },
  WEBHOOK_DELIVERY_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy lần gửi webhook {id}.', en: 'Webhook delivery {id} not found.' } },
  WEBHOOK_URL_INVALID: {
    kind: 'user',
    status: 422,
    message: {
      vi: 'Địa chỉ “{url}” không dùng được: điểm nhận webhook phải là địa chỉ https:// đầy đủ, không chứa tên đăng nhập hay mật khẩu.',
      en: 'Address “{url}” cannot be used: a webhook endpoint must be a full https:// address without a user name or password.',
    },
  },
  WEBHOOK_EVENT_UNKNOWN: {
    kind: 'user',
    status: 422,
    message: { vi: 'Không có loại sự kiện “{event}”; các loại có: {known}.', en: 'There is no event type “{event}”; the known types are: {known}.' },
  },
  WEBHOOK_DELIVERY_IN_PROGRESS: {
    kind: 'conflict',
    message: { vi: 'Lần gửi này vẫn đang chờ gửi hoặc đang thử lại; chỉ gửi lại được khi đã xong hoặc đã thất bại.', en: 'This delivery is still pending or being retried; only a delivered or failed one can be sent again.' },
  },
} satisfies Record<string, CatalogEntry>;
