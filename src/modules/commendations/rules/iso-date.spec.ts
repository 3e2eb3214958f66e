import { addDays, addMonths, dayNumber, formatDate, isoDate, parseIsoDate, spanReachesMonths, toIsoDate } from './iso-date';

const date = (value: string) => isoDate(value, 'test');

describe('parseIsoDate', () => {
  it.each([
    ['2020-12-31', { year: 2020, month: 12, day: 31 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2023-02-29', null],
    ['2020-13-01', null],
    ['2020-04-31', null],
    ['2020-1-1', null],
    ['2020-01-01T00:00:00Z', null],
    [20200101, null],
  ])('reads %p as %p', (value, expected) => {
    expect(parseIsoDate(value)).toEqual(expected);
  });

  it('refuses a malformed date on a record, naming the field', () => {
    expect(() => isoDate('31/12/2020', 'startDate')).toThrow('startDate: not an ISO date');
  });
});

describe('addMonths clamps the day to a shorter month', () => {
  it.each([
    ['2020-07-01', 6, '2021-01-01'],
    ['2020-06-30', 6, '2020-12-30'],
    ['2020-08-31', 6, '2021-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2020-03-31', 1, '2020-04-30'],
    ['2020-12-31', -6, '2020-06-30'],
    ['2020-01-15', 12, '2021-01-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(toIsoDate(addMonths(date(from), months))).toBe(expected);
  });
});

describe('spanReachesMonths on [start, endExclusive)', () => {
  it.each([
    ['2020-03-01', '2020-06-01', 3, true],
    ['2020-03-01', '2020-05-31', 3, false],
    ['2020-07-01', '2021-01-01', 6, true],
    ['2020-07-02', '2021-01-01', 6, false],
    ['2020-08-31', '2021-02-28', 6, true],
    ['2020-08-31', '2021-02-27', 6, false],
  ])('%s up to %s reaches %i months: %p', (start, end, months, expected) => {
    expect(spanReachesMonths(date(start), date(end), months)).toBe(expected);
  });
});

describe('day numbers and formatting', () => {
  it('counts whole UTC days, across a leap day', () => {
    expect(dayNumber(date('1970-01-02'))).toBe(1);
    expect(dayNumber(date('2024-03-01')) - dayNumber(date('2024-02-28'))).toBe(2);
    expect(toIsoDate(addDays(date('2024-12-31'), 1))).toBe('2025-01-01');
  });

  it('writes 31/12/2020 in Vietnamese and 2020-12-31 in English', () => {
    expect(formatDate(date('2020-12-31'), 'vi')).toBe('31/12/2020');
    expect(formatDate(date('2020-12-31'), 'en')).toBe('2020-12-31');
  });
});
