import { addDays, endOfVietnamDay, VIETNAM_OFFSET_HOURS, vietnamDate } from '../../modules/calendar/dates';
import { WorkingCalendar } from '../../modules/calendar/working-calendar';
import type { DueRule } from '../definitions/workflow-document';

const HOUR = 3600 * 1000;

/**
 * When a stage entered at `enteredAt` is due. Day-based rules end at the close of the day in Vietnam;
 * `--MM-DD` dates are taken in the campaign's year.
 */
export function dueAt(rule: DueRule, enteredAt: Date, calendar: WorkingCalendar, campaignYear: number): Date {
  if ('minutes' in rule) return new Date(enteredAt.getTime() + rule.minutes * 60 * 1000);
  if ('hours' in rule) return new Date(enteredAt.getTime() + rule.hours * HOUR);
  const today = vietnamDate(enteredAt);
  if ('days' in rule) return endOfVietnamDay(addDays(today, rule.days));
  if ('workingDays' in rule) return endOfVietnamDay(calendar.addWorkingDays(today, rule.workingDays));
  const date = rule.date.startsWith('--') ? `${campaignYear}${rule.date.slice(1)}` : rule.date;
  return endOfVietnamDay(date);
}

/** When a reminder `before` the due time is sent: hours and minutes exactly, days at 08:00 in Vietnam. */
export function reminderAt(before: DueRule, due: Date, calendar: WorkingCalendar): Date | null {
  if ('minutes' in before) return new Date(due.getTime() - before.minutes * 60 * 1000);
  if ('hours' in before) return new Date(due.getTime() - before.hours * HOUR);
  const dueDay = vietnamDate(due);
  let day: string;
  if ('days' in before) day = addDays(dueDay, -before.days);
  else if ('workingDays' in before) day = calendar.subtractWorkingDays(dueDay, before.workingDays);
  else return null;
  return new Date(Date.parse(`${day}T08:00:00Z`) - VIETNAM_OFFSET_HOURS * HOUR);
}
