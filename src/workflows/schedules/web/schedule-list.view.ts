import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { formatDay } from '../../../modules/web/views/home.view';
import { timeElement } from '../../web/page-format';
import type { LaunchScheduleDto, ScheduledLaunchListDto } from '../dto/launch-schedule.dto';
import { st } from './schedule-web-texts';

export interface ScheduleListViewModel {
  language: Language;
  schedules: Array<{ schedule: LaunchScheduleDto; runs: ScheduledLaunchListDto }>;
  flash?: string;
}

function ruleText(schedule: LaunchScheduleDto, language: Language): string {
  const [, , month, day] = schedule.date.split('-');
  const rule = st(language, schedule.shift === 'next-working-day' ? 'shiftNextWorkingDay' : 'shiftNone', { day, month });
  return schedule.runDate ? `${rule} — ${st(language, 'runDate', { year: schedule.year, date: formatDay(schedule.runDate, language) })}` : rule;
}

function resultsCell({ schedule, runs }: ScheduleListViewModel['schedules'][number], language: Language): SafeHtml {
  const summary = runs.lastRun
    ? html`<p>${st(language, 'lastRun', { launched: runs.lastRun.launched, existed: runs.lastRun.existed, failed: runs.lastRun.failed })} ${timeElement(runs.lastRun.finishedAt, language)}</p>`
    : '';
  const items = runs.items.length
    ? html`<ul>${runs.items.map(
        (item) => html`<li>${item.subjectName}: <strong>${st(language, item.status)}</strong>${
          item.campaign ? html` — <a href="/campaigns/${item.campaign.id}">${item.campaign.name}</a>` : ''
        }${item.errorMessage ? html` — <span class="muted">${item.errorCode}: ${item.errorMessage}</span>` : ''}</li>`,
      )}</ul>`
    : '';
  return html`${summary}${items}<span class="muted" data-schedule="${schedule.id}"></span>`;
}

/** Every schedule with its workflow, rule, next run and each subject's result, and a "run now" button. */
export function scheduleListView({ language, schedules, flash }: ScheduleListViewModel): SafeHtml {
  const table = schedules.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="schedules-heading" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${st(language, 'workflow')}</th>
      <th scope="col">${st(language, 'year')}</th>
      <th scope="col">${st(language, 'subject')}</th>
      <th scope="col">${st(language, 'rule')}</th>
      <th scope="col">${st(language, 'nextRun')}</th>
      <th scope="col">${st(language, 'results')}</th>
      <th scope="col">${st(language, 'actions')}</th>
    </tr></thead>
    <tbody>${schedules.map(
      (entry) => html`<tr>
      <td>${entry.schedule.workflowName} <code>${entry.schedule.workflowKey}</code>${entry.schedule.enabled ? '' : html` <span class="muted">(${st(language, 'disabled')})</span>`}</td>
      <td>${entry.schedule.year}</td>
      <td>${st(language, entry.schedule.subjectKind, { type: entry.schedule.unitType ?? '' })}</td>
      <td>${ruleText(entry.schedule, language)}</td>
      <td>${entry.schedule.nextRunAt ? timeElement(entry.schedule.nextRunAt, language) : html`<span class="muted">${st(language, 'noNextRun')}</span>`}</td>
      <td>${resultsCell(entry, language)}</td>
      <td><form method="post" action="/admin/schedules/${entry.schedule.id}/run-now"><button type="submit">${st(language, 'runNow')}</button></form></td>
    </tr>`,
    )}</tbody>
  </table>
</div>`
    : html`<p class="muted">${st(language, 'empty')}</p>`;
  return html`<h1 id="schedules-heading">${st(language, 'title')}</h1>
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<p>${st(language, 'intro')}</p>
${table}`;
}
