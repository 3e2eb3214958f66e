import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { CommendationDto } from '../dto/commendation.dto';
import { day } from './record-labels';

const TEXTS = {
  vi: {
    title: 'Sổ khen thưởng',
    intro: 'Danh hiệu thi đua và hình thức khen thưởng đã được quyết định, mới nhất trước.',
    year: 'Năm',
    all: 'Tất cả các năm',
    filter: 'Lọc',
    recipient: 'Tập thể / cá nhân',
    award: 'Danh hiệu / hình thức khen thưởng',
    decision: 'Quyết định',
    issuer: 'Cấp quyết định',
    campaign: 'Đợt thi đua',
    empty: 'Chưa có khen thưởng nào được ghi nhận.',
    decisionLine: 'Số {number} ngày {date}',
    count: '{count} bản ghi',
    revoked: 'Đã thu hồi ({reason})',
    export: 'Tải sổ khen thưởng (Excel)',
    certificate: 'Giấy chứng nhận (PDF)',
  },
  en: {
    title: 'Commendation register',
    intro: 'Emulation titles and commendation forms decided, newest first.',
    year: 'Year',
    all: 'All years',
    filter: 'Filter',
    recipient: 'Collective / individual',
    award: 'Title / commendation form',
    decision: 'Decision',
    issuer: 'Issued by',
    campaign: 'Campaign',
    empty: 'No commendation has been recorded yet.',
    decisionLine: 'No. {number} of {date}',
    count: '{count} records',
    revoked: 'Revoked ({reason})',
    export: 'Download the register (Excel)',
    certificate: 'Certificate (PDF)',
  },
} as const;

export const commendationText = (language: Language, key: keyof (typeof TEXTS)['vi'], params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);


export interface CommendationsPageModel {
  language: Language;
  items: CommendationDto[];
  total: number;
  year?: number;
}

/** The register as a table: recipient, title (in the page's language), year, decision number and date with the certificate's link (none once revoked), issuer, campaign. */
export function commendationsPageView({ language, items, total, year }: CommendationsPageModel): SafeHtml {
  const t = (key: keyof (typeof TEXTS)['vi'], params?: Record<string, unknown>) => commendationText(language, key, params);
  const rows = items.map(
    (item) => html`<tr>
  <td>${item.recipient.name}${item.recipient.code ? html` <span class="muted">(${item.recipient.code})</span>` : ''}</td>
  <td>${language === 'en' ? (item.title.label.en ?? item.title.label.vi) : item.title.label.vi}${item.revocation ? html` <span class="badge bad">${t('revoked', { reason: item.revocation.reason })}</span>` : ''}</td>
  <td>${item.year}</td>
  <td>${t('decisionLine', { number: item.decision.number, date: day(item.decision.signedOn, language) })}${item.revocation ? '' : html`<br><a class="certificate" href="/api/v1/commendations/${item.id}/certificate.pdf">${t('certificate')}</a>`}</td>
  <td>${item.decision.issuer}</td>
  <td>${item.decision.campaignName ?? '—'}</td>
</tr>`,
  );
  return html`<h1>${t('title')}</h1>
<p class="muted">${t('intro')}</p>
<form method="get" action="/commendations" class="filters">
  <label>${t('year')} <input type="number" name="year" min="1900" max="2200" value="${year ?? ''}" placeholder="${t('all')}"></label>
  <button type="submit">${t('filter')}</button>
</form>
${items.length
  ? html`<p class="muted">${t('count', { count: total })} · <a href="/api/v1/commendations/export.xlsx${year ? `?year=${year}` : ''}">${t('export')}</a></p>
<table id="commendations">
  <thead><tr><th scope="col">${t('recipient')}</th><th scope="col">${t('award')}</th><th scope="col">${t('year')}</th><th scope="col">${t('decision')}</th><th scope="col">${t('issuer')}</th><th scope="col">${t('campaign')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
  : html`<p>${t('empty')}</p>`}`;
}
