import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { EligibilityCandidateDto, EligibilityListDto, ProposalDto } from '../../../modules/commendations/records/records.dto';
import { eligibilityText } from '../../../modules/commendations/web/eligibility-page.view';

const TEXTS = {
  vi: {
    intro: 'Chọn cán bộ của {unit} để đề nghị danh hiệu năm {year}. Mỗi người được kiểm tra theo {pack}; người chưa đủ điều kiện không chọn được, kèm lý do.',
    submit: 'Gửi đề nghị của đơn vị',
    submitHint: 'Gửi một lần cho mọi danh hiệu; không chọn ai nghĩa là đơn vị không đề nghị. Thứ tự ưu tiên theo thứ tự trong danh sách.',
    answered: 'Đơn vị đã gửi đề nghị.',
    none: 'Đơn vị không đề nghị ai.',
    status: 'Tình trạng',
    refusedReasons: 'Lý do từ chối',
    backToInbox: 'Về hộp việc',
    closed: 'Bước này đã kết thúc; không thể gửi thêm đề nghị.',
    criteria: 'Tiêu chí',
    account: 'Tóm tắt thành tích của {name}',
    accountHint: 'Hình thức khen thưởng này cần tóm tắt thành tích của người (tập thể) được chọn.',
  },
  en: {
    intro: 'Choose the people of {unit} to propose for the titles of {year}. Each one is judged under {pack}; those not eligible cannot be chosen, and the reasons are shown.',
    submit: "Send the unit's proposals",
    submitHint: 'Sent once for every title; choosing nobody means the unit proposes nobody. Priority follows the order of the list.',
    answered: 'The unit has sent its proposals.',
    none: 'The unit proposed nobody.',
    status: 'Status',
    refusedReasons: 'Why they were refused',
    backToInbox: 'Back to the inbox',
    closed: 'This stage is over: no more proposals can be sent.',
    criteria: 'Criteria',
    account: 'Account of the achievement of {name}',
    accountHint: 'This commendation needs an account of the achievement of each one chosen.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const proposalTaskText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

export interface ProposalTaskViewModel {
  language: Language;
  taskId: string;
  stageName: string;
  campaignName: string;
  campaignId: string;
  unitName: string;
  year: number;
  /** Each title of the stage with its candidates as the eligibility check sees them now. */
  titles: EligibilityListDto[];
  /** Open: the form; done: what the unit proposed; closed without an answer: a notice. */
  state: 'open' | 'done' | 'closed';
  proposed: ProposalDto[];
  /** The titles that are commendation forms: each choice carries an account of the achievement. */
  forms: Set<string>;
  /** The movement's criteria (a thematic commendation), in the page's language. */
  criteria?: string;
  /** A refusal, with the boxes ticked kept (`TITLE:personId`), the accounts typed, and each refused candidate's reasons. */
  alert?: string;
  refused?: Array<{ name: string; reasons: string[] }>;
  checked?: Set<string>;
  accounts?: Map<string, string>;
}

const verdict = (candidate: EligibilityCandidateDto, language: Language) =>
  !candidate.eligible
    ? html`<span class="badge bad">${eligibilityText(language, 'ineligible')}</span>`
    : candidate.pendingVote
      ? html`<span class="badge pending">${eligibilityText(language, 'pending')}</span>`
      : html`<span class="badge ok">${eligibilityText(language, 'eligible')}</span>`;

function titleSection(list: EligibilityListDto, model: ProposalTaskViewModel): SafeHtml {
  const { language, checked = new Set(), accounts = new Map() } = model;
  const id = `title-${list.title.code}`;
  const isForm = model.forms.has(list.title.code);
  const rows = list.candidates.map((candidate) => {
    const reasons = [...candidate.reasons].sort((a, b) => Number(a.met === true) - Number(b.met === true));
    const box = `${list.title.code}:${candidate.id}`;
    const account = isForm && candidate.eligible
      ? html`<label class="account" for="${id}-${candidate.id}-account">${proposalTaskText(language, 'account', { name: candidate.name })}</label><textarea id="${id}-${candidate.id}-account" name="account:${box}" rows="2" maxlength="4000">${accounts.get(box) ?? ''}</textarea>`
      : '';
    return html`<tr>
  <td>${candidate.eligible ? html`<input type="checkbox" name="candidate" value="${box}" id="${id}-${candidate.id}"${checked.has(box) ? html` checked` : ''}>` : ''}</td>
  <td>${candidate.eligible ? html`<label for="${id}-${candidate.id}">${candidate.name}</label>` : candidate.name}${account}</td>
  <td>${verdict(candidate, language)}</td>
  <td><ul class="reasons">${reasons.map((reason) => html`<li class="${reason.met === true ? 'met' : reason.met === false ? 'unmet' : 'pending'}">${reason.text} <span class="muted">(${reason.source})</span></li>`)}</ul></td>
</tr>`;
  });
  return html`<section aria-labelledby="${id}">
  <h2 id="${id}">${list.title.name}</h2>
  ${list.caps.length ? html`<ul class="caps">${list.caps.map((cap) => html`<li>${cap}</li>`)}</ul>` : ''}
  ${isForm ? html`<p class="muted">${proposalTaskText(language, 'accountHint')}</p>` : ''}
  <table>
    <caption>${list.title.name} — ${eligibilityText(language, 'summary', { eligible: list.candidates.filter((c) => c.eligible).length, total: list.candidates.length })}</caption>
    <thead><tr><th scope="col">${eligibilityText(language, 'choose')}</th><th scope="col">${eligibilityText(language, 'candidate')}</th><th scope="col">${eligibilityText(language, 'verdict')}</th><th scope="col">${eligibilityText(language, 'reasons')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

function proposedList(model: ProposalTaskViewModel): SafeHtml {
  const { language, proposed, titles } = model;
  if (!proposed.length) return html`<p>${proposalTaskText(language, 'none')}</p>`;
  const nameOf = (code: string) => titles.find((list) => list.title.code === code)?.title.name ?? code;
  return html`<table id="proposed">
  <caption>${proposalTaskText(language, 'answered')}</caption>
  <thead><tr><th scope="col">${eligibilityText(language, 'candidate')}</th><th scope="col">${eligibilityText(language, 'award')}</th><th scope="col">${proposalTaskText(language, 'status')}</th></tr></thead>
  <tbody>${proposed.map((p) => html`<tr><td>${p.candidate.name}</td><td>${nameOf(p.title)}</td><td>${eligibilityText(language, p.status)}</td></tr>`)}</tbody>
</table>`;
}

/** A unit's propose task: every title of the stage with the unit's staff judged for it, and one form for all of them. */
export function proposalTaskView(model: ProposalTaskViewModel): SafeHtml {
  const { language } = model;
  const pack = model.titles[0]?.pack.name ?? '—';
  const refused = model.refused?.length
    ? html`<section aria-labelledby="refused-heading" class="alert"><h2 id="refused-heading">${proposalTaskText(language, 'refusedReasons')}</h2><ul>${model.refused.map(
        (entry) => html`<li><strong>${entry.name}</strong><ul>${entry.reasons.map((reason) => html`<li>${reason}</li>`)}</ul></li>`,
      )}</ul></section>`
    : '';
  const body =
    model.state === 'done'
      ? proposedList(model)
      : model.state === 'closed'
        ? html`<p class="notice" role="status">${proposalTaskText(language, 'closed')}</p>`
        : html`<form method="post" action="/inbox/tasks/${model.taskId}/proposals">
  ${model.titles.map((list) => titleSection(list, model))}
  <p class="muted">${proposalTaskText(language, 'submitHint')}</p>
  <button type="submit">${proposalTaskText(language, 'submit')}</button>
</form>`;
  return html`<p><a href="/inbox">${proposalTaskText(language, 'backToInbox')}</a> · <a href="/campaigns/${model.campaignId}">${model.campaignName}</a></p>
<h1>${model.stageName}: ${model.unitName} ${model.year}</h1>
${model.alert ? html`<div class="alert" role="alert" id="proposal-error">${model.alert}</div>` : ''}
${refused}
<p class="muted">${proposalTaskText(language, 'intro', { unit: model.unitName, year: model.year, pack })}</p>
${model.criteria ? html`<section aria-labelledby="criteria-heading"><h2 id="criteria-heading">${proposalTaskText(language, 'criteria')}</h2><p class="prose">${model.criteria}</p></section>` : ''}
${body}`;
}
