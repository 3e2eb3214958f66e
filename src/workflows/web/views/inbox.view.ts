import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import type { TaskDto } from '../../api/dto/campaign.dto';
import { IRREVERSIBLE_COMMANDS } from '../dto/task-command-form.dto';
import { inboxCountsText, timeElement } from '../page-format';
import { sct } from '../../stages/score/web/score-web-texts';
import { st } from '../signing-web-texts';
import { COMMAND_TEXTS, labelOf, OUTCOME_TEXTS, wt } from '../workflow-web-texts';

/** A task with what the page adds to the DTO: names in the page language. */
export interface InboxTaskRow {
  task: TaskDto;
  stageName: string;
  /** "VKS-THA — Viện kiểm sát…", or null for a task assigned to the person. */
  unit: { code: string; name: string } | null;
}

/** A command that failed, shown in the page with the catalog's message. */
export interface CommandFailure {
  taskId: string;
  command: string;
  code: string;
  message: string;
  /** What the person typed, given back so they need not type it again. */
  comment?: string;
}

export interface InboxViewModel {
  language: Language;
  counts: { open: number; late: number; done: number };
  open: InboxTaskRow[];
  done: InboxTaskRow[];
  /** Links to the other pages of done tasks, when there are more than one. */
  donePager?: SafeHtml | '';
  /** A localized confirmation of the last command. */
  flash?: string;
  failure?: CommandFailure;
}

const ERROR_ID = 'command-error';

function iterationSuffix(task: TaskDto, language: Language): SafeHtml | string {
  return task.iteration > 1 ? html` <span class="muted">${wt(language, 'iteration', { n: task.iteration })}</span>` : '';
}

function unitText(row: InboxTaskRow, language: Language): string {
  return row.unit ? `${row.unit.code} — ${row.unit.name}` : row.task.unitCode ?? wt(language, 'assignedToYou');
}

function dueHtml(task: TaskDto, language: Language): SafeHtml {
  const due = task.dueAt ? timeElement(task.dueAt, language) : html`<span class="muted">${wt(language, 'noDue')}</span>`;
  return html`${due}${task.late ? html` <span class="badge badge-late">${wt(language, 'late')}</span>` : ''}`;
}

/**
 * A command that cannot be undone (closing a discussion): a closing comment may be given, and the box that says it
 * cannot be undone must be ticked (the browser requires it; the page refuses the command without it).
 */
function irreversibleForm(row: InboxTaskRow, model: InboxViewModel, command: string, label: string): SafeHtml {
  const { language, failure } = model;
  const { task } = row;
  const failed = failure?.taskId === task.id && failure.command === command;
  const commentId = `${command}-comment-${task.id}`;
  const confirmId = `${command}-confirm-${task.id}`;
  return html`<form method="post" action="/inbox/tasks/${task.id}/commands" class="return-form">
      <input type="hidden" name="command" value="${command}">
      <div class="field">
        <label for="${commentId}">${wt(language, 'closingComment')}</label>
        <textarea id="${commentId}" name="comment" rows="2" maxlength="5000">${failed ? (failure.comment ?? '') : ''}</textarea>
      </div>
      <div class="field">
        <input type="checkbox" id="${confirmId}" name="confirm" value="yes" required${failed ? html` aria-invalid="true" aria-describedby="${ERROR_ID}" autofocus` : ''}>
        <label for="${confirmId}">${wt(language, 'confirmIrreversible', { action: label })}</label>
      </div>
      <button type="submit" aria-describedby="task-${task.id}-title">${label}</button>
    </form>`;
}

function commandForms(row: InboxTaskRow, model: InboxViewModel): SafeHtml {
  const { language, failure } = model;
  const { task } = row;
  const action = `/inbox/tasks/${task.id}/commands`;
  const describedBy = `task-${task.id}-title`;
  if (!task.commands.length) return html`<p class="muted">${wt(language, 'noCommands')}</p>`;
  const forms = task.commands.map((command) => {
    const label = labelOf(COMMAND_TEXTS, command, language);
    if (IRREVERSIBLE_COMMANDS.has(command)) return irreversibleForm(row, model, command, label);
    if (command !== 'return') {
      return html`<form method="post" action="${action}">
        <input type="hidden" name="command" value="${command}">
        <button type="submit" aria-describedby="${describedBy}">${label}</button>
      </form>`;
    }
    // A return must say why: required in the browser, and the engine refuses an empty reason anyway.
    const failed = failure?.taskId === task.id && failure.command === 'return';
    const reasonId = `reason-${task.id}`;
    return html`<form method="post" action="${action}" class="return-form">
        <input type="hidden" name="command" value="return">
        <div class="field">
          <label for="${reasonId}">${wt(language, 'returnReason')}</label>
          <textarea id="${reasonId}" name="comment" rows="2" maxlength="5000" required${failed ? html` aria-invalid="true" aria-describedby="${ERROR_ID}" autofocus` : ''}>${failed ? (failure.comment ?? '') : ''}</textarea>
        </div>
        <button type="submit" class="secondary" aria-describedby="${describedBy}">${label}</button>
      </form>`;
  });
  return html`<div class="actions">${forms}</div>`;
}

