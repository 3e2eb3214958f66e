import { interpolate, Language } from '../../../common/i18n/language';
import type { PollStatusDto } from '../../voting/dto/poll-response.dto';
import { html, SafeHtml } from '../../web/html';
import type { ApplicationStatus } from '../entities/initiative-application.entity';
import type { InitiativeApplicationDto } from '../initiatives/initiatives.dto';
import { INITIATIVE_SCOPES } from '../rules/rule-pack';
import { day, labelOf, SCOPES } from './record-labels';

const TEXTS = {
  vi: {
    title: 'Sáng kiến',
    intro: 'Đơn vị gửi sáng kiến của tập thể hoặc của cán bộ; Hội đồng sáng kiến bỏ phiếu kín, được công nhận khi quá nửa tổng số thành viên đồng ý; sáng kiến được công nhận được tính vào điều kiện khen thưởng.',
    submit: 'Gửi đơn công nhận sáng kiến',
    unit: 'Đơn vị',
    author: 'Tác giả',
    theUnit: 'Sáng kiến của đơn vị (tập thể)',
    year: 'Năm',
    name: 'Tên sáng kiến',
    description: 'Mô tả nội dung, cách thực hiện',
    benefits: 'Hiệu quả, lợi ích mang lại',
    scope: 'Phạm vi đề nghị công nhận',
    send: 'Gửi đơn',
    list: 'Các đơn',
    status: 'Tình trạng',
    decision: 'Quyết định',
    empty: 'Chưa có đơn nào.',
    noUnit: 'Bạn chưa được ủy quyền cho đơn vị nào để gửi sáng kiến.',
    submitted: 'Đã gửi đơn.',
    attachments: 'Tài liệu kèm theo',
    noAttachments: 'Chưa có tài liệu.',
    attach: 'Đính kèm',
    file: 'Tệp (PDF, ảnh, văn bản)',
    uploading: 'Đang tải lên…',
    review: 'Đưa ra Hội đồng sáng kiến biểu quyết',
    reviewOpened: 'Đã đưa ra Hội đồng sáng kiến.',
    vote: 'Biểu quyết của Hội đồng sáng kiến',
    progress: 'Tiến độ',
    yourBallot: 'Phiếu của bạn: {choice}.',
    agree: 'Đồng ý công nhận',
    disagree: 'Không đồng ý',
    abstain: 'Không biểu quyết',
    cast: 'Bỏ phiếu',
    voted: 'Đã ghi phiếu của bạn.',
    decide: 'Ghi quyết định',
    number: 'Số quyết định',
    signedOn: 'Ngày ký',
    decidedScope: 'Phạm vi công nhận',
    decided: 'Đã ghi quyết định.',
    result: 'Kết quả biểu quyết',
    decisionLine: 'Quyết định số {number} ngày {date}',
    by: 'Người gửi đơn: {unit}',
  },
  en: {
    title: 'Initiatives',
    intro: 'A unit submits an initiative of its own or of one of its people; the Initiatives Council votes by secret ballot and recognises it with more than half of all its members; recognised initiatives count towards commendations.',
    submit: 'Submit an initiative',
    unit: 'Unit',
    author: 'Author',
    theUnit: 'The unit’s own initiative',
    year: 'Year',
    name: 'Name of the initiative',
    description: 'What it is and how it works',
    benefits: 'The benefits it brought',
    scope: 'Scope proposed',
    send: 'Submit',
    list: 'Applications',
    status: 'Status',
    decision: 'Decision',
    empty: 'No application yet.',
    noUnit: 'You are not mandated for any unit, so you cannot submit an initiative.',
    submitted: 'The application was submitted.',
    attachments: 'Attachments',
    noAttachments: 'No attachment yet.',
    attach: 'Attach',
    file: 'File (PDF, image, document)',
    uploading: 'Uploading…',
    review: 'Put it to the Initiatives Council’s vote',
    reviewOpened: 'The Initiatives Council has it.',
    vote: 'The Initiatives Council’s vote',
    progress: 'Progress',
    yourBallot: 'Your ballot: {choice}.',
    agree: 'Recognise it',
    disagree: 'Do not recognise it',
    abstain: 'Abstain',
    cast: 'Vote',
    voted: 'Your ballot was recorded.',
    decide: 'Record the decision',
    number: 'Decision number',
    signedOn: 'Signed on',
    decidedScope: 'Scope recognised',
    decided: 'The decision was recorded.',
    result: 'Result of the vote',
    decisionLine: 'Decision {number} of {date}',
    by: 'Submitted by {unit}',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const initiativeText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

const STATUSES: Record<ApplicationStatus, { vi: string; en: string; tone: string }> = {
  submitted: { vi: 'Đã gửi', en: 'Submitted', tone: 'pending' },
  'in-review': { vi: 'Hội đồng đang biểu quyết', en: 'Before the council', tone: 'pending' },
  recognised: { vi: 'Được công nhận', en: 'Recognised', tone: 'ok' },
  'not-recognised': { vi: 'Không được công nhận', en: 'Not recognised', tone: 'bad' },
};
const statusBadge = (status: ApplicationStatus, language: Language) => html`<span class="badge ${STATUSES[status].tone}">${STATUSES[status][language]}</span>`;
const notices = (flash?: string, alert?: string) =>
  html`${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}${alert ? html`<div class="alert" role="alert">${alert}</div>` : ''}`;
const scopeOptions = (language: Language, chosen: string) =>
  INITIATIVE_SCOPES.map((scope) => html`<option value="${scope}"${scope === chosen ? html` selected` : ''}>${labelOf(SCOPES, scope, language)}</option>`);

export interface InitiativesPageModel {
  language: Language;
  applications: InitiativeApplicationDto[];
  /** The units the viewer may submit for, with their staff (for the author's choice). */
  units: Array<{ id: string; name: string; staff: Array<{ id: string; name: string }> }>;
  year: number;
  form?: Record<string, string>;
  flash?: string;
  alert?: string;
}

/** The applications the viewer may see, and the submission form for the units they act for. */
export function initiativesPageView({ language, applications, units, year, form = {}, flash, alert }: InitiativesPageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => initiativeText(language, key, params);
  const value = (name: string) => form[name] ?? '';
  const submission = units.length
    ? html`<form method="post" action="/commendations/initiatives" class="stacked" id="submit-initiative">
  <h2>${t('submit')}</h2>
  <label>${t('unit')} <select name="unitId">${units.map((unit) => html`<option value="${unit.id}"${unit.id === value('unitId') ? html` selected` : ''}>${unit.name}</option>`)}</select></label>
  <label>${t('author')} <select name="personId"><option value="">${t('theUnit')}</option>${units.map((unit) => html`<optgroup label="${unit.name}">${unit.staff.map((person) => html`<option value="${person.id}"${person.id === value('personId') ? html` selected` : ''}>${person.name}</option>`)}</optgroup>`)}</select></label>
  <label>${t('year')} <input type="number" name="year" min="1945" max="2100" required value="${value('year') || year}"></label>
  <label>${t('name')} <input type="text" name="name" required minlength="3" maxlength="500" value="${value('name')}"></label>
  <label>${t('description')} <textarea name="description" required minlength="10" maxlength="20000" rows="5">${value('description')}</textarea></label>
  <label>${t('benefits')} <textarea name="benefits" required minlength="10" maxlength="20000" rows="3">${value('benefits')}</textarea></label>
  <label>${t('scope')} <select name="scope">${scopeOptions(language, value('scope') || 'unit')}</select></label>
  <button type="submit">${t('send')}</button>
</form>`
    : html`<p class="muted">${t('noUnit')}</p>`;
  const rows = applications.map(
    (row) => html`<tr data-initiative="${row.name}">
  <td><a href="/commendations/initiatives/${row.id}">${row.name}</a></td>
  <td>${row.author?.fullName ?? row.unit.name}</td>
  <td>${row.year}</td>
  <td>${statusBadge(row.status, language)}</td>
  <td>${row.decision ? t('decisionLine', { number: row.decision.number, date: day(row.decision.signedOn, language) }) : '—'}</td>
</tr>`,
  );
  return html`<h1>${t('title')}</h1>
${notices(flash, alert)}
<p class="muted">${t('intro')}</p>
<h2>${t('list')}</h2>
${rows.length
  ? html`<table id="initiatives"><thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('author')}</th><th scope="col">${t('year')}</th><th scope="col">${t('status')}</th><th scope="col">${t('decision')}</th></tr></thead><tbody>${rows}</tbody></table>`
  : html`<p>${t('empty')}</p>`}
${submission}`;
}

export interface InitiativePageModel {
  language: Language;
  application: InitiativeApplicationDto;
  /** The council's poll while it votes, as the viewer sees it. */
  poll: PollStatusDto | null;
  mayAttach: boolean;
  /** The council's secretary or an administrator. */
  mayDecide: boolean;
  /** A council member of the poll's electorate. */
  mayVote: boolean;
  flash?: string;
  alert?: string;
}

/** One application: what it is, its files, the council's vote (a ballot for its members) and the decision. */
export function initiativePageView({ language, application, poll, mayAttach, mayDecide, mayVote, flash, alert }: InitiativePageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => initiativeText(language, key, params);
  const base = `/commendations/initiatives/${application.id}`;
  const own = poll?.mine[0]?.choice;
  const files = application.attachments.length
    ? html`<ul id="attachments">${application.attachments.map((file) => html`<li><a href="/api/v1/initiatives/${application.id}/attachments/${file.fileId}">${file.name}</a></li>`)}</ul>`
    : html`<p class="muted">${t('noAttachments')}</p>`;
  const upload = mayAttach && application.status === 'submitted'
    ? html`<form method="post" action="${base}/attachments" enctype="multipart/form-data" id="attach-form" data-uploading="${t('uploading')}">
  <label>${t('file')} <input type="file" name="file" required></label> <button type="submit" disabled>${t('attach')}</button>
  <p class="muted" role="status" id="attach-status"></p>
</form>
<script src="/assets/app/js/attachments-upload.js" defer></script>`
    : '';
  const review = mayDecide && application.status === 'submitted' ? html`<form method="post" action="${base}/review"><button type="submit">${t('review')}</button></form>` : '';
  const ballot = poll && poll.status === 'open'
    ? html`<section id="vote"><h2>${t('vote')}</h2>
<p>${t('progress')}: ${poll.progress.text[language]}</p>
${typeof own === 'string' ? html`<p>${t('yourBallot', { choice: t(own) })}</p>` : ''}
${mayVote
  ? html`<form method="post" action="${base}/ballot" class="ballot">${(['agree', 'disagree', 'abstain'] as const).map((choice) => html`<label><input type="radio" name="choice" value="${choice}" required${own === choice ? html` checked` : ''}> ${t(choice)}</label> `)}<button type="submit">${t('cast')}</button></form>`
  : ''}
${mayDecide ? decisionForm(base, application, language) : ''}
</section>`
    : '';
  const decided = application.decision
    ? html`<section id="decision"><h2>${t('decision')}</h2>
<p>${statusBadge(application.status, language)} ${t('decisionLine', { number: application.decision.number, date: day(application.decision.signedOn, language) })}${application.decision.scope ? html` · ${labelOf(SCOPES, application.decision.scope, language)}` : ''}</p>
${application.decision.vote ? html`<p><strong>${t('result')}:</strong> ${application.decision.vote.summary}</p>` : ''}
</section>`
    : '';
  return html`<h1>${application.name}</h1>
${notices(flash, alert)}
<p>${statusBadge(application.status, language)} ${application.year} · ${application.author?.fullName ?? application.unit.name} · ${t('by', { unit: application.unit.name })} · ${t('scope')}: ${labelOf(SCOPES, application.requestedScope, language)}</p>
<h2>${t('description')}</h2>
<p class="prose">${application.description}</p>
<h2>${t('benefits')}</h2>
<p class="prose">${application.benefits}</p>
<h2>${t('attachments')}</h2>
${files}
${upload}
${review}
${ballot}
${decided}`;
}

function decisionForm(base: string, application: InitiativeApplicationDto, language: Language): SafeHtml {
  const t = (key: Key) => initiativeText(language, key);
  return html`<form method="post" action="${base}/decision" class="stacked" id="decide">
  <h3>${t('decide')}</h3>
  <label>${t('number')} <input type="text" name="number" required maxlength="60"></label>
  <label>${t('signedOn')} <input type="date" name="signedOn" required></label>
  <label>${t('decidedScope')} <select name="scope">${scopeOptions(language, application.requestedScope)}</select></label>
  <button type="submit">${t('decide')}</button>
</form>`;
}
