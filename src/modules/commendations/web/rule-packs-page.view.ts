import { formatDateTime, formatDay } from '../../../common/i18n/date-text';
import { interpolate, Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../web/html';
import type { Prerequisite, RulePack, TitleDefinition, TitleSubject } from '../rules/rule-pack';
import { capSentence, consultationSentence, exclusionSentence, governedYearsText, nominationVoteSentence, prerequisiteSentence, RuleSentence } from '../rules/rule-pack-words';
import type { FormProblem } from './rule-pack-form';
import type { RulePackDetail, RulePackEntry, RulePackVersionSummary } from './rule-pack-pages.service';

const TEXTS = {
  vi: {
    title: 'Bộ quy định thi đua, khen thưởng',
    intro: 'Mỗi bộ quy định áp dụng cho các năm đánh giá từ năm có hiệu lực đến trước năm của bộ kế tiếp; phiên bản mới nhất của mỗi bộ là phiên bản đang áp dụng.',
    caption: 'Các bộ quy định theo thứ tự áp dụng',
    name: 'Tên',
    effectiveFrom: 'Áp dụng từ ngày',
    years: 'Năm đánh giá áp dụng',
    latest: 'Phiên bản mới nhất',
    published: 'Công bố',
    builtIn: 'Có sẵn',
    yes: 'Có',
    no: 'Không',
    fromFile: 'Chưa lưu; áp dụng từ tệp có sẵn',
    publishedLine: '{date}, {by}',
    system: 'hệ thống (bộ có sẵn)',
    key: 'Khóa',
    version: 'Phiên bản {number}',
    viewing: 'Phiên bản đang xem',
    ladders: 'Danh hiệu thi đua và điều kiện',
    individual: 'Danh hiệu cá nhân',
    collective: 'Danh hiệu tập thể',
    forms: 'Hình thức khen thưởng',
    award: 'Danh hiệu',
    form: 'Hình thức',
    subject: 'Đối tượng',
    person: 'Cá nhân',
    unit: 'Tập thể',
    prerequisites: 'Điều kiện',
    caps: 'Giới hạn số lượng',
    consultation: 'Công khai lấy ý kiến',
    noPrerequisite: 'Không có điều kiện riêng.',
    none: 'Không',
    exclusionsHeading: 'Trường hợp loại trừ',
    exclusions: 'Trường hợp không xét danh hiệu',
    exclusion: 'Trường hợp',
    barred: 'Không xét các danh hiệu',
    source: 'Căn cứ',
    noExclusions: 'Bộ quy định không có trường hợp loại trừ.',
    vote: 'Biểu quyết đề nghị (bình xét, suy tôn)',
    versions: 'Các phiên bản',
    number: 'Số',
    publishedAt: 'Công bố lúc',
    publishedBy: 'Người công bố',
    contentHash: 'Mã nội dung',
    show: 'Xem phiên bản {number}',
    current: 'đang xem',
    noVersions: 'Chưa có phiên bản nào được lưu: bộ này được áp dụng từ tệp có sẵn, cho đến khi lệnh cài đặt (setup) lưu nó.',
    json: 'Nội dung JSON của phiên bản đang xem',
    jsonFile: 'Nội dung JSON (từ tệp có sẵn)',
    publishTitle: 'Công bố phiên bản mới',
    publishHint: 'Sửa nội dung JSON (được điền sẵn bằng phiên bản mới nhất) rồi công bố; máy chủ kiểm tra toàn bộ bộ quy định trước khi lưu, và phiên bản mới áp dụng ngay.',
    builtInHint: 'Bộ có sẵn được nạp từ tệp của nó và không công bố phiên bản mới tại đây; hãy công bố thay đổi thành một bộ mới, với khóa và ngày áp dụng của nó.',
    newFromThis: 'Công bố bộ mới dựa trên bộ này',
    newTitle: 'Công bố bộ quy định mới',
    newHint: 'Khóa (key) của bộ mới là trường "key" trong nội dung; hãy đổi cả tên và ngày áp dụng (effectiveFrom): hai bộ không được áp dụng từ cùng một ngày.',
    startFrom: 'Bắt đầu từ bộ',
    load: 'Nạp nội dung',
    startedFrom: 'Nội dung được điền sẵn từ phiên bản mới nhất của "{name}", với khóa "{key}".',
    document: 'Nội dung bộ quy định (JSON)',
    submit: 'Công bố',
    problems: 'Chưa công bố được: {count} lỗi',
    whole: '(toàn bộ)',
    publishedFlash: 'Đã công bố phiên bản {number}.',
    unchanged: 'Nội dung giống phiên bản mới nhất ({number}); không có phiên bản mới.',
    keyTooLong: 'khóa dài tối đa 150 ký tự',
  },
  en: {
    title: 'Commendation rule packs',
    intro: 'Each rule pack governs the evaluation years from the year it takes effect until the year of the next pack; the latest version of each pack is the one in force.',
    caption: 'Rule packs in the order they take effect',
    name: 'Name',
    effectiveFrom: 'In force from',
    years: 'Evaluation years governed',
    latest: 'Latest version',
    published: 'Published',
    builtIn: 'Built-in',
    yes: 'Yes',
    no: 'No',
    fromFile: 'Not stored yet; in force from its built-in file',
    publishedLine: '{date}, {by}',
    system: 'the system (built-in pack)',
    key: 'Key',
    version: 'Version {number}',
    viewing: 'Version shown',
    ladders: 'Titles and their ladder',
    individual: 'Individual titles',
    collective: 'Collective titles',
    forms: 'Commendation forms',
    award: 'Title',
    form: 'Form',
    subject: 'Awarded to',
    person: 'Individuals',
    unit: 'Collectives',
    prerequisites: 'Prerequisites',
    caps: 'Caps',
    consultation: 'Public consultation',
    noPrerequisite: 'No prerequisite of its own.',
    none: 'None',
    exclusionsHeading: 'Exclusions',
    exclusions: 'Who may not receive titles',
    exclusion: 'Case',
    barred: 'Titles barred',
    source: 'Source',
    noExclusions: 'The pack has no exclusions.',
    vote: 'Nomination vote',
    versions: 'Versions',
    number: 'Number',
    publishedAt: 'Published at',
    publishedBy: 'Published by',
    contentHash: 'Content hash',
    show: 'Show version {number}',
    current: 'shown',
    noVersions: 'No version is stored yet: the pack is in force from its built-in file until setup stores it.',
    json: 'JSON of the version shown',
    jsonFile: 'JSON (from the built-in file)',
    publishTitle: 'Publish a new version',
    publishHint: 'Edit the JSON (filled in with the latest version) and publish; the server checks the whole pack before storing it, and the new version is in force at once.',
    builtInHint: 'A built-in pack is loaded from its file and gets no new version here; publish changes as a new pack, with its own key and effective date.',
    newFromThis: 'Publish a new pack based on this one',
    newTitle: 'Publish a new rule pack',
    newHint: 'The new pack’s key is the "key" field of the document; change its name and effective date (effectiveFrom) too: no two packs may take effect on the same day.',
    startFrom: 'Start from the pack',
    load: 'Load it',
    startedFrom: 'Filled in with the latest version of "{name}", under the key "{key}".',
    document: 'Rule pack (JSON)',
    submit: 'Publish',
    problems: 'Not published: {count} problem(s)',
    whole: '(the whole pack)',
    publishedFlash: 'Version {number} was published.',
    unchanged: 'The content is the same as the latest version ({number}); nothing new was published.',
    keyTooLong: 'a key has at most 150 characters',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];

/** The rule pack pages' words in the reader's language, with `{name}` placeholders filled. */
export const rulePackText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

/** The pages' own layout: the form and its problems side by side on a wide screen, the JSON kept to its box. */
export const RULE_PACK_PAGE_STYLE = html`<style>
.publish.with-problems{display:grid;gap:1rem;grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:start}
@media (max-width:60rem){.publish.with-problems{grid-template-columns:1fr}}
.pack-summary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.pack-summary dt{font-weight:600}
.pack-summary dd{margin:0}
.publish textarea{width:100%;font-family:monospace;font-size:.85rem}
.problems li code,.json{white-space:pre-wrap;word-break:break-word}
.json{max-height:32rem;overflow:auto;border:1px solid #767676;padding:.5rem;font-size:.85rem}
.alternatives{margin:.25rem 0 0 1rem}
</style>`;

const source = (sentence: RuleSentence) => html` <span class="muted">(${sentence.source})</span>`;

function sentenceItem(sentence: RuleSentence, language: Language, rule?: string): SafeHtml {
  const alternatives = sentence.alternatives ? html`<ul class="alternatives">${sentence.alternatives.map((alternative) => sentenceItem(alternative, language))}</ul>` : '';
  return html`<li${rule ? html` data-rule="${rule}"` : ''}>${sentence.text[language]}${source(sentence)}${alternatives}</li>`;
}

const publishedCell = (summary: RulePackVersionSummary, language: Language) =>
  rulePackText(language, 'publishedLine', { date: formatDateTime(summary.publishedAt, language), by: summary.publishedBy ?? rulePackText(language, 'system') });

const notices = (flash?: string) => (flash ? html`<p class="notice" role="status">${flash}</p>` : '');

/** The JSON a textarea starts with: indented as the built-in files are. */
export const documentText = (document: unknown): string => JSON.stringify(document, null, 2);

export interface PublishFormModel {
  /** Where the form posts. */
  action: string;
  /** Where the choice of another pack to start from goes (a GET, so the page works without scripts). */
  startAction: string;
  text: string;
  problems?: FormProblem[];
  /** The packs to start from, and the one the text came from. */
  packs: Array<{ key: string; name: string }>;
  selected?: string;
  /** Said above the form when the text is another pack's, under another key. */
  from?: { name: string; as: string };
}

/** The JSON textarea and, beside it, the problems of the last attempt, each at its path. */
function publishForm(language: Language, form: PublishFormModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => rulePackText(language, key, params);
  const problems = form.problems ?? [];
  const describedBy = problems.length ? 'document-hint document-problems' : 'document-hint';
  return html`<form method="get" action="${form.startAction}" class="inline-form start-from">
  <label for="start-from">${t('startFrom')}</label>
  <select id="start-from" name="from">${form.packs.map((pack) => html`<option value="${pack.key}"${pack.key === form.selected ? html` selected` : ''}>${pack.name} (${pack.key})</option>`)}</select>
  <button type="submit">${t('load')}</button>
</form>
${form.from ? html`<p class="muted" role="status">${t('startedFrom', { name: form.from.name, key: form.from.as })}</p>` : ''}
<div class="publish${problems.length ? ' with-problems' : ''}">
  <form method="post" action="${form.action}">
    <div class="field"><label for="document">${t('document')}</label>
    <textarea id="document" name="document" rows="30" spellcheck="false" autocomplete="off" required aria-describedby="${describedBy}"${problems.length ? html` aria-invalid="true"` : ''}>${form.text}</textarea></div>
    <p><button type="submit" class="primary">${t('submit')}</button></p>
  </form>
  ${problems.length
    ? html`<div id="document-problems" class="alert problems" role="alert">
    <h3>${t('problems', { count: problems.length })}</h3>
    <ul>${problems.map((problem) => html`<li data-path="${problem.path}"><code>${problem.path || t('whole')}</code>: ${problem.message}</li>`)}</ul>
  </div>`
    : ''}
</div>`;
}

export interface RulePackListModel {
  language: Language;
  entries: RulePackEntry[];
  form: PublishFormModel;
}

/** The packs in force in the order they take effect, then the form that publishes a new pack. */
export function rulePackListView({ language, entries, form }: RulePackListModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => rulePackText(language, key, params);
  const rows = entries.map(
    (entry) => html`<tr data-pack="${entry.key}">
  <th scope="row"><a href="/admin/rule-packs/${entry.key}">${entry.document.name[language]}</a> <code class="muted">${entry.key}</code></th>
  <td>${formatDay(entry.document.effectiveFrom, language)}</td>
  <td>${governedYearsText(entry.years)[language]}</td>
  <td>${entry.latest ? entry.latest.number : html`<span class="muted">${t('fromFile')}</span>`}</td>
  <td>${entry.latest ? publishedCell(entry.latest, language) : '—'}</td>
  <td>${entry.builtIn ? html`<span class="badge">${t('yes')}</span>` : t('no')}</td>
</tr>`,
  );
  return html`<h1>${t('title')}</h1>
<p class="muted">${t('intro')}</p>
<div class="table-wrap" role="region" aria-labelledby="packs-caption" tabindex="0"><table id="rule-packs">
  <caption id="packs-caption">${t('caption')}</caption>
  <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('effectiveFrom')}</th><th scope="col">${t('years')}</th><th scope="col">${t('latest')}</th><th scope="col">${t('published')}</th><th scope="col">${t('builtIn')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>
<section id="new-pack" aria-labelledby="new-pack-heading">
  <h2 id="new-pack-heading">${t('newTitle')}</h2>
  <p id="document-hint">${t('newHint')}</p>
  ${publishForm(language, form)}
</section>`;
}

const SUBJECTS: TitleSubject[] = ['person', 'unit'];

/** One ladder (individual or collective) as a table: each title, its prerequisites, caps and public consultation. */
function ladderTable(language: Language, pack: RulePack, subject: TitleSubject): SafeHtml {
  const t = (key: Key) => rulePackText(language, key);
  const titles = pack.titles.filter((title) => title.subject === subject && title.kind !== 'form');
  if (!titles.length) return html``;
  const id = `ladder-${subject}`;
  const prerequisites = (title: TitleDefinition) =>
    title.prerequisites.length
      ? html`<ul class="reasons">${title.prerequisites.map((prerequisite: Prerequisite) => sentenceItem(prerequisiteSentence(pack, prerequisite), language, prerequisite.id))}</ul>`
      : html`<span class="muted">${t('noPrerequisite')}</span>`;
  const caps = (title: TitleDefinition) => {
    const own = pack.caps.filter((cap) => cap.title === title.code);
    return own.length ? html`<ul class="reasons">${own.map((cap) => sentenceItem(capSentence(pack, cap), language, cap.id))}</ul>` : t('none');
  };
  const consultation = (title: TitleDefinition) => {
    const sentence = consultationSentence(title);
    return sentence ? html`${sentence.text[language]}${source(sentence)}` : t('none');
  };
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}-caption" tabindex="0"><table id="${id}">
  <caption id="${id}-caption">${t(subject === 'person' ? 'individual' : 'collective')}</caption>
  <thead><tr><th scope="col">${t('award')}</th><th scope="col">${t('prerequisites')}</th><th scope="col">${t('caps')}</th><th scope="col">${t('consultation')}</th></tr></thead>
  <tbody>${titles.map(
    (title) => html`<tr data-title="${title.code}">
    <th scope="row">${title.name[language]}${title.shortName[language] !== title.name[language] ? html` (${title.shortName[language]})` : ''} <code class="muted">${title.code}</code></th>
    <td>${prerequisites(title)}</td>
    <td>${caps(title)}</td>
    <td>${consultation(title)}</td>
  </tr>`,
  )}</tbody>
</table></div>`;
}

/** Commendation forms (Giấy khen, Bằng khen): proposed with an account of the achievement, no ladder. */
function formsTable(language: Language, pack: RulePack): SafeHtml {
  const t = (key: Key) => rulePackText(language, key);
  const forms = pack.titles.filter((title) => title.kind === 'form');
  if (!forms.length) return html``;
  return html`<div class="table-wrap" role="region" aria-labelledby="forms-caption" tabindex="0"><table id="award-forms">
  <caption id="forms-caption">${t('forms')}</caption>
  <thead><tr><th scope="col">${t('form')}</th><th scope="col">${t('subject')}</th></tr></thead>
  <tbody>${forms.map((form) => html`<tr data-title="${form.code}"><th scope="row">${form.name[language]} <code class="muted">${form.code}</code></th><td>${t(form.subject)}</td></tr>`)}</tbody>
</table></div>`;
}

function exclusionsTable(language: Language, pack: RulePack): SafeHtml {
  const t = (key: Key) => rulePackText(language, key);
  if (!pack.exclusions.length) return html`<p>${t('noExclusions')}</p>`;
  const shortName = (code: string) => pack.titles.find((title) => title.code === code)?.shortName[language] ?? code;
  return html`<div class="table-wrap" role="region" aria-labelledby="exclusions-caption" tabindex="0"><table id="exclusions">
  <caption id="exclusions-caption">${t('exclusions')}</caption>
  <thead><tr><th scope="col">${t('exclusion')}</th><th scope="col">${t('barred')}</th><th scope="col">${t('source')}</th></tr></thead>
  <tbody>${pack.exclusions.map((exclusion) => {
    const sentence = exclusionSentence(exclusion);
    return html`<tr data-rule="${exclusion.id}"><th scope="row">${sentence.text[language]}</th><td>${exclusion.titles.map(shortName).join(', ')}</td><td>${sentence.source}</td></tr>`;
  })}</tbody>
</table></div>`;
}

function versionsTable(language: Language, key: string, versions: RulePackVersionSummary[], shown: number | undefined): SafeHtml {
  const t = (name: Key, params?: Record<string, unknown>) => rulePackText(language, name, params);
  if (!versions.length) return html`<p>${t('noVersions')}</p>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="versions-caption" tabindex="0"><table id="versions">
  <caption id="versions-caption">${t('versions')}</caption>
  <thead><tr><th scope="col">${t('number')}</th><th scope="col">${t('effectiveFrom')}</th><th scope="col">${t('publishedAt')}</th><th scope="col">${t('publishedBy')}</th><th scope="col">${t('contentHash')}</th></tr></thead>
  <tbody>${versions.map(
    (version) => html`<tr data-version="${version.number}">
    <th scope="row">${version.number === shown ? html`<span aria-current="true">${version.number} (${t('current')})</span>` : html`<a href="/admin/rule-packs/${key}?version=${version.number}" aria-label="${t('show', { number: version.number })}">${version.number}</a>`}</th>
    <td>${formatDay(version.effectiveFrom, language)}</td>
    <td>${formatDateTime(version.publishedAt, language)}</td>
    <td>${version.publishedBy ?? t('system')}</td>
    <td><code>${version.contentHash.slice(0, 12)}</code></td>
  </tr>`,
  )}</tbody>
</table></div>`;
}

export interface RulePackPageModel {
  language: Language;
  detail: RulePackDetail;
  /** The publish form; absent for a built-in pack, which gets none. */
  form?: PublishFormModel;
  flash?: string;
}

/** One pack in words (its ladders, caps, exclusions and vote), its versions, its JSON, and the form that publishes the next. */
export function rulePackPageView({ language, detail, form, flash }: RulePackPageModel): SafeHtml {
  const t = (key: Key, params?: Record<string, unknown>) => rulePackText(language, key, params);
  const { entry, shown, versions } = detail;
  const pack = shown.document;
  const vote = nominationVoteSentence(pack.nominationVote);
  return html`<h1>${pack.name[language]}</h1>
${notices(flash)}
<dl class="pack-summary">
  <dt>${t('key')}</dt><dd><code>${entry.key}</code></dd>
  <dt>${t('effectiveFrom')}</dt><dd>${formatDay(pack.effectiveFrom, language)}</dd>
  ${shown.summary?.number === entry.latest?.number ? html`<dt>${t('years')}</dt><dd>${governedYearsText(entry.years)[language]}</dd>` : ''}
  <dt>${t('builtIn')}</dt><dd>${entry.builtIn ? t('yes') : t('no')}</dd>
  <dt>${t('viewing')}</dt><dd>${shown.summary ? html`${t('version', { number: shown.summary.number })} — ${publishedCell(shown.summary, language)}` : t('fromFile')}</dd>
</dl>
<section aria-labelledby="ladders-heading">
  <h2 id="ladders-heading">${t('ladders')}</h2>
  ${SUBJECTS.map((subject) => ladderTable(language, pack, subject))}
  ${formsTable(language, pack)}
</section>
<section aria-labelledby="exclusions-heading">
  <h2 id="exclusions-heading">${t('exclusionsHeading')}</h2>
  ${exclusionsTable(language, pack)}
</section>
<section aria-labelledby="vote-heading">
  <h2 id="vote-heading">${t('vote')}</h2>
  <p id="nomination-vote">${vote.text[language]}${source(vote)}</p>
</section>
<section aria-labelledby="versions-heading">
  <h2 id="versions-heading">${t('versions')}</h2>
  ${versionsTable(language, entry.key, versions, shown.summary?.number)}
</section>
<section aria-labelledby="json-heading">
  <h2 id="json-heading">${t(shown.summary ? 'json' : 'jsonFile')}</h2>
  <details><summary>${shown.summary ? t('version', { number: shown.summary.number }) : entry.key}</summary>
  <pre class="json" tabindex="0" aria-labelledby="json-heading">${documentText(pack)}</pre></details>
</section>
<section id="publish" aria-labelledby="publish-heading">
  <h2 id="publish-heading">${t(form ? 'publishTitle' : 'newTitle')}</h2>
  ${form
    ? html`<p id="document-hint">${t('publishHint')}</p>${publishForm(language, form)}`
    : html`<p>${t('builtInHint')}</p><p><a href="/admin/rule-packs?from=${entry.key}#new-pack">${t('newFromThis')}</a></p>`}
</section>`;
}
