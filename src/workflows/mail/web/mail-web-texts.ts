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
  navMyMail: { vi: 'Nhận thông báo qua thư', en: 'Mail notices' },
  myTitle: { vi: 'Nhận thông báo qua thư điện tử', en: 'Notices by e-mail' },
  myIntro: {
    vi: 'Các thông báo trong hệ thống (nhắc việc, quá hạn, biểu quyết, kết quả…) được gửi tới địa chỉ thư của anh/chị.',
    en: 'The notices you see here (reminders, overdue stages, votes, results…) are also sent to your e-mail address.',
  },
  myAddress: { vi: 'Địa chỉ thư', en: 'Address' },
  noAddress: { vi: 'chưa có: quản trị viên cần ghi địa chỉ thư vào hồ sơ của anh/chị', en: 'none yet: an administrator must add it to your person record' },
  delivery: { vi: 'Cách nhận', en: 'How to receive them' },
  immediate: { vi: 'Gửi ngay từng thông báo', en: 'Each notice at once' },
  digest: { vi: 'Gộp thành một thư mỗi ngày', en: 'One digest a day' },
  none: { vi: 'Không nhận thư', en: 'No e-mail' },
  language: { vi: 'Ngôn ngữ của thư', en: 'Language of the mail' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu lựa chọn.', en: 'Your choice is saved.' },
} satisfies Record<string, Text>;

export type MailWebText = keyof typeof MAIL_WEB_TEXTS;

export const mt = (language: Language, key: MailWebText, params?: Record<string, unknown>): string => interpolate(MAIL_WEB_TEXTS[key][language], params);