/** What a task offers: its form, its ballot, the discussed document with the close button, or its command forms. */
function taskAction(row: InboxTaskRow, model: InboxViewModel): SafeHtml {
  const { language } = model;
  const { task } = row;
  const link = (href: string, label: string) => html`<p><a class="button-link" href="${href}" aria-describedby="task-${task.id}-title">${label}</a></p>`;
  if (task.stageType === 'form') return link(`/inbox/tasks/${task.id}/form`, wt(language, 'openForm'));
  if (task.stageType === 'vote') return link(`/inbox/tasks/${task.id}/ballot`, wt(language, 'openVote'));
  if (task.stageType === 'sign') return link(`/inbox/tasks/${task.id}/sign`, st(language, 'openSigning'));
  if (task.stageType === 'score') return link(`/inbox/tasks/${task.id}/score`, sct(language, 'openScoreSheet'));
  if (task.stageType === 'propose') return link(`/inbox/tasks/${task.id}/proposals`, wt(language, 'openProposals'));
  if (task.stageType === 'discussion') return html`${link(`/campaigns/${task.campaignId}/document`, wt(language, 'openDocument'))}${commandForms(row, model)}`;
  return commandForms(row, model);
}

function openTask(row: InboxTaskRow, model: InboxViewModel): SafeHtml {
  const { language } = model;
  const { task } = row;
  return html`<li>
  <article class="task${task.late ? ' is-late' : ''}" id="task-${task.id}" aria-labelledby="task-${task.id}-title">
    <h3 id="task-${task.id}-title">${row.stageName}${iterationSuffix(task, language)}</h3>
    <dl class="facts">
      <dt>${wt(language, 'campaign')}</dt><dd><a href="/campaigns/${task.campaignId}">${task.campaignName}</a></dd>
      <dt>${wt(language, 'unit')}</dt><dd>${unitText(row, language)}</dd>
      <dt>${wt(language, 'due')}</dt><dd>${dueHtml(task, language)}</dd>
    </dl>
    ${taskAction(row, model)}
  </article>
</li>`;
}

function doneTable(model: InboxViewModel): SafeHtml {
  const { language } = model;
  if (!model.done.length) return html`<p class="muted">${wt(language, 'inboxNoneDone')}</p>`;
  const rows = model.done.map(
    (row) => html`<tr>
      <td><a href="/campaigns/${row.task.campaignId}">${row.task.campaignName}</a></td>
      <td>${row.stageName}${iterationSuffix(row.task, language)}</td>
      <td>${unitText(row, language)}</td>
      <td>${dueHtml(row.task, language)}</td>
      <td>${row.task.outcome ? labelOf(OUTCOME_TEXTS, row.task.outcome, language) : ''}${row.task.comment ? html`<br><span class="muted">${wt(language, 'comment')}: ${row.task.comment}</span>` : ''}</td>
    </tr>`,
  );
  const shown = model.done.length < model.counts.done ? html`<p class="muted">${wt(language, 'inboxDoneShown', { shown: model.done.length, total: model.counts.done })}</p>` : '';
  return html`<div class="table-wrap" role="region" aria-labelledby="done-heading" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${wt(language, 'campaign')}</th>
      <th scope="col">${wt(language, 'stage')}</th>
      <th scope="col">${wt(language, 'unit')}</th>
      <th scope="col">${wt(language, 'due')}</th>
      <th scope="col">${wt(language, 'result')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
</div>${model.donePager ?? ''}${shown}`;
}

/** The person's tasks: counts, the open ones with a form per command, then those done. */
export function inboxView(model: InboxViewModel): SafeHtml {
  const { language } = model;
  const open = model.open.length
    ? html`<ul class="tasks">${model.open.map((row) => openTask(row, model))}</ul>`
    : html`<p class="muted">${wt(language, 'inboxEmpty')}</p>`;
  return html`<h1>${wt(language, 'inboxTitle')}</h1>
<p class="lead" id="inbox-counts">${inboxCountsText(model.counts, language)}</p>
${model.failure && html`<p class="alert" role="alert" id="${ERROR_ID}">${model.failure.message}</p>`}
${model.flash && html`<p class="flash" role="status" id="inbox-flash">${model.flash}</p>`}
<section aria-labelledby="open-heading">
  <h2 id="open-heading">${wt(language, 'inboxOpenHeading')}</h2>
  ${open}
</section>
<section aria-labelledby="done-heading">
  <h2 id="done-heading">${wt(language, 'inboxDoneHeading')}</h2>
  ${doneTable(model)}
</section>`;
}
