import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { ProposalStatus } from '../entities/commendation-proposal.entity';
import type { EligibilityCandidateDto, EligibilityListDto } from '../records/records.dto';

const TEXTS = {
  vi: {
    title: 'Điều kiện khen thưởng',
    intro: 'Chọn đơn vị, năm và danh hiệu: trang liệt kê từng cán bộ (hoặc đơn vị) có thể được đề nghị, kèm lý do theo từng quy định.',
    unit: 'Đơn vị',
    year: 'Năm',
    award: 'Danh hiệu',
    show: 'Xem',
    rules: 'Áp dụng {pack} (hiệu lực từ {from}).',
    candidate: 'Cá nhân / tập thể',
    verdict: 'Kết luận',
    reasons: 'Căn cứ',
    eligible: 'Đủ điều kiện',
    ineligible: 'Chưa đủ điều kiện',
    pending: 'Đủ điều kiện, chờ biểu quyết',
    caps: 'Giới hạn số lượng',
    summary: '{eligible}/{total} đủ điều kiện',
    empty: 'Đơn vị chưa có cán bộ nào trong biên chế năm {year}: hãy nhập hồ sơ thi đua trước.',
    noUnit: 'Bạn chưa được ủy quyền cho đơn vị nào có hồ sơ thi đua.',
    choose: 'Chọn',
    propose: 'Đề nghị những người đã chọn',
    proposeHint: 'Thứ tự ưu tiên theo thứ tự trong danh sách; giới hạn số lượng giữ những người đứng trước.',
    proposed: 'Đã đề nghị',
    'in-vote': 'Đang bình xét',
    awarded: 'Được khen thưởng',
    'not-awarded': 'Không được thông qua',
    proposedFlash: 'Đã ghi đề nghị khen thưởng.',
  },
  en: {
    title: 'Commendation eligibility',
    intro: 'Choose a unit, a year and a title: the page lists everyone (or the unit) who may be proposed, with the reason under each rule.',
    unit: 'Unit',
    year: 'Year',
    award: 'Title',
    show: 'Show',
    rules: 'Under {pack} (in force from {from}).',
    candidate: 'Individual / collective',
    verdict: 'Verdict',
    reasons: 'Grounds',
    eligible: 'Eligible',
    ineligible: 'Not eligible',
    pending: 'Eligible, pending the vote',
    caps: 'Caps',
    summary: '{eligible}/{total} eligible',
    empty: 'The unit has no staff on record for {year}: import the records first.',
    noUnit: 'You are not mandated for any unit with commendation records.',
    choose: 'Choose',
    propose: 'Propose the chosen people',
    proposeHint: 'Priority follows the order of the list; the caps keep those first.',
    proposed: 'Proposed',
    'in-vote': 'Before the council',
    awarded: 'Awarded',
    'not-awarded': 'Not passed',
    proposedFlash: 'The proposals were recorded.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const eligibilityText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

export interface EligibilityPageModel {
  language: Language;
  units: Array<{ id: string; name: string }>;
  titles: Array<{ code: string; name: string }>;
  chosen: { unitId?: string; year: number; title: string };
  list: EligibilityListDto | null;
  /** Candidates already proposed for this title and year, with where their proposal stands. */
  proposed: Map<string, ProposalStatus>;
  /** A confirmation, or a refusal with the choices kept. */
  flash?: string;
  alert?: string;
  checked?: Set<string>;
}

const badge = (candidate: EligibilityCandidateDto, t: (key: Key) => string) =>
  !candidate.eligible
    ? html`<span class="badge bad">${t('ineligible')}</span>`
    : candidate.pendingVote
      ? html`<span class="badge pending">${t('pending')}</span>`
      : html`<span class="badge ok">${t('eligible')}</span>`;

/** The choice of unit, year and title, then one row per candidate: a badge, and the reasons (unmet ones first). */
export function eligibilityPageView({ language, units, titles, chosen, list, proposed, flash, alert, checked = new Set() }: EligibilityPageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => eligibilityText(language, key, params);
  if (!units.length) return html`<h1>${t('title')}</h1><p>${t('noUnit')}</p>`;
  const form = html`<form method="get" action="/commendations/eligibility" class="filters">
  <label>${t('unit')} <select name="unit">${units.map((unit) => html`<option value="${unit.id}"${unit.id === chosen.unitId ? html` selected` : ''}>${unit.name}</option>`)}</select></label>
  <label>${t('year')} <input type="number" name="year" min="1945" max="2100" value="${chosen.year}"></label>
  <label>${t('award')} <select name="title">${titles.map((title) => html`<option value="${title.code}"${title.code === chosen.title ? html` selected` : ''}>${title.name}</option>`)}</select></label>
  <button type="submit">${t('show')}</button>
</form>`;
  if (!list) return html`<h1>${t('title')}</h1><p class="muted">${t('intro')}</p>${form}`;
  const personal = list.title.subject === 'person';
  const choice = (candidate: EligibilityCandidateDto) =>
    proposed.has(candidate.id)
      ? html`<span class="badge ${proposed.get(candidate.id) === 'not-awarded' ? 'bad' : 'ok'}">${t(proposed.get(candidate.id)!)}</span>`
      : candidate.eligible
        ? html`<input type="checkbox" name="candidate" value="${candidate.id}" aria-label="${t('choose')} ${candidate.name}"${checked.has(candidate.id) ? html` checked` : ''}>`
        : '';
  const rows = list.candidates.map((candidate) => {
    const reasons = [...candidate.reasons].sort((a, b) => Number(a.met === true) - Number(b.met === true));
    return html`<tr data-candidate="${candidate.name}">
  ${personal ? html`<td>${choice(candidate)}</td>` : ''}
  <td>${personal ? html`<a href="/commendations/people/${candidate.id}">${candidate.name}</a>` : candidate.name}</td>
  <td>${badge(candidate, t)}</td>
  <td><ul class="reasons">${reasons.map((reason) => html`<li class="${reason.met === true ? 'met' : reason.met === false ? 'unmet' : 'pending'}">${reason.text} <span class="muted">(${reason.source})</span></li>`)}</ul></td>
</tr>`;
  });
  const eligible = list.candidates.filter((candidate) => candidate.eligible).length;
  return html`<h1>${t('title')}: ${list.title.name} ${list.year}</h1>
${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}
${alert ? html`<div class="alert" role="alert">${alert}</div>` : ''}
<p class="muted">${t('intro')}</p>
${form}
<p><a href="/commendations/units/${list.unit.unitId}">${list.unit.name}</a>. ${t('rules', { pack: list.pack.name, from: list.pack.effectiveFrom })}</p>
${list.caps.length ? html`<section id="caps"><h2>${t('caps')}</h2><ul>${list.caps.map((cap) => html`<li>${cap}</li>`)}</ul></section>` : ''}
${list.candidates.length
  ? html`<p class="muted">${t('summary', { eligible, total: list.candidates.length })}</p>
${personal ? html`<form method="post" action="/commendations/eligibility/proposals">
<input type="hidden" name="unit" value="${list.unit.unitId}"><input type="hidden" name="year" value="${list.year}"><input type="hidden" name="title" value="${list.title.code}">` : ''}
<table id="eligibility">
  <thead><tr>${personal ? html`<th scope="col">${t('choose')}</th>` : ''}<th scope="col">${t('candidate')}</th><th scope="col">${t('verdict')}</th><th scope="col">${t('reasons')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
${personal ? html`<p class="muted">${t('proposeHint')}</p><button type="submit">${t('propose')}</button></form>` : ''}`
  : html`<p>${t('empty', { year: list.year })}</p>`}`;
}
