import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { UnitRecordDto } from '../records/records.dto';
import { awardMark } from './person-record-page.view';
import { day, EXAMPLE_KIND_LABELS, labelOf, RESULTS, SCOPES } from './record-labels';
import { recordTimeline, TimelineMark } from './record-timeline.view';

const TEXTS = {
  vi: {
    title: 'Hồ sơ thi đua của đơn vị: {name}',
    timeline: 'Biểu đồ quá trình: kết quả, danh hiệu của tập thể và của cán bộ theo năm',
    nothing: 'Chưa có',
    years: 'Kết quả và cán bộ theo năm',
    year: 'Năm',
    result: 'Kết quả',
    notEvaluated: 'Không đánh giá, xếp loại',
    staff: 'Số cán bộ',
    personal: 'Danh hiệu, khen thưởng của cán bộ',
    count: '{count} {title}',
    awards: 'Danh hiệu và khen thưởng của tập thể',
    award: 'Danh hiệu / hình thức',
    decision: 'Quyết định',
    revoked: 'Đã thu hồi: {reason}',
    certificate: 'Bằng, giấy khen (PDF)',
    initiatives: 'Sáng kiến của đơn vị',
    initiative: 'Sáng kiến: {name}',
    scope: 'Phạm vi',
    examples: 'Điển hình tiên tiến, người tốt – việc tốt',
    people: 'Cán bộ đã công tác tại đơn vị',
    served: 'Các năm công tác',
    none: 'Không có.',
  },
  en: {
    title: 'Unit record: {name}',
    timeline: "Timeline: results, the unit's and its people's titles by year",
    nothing: 'None yet',
    years: 'Results and staff by year',
    year: 'Year',
    result: 'Result',
    notEvaluated: 'Not evaluated',
    staff: 'Staff',
    personal: "Its people's titles and commendations",
    count: '{count} {title}',
    awards: "The unit's titles and commendations",
    award: 'Title / form',
    decision: 'Decision',
    revoked: 'Revoked: {reason}',
    certificate: 'Certificate (PDF)',
    initiatives: "The unit's initiatives",
    initiative: 'Initiative: {name}',
    scope: 'Scope',
    examples: 'Advanced examples and good deeds',
    people: 'People who served in the unit',
    served: 'Years served',
    none: 'None.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const unitRecordText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

/** `2018–2020, 2022`: consecutive years as ranges. */
function yearRanges(years: number[]): string {
  const ranges: Array<[number, number]> = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && year === last[1] + 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}

/** A unit's record: its timeline, results and staff by year, its own awards with their certificates, initiatives, and its people. */
export function unitRecordPageView(record: UnitRecordDto, language: Language): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => unitRecordText(language, key, params);
  const name = (label: { vi: string; en?: string }) => (language === 'en' ? (label.en ?? label.vi) : label.vi);
  const resultOf = (row: UnitRecordDto['years'][number]) => (row.evaluated === false ? t('notEvaluated') : row.taskResult ? labelOf(RESULTS, row.taskResult, language) : undefined);
  const table = (id: string, heads: string[], rows: SafeHtml[]) =>
    rows.length ? html`<table id="${id}"><thead><tr>${heads.map((head) => html`<th scope="col">${head}</th>`)}</tr></thead><tbody>${rows}</tbody></table>` : html`<p>${t('none')}</p>`;
  const timeline = record.years.map((row) => ({
    year: row.year,
    note: resultOf(row),
    marks: [
      ...record.commendations.filter((award) => award.year === row.year).map((award) => awardMark(award, language)),
      ...record.initiatives.filter((initiative) => initiative.year === row.year).map((initiative): TimelineMark => ({ text: t('initiative', { name: initiative.name }), tone: 'initiative', detail: labelOf(SCOPES, initiative.scope, language) })),
      ...record.examples
        .filter((example) => example.year === row.year)
        .map((example): TimelineMark => ({ text: `${labelOf(EXAMPLE_KIND_LABELS, example.kind, language)}: ${example.person ? `${example.person} – ` : ''}${example.title}`, tone: 'example' })),
      ...row.personalTitles.map((title): TimelineMark => ({ text: t('count', { count: title.count, title: name(title.label) }), tone: 'count' })),
    ],
  }));
  return html`<h1>${t('title', { name: record.unit.name })}</h1>
<p class="muted">${record.unit.code}</p>
${recordTimeline(timeline, t('timeline'), t('nothing'))}
<h2>${t('years')}</h2>
${table(
  'years',
  [t('year'), t('result'), t('staff'), t('personal')],
  record.years.map(
    (row) => html`<tr data-year="${row.year}"><td>${row.year}</td><td>${resultOf(row) ?? '—'}</td><td>${row.staff}</td><td>${row.personalTitles.length ? row.personalTitles.map((title) => t('count', { count: title.count, title: name(title.label) })).join('; ') : '—'}</td></tr>`,
  ),
)}
<h2>${t('awards')}</h2>
${table(
  'awards',
  [t('year'), t('award'), t('decision')],
  record.commendations.map(
    (award) => html`<tr data-award="${award.year} ${award.title.code}"><td>${award.year}</td><td>${name(award.title.label)}${award.revocation ? html` <span class="badge bad">${t('revoked', { reason: award.revocation.reason })}</span>` : ''}</td><td>${award.decision.number} (${day(award.decision.signedOn, language)})${award.revocation ? '' : html`<br><a class="certificate" href="/api/v1/commendations/${award.id}/certificate.pdf">${t('certificate')}</a>`}</td></tr>`,
  ),
)}
<h2>${t('initiatives')}</h2>
${table('initiatives', [t('year'), t('initiatives'), t('scope')], record.initiatives.map((row) => html`<tr><td>${row.year}</td><td>${row.name}</td><td>${labelOf(SCOPES, row.scope, language)}</td></tr>`))}
<h2>${t('examples')}</h2>
${table('examples', [t('year'), t('examples')], record.examples.map((row) => html`<tr><td>${row.year}</td><td>${labelOf(EXAMPLE_KIND_LABELS, row.kind, language)}: ${row.person ? `${row.person} – ` : ''}${row.title}</td></tr>`))}
<h2>${t('people')}</h2>
${table('people', [t('people'), t('served')], record.staff.map((row) => html`<tr><td><a href="/commendations/people/${row.personId}">${row.fullName}</a></td><td>${yearRanges(row.years)}</td></tr>`))}`;
}
