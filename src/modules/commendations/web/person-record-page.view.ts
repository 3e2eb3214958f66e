import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { CommendationDto } from '../dto/commendation.dto';
import type { PersonRecordDto } from '../records/records.dto';
import { day, EXAMPLE_KIND_LABELS, labelOf, LEVELS, RESULTS, SCOPES } from './record-labels';
import { recordTimeline, TimelineMark } from './record-timeline.view';

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
    timeline: 'Biểu đồ quá trình: danh hiệu, khen thưởng, sáng kiến và điển hình theo năm',
    examples: 'Điển hình tiên tiến, người tốt – việc tốt',
    nothing: 'Chưa có',
    initiative: 'Sáng kiến: {name}',
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
    timeline: 'Timeline: titles, commendations, initiatives and examples by year',
    examples: 'Advanced examples and good deeds',
    nothing: 'None yet',
    initiative: 'Initiative: {name}',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const personRecordText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

/** An award as a timeline mark: its name, struck through when revoked, its decision (or the revocation's reason) on hover. */
export function awardMark(award: CommendationDto, language: Language): TimelineMark {
  const name = language === 'en' ? (award.title.label.en ?? award.title.label.vi) : award.title.label.vi;
  if (award.revocation) return { text: name, tone: 'revoked', detail: personRecordText(language, 'revoked', { reason: award.revocation.reason }) };
  return { text: name, tone: award.title.kind === 'form' ? 'form' : 'title', detail: `${award.decision.number} (${day(award.decision.signedOn, language)})` };
}

/** A person's record, year by year: where they served and how, their titles (revoked ones marked), initiatives, absences, discipline. */
export function personRecordPageView(record: PersonRecordDto, language: Language): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => personRecordText(language, key, params);
  const label = (texts: Record<string, { vi: string; en: string }>, key: string | null) => labelOf(texts, key, language);
  const years = [...new Set([...record.years.map((row) => row.year), ...record.commendations.map((award) => award.year), ...record.initiatives.map((row) => row.year), ...record.examples.map((row) => row.year)])];
  const resultOf = new Map(record.years.flatMap((row) => (row.taskResult ? [[row.year, label(RESULTS, row.taskResult)] as const] : [])));
  const timeline = years.map((year) => ({
    year,
    note: resultOf.get(year),
    marks: [
      ...record.commendations.filter((award) => award.year === year).map((award) => awardMark(award, language)),
      ...record.initiatives.filter((row) => row.year === year).map((row): TimelineMark => ({ text: t('initiative', { name: row.name }), tone: 'initiative', detail: label(SCOPES, row.scope) })),
      ...record.examples.filter((row) => row.year === year).map((row): TimelineMark => ({ text: `${label(EXAMPLE_KIND_LABELS, row.kind)}: ${row.title}`, tone: 'example' })),
    ],
  }));
  const table = (id: string, heads: string[], rows: SafeHtml[]) =>
    rows.length ? html`<table id="${id}"><thead><tr>${heads.map((head) => html`<th scope="col">${head}</th>`)}</tr></thead><tbody>${rows}</tbody></table>` : html`<p>${t('none')}</p>`;
  return html`<h1>${t('title', { name: record.person.fullName })}</h1>
<p class="muted">${record.person.position ?? ''}${record.person.recruitedOn ? html` · ${t('recruited', { date: day(record.person.recruitedOn, language) })}` : ''}</p>
${recordTimeline(timeline, t('timeline'), t('nothing'))}
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
<h2>${t('examples')}</h2>
${table('examples', [t('year'), t('examples')], record.examples.map((row) => html`<tr><td>${row.year}</td><td>${label(EXAMPLE_KIND_LABELS, row.kind)}: ${row.title}</td></tr>`))}
<h2>${t('absences')}</h2>
${table('absences', [t('absences'), ''], record.absences.map((row) => html`<tr><td>${day(row.from, language)} – ${day(row.to, language)}</td><td>${row.note ?? ''}</td></tr>`))}
<h2>${t('disciplines')}</h2>
${table('disciplines', [t('disciplines'), t('decision')], record.disciplines.map((row) => html`<tr><td>${label(LEVELS, row.level)} (${day(row.violationDate, language)})</td><td>${row.decisionNumber ?? '—'}</td></tr>`))}`;
}
