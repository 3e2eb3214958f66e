import type { Language } from '../../../common/i18n/language';
import { DISCIPLINE_TEXT } from '../rules/eligibility';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The words the record pages use for the records' coded values, in both languages. */
export const RESULTS: Record<string, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Tasks completed excellently' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Tasks completed well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Tasks completed' },
  'not-completed': { vi: 'Không hoàn thành nhiệm vụ', en: 'Tasks not completed' },
};
export const SCOPES: Record<string, { vi: string; en: string }> = {
  unit: { vi: 'Cấp cơ sở', en: 'Unit' },
  sector: { vi: 'Cấp ngành', en: 'Sector' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  national: { vi: 'Toàn quốc', en: 'National' },
};
/** Disciplinary measures as a record lists them: the reasons' words, capitalised. */
export const LEVELS: Record<string, { vi: string; en: string }> = Object.fromEntries(
  Object.entries(DISCIPLINE_TEXT).map(([level, text]) => [level, { vi: capitalised(text.vi), en: capitalised(text.en) }]),
);

/** `25/12/2020` in Vietnamese, `2020-12-25` in English. */
export const day = (ymd: string | null, language: Language) => (ymd ? (language === 'vi' ? ymd.split('-').reverse().join('/') : ymd) : '—');

export const EXAMPLE_KIND_LABELS: Record<string, { vi: string; en: string }> = {
  'advanced-example': { vi: 'Điển hình tiên tiến', en: 'Advanced example' },
  'good-deed': { vi: 'Người tốt, việc tốt', en: 'Good deed' },
};

/** A coded value's label in the reader's language, the code itself when unknown, a dash when empty. */
export const labelOf = (texts: Record<string, { vi: string; en: string }>, key: string | null, language: Language): string => (key ? (texts[key]?.[language] ?? key) : '—');
