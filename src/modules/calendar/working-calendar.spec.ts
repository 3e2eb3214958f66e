import { endOfVietnamDay, vietnamDate } from './dates';
import { publicHolidays } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';

describe('Vietnamese public holidays', () => {
  it('lists the 2020 holidays, with the official Tết break of 23–29 Jan', () => {
    const days = publicHolidays(2020).map((h) => h.date);
    expect(days).toEqual(expect.arrayContaining(['2020-01-01', '2020-01-23', '2020-01-25', '2020-01-29', '2020-04-02', '2020-04-30', '2020-05-01', '2020-09-02']));
    expect(days).not.toContain('2020-01-30');
    expect(days).not.toContain('2020-09-01'); // one day of National Day before 2021
  });

  it('gives two days for National Day from 2021 and compensates a holiday on a weekend', () => {
    const h2023 = publicHolidays(2023);
    // 2 Sep 2023 was a Saturday: 1 Sep (Friday) is the second day and Monday 4 Sep the compensation.
    expect(h2023.filter((h) => h.date.startsWith('2023-09')).map((h) => [h.date, h.kind])).toEqual([
      ['2023-09-01', 'holiday'],
      ['2023-09-02', 'holiday'],
      ['2023-09-04', 'compensation'],
    ]);
    // Hùng Kings' day 2023 (29 Apr) and 30 Apr were Saturday and Sunday: 2 and 3 May are compensations.
    expect(h2023.filter((h) => h.kind === 'compensation' && h.date.startsWith('2023-05')).map((h) => h.date)).toEqual(['2023-05-02', '2023-05-03']);
  });

  it('falls back to the statutory five Tết days where no official break is recorded', () => {
    // Tết 2030 is on 2 Feb (Saturday): 1–5 Feb, and the weekend days are compensated after.
    const tet = publicHolidays(2030).filter((h) => h.name.en.startsWith('Lunar')).map((h) => h.date);
    expect(tet).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
  });
});

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar();

  it('skips the whole Tết break of 2020', () => {
    // Wednesday 22 Jan 2020 + 1 working day: the break runs to Wednesday 29 Jan, so Thursday 30 Jan.
    expect(calendar.addWorkingDays('2020-01-22', 1)).toBe('2020-01-30');
    // Monday 20 Jan + 5: 21, 22, then 30, 31 Jan and Monday 3 Feb.
    expect(calendar.addWorkingDays('2020-01-20', 5)).toBe('2020-02-03');
    expect(calendar.isWorkingDay('2020-01-25')).toBe(false);
  });

  it('skips 30/4 and 1/5', () => {
    // Wednesday 29 Apr 2020 + 1: Thu 30/4 and Fri 1/5 are holidays, then the weekend: Monday 4 May.
    expect(calendar.addWorkingDays('2020-04-29', 1)).toBe('2020-05-04');
    expect(calendar.workingDaysBetween('2020-04-27', '2020-05-08')).toBe(7);
  });

  it('applies administrators amendments: a compensating Saturday and an extra day off', () => {
    const amended = new WorkingCalendar([
      { date: '2020-05-09', kind: 'working-day' },
      { date: '2020-05-04', kind: 'day-off' },
    ]);
    expect(amended.addWorkingDays('2020-04-29', 1)).toBe('2020-05-05');
    expect(amended.addWorkingDays('2020-05-08', 1)).toBe('2020-05-09');
    expect(amended.addWorkingDays('2020-05-01', 0)).toBe('2020-05-01');
    expect(() => amended.addWorkingDays('2020-05-01', -1)).toThrow(RangeError);
  });

  it('reads instants in Vietnam time', () => {
    expect(vietnamDate(new Date('2020-01-22T18:00:00Z'))).toBe('2020-01-23');
    expect(endOfVietnamDay('2020-01-30').toISOString()).toBe('2020-01-30T16:59:59.999Z');
  });
});

describe('WorkingCalendar.subtractWorkingDays', () => {
  it('counts back over Tết 2020', () => {
    expect(new WorkingCalendar().subtractWorkingDays('2020-01-30', 1)).toBe('2020-01-22');
    expect(new WorkingCalendar().subtractWorkingDays('2020-02-03', 5)).toBe('2020-01-20');
  });
});
