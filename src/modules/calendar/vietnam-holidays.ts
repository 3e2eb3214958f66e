import { Text } from '../../common/i18n/language';
import { lunarToSolar } from './lunar-calendar';
import { addDays, dayOfWeek } from './dates';

export interface Holiday {
  date: string; // YYYY-MM-DD
  name: Text;
  /** `compensation`: a working day off because a holiday fell on a weekend (Labour Code 2019, art. 111–112). */
  kind: 'holiday' | 'compensation';
}

/**
 * Tết breaks fixed by the government's notices for civil servants (weekends inside included).
 * Years without an entry use the statutory five days from the last day of the old year.
 */
export const OFFICIAL_TET_BREAKS: Record<number, [string, string]> = {
  2020: ['2020-01-23', '2020-01-29'],
  2021: ['2021-02-10', '2021-02-16'],
  2022: ['2022-01-29', '2022-02-06'],
  2023: ['2023-01-20', '2023-01-26'],
  2024: ['2024-02-08', '2024-02-14'],
  2025: ['2025-01-25', '2025-02-02'],
  2026: ['2026-02-14', '2026-02-22'],
};

const NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  national: { vi: 'Quốc khánh', en: 'National Day' },
} satisfies Record<string, Text>;

const isWeekend = (date: string) => [0, 6].includes(dayOfWeek(date));

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Since 2021 National Day is two days; the second is the one that makes the longer break with the weekend. */
function nationalDayPair(year: number): string[] {
  const second = `${year}-09-02`;
  if (year < 2021) return [second];
  const byWeekday = ['03', '03', '03', '01', '03', '03', '01'] as const; // index: weekday of 2 Sep (0 = Sunday)
  return [second, `${year}-09-${byWeekday[dayOfWeek(second)]}`].sort();
}

/** Vietnam's public holidays of a year by the Labour Code 2019 and the lunar calendar, with compensation days. */
export function publicHolidays(year: number): Holiday[] {
  const official = OFFICIAL_TET_BREAKS[year];
  const tetDay = lunarToSolar(1, 1, year);
  const statutory: Array<{ date: string; name: Text }> = [
    { date: `${year}-01-01`, name: NAMES.newYear },
    ...(official ? [] : range(addDays(tetDay, -1), addDays(tetDay, 3)).map((date) => ({ date, name: NAMES.tet }))),
    { date: lunarToSolar(10, 3, year), name: NAMES.hungKings },
    { date: `${year}-04-30`, name: NAMES.reunification },
    { date: `${year}-05-01`, name: NAMES.labour },
    ...nationalDayPair(year).map((date) => ({ date, name: NAMES.national })),
  ];

  const holidays = new Map<string, Holiday>();
  if (official) for (const date of range(...official)) holidays.set(date, { date, name: NAMES.tet, kind: 'holiday' });
  for (const h of statutory) holidays.set(h.date, { ...h, kind: 'holiday' });
  // A holiday on a weekend moves to the next day that is neither a weekend nor a holiday.
  for (const h of statutory) {
    if (!isWeekend(h.date)) continue;
    let day = addDays(h.date, 1);
    while (isWeekend(day) || holidays.has(day)) day = addDays(day, 1);
    holidays.set(day, { date: day, name: h.name, kind: 'compensation' });
  }
  return [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date));
}
