import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the mail page, Vietnamese first. */
export const MAIL_WEB_TEXTS = {
  navMail: { vi: 'Thư điện tử', en: 'E-mail' },
  title: { vi: 'Thư điện tử đã gửi', en: 'E-mail sent' },
  smtp: { vi: 'Thư được gửi qua máy chủ SMTP đã cấu hình.', en: 'Mail goes through the configured SMTP server.' },
  folder: {
    vi: 'Chưa cấu hình máy chủ SMTP (SMTP_URL): thư được ghi thành tệp .eml vào thư mục {folder} và xem được tại đây.',
    en: 'No SMTP server is configured (SMTP_URL): mail is written as .eml files to the folder {folder} and can be read here.',
  },
  empty: { vi: 'Chưa có thư nào.', en: 'No mail yet.' },
  time: { vi: 'Thời điểm', en: 'Time' },
  recipient: { vi: 'Người nhận', en: 'Recipient' },
  subject: { vi: 'Tiêu đề', en: 'Subject' },
  status: { vi: 'Trạng thái', en: 'Status' },
  attempts: { vi: 'Số lần thử', en: 'Attempts' },
  error: { vi: 'Lỗi', en: 'Error' },
  file: { vi: 'Tệp', en: 'File' },
  held: { vi: 'Chờ thư tổng hợp', en: 'Waiting for the digest' },
  pending: { vi: 'Đang chờ gửi', en: 'Pending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Thất bại', en: 'Failed' },
  skipped: { vi: 'Không gửi', en: 'Not sent' },
  digested: { vi: 'Đã gửi trong thư tổng hợp', en: 'Sent in a digest' },
  back: { vi: 'Về danh sách thư', en: 'Back to the mail' },
} satisfies Record<string, Text>;

export type MailWebText = keyof typeof MAIL_WEB_TEXTS;

export const mt = (language: Language, key: MailWebText, params?: Record<string, unknown>): string => interpolate(MAIL_WEB_TEXTS[key][language], params);
