/**
 * Vietnamese lunar calendar (âm lịch) → solar dates, computed for the time zone UTC+7.
 * The method is the classic one for the Vietnamese calendar: new moons and solar longitude from the
 * formulas of Jean Meeus, "Astronomical Algorithms" (1998), with the month-11 / leap-month rules of
 * the Chinese-Vietnamese calendar as described by Hồ Ngọc Đức ("Thuật toán tính âm lịch").
 * Vietnam's lunar dates can differ from China's (UTC+8) by a day, so a Chinese table will not do.
 */
const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
const { floor, sin, PI } = Math;
const RAD = PI / 180;

/** Julian day number of a Gregorian date. */
export function julianDay(day: number, month: number, year: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** Gregorian date (YYYY-MM-DD) of a Julian day number. */
export function fromJulianDay(jd: number): string {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  const day = e - floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * floor(m / 10);
  const year = b * 100 + d - 4800 + floor(m / 10);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Julian date of the k-th new moon after 1900-01-01 (Meeus, ch. 49, abridged). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c = (0.1734 - 0.000393 * T) * sin(M * RAD) + 0.0021 * sin(2 * RAD * M);
  c += -0.4068 * sin(Mpr * RAD) + 0.0161 * sin(RAD * 2 * Mpr) - 0.0004 * sin(RAD * 3 * Mpr);
  c += 0.0104 * sin(RAD * 2 * F) - 0.0051 * sin(RAD * (M + Mpr)) - 0.0074 * sin(RAD * (M - Mpr));
  c += 0.0004 * sin(RAD * (2 * F + M)) - 0.0004 * sin(RAD * (2 * F - M)) - 0.0006 * sin(RAD * (2 * F + Mpr));
  c += 0.001 * sin(RAD * (2 * F - Mpr)) + 0.0005 * sin(RAD * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(RAD * M);
  dl += (0.019993 - 0.000101 * T) * sin(RAD * 2 * M) + 0.00029 * sin(RAD * 3 * M);
  const l = (L0 + dl) * RAD;
  return l - PI * 2 * floor(l / (PI * 2));
}

const newMoonDay = (k: number) => floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
/** Which of the 12 solar-term sectors (0–11) the sun is in at the start of a day. */
const sunSector = (day: number) => floor((sunLongitude(day - 0.5 - TIME_ZONE / 24) / PI) * 6);

/** Day number of the start of lunar month 11 (the month holding the winter solstice) of a solar year. */
function month11(year: number): number {
  const k = floor((julianDay(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

/** Offset, after month 11, of the leap month of a 13-month lunar year: the first month without a major solar term. */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The solar date (YYYY-MM-DD) of a lunar date in Vietnam; `leap` for a day of a leap month. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  const [a11, b11] = month < 11 ? [month11(year - 1), month11(year)] : [month11(year), month11(year + 1)];
  const k = floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`${year} has no leap month`);
  }
  return fromJulianDay(newMoonDay(k + offset) + day - 1);
}
