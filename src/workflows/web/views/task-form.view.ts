import { Language } from '../../../common/i18n/language';
import { html, jsonScript, SafeHtml } from '../../../modules/web/html';
import { ft } from '../form-web-texts';
import { timeElement } from '../page-format';
import { wt } from '../workflow-web-texts';

export interface TaskFormViewModel {
  language: Language;
  title: string;
  /** Facts above the form: campaign, stage, unit, due. */
  campaign?: { id: string; name: string };
  stageName?: string;
  unitText: string;
  dueAt?: string | null;
  versionNumber: number;
  status: 'draft' | 'submitted' | null;
  submittedAt: string | null;
  late: boolean;
  /** `fill`: the task's form with save and submit; `view`: a submission, read-only. */
  mode: 'fill' | 'view';
  canSubmit: boolean;
  pageData: Record<string, unknown>;
}

function statusText(model: TaskFormViewModel): string {
  if (model.status === 'submitted') return ft(model.language, 'statusSubmitted');
  if (model.status === 'draft') return ft(model.language, 'statusDraft');
  return ft(model.language, 'statusNone');
}

/** A form in its pinned version with the saved data; in `fill` mode with the buttons that send it to the server. */
export function taskFormView(model: TaskFormViewModel): SafeHtml {
  const { language } = model;
  const toolbar =
    model.mode === 'fill' && model.canSubmit
      ? html`<div class="form-toolbar">
  <button type="button" id="save-draft" class="secondary" disabled>${ft(language, 'saveDraft')}</button>
  <button type="button" id="submit-form" disabled>${ft(language, 'submitForm')}</button>
</div>`
      : '';
  const back = model.mode === 'fill' ? html`<a href="/inbox">${ft(language, 'backToInbox')}</a>` : html`<a href="/inbox/submissions">${ft(language, 'submissionsTitle')}</a>`;
  return html`<p>${back}</p>
<h1>${model.title}</h1>
<dl class="facts">
  ${model.campaign ? html`<dt>${wt(language, 'campaign')}</dt><dd><a href="/campaigns/${model.campaign.id}">${model.campaign.name}</a></dd>` : ''}
  ${model.stageName ? html`<dt>${wt(language, 'stage')}</dt><dd>${model.stageName}</dd>` : ''}
  <dt>${ft(language, 'unit')}</dt><dd>${model.unitText}</dd>
  ${model.dueAt !== undefined ? html`<dt>${wt(language, 'dueAt')}</dt><dd>${model.dueAt ? timeElement(model.dueAt, language) : wt(language, 'noDue')}</dd>` : ''}
  <dt>${ft(language, 'formVersion')}</dt><dd>${model.versionNumber}</dd>
  <dt>${ft(language, 'statusLabel')}</dt><dd><span id="submission-status">${statusText(model)}</span>${model.late ? html` <span class="badge badge-late">${ft(language, 'lateBadge')}</span>` : ''}</dd>
  ${model.submittedAt ? html`<dt>${ft(language, 'submittedAt')}</dt><dd>${timeElement(model.submittedAt, language)}</dd>` : ''}
</dl>
${model.mode === 'fill' && !model.canSubmit ? html`<p class="form-status">${ft(language, 'readOnlyNotice')}</p>` : ''}
<div id="form-status" class="form-status" role="status" aria-live="polite"></div>
<div id="task-form" class="formio-host"><p class="muted">${ft(language, 'loadingForm')}</p></div>
${toolbar}
${jsonScript('page-data', model.pageData)}`;
}
