import { Language, Text } from '../../common/i18n/language';

/** What a notice is about, as the subject line says it. */
export const NOTICE_LABELS: Record<string, Text> = {
  reminder: { vi: 'Nhắc việc', en: 'Reminder' },
  deadline: { vi: 'Quá hạn', en: 'Overdue' },
  escalation: { vi: 'Quá hạn', en: 'Overdue' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  discussion: { vi: 'Thảo luận', en: 'Discussion' },
  amendment: { vi: 'Đề xuất sửa đổi', en: 'Amendment' },
  vote: { vi: 'Đang chờ phiếu biểu quyết', en: 'Your vote is awaited' },
  result: { vi: 'Kết quả biểu quyết', en: 'Vote result' },
};

const LETTER: Record<Language, { greeting: (name: string) => string; unit: string; due: string; open: string; signature: string; digest: (day: string, count: number) => string; digestIntro: (count: number) => string }> = {
  vi: {
    greeting: (name) => `Kính gửi ${name},`,
    unit: 'Đơn vị',
    due: 'Hạn',
    open: 'Xem việc cần làm',
    signature: '— Hệ thống thi đua, khen thưởng (thư tự động, xin đừng trả lời)',
    digest: (day, count) => `[Thi đua] Tổng hợp thông báo ngày ${day} (${count})`,
    digestIntro: (count) => `Có ${count} thông báo mới:`,
  },
  en: {
    greeting: (name) => `Dear ${name},`,
    unit: 'Unit',
    due: 'Due',
    open: 'Open your tasks',
    signature: '— Emulation and commendation system (automatic message, please do not reply)',
    digest: (day, count) => `[Thi đua] Daily digest of ${day} (${count})`,
    digestIntro: (count) => `${count} new notices:`,
  },
};

export interface NoticeForMail {
  kind: string;
  message: Text;
  campaignName: string;
  unitName: string | null;
  dueAt: Date | null;
}

/** A date and time as people in Vietnam read it: 13/02/2020 17:00 (UTC+7). */
export function vietnamTime(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3600 * 1000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

/** A day (YYYY-MM-DD) as dd/mm/yyyy. */
export const vietnamDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The subject of one notice's mail: what it is and the campaign. */
export function noticeSubject(notice: NoticeForMail, language: Language): string {
  const label = NOTICE_LABELS[notice.kind]?.[language] ?? notice.kind;
  return `[Thi đua] ${label}: ${notice.campaignName}`.slice(0, 255);
}

/** The notice itself (its text already names the stage and the campaign), the unit it concerns and the due time. */
export function noticeItem(notice: NoticeForMail, language: Language): string {
  const words = LETTER[language];
  return [
    notice.message[language] ?? notice.message.vi,
    ...(notice.unitName ? [`${words.unit}: ${notice.unitName}`] : []),
    ...(notice.dueAt ? [`${words.due}: ${vietnamTime(notice.dueAt)}`] : []),
  ].join('\n');
}

/** A whole letter around some items: greeting, the items, where to act, signature. */
export function letter(options: { fullName: string; language: Language; intro?: string; items: string[]; link: string }): string {
  const words = LETTER[options.language];
  return [
    words.greeting(options.fullName),
    '',
    ...(options.intro ? [options.intro, ''] : []),
    options.items.join('\n\n'),
    '',
    `${words.open}: ${options.link}`,
    '',
    words.signature,
    '',
  ].join('\n');
}

export function digestSubject(day: string, count: number, language: Language): string {
  return LETTER[language].digest(vietnamDay(day), count);
}

export function digestIntro(count: number, language: Language): string {
  return LETTER[language].digestIntro(count);
}
