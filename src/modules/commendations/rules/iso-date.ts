import { Language } from '../../../common/i18n/language';

/**
 * Calendar dates for the eligibility rules, as plain ISO strings (`YYYY-MM-DD`) and whole UTC day numbers.
 * No time of day and no local time zone ever enters: a date on the record is a civil date, and a rule such as
 * "6 months of service by 31 December" must not move with the server's zone.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date of a `YYYY-MM-DD` string, or null when it is not one or names no real day (2023-02-29). */
export function parseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Like {@link parseIsoDate}, for dates on records: a malformed one is a bug in the caller, not an eligibility fact. */
export function isoDate(value: string, what: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new Error(`${what}: not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return date;
}

/** Days since 1970-01-01 (an integer: Date.UTC of a midnight is a whole multiple of a day). */
export const dayNumber = (date: CalendarDate): number => Date.UTC(date.year, date.month - 1, date.day) / MILLISECONDS_PER_DAY;

export function fromDayNumber(days: number): CalendarDate {
  const date = new Date(days * MILLISECONDS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export const addDays = (date: CalendarDate, days: number): CalendarDate => fromDayNumber(dayNumber(date) + days);

/** `months` calendar months later, the day clamped to the end of a shorter month (31 Aug + 6 months = 28 or 29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Whether the half-open span [start, endExclusive) lasts at least `months` calendar months: 1 March up to (not
 * including) 1 June is exactly 3 months, so an absence recorded as 1 March – 31 May (inclusive) is 3 months.
 */
export const spanReachesMonths = (start: CalendarDate, endExclusive: CalendarDate, months: number): boolean =>
  dayNumber(addMonths(start, months)) <= dayNumber(endExclusive);

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export const toIsoDate = (date: CalendarDate): string => `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;

/** `31/12/2020` in Vietnamese, `2020-12-31` in English. */
export const formatDate = (date: CalendarDate, language: Language): string =>
  language === 'vi' ? `${pad(date.day, 2)}/${pad(date.month, 2)}/${pad(date.year, 4)}` : toIsoDate(date);
