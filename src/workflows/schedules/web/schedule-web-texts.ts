import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the scheduled launches page, Vietnamese first. */
export const SCHEDULE_WEB_TEXTS = {
  navSchedules: { vi: 'Lịch phát động', en: 'Launch schedules' },
  title: { vi: 'Lịch tự động phát động', en: 'Scheduled launches' },
  intro: {
    vi: 'Mỗi lịch tự phát động một quy trình vào ngày đã định, đúng một lần cho mỗi cụm hoặc đơn vị của năm. “Chạy ngay” chạy lịch bất kể ngày; đối tượng đã phát động được ghi là “đã có”.',
    en: 'Each schedule launches a workflow by itself on its date, exactly once for each cluster or unit of the year. “Run now” runs it whatever the date; subjects already launched are reported as “existed”.',
  },
  empty: { vi: 'Chưa có lịch nào.', en: 'No schedules yet.' },
  workflow: { vi: 'Quy trình', en: 'Workflow' },
  year: { vi: 'Năm', en: 'Year' },
  subject: { vi: 'Đối tượng', en: 'Subjects' },
  rule: { vi: 'Ngày chạy', en: 'Date rule' },
  nextRun: { vi: 'Lần chạy tới', en: 'Next run' },
  results: { vi: 'Kết quả', en: 'Results' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  'every-active-cluster': { vi: 'Mọi cụm thi đua đang hoạt động của năm', en: 'Every active cluster of the year' },
  'units-of-type': { vi: 'Các đơn vị loại “{type}”', en: 'Units of type “{type}”' },
  shiftNone: { vi: 'ngày {day}/{month}', en: '{month}-{day} (month-day)' },
  shiftNextWorkingDay: { vi: 'ngày {day}/{month}, hoặc ngày làm việc đầu tiên sau đó', en: '{month}-{day} (month-day), or the first working day after it' },
  runDate: { vi: 'năm {year}: {date}', en: 'in {year}: {date}' },
  noNextRun: { vi: 'Không còn (đã phát động hết hoặc đang tắt)', en: 'None (all launched, or disabled)' },
  disabled: { vi: 'Đang tắt', en: 'Disabled' },
  launched: { vi: 'Đã phát động', en: 'Launched' },
  existed: { vi: 'Đã có', en: 'Existed' },
  failed: { vi: 'Lỗi', en: 'Failed' },
  pending: { vi: 'Chưa chạy', en: 'Pending' },
  lastRun: { vi: 'Lần chạy gần nhất: {launched} phát động, {existed} đã có, {failed} lỗi; xong lúc', en: 'Last run: {launched} launched, {existed} existed, {failed} failed; finished at' },
  runNow: { vi: 'Chạy ngay', en: 'Run now' },
  runStarted: { vi: 'Đã bắt đầu chạy lịch; kết quả hiện ra khi các đợt được phát động.', en: 'The schedule is running; results appear as campaigns are launched.' },
} satisfies Record<string, Text>;

export type ScheduleWebText = keyof typeof SCHEDULE_WEB_TEXTS;

export const st = (language: Language, key: ScheduleWebText, params?: Record<string, unknown>): string => interpolate(SCHEDULE_WEB_TEXTS[key][language], params);
