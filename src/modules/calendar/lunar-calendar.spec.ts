import { fromJulianDay, julianDay, lunarToSolar } from './lunar-calendar';

/**
 * Tết Nguyên Đán (1/1 lunar) and Hùng Kings' day (10/3 lunar) as published in Vietnamese
 * calendars and in the government's holiday notices for these years.
 */
const TET: Record<number, string> = {
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  // The new moon falls at 23:07 in Hanoi on 2 Feb 2030 but after midnight in Beijing: Vietnam's Tết is a day before China's.
  2030: '2030-02-02',
};
const HUNG_KINGS: Record<number, string> = {
  2020: '2020-04-02', 2021: '2021-04-21', 2022: '2022-04-10', 2023: '2023-04-29', 2024: '2024-04-18', 2025: '2025-04-07',
};

describe('lunar calendar', () => {
  it('round-trips Julian day numbers', () => {
    expect(julianDay(1, 1, 2000)).toBe(2451545);
    expect(fromJulianDay(2451545)).toBe('2000-01-01');
    expect(fromJulianDay(julianDay(29, 2, 2024))).toBe('2024-02-29');
  });

  it.each(Object.entries(TET))('finds Tết %s on %s', (year, date) => {
    expect(lunarToSolar(1, 1, Number(year))).toBe(date);
  });

  it.each(Object.entries(HUNG_KINGS))("finds Hùng Kings' day %s on %s", (year, date) => {
    expect(lunarToSolar(10, 3, Number(year))).toBe(date);
  });

  it('handles leap months (2020 had a leap 4th month; 2023 a leap 2nd month)', () => {
    expect(lunarToSolar(1, 4, 2020, true)).toBe('2020-05-23');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(() => lunarToSolar(1, 5, 2020, true)).toThrow(RangeError);
  });
});
