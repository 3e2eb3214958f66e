import { Language, Text } from './language';

/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** YYYY-MM-DD as dd/mm/yyyy in Vietnamese; kept as it is in English, which reads it unambiguously. */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match || language === 'en') return day;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * A moment as Vietnam's wall clock: `dd/mm/yyyy HH:mm` in Vietnamese; in English the date part is
 * `yyyy-mm-dd`, as days are written there, which no English reader can take for month-first.
 */
export function formatDateTime(moment: string | Date, language: Language): string {
  const wall = new Date(new Date(moment).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${formatDay(wall.slice(0, 10), language)} ${wall.slice(11, 16)}`;
}

/** A day in every language, for a message's params. */
export const dayText = (day: string): Text => ({ vi: formatDay(day, 'vi'), en: formatDay(day, 'en') });

/** A moment in every language (Vietnam's wall clock), for a message's params. */
export const momentText = (moment: string | Date): Text => ({ vi: formatDateTime(moment, 'vi'), en: formatDateTime(moment, 'en') });
