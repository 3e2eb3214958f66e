/** Calendar-date helpers on `YYYY-MM-DD` strings, free of time zones. */
const DAY_MS = 24 * 3600 * 1000;

const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export const VIETNAM_OFFSET_HOURS = 7;

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_HOURS * 3600 * 1000).toISOString().slice(0, 10);
}

/** The first instant of a calendar day in Vietnam (00:00 +07:00). */
export function startOfVietnamDay(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/** The last instant of a calendar day in Vietnam (23:59:59.999 +07:00). */
export function endOfVietnamDay(date: string): Date {
  return new Date(toUtc(date) + DAY_MS - 1 - VIETNAM_OFFSET_HOURS * 3600 * 1000);
}
