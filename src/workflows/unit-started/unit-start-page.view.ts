import type { ActingFor } from '../../common/auth/principal';
import { interpolate, Language } from '../../common/i18n/language';
import { html, SafeHtml } from '../../modules/web/html';
import type { StartableWorkflow } from './unit-started-campaigns.service';

const TEXTS = {
  vi: {
    title: 'Đề nghị của đơn vị',
    intro: 'Khởi động một quy trình đơn vị tự đề nghị khi có dịp, ví dụ khen thưởng đột xuất cho một thành tích xuất sắc. Sau khi khởi động, bạn chuyển ngay tới việc đề nghị.',
    workflow: 'Quy trình',
    unit: 'Đơn vị',
    year: 'Năm của thành tích',
    name: 'Tên đợt (không bắt buộc)',
    nameHint: 'Để trống: tên quy trình, đơn vị và ngày hôm nay.',
    start: 'Khởi động',
    noUnit: 'Bạn chưa được ủy quyền cho đơn vị nào, nên chưa thể khởi động đề nghị của đơn vị.',
    noWorkflow: 'Chưa có quy trình nào cho đơn vị tự khởi động.',
  },
  en: {
    title: "The unit's proposals",
    intro: 'Start a workflow a unit starts itself when the occasion arises, such as an ad hoc commendation for an outstanding deed. Once started, you go straight to the proposal.',
    workflow: 'Workflow',
    unit: 'Unit',
    year: 'Year of the achievement',
    name: 'Campaign name (optional)',
    nameHint: "Left empty: the workflow's name, the unit and today's date.",
    start: 'Start',
    noUnit: 'You are not mandated for any unit, so you cannot start a proposal of a unit.',
    noWorkflow: 'No workflow is open for units to start.',
  },
} as const;

type Key = keyof (typeof TEXTS)['vi'];
export const unitStartText = (language: Language, key: Key, params: Record<string, unknown> = {}): string => interpolate(TEXTS[language][key], params);

export interface UnitStartPageModel {
  language: Language;
  workflows: StartableWorkflow[];
  units: ActingFor[];
  year: number;
  alert?: string;
  /** What the person sent, kept after a refusal. */
  kept?: { workflow: string; unit: string; name: string; year: string };
}

/** The startable workflows and the officer's units, as one form. */
export function unitStartPageView({ language, workflows, units, year, alert, kept }: UnitStartPageModel): SafeHtml {
  const t = (key: Key) => unitStartText(language, key);
  const notice = alert ? html`<div class="alert" role="alert">${alert}</div>` : '';
  if (!workflows.length) return html`<h1>${t('title')}</h1>${notice}<p>${t('noWorkflow')}</p>`;
  if (!units.length) return html`<h1>${t('title')}</h1>${notice}<p>${t('noUnit')}</p>`;
  const chosenWorkflow = kept?.workflow || workflows[0].key;
  return html`<h1>${t('title')}</h1>
${notice}
<p class="muted">${t('intro')}</p>
<form method="post" action="/unit-campaigns/new" class="stacked">
  <fieldset><legend>${t('workflow')}</legend>${workflows.map(
    (workflow, i) => html`<div class="choice"><input type="radio" id="workflow-${i}" name="workflow" value="${workflow.key}"${workflow.key === chosenWorkflow ? html` checked` : ''}><label for="workflow-${i}">${workflow.name}</label></div>`,
  )}</fieldset>
  <label for="start-unit">${t('unit')}</label>
  <select id="start-unit" name="unit">${units.map((unit) => html`<option value="${unit.unitCode}"${unit.unitCode === kept?.unit ? html` selected` : ''}>${unit.unitName}</option>`)}</select>
  <label for="start-year">${t('year')}</label>
  <input id="start-year" type="number" name="year" min="2000" max="2100" value="${kept?.year || String(year)}">
  <label for="start-name">${t('name')}</label>
  <input id="start-name" name="name" maxlength="255" value="${kept?.name ?? ''}" aria-describedby="start-name-hint">
  <p class="muted" id="start-name-hint">${t('nameHint')}</p>
  <button type="submit">${t('start')}</button>
</form>`;
}
