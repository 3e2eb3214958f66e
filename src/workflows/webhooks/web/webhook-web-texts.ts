import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the webhooks page, Vietnamese first. */
export const WEBHOOK_WEB_TEXTS = {
  navWebhooks: { vi: 'Webhook', en: 'Webhooks' },
  title: { vi: 'Webhook: điểm nhận sự kiện', en: 'Webhooks: event endpoints' },
  intro: {
    vi: 'Mỗi điểm nhận là một địa chỉ HTTPS được báo khi có sự kiện đã chọn. Mỗi lần gửi được ký HMAC-SHA256 bằng khóa bí mật của điểm nhận và thử lại khi không thành công. Đăng ký và sửa điểm nhận qua API /api/v1/webhooks.',
    en: 'Each endpoint is an HTTPS address told of the events it chose. Every delivery is signed with HMAC-SHA256 using the endpoint’s secret and retried until it is accepted. Register and change endpoints through the API /api/v1/webhooks.',
  },
  empty: { vi: 'Chưa có điểm nhận nào.', en: 'No endpoints yet.' },
  noDeliveries: { vi: 'Chưa gửi lần nào.', en: 'Nothing sent yet.' },
  endpoint: { vi: 'Điểm nhận', en: 'Endpoint' },
  events: { vi: 'Sự kiện', en: 'Events' },
  secret: { vi: 'Khóa bí mật', en: 'Secret' },
  disabled: { vi: 'Đang tắt', en: 'Disabled' },
  deliveries: { vi: 'Nhật ký gửi của “{name}” (mới nhất trước)', en: 'Delivery log of “{name}” (newest first)' },
  event: { vi: 'Sự kiện', en: 'Event' },
  campaign: { vi: 'Đợt thi đua', en: 'Campaign' },
  status: { vi: 'Trạng thái', en: 'Status' },
  attempts: { vi: 'Số lần thử', en: 'Attempts' },
  lastResponse: { vi: 'Phản hồi gần nhất', en: 'Last response' },
  error: { vi: 'Lỗi', en: 'Error' },
  time: { vi: 'Thời điểm', en: 'Time' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  pending: { vi: 'Đang chờ gửi', en: 'Pending' },
  delivered: { vi: 'Đã gửi', en: 'Delivered' },
  failed: { vi: 'Thất bại', en: 'Failed' },
  nextAttempt: { vi: 'thử lại lúc', en: 'next attempt at' },
  noResponse: { vi: 'không có', en: 'none' },
  redeliver: { vi: 'Gửi lại', en: 'Send again' },
  redelivered: { vi: 'Đã xếp lần gửi lại; trạng thái cập nhật khi gửi xong.', en: 'The delivery is queued again; its status changes once it is sent.' },
} satisfies Record<string, Text>;

export type WebhookWebText = keyof typeof WEBHOOK_WEB_TEXTS;

export const wt = (language: Language, key: WebhookWebText, params?: Record<string, unknown>): string => interpolate(WEBHOOK_WEB_TEXTS[key][language], params);
