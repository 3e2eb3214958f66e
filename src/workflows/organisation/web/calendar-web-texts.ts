import { interpolate, Language, Text } from '../../../common/i18n/language';

/** Texts of the working calendar page (/admin/org/calendar), Vietnamese first. */
export const CALENDAR_WEB_TEXTS = {
  title: { vi: 'Lịch làm việc năm {year}', en: 'Working calendar {year}' },
  intro: {
    vi: 'Các hạn tính bằng ngày làm việc được đếm theo lịch này: thứ Hai đến thứ Sáu, trừ ngày nghỉ lễ, nghỉ Tết và ngày nghỉ bù theo Bộ luật Lao động, cùng các điều chỉnh của quản trị viên (ngày làm bù, ngày nghỉ thêm). Thời gian nghỉ Tết do Chính phủ công bố hằng năm.',
    en: 'Deadlines in working days are counted on this calendar: Monday to Friday, less public holidays, the Tết break and compensating days off under the Labour Code, with the administrators’ amendments (make-up working days, extra days off). The Tết break is announced by the government each year.',
  },
  workingDaysCount: { vi: 'Năm {year} có {count} ngày làm việc.', en: '{year} has {count} working days.' },
  yearChoice: { vi: 'Chọn năm', en: 'Choose a year' },
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  otherYears: { vi: 'Năm khác', en: 'Other years' },
  previousYear: { vi: 'Năm trước ({year})', en: 'Previous year ({year})' },
  nextYear: { vi: 'Năm sau ({year})', en: 'Next year ({year})' },
  thisYear: { vi: 'Năm nay ({year})', en: 'This year ({year})' },
  legendHeading: { vi: 'Chú giải', en: 'Key' },
  monthsHeading: { vi: 'Lịch từng tháng', en: 'Month by month' },
  month: { vi: 'Tháng {month} năm {year}', en: '{monthName} {year}' },
  weekdays: { vi: 'Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ nhật', en: 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday' },
  weekdaysShort: { vi: 'T2|T3|T4|T5|T6|T7|CN', en: 'Mon|Tue|Wed|Thu|Fri|Sat|Sun' },
  monthNames: {
    vi: 'Tháng 1|Tháng 2|Tháng 3|Tháng 4|Tháng 5|Tháng 6|Tháng 7|Tháng 8|Tháng 9|Tháng 10|Tháng 11|Tháng 12',
    en: 'January|February|March|April|May|June|July|August|September|October|November|December',
  },
  today: { vi: 'Hôm nay', en: 'Today' },
  workingDay: { vi: 'Ngày làm việc', en: 'Working day' },
  weekend: { vi: 'Nghỉ cuối tuần', en: 'Weekend' },
  holiday: { vi: 'Nghỉ lễ', en: 'Public holiday' },
  tet: { vi: 'Nghỉ Tết', en: 'Tết break' },
  compensation: { vi: 'Nghỉ bù {name}', en: 'Day off for {name}' },
  compensationKey: { vi: 'Nghỉ bù (ngày lễ trùng cuối tuần)', en: 'Day off in lieu (a holiday fell on a weekend)' },
  makeUpDay: { vi: 'Làm bù', en: 'Make-up working day' },
  makeUpKey: { vi: 'Ngày làm bù (thứ Bảy hoặc Chủ nhật đi làm, do quản trị viên điều chỉnh)', en: 'Make-up working day (a weekend day worked, amended by an administrator)' },
  amendedWorking: { vi: 'Đi làm (điều chỉnh)', en: 'Working (amended)' },
  amendedWorkingInstead: { vi: 'Đi làm (điều chỉnh), thay nghỉ {name}', en: 'Working (amended) instead of {name}' },
  amendedDayOff: { vi: 'Nghỉ (điều chỉnh)', en: 'Day off (amended)' },
  amendedKey: { vi: 'Ngày đã điều chỉnh (viền nét đứt, ghi “điều chỉnh”)', en: 'Amended day (dashed border, says “amended”)' },
  todayKey: { vi: 'Hôm nay (viền đậm, ghi “Hôm nay”)', en: 'Today (thick border, says “Today”)' },
  daysOffHeading: { vi: 'Ngày nghỉ lễ, Tết và điều chỉnh năm {year}', en: 'Holidays, Tết and amendments of {year}' },
  date: { vi: 'Ngày', en: 'Date' },
  weekday: { vi: 'Thứ', en: 'Weekday' },
  state: { vi: 'Trong lịch', en: 'On the calendar' },
  nameOrReason: { vi: 'Tên hoặc lý do', en: 'Name or reason' },
  amendment: { vi: 'Điều chỉnh', en: 'Amendment' },
  notAmended: { vi: 'Không', en: 'None' },
  removeButton: { vi: 'Bỏ điều chỉnh ngày {date}', en: 'Remove the amendment of {date}' },
  noDaysOff: { vi: 'Không có ngày nghỉ lễ hay điều chỉnh nào.', en: 'No holidays or amendments.' },
  amendHeading: { vi: 'Điều chỉnh một ngày', en: 'Amend a day' },
  amendAbout: {
    vi: 'Dùng khi có thông báo làm bù vào thứ Bảy, hoặc nghỉ thêm một ngày. Mỗi ngày chỉ có một điều chỉnh: lưu lại sẽ thay điều chỉnh cũ; bỏ điều chỉnh thì ngày trở lại như luật và thứ trong tuần quy định.',
    en: 'Use it when a make-up Saturday or an extra day off is announced. A day has one amendment at most: saving again replaces it; removing it returns the day to what the law and the weekday make it.',
  },
  kind: { vi: 'Ngày đó là', en: 'That day is' },
  kindWorking: { vi: 'Ngày làm việc (ví dụ làm bù vào thứ Bảy)', en: 'A working day (e.g. a make-up Saturday)' },
  kindDayOff: { vi: 'Ngày nghỉ', en: 'A day off' },
  note: { vi: 'Lý do hoặc tên ngày', en: 'Reason or name of the day' },
  noteHint: { vi: 'Không bắt buộc, tối đa 500 ký tự, ví dụ “Làm bù cho ngày 30/4”.', en: 'Optional, at most 500 characters, e.g. “Make-up for 30 April”.' },
  amendButton: { vi: 'Lưu điều chỉnh', en: 'Save the amendment' },
  amended: { vi: 'Đã lưu điều chỉnh ngày {date}.', en: 'The amendment of {date} is saved.' },
  removed: { vi: 'Đã bỏ điều chỉnh ngày {date}.', en: 'The amendment of {date} is removed.' },
} satisfies Record<string, Text>;

export type CalendarWebText = keyof typeof CALENDAR_WEB_TEXTS;

export const calendart = (language: Language, key: CalendarWebText, params?: Record<string, unknown>): string => interpolate(CALENDAR_WEB_TEXTS[key][language], params);

/** One of a `|`-separated list of texts (weekdays Monday first, months January first). */
export const calendarListItem = (language: Language, key: 'weekdays' | 'weekdaysShort' | 'monthNames', index: number): string => CALENDAR_WEB_TEXTS[key][language].split('|')[index];
