import { WorkingCalendar } from '../../modules/calendar/working-calendar';
import { dueAt, reminderAt } from './due-date';

const calendar = new WorkingCalendar();
// 10:00 in Hanoi on Wednesday 22 Jan 2020, the day before the Tết break.
const entered = new Date('2020-01-22T03:00:00Z');

describe('dueAt', () => {
  it('counts working days across Tết and ends at the close of the day in Vietnam', () => {
    expect(dueAt({ workingDays: 1 }, entered, calendar, 2020).toISOString()).toBe('2020-01-30T16:59:59.999Z');
  });
  it('counts calendar days, hours and minutes', () => {
    expect(dueAt({ days: 1 }, entered, calendar, 2020).toISOString()).toBe('2020-01-23T16:59:59.999Z');
    expect(dueAt({ hours: 2 }, entered, calendar, 2020).toISOString()).toBe('2020-01-22T05:00:00.000Z');
    expect(dueAt({ minutes: 30 }, entered, calendar, 2020).toISOString()).toBe('2020-01-22T03:30:00.000Z');
  });
  it('takes --MM-DD in the campaign year', () => {
    expect(dueAt({ date: '--11-15' }, entered, calendar, 2020).toISOString()).toBe('2020-11-15T16:59:59.999Z');
    expect(dueAt({ date: '2021-03-01' }, entered, calendar, 2020).toISOString()).toBe('2021-03-01T16:59:59.999Z');
  });
});

describe('reminderAt', () => {
  it('reminds one working day before at 08:00, skipping Tết', () => {
    const due = dueAt({ workingDays: 1 }, entered, calendar, 2020);
    expect(reminderAt({ workingDays: 1 }, due, calendar)?.toISOString()).toBe('2020-01-22T01:00:00.000Z');
    expect(reminderAt({ hours: 3 }, due, calendar)?.toISOString()).toBe('2020-01-30T13:59:59.999Z');
  });
});
