import { WorkingCalendar } from '../../modules/calendar/working-calendar';
import { startOfVietnamDay } from '../../modules/calendar/dates';
import { campaignName, dateInYear, runDate, unknownPlaceholders } from './date-rule';

describe('schedule date rule', () => {
  const calendar = new WorkingCalendar([{ date: '2020-11-23', kind: 'day-off' }]);

  it.each([
    ['--11-15', 2020, '2020-11-15'],
    ['--02-29', 2020, '2020-02-29'],
    ['--02-29', 2021, null],
    ['--02-30', 2020, null],
    ['--13-01', 2020, null],
    ['--00-10', 2020, null],
    ['--11-00', 2020, null],
    ['11-15', 2020, null],
    ['--1-15', 2020, null],
    ['--11-15', 1800, null],
  ])('dateInYear(%s, %i) = %s', (date, year, expected) => {
    expect(dateInYear(date, year)).toBe(expected);
  });

  it.each([
    // 15 Nov 2020 is a Sunday: the first working day on or after it is Monday the 16th.
    ['--11-15', 'next-working-day', 2020, '2020-11-16'],
    ['--11-15', 'none', 2020, '2020-11-15'],
    // Saturday 21 Nov → Monday 23 Nov is an amended day off → Tuesday 24 Nov.
    ['--11-21', 'next-working-day', 2020, '2020-11-24'],
    // A working day stays.
    ['--11-18', 'next-working-day', 2020, '2020-11-18'],
    // 1 Jan 2021 (a Friday, New Year) → Monday 4 Jan.
    ['--01-01', 'next-working-day', 2021, '2021-01-04'],
    ['--02-29', 'next-working-day', 2021, null],
  ] as const)('runDate(%s, %s, %i) = %s', (date, shift, year, expected) => {
    expect(runDate(date, shift, year, calendar)).toBe(expected);
  });

  it('starts a Vietnam day at 17:00 UTC the day before', () => {
    expect(startOfVietnamDay('2020-11-16').toISOString()).toBe('2020-11-15T17:00:00.000Z');
  });

  it('fills the name template and finds unknown placeholders', () => {
    expect(campaignName('Tổng kết năm {year} — {subject}', 2020, 'Cụm thi đua số 6')).toBe('Tổng kết năm 2020 — Cụm thi đua số 6');
    expect(unknownPlaceholders('Năm {year} {subject} {cluster} {}')).toEqual(['cluster', '']);
    expect(unknownPlaceholders('Năm {year}')).toEqual([]);
  });
});
