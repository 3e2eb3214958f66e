import { addDays, dayOfWeek } from './dates';
import { publicHolidays } from './vietnam-holidays';

/** An administrator's amendment of one day: an extra day off, or a working day (e.g. a compensating Saturday). */
export interface CalendarAmendment {
  date: string;
  kind: 'day-off' | 'working-day';
}

/** Working days in Vietnam: Monday–Friday, less public holidays, with the administrators' amendments applied. */
export class WorkingCalendar {
  private readonly holidayCache = new Map<number, Set<string>>();
  private readonly amendments: Map<string, CalendarAmendment['kind']>;

  constructor(amendments: CalendarAmendment[] = []) {
    this.amendments = new Map(amendments.map((a) => [a.date, a.kind]));
  }

  private holidays(year: number): Set<string> {
    let set = this.holidayCache.get(year);
    if (!set) {
      set = new Set(publicHolidays(year).map((h) => h.date));
      this.holidayCache.set(year, set);
    }
    return set;
  }

  isWorkingDay(date: string): boolean {
    const amended = this.amendments.get(date);
    if (amended) return amended === 'working-day';
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6 && !this.holidays(Number(date.slice(0, 4))).has(date);
  }

  /** The n-th working day after `date` (n ≥ 1); a deadline of "5 working days" ends on that day. */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** The n-th working day before `date` (n ≥ 1). */
  subtractWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, -1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** Working days strictly after `from` up to and including `to`. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}
