import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { ConsultationViewDto } from '../consultations/consultations.dto';
import { day } from './record-labels';

const TEXTS = {
  vi: {
    title: 'Công khai lấy ý kiến',
    intro: 'Các đề nghị khen thưởng đang được công khai trước khi trình cấp trên. Mọi cán bộ có thể gửi ý kiến trong thời hạn lấy ý kiến.',
    none: 'Hiện không có đề nghị nào đang lấy ý kiến.',
    window: 'Từ {from} đến hết {to} ({days} ngày làm việc)',
    proposal: '{candidate}: {title} năm {year}, do {unit} đề nghị',
    objections: 'Ý kiến đã nhận ({count})',
    text: 'Ý kiến của bạn',
    send: 'Gửi ý kiến',
    sent: 'Đã ghi ý kiến của bạn.',
  },
  en: {
    title: 'Public consultation',
    intro: 'Proposals open to consultation before they go to the higher level. Anyone signed in may object within the window.',
    none: 'No proposal is open to consultation now.',
    window: 'From {from} to the end of {to} ({days} working days)',
    proposal: '{candidate}: {title} {year}, proposed by {unit}',
    objections: 'Objections received ({count})',
    text: 'Your objection',
    send: 'Send',
    sent: 'Your objection was recorded.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const consultationText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

/** The consultations open today: what is proposed, the window, the objections so far and a form to add one. */
export function consultationsPageView(language: Language, consultations: ConsultationViewDto[], notice: { flash?: string; alert?: string } = {}): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => consultationText(language, key, params);
  const items = consultations.map(
    (consultation) => html`<section class="consultation" data-consultation="${consultation.id}">
<h2>${t('proposal', { candidate: consultation.proposal.candidate, title: consultation.proposal.titleName[language], year: consultation.proposal.year, unit: consultation.proposal.unit })}</h2>
<p class="muted">${t('window', { from: day(consultation.opensOn, language), to: day(consultation.closesOn, language), days: consultation.workingDays })}</p>
<h3>${t('objections', { count: consultation.objections.length })}</h3>
${consultation.objections.length ? html`<ul class="objections">${consultation.objections.map((objection) => html`<li><strong>${objection.author}</strong>: ${objection.text}</li>`)}</ul>` : ''}
<form method="post" action="/commendations/consultations/${consultation.id}/objections">
  <label>${t('text')} <textarea name="text" required maxlength="5000" rows="2"></textarea></label>
  <button type="submit">${t('send')}</button>
</form>
</section>`,
  );
  return html`<h1>${t('title')}</h1>
${notice.flash ? html`<p class="notice" role="status">${notice.flash}</p>` : ''}${notice.alert ? html`<div class="alert" role="alert">${notice.alert}</div>` : ''}
<p class="muted">${t('intro')}</p>
${items.length ? items : html`<p>${t('none')}</p>`}`;
}
