import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { PersonRecordDto } from '../records/records.dto';

const TEXTS = {
  vi: {
    title: 'Hồ sơ thi đua: {name}',
    recruited: 'Ngày tuyển dụng: {date}',
    years: 'Quá trình công tác và kết quả',
    year: 'Năm',
    unit: 'Đơn vị',
    result: 'Kết quả',
    awards: 'Danh hiệu và khen thưởng',
    award: 'Danh hiệu / hình thức',
    decision: 'Quyết định',
    revoked: 'Đã thu hồi: {reason}',
    initiatives: 'Sáng kiến được công nhận',
    scope: 'Phạm vi',
    absences: 'Thời gian nghỉ',
    disciplines: 'Kỷ luật',
    none: 'Không có.',
  },
  en: {
    title: 'Commendation record: {name}',
    recruited: 'Recruited on {date}',
    years: 'Service and task results',
    year: 'Year',
    unit: 'Unit',
    result: 'Result',
    awards: 'Titles and commendations',
    award: 'Title / form',
    decision: 'Decision',
    revoked: 'Revoked: {reason}',
    initiatives: 'Recognised initiatives',
    scope: 'Scope',
    absences: 'Absences',
    disciplines: 'Discipline',
    none: 'None.',
  },
} as const;

const RESULTS: Record<string, { vi: string; en: string }> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Tasks completed excellently' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Tasks completed well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Tasks completed' },
  'not-completed': { vi: 'Không hoàn thành nhiệm vụ', en: 'Tasks not completed' },
};
const SCOPES: Record<string, { vi: string; en: string }> = {
  unit: { vi: 'Cấp cơ sở', en: 'Unit' },
  sector: { vi: 'Cấp ngành', en: 'Sector' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  national: { vi: 'Toàn quốc', en: 'National' },
};
const LEVELS: Record<string, { vi: string; en: string }> = {
  reprimand: { vi: 'Khiển trách', en: 'Reprimand' },
  warning: { vi: 'Cảnh cáo', en: 'Warning' },
  'salary-reduction': { vi: 'Hạ bậc lương', en: 'Salary reduction' },
  demotion: { vi: 'Giáng chức', en: 'Demotion' },
  'removal-from-office': { vi: 'Cách chức', en: 'Removal from office' },
  dismissal: { vi: 'Buộc thôi việc', en: 'Dismissal' },
};

type Key = keyof (typeof TEXTS)['vi'];
export const personRecordText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

/** `25/12/2020` in Vietnamese, `2020-12-25` in English. */
const day = (ymd: string | null, language: Language) => (ymd ? (language === 'vi' ? ymd.split('-').reverse().join('/') : ymd) : '—');

/** A person's record, year by year: where they served and how, their titles (revoked ones marked), initiatives, absences, discipline. */
export function personRecordPageView(record: PersonRecordDto, language: Language): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => personRecordText(language, key, params);
  const label = (texts: Record<string, { vi: string; en: string }>, key: string | null) => (key ? (texts[key]?.[language] ?? key) : '—');
  const table = (id: string, heads: string[], rows: SafeHtml[]) =>
    rows.length ? html`<table id="${id}"><thead><tr>${heads.map((head) => html`<th scope="col">${head}</th>`)}</tr></thead><tbody>${rows}</tbody></table>` : html`<p>${t('none')}</p>`;
  return html`<h1>${t('title', { name: record.person.fullName })}</h1>
<p class="muted">${record.person.position ?? ''}${record.person.recruitedOn ? html` · ${t('recruited', { date: day(record.person.recruitedOn, language) })}` : ''}</p>
<h2>${t('years')}</h2>
${table('years', [t('year'), t('unit'), t('result')], record.years.map((row) => html`<tr><td>${row.year}</td><td>${row.unit.name}</td><td>${label(RESULTS, row.taskResult)}</td></tr>`))}
<h2>${t('awards')}</h2>
${table(
  'awards',
  [t('year'), t('award'), t('decision')],
  record.commendations.map(
    (award) => html`<tr data-award="${award.year} ${award.title.code}"><td>${award.year}</td><td>${language === 'en' ? (award.title.label.en ?? award.title.label.vi) : award.title.label.vi}${award.revocation ? html` <span class="badge bad">${t('revoked', { reason: award.revocation.reason })}</span>` : ''}</td><td>${award.decision.number} (${day(award.decision.signedOn, language)})</td></tr>`,
  ),
)}
<h2>${t('initiatives')}</h2>
${table('initiatives', [t('year'), t('initiatives'), t('scope')], record.initiatives.map((row) => html`<tr><td>${row.year}</td><td>${row.name}</td><td>${label(SCOPES, row.scope)}</td></tr>`))}
<h2>${t('absences')}</h2>
${table('absences', [t('absences'), ''], record.absences.map((row) => html`<tr><td>${day(row.from, language)} – ${day(row.to, language)}</td><td>${row.note ?? ''}</td></tr>`))}
<h2>${t('disciplines')}</h2>
${table('disciplines', [t('disciplines'), t('decision')], record.disciplines.map((row) => html`<tr><td>${label(LEVELS, row.level)} (${day(row.violationDate, language)})</td><td>${row.decisionNumber ?? '—'}</td></tr>`))}`;
}
