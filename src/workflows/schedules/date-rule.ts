import { addDays } from '../../modules/calendar/dates';
import type { WorkingCalendar } from '../../modules/calendar/working-calendar';
import type { ScheduleShift } from './entities/launch-schedule.entity';

/** `--MM-DD`, as in a workflow's due rule. */
export const SCHEDULE_DATE_PATTERN = /^--(\d{2})-(\d{2})$/;

/** The calendar date (`YYYY-MM-DD`) of `--MM-DD` in `year`, or null when that day does not exist (--02-30, --02-29 of 2021). */
export function dateInYear(date: string, year: number): string | null {
  const match = SCHEDULE_DATE_PATTERN.exec(date);
  if (!match || !Number.isInteger(year) || year < 1900 || year > 9999) return null;
  const [month, day] = [Number(match[1]), Number(match[2])];
  const candidate = `${String(year).padStart(4, '0')}-${match[1]}-${match[2]}`;
  const parsed = new Date(`${candidate}T00:00:00Z`);
  if (month < 1 || month > 12 || day < 1 || Number.isNaN(parsed.getTime())) return null;
  // Date.parse rolls 02-30 over to 03-01: the day exists only if it reads back the same.
  return parsed.toISOString().slice(0, 10) === candidate ? candidate : null;
}

/**
 * The day a schedule runs in `year` (Vietnam calendar date): the rule's date, or with `next-working-day` the first
 * working day on or after it. Null when the date does not exist in that year.
 */
export function runDate(date: string, shift: ScheduleShift, year: number, calendar: WorkingCalendar): string | null {
  let day = dateInYear(date, year);
  if (!day || shift === 'none') return day;
  // A year has at most a few weeks of consecutive days off (Tết): a bound keeps a broken calendar from looping forever.
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i++) day = addDays(day, 1);
  return day;
}

/** `{year}` and `{subject}` filled in; unknown placeholders are refused when the schedule is saved. */
export function campaignName(template: string, year: number, subject: string): string {
  return template.replace(/\{(year|subject)\}/g, (_match, key: string) => (key === 'year' ? String(year) : subject)).slice(0, 255);
}

/** The placeholders of a template that are neither `{year}` nor `{subject}`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((name) => name !== 'year' && name !== 'subject');
}
