import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import { EXAMPLE_KINDS, type ExampleStatus } from '../entities/advanced-example.entity';
import type { AdvancedExampleDto } from '../examples/advanced-examples.dto';
import { EXAMPLE_KIND_LABELS, labelOf } from './record-labels';

const TEXTS = {
  vi: {
    title: 'Điển hình tiên tiến, người tốt – việc tốt',
    intro: 'Đơn vị đề cử cán bộ hoặc tập thể đơn vị bất cứ lúc nào, kèm tóm tắt thành tích và minh chứng; đơn vị cụm trưởng xét duyệt; đề cử được chấp nhận được công bố cho các đơn vị và ghi vào hồ sơ thi đua.',
    published: 'Đã công bố',
    pending: 'Đề cử của đơn vị bạn và chờ xét duyệt',
    none: 'Chưa có.',
    kind: 'Loại',
    who: 'Người, tập thể được đề cử',
    unit: 'Đơn vị đề cử',
    year: 'Năm',
    deed: 'Thành tích, việc tốt',
    status: 'Tình trạng',
    nominate: 'Đề cử',
    theUnit: 'Tập thể đơn vị',
    account: 'Tóm tắt thành tích',
    send: 'Gửi đề cử',
    nominated: 'Đã gửi đề cử.',
    reviewed: 'Đã ghi kết quả xét duyệt.',
    attachments: 'Minh chứng',
    noAttachments: 'Chưa có minh chứng.',
    file: 'Tệp (PDF, ảnh, văn bản)',
    attach: 'Đính kèm',
    uploading: 'Đang tải lên…',
    review: 'Xét duyệt',
    note: 'Ý kiến (bắt buộc khi không chấp nhận)',
    accept: 'Chấp nhận và công bố',
    decline: 'Không chấp nhận',
    reviewLine: 'Xét duyệt bởi {by}',
    adHocHeading: 'Đề nghị khen thưởng đột xuất',
    adHocHint: 'Khởi động quy trình khen thưởng đột xuất của đơn vị và gửi ngay đề nghị kèm tóm tắt thành tích của đề cử này.',
    adHocForm: 'Hình thức khen thưởng',
    adHocPropose: 'Đề nghị khen thưởng đột xuất',
    adHocProposed: 'Đã đề nghị khen thưởng đột xuất: xem đợt khen thưởng',
    noUnit: 'Bạn chưa được ủy quyền cho đơn vị nào để đề cử.',
  },
  en: {
    title: 'Advanced examples and good deeds',
    intro: 'A unit nominates one of its people or itself at any time, with a short account and evidence; the cluster head reviews it; accepted nominations are published to every unit and stand on the record.',
    published: 'Published',
    pending: "Your units' nominations and those awaiting review",
    none: 'None yet.',
    kind: 'Kind',
    who: 'Nominated',
    unit: 'Nominating unit',
    year: 'Year',
    deed: 'Achievement or deed',
    status: 'Status',
    nominate: 'Nominate',
    theUnit: 'The unit itself',
    account: 'Short account',
    send: 'Send the nomination',
    nominated: 'The nomination was sent.',
    reviewed: 'The review was recorded.',
    attachments: 'Evidence',
    noAttachments: 'No evidence yet.',
    file: 'File (PDF, image, document)',
    attach: 'Attach',
    uploading: 'Uploading…',
    review: 'Review',
    note: 'Comment (required to decline)',
    accept: 'Accept and publish',
    decline: 'Decline',
    reviewLine: 'Reviewed by {by}',
    adHocHeading: 'Propose an ad hoc commendation',
    adHocHint: "Starts the unit's ad hoc commendation workflow and sends the proposal at once, with this nomination's account.",
    adHocForm: 'Commendation',
    adHocPropose: 'Propose an ad hoc commendation',
    adHocProposed: 'Proposed for an ad hoc commendation: see the campaign',
    noUnit: 'You are not mandated for any unit, so you cannot nominate.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const exampleText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

const STATUSES: Record<ExampleStatus, { vi: string; en: string; tone: string }> = {
  submitted: { vi: 'Chờ xét duyệt', en: 'Awaiting review', tone: 'pending' },
  accepted: { vi: 'Đã công bố', en: 'Published', tone: 'ok' },
  declined: { vi: 'Không chấp nhận', en: 'Declined', tone: 'bad' },
};
const badge = (status: ExampleStatus, language: Language) => html`<span class="badge ${STATUSES[status].tone}">${STATUSES[status][language]}</span>`;
const notices = (flash?: string, alert?: string) => html`${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}${alert ? html`<div class="alert" role="alert">${alert}</div>` : ''}`;

export interface ExamplesPageModel {
  language: Language;
  examples: AdvancedExampleDto[];
  units: Array<{ id: string; name: string; staff: Array<{ id: string; name: string }> }>;
  year: number;
  form?: Record<string, string>;
  flash?: string;
  alert?: string;
}

/** The published list, the nominations the reader may follow, and the nomination form for their units. */
export function examplesPageView({ language, examples, units, year, form = {}, flash, alert }: ExamplesPageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => exampleText(language, key, params);
  const value = (name: string) => form[name] ?? '';
  const table = (id: string, rows: AdvancedExampleDto[]) =>
    rows.length
      ? html`<table id="${id}"><thead><tr><th scope="col">${t('kind')}</th><th scope="col">${t('who')}</th><th scope="col">${t('deed')}</th><th scope="col">${t('year')}</th><th scope="col">${t('unit')}</th><th scope="col">${t('status')}</th></tr></thead><tbody>${rows.map(
          (row) => html`<tr data-example="${row.title}"><td>${labelOf(EXAMPLE_KIND_LABELS, row.kind, language)}</td><td>${row.person?.fullName ?? row.unit.name}</td><td><a href="/commendations/examples/${row.id}">${row.title}</a></td><td>${row.year}</td><td>${row.unit.name}</td><td>${badge(row.status, language)}</td></tr>`,
        )}</tbody></table>`
      : html`<p>${t('none')}</p>`;
  const nomination = units.length
    ? html`<form method="post" action="/commendations/examples" class="stacked" id="nominate">
  <h2>${t('nominate')}</h2>
  <label>${t('kind')} <select name="kind">${EXAMPLE_KINDS.map((kind) => html`<option value="${kind}"${kind === value('kind') ? html` selected` : ''}>${labelOf(EXAMPLE_KIND_LABELS, kind, language)}</option>`)}</select></label>
  <label>${t('unit')} <select name="unitId">${units.map((unit) => html`<option value="${unit.id}"${unit.id === value('unitId') ? html` selected` : ''}>${unit.name}</option>`)}</select></label>
  <label>${t('who')} <select name="personId"><option value="">${t('theUnit')}</option>${units.map((unit) => html`<optgroup label="${unit.name}">${unit.staff.map((person) => html`<option value="${person.id}"${person.id === value('personId') ? html` selected` : ''}>${person.name}</option>`)}</optgroup>`)}</select></label>
  <label>${t('year')} <input type="number" name="year" min="1945" max="2100" required value="${value('year') || year}"></label>
  <label>${t('deed')} <input type="text" name="title" required minlength="3" maxlength="300" value="${value('title')}"></label>
  <label>${t('account')} <textarea name="account" required minlength="10" maxlength="20000" rows="4">${value('account')}</textarea></label>
  <button type="submit">${t('send')}</button>
</form>`
    : html`<p class="muted">${t('noUnit')}</p>`;
  return html`<h1>${t('title')}</h1>
${notices(flash, alert)}
<p class="muted">${t('intro')}</p>
<h2>${t('published')}</h2>
${table('published', examples.filter((row) => row.status === 'accepted'))}
<h2>${t('pending')}</h2>
${table('nominations', examples.filter((row) => row.status !== 'accepted'))}
${nomination}`;
}

export interface ExamplePageModel {
  language: Language;
  example: AdvancedExampleDto;
  mayAttach: boolean;
  mayReview: boolean;
  /** The commendation forms of the example's year that fit it (a person's or a collective's), for the one-step proposal. */
  forms?: Array<{ code: string; name: string }>;
  flash?: string;
  alert?: string;
}

/** One nomination: the account, its evidence (and the upload while it waits), the review form or the review. */
export function examplePageView({ language, example, mayAttach, mayReview, forms = [], flash, alert }: ExamplePageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => exampleText(language, key, params);
  const base = `/commendations/examples/${example.id}`;
  const open = example.status === 'submitted';
  return html`<h1>${example.title}</h1>
${notices(flash, alert)}
<p>${badge(example.status, language)} ${labelOf(EXAMPLE_KIND_LABELS, example.kind, language)} · ${example.person?.fullName ?? example.unit.name} · ${example.year} · ${t('unit')}: ${example.unit.name}</p>
<h2>${t('account')}</h2>
<p class="prose">${example.account}</p>
<h2>${t('attachments')}</h2>
${example.attachments.length
  ? html`<ul id="attachments">${example.attachments.map((file) => html`<li><a href="/api/v1/advanced-examples/${example.id}/attachments/${file.fileId}">${file.name}</a></li>`)}</ul>`
  : html`<p class="muted">${t('noAttachments')}</p>`}
${mayAttach && open
  ? html`<form method="post" action="${base}/attachments" enctype="multipart/form-data" id="attach-form" data-uploading="${t('uploading')}">
  <label>${t('file')} <input type="file" name="file" required></label> <button type="submit" disabled>${t('attach')}</button>
  <p class="muted" role="status" id="attach-status"></p>
</form>
<script src="/assets/app/js/attachments-upload.js" defer></script>`
  : ''}
${mayReview && open
  ? html`<form method="post" action="${base}/review" class="stacked" id="review">
  <h2>${t('review')}</h2>
  <label>${t('note')} <textarea name="note" maxlength="2000" rows="2"></textarea></label>
  <button type="submit" name="decision" value="accept">${t('accept')}</button> <button type="submit" name="decision" value="decline">${t('decline')}</button>
</form>`
  : ''}
${example.review ? html`<p id="review-result">${t('reviewLine', { by: example.review.reviewedBy })}${example.review.note ? html`: ${example.review.note}` : ''}</p>` : ''}
${adHocSection(example, mayAttach, forms, t)}`;
}

/** An accepted example, for its unit's officers: proposed for an ad hoc commendation in one step, or the campaign it went to. */
function adHocSection(example: AdvancedExampleDto, mayPropose: boolean, forms: Array<{ code: string; name: string }>, t: (key: Key, params?: Record<string, unknown>) => string): SafeHtml | '' {
  if (example.status !== 'accepted') return '';
  if (example.commendationCampaignId) return html`<p id="ad-hoc"><a href="/campaigns/${example.commendationCampaignId}">${t('adHocProposed')}</a></p>`;
  if (!mayPropose || !forms.length) return '';
  return html`<form method="post" action="/commendations/examples/${example.id}/commendation" class="stacked" id="ad-hoc">
  <h2>${t('adHocHeading')}</h2>
  <p class="muted">${t('adHocHint')}</p>
  <label>${t('adHocForm')} <select name="title">${forms.map((form) => html`<option value="${form.code}">${form.name}</option>`)}</select></label>
  <button type="submit">${t('adHocPropose')}</button>
</form>`;
}
