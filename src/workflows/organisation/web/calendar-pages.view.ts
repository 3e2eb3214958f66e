import { Language, Text } from '../../../common/i18n/language';
import { addDays, dayOfWeek } from '../../../modules/calendar/dates';
import type { CalendarAmendmentDto } from '../../../modules/calendar/dto/calendar.dto';
import type { Holiday } from '../../../modules/calendar/vietnam-holidays';
import { WorkingCalendar } from '../../../modules/calendar/working-calendar';
import { html, SafeHtml } from '../../../modules/web/html';
import { formatDay } from '../../../modules/web/views/home.view';
import { calendarListItem, calendart } from './calendar-web-texts';
import { organisationTabs } from './organisation-tabs.view';

export const CALENDAR_PATH = '/admin/org/calendar';

/** What the amend form posts, as typed (kept when a refusal shows the page again). */
export interface CalendarFormValues {
  date?: string;
  kind?: string;
  note?: string;
}

export interface CalendarViewModel {
  language: Language;
  year: number;
  /** Today in Vietnam, YYYY-MM-DD. */
  today: string;
  /** The year's public holidays by the law (vietnam-holidays.ts), amendments not applied. */
  holidays: Holiday[];
  /** The year's amendments, by date. */
  amendments: CalendarAmendmentDto[];
  values: CalendarFormValues;
  flash?: string;
  failure?: string;
}

/** What a day is on the calendar, as the grid and the list say it. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'tet' | 'compensation' | 'make-up' | 'amended-working' | 'amended-day-off';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  /** Whether deadlines count it, as WorkingCalendar decides. */
  working: boolean;
  holiday?: Holiday;
  amendment?: CalendarAmendmentDto;
}

// vietnam-holidays.ts names every day of the Tết break so; the grid marks the break apart from single holidays.
const TET_NAME = 'Tết Nguyên Đán';

const isWeekend = (date: string) => [0, 6].includes(dayOfWeek(date));

/** Each day's kind from the law's holidays and the administrators' amendments; an amendment wins, as in WorkingCalendar. */
export function calendarDays(year: number, holidays: Holiday[], amendments: CalendarAmendmentDto[]): CalendarDay[] {
  const holidayOn = new Map(holidays.map((holiday) => [holiday.date, holiday]));
  const amendmentOn = new Map(amendments.map((amendment) => [amendment.date, amendment]));
  const calendar = new WorkingCalendar(amendments);
  const days: CalendarDay[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    const holiday = holidayOn.get(date);
    const amendment = amendmentOn.get(date);
    let kind: DayKind;
    if (amendment) kind = amendment.kind === 'day-off' ? 'amended-day-off' : isWeekend(date) ? 'make-up' : 'amended-working';
    else if (holiday) kind = holiday.kind === 'compensation' ? 'compensation' : holiday.name.vi === TET_NAME ? 'tet' : 'holiday';
    else kind = isWeekend(date) ? 'weekend' : 'working';
    days.push({ date, kind, working: calendar.isWorkingDay(date), holiday, amendment });
  }
  return days;
}

const nameOf = (name: Text, language: Language) => name[language];

/** The day's state in words: what the cell and the list say, so that no state is told by colour alone. */
function stateText(language: Language, day: CalendarDay): string {
  const holidayName = day.holiday ? nameOf(day.holiday.name, language) : '';
  switch (day.kind) {
    case 'working':
      return calendart(language, 'workingDay');
    case 'weekend':
      return calendart(language, 'weekend');
    case 'holiday':
    case 'tet':
      return holidayName;
    case 'compensation':
      return calendart(language, 'compensation', { name: holidayName });
    case 'make-up':
      return calendart(language, 'makeUpDay');
    case 'amended-working':
      return day.holiday ? calendart(language, 'amendedWorkingInstead', { name: holidayName }) : calendart(language, 'amendedWorking');
    case 'amended-day-off':
      return day.holiday ? `${calendart(language, 'amendedDayOff')}: ${holidayName}` : calendart(language, 'amendedDayOff');
  }
}

/** Ordinary working days and weekends say so to screen readers only (the column says it to the eye); the rest show their words. */
const QUIET_KINDS: ReadonlySet<DayKind> = new Set(['working', 'weekend']);

/** The page's own rules: the month grids side by side, each state with a colour and a border on top of its words. */
export const CALENDAR_PAGE_STYLE = html`<style>
  .months { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(24rem, 100%), 1fr)); gap: 1.25rem; margin: 0 0 1.5rem; }
  .months .table-wrap table { min-width: 0; table-layout: fixed; font-size: 0.85rem; }
  .months caption { font-weight: 700; text-align: left; padding: 0.5rem 0.6rem; }
  .months th, .months td { padding: 0.25rem; vertical-align: top; text-align: left; }
  .months td { height: 3.2rem; border: 1px solid #e1e4e8; }
  .months .day-number { display: block; font-weight: 700; }
  .months .state, .months .note { display: block; font-size: 0.78rem; line-height: 1.2; overflow-wrap: break-word; hyphens: auto; }
  .months .note { font-style: italic; }
  .day-weekend { background: #eef0f3; }
  .day-holiday, .day-tet, .day-compensation, .day-amended-day-off { background: #fdecee; color: #5c0010; }
  .day-tet { background: #fbd9de; }
  .day-make-up, .day-amended-working { background: #e6f2e9; color: #0f3d1d; }
  .day-amended { outline: 2px dashed #063563; outline-offset: -3px; }
  .day-today { outline: 3px solid #0b4f8a; outline-offset: -3px; }
  .day-today .today { display: block; font-weight: 700; }
  .calendar-key { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; margin: 0 0 1.25rem; }
  .calendar-key li { display: flex; align-items: center; gap: 0.4rem; }
  .calendar-key .swatch { display: inline-block; width: 1.3rem; height: 1.3rem; border: 1px solid #4b4f56; }
  .calendar-form input[type=date] { display: block; font: inherit; padding: 0.5rem 0.65rem; border: 2px solid #4b4f56; border-radius: 0.3rem; background: #fff; color: #1b1b1b; }
  .calendar-form { max-width: 40rem; }
  .year-choice { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 0 0 1rem; }
  .year-choice .field { margin: 0; }
  .year-choice input[type=number] { width: 8rem; font: inherit; padding: 0.45rem 0.6rem; border: 2px solid #4b4f56; border-radius: 0.3rem; }
  .inline-form { display: inline; margin: 0; }
</style>`;

function dayCell(language: Language, day: CalendarDay, today: string): SafeHtml {
  const classes = [`day-${day.kind}`, day.amendment ? 'day-amended' : '', day.date === today ? 'day-today' : ''].filter(Boolean).join(' ');
  const state = stateText(language, day);
  const number = Number(day.date.slice(8));
  return html`<td class="${classes}" data-date="${day.date}"${day.date === today ? html` aria-current="date"` : ''}><time class="day-number" datetime="${day.date}">${number}</time>${
    day.date === today ? html`<span class="today">${calendart(language, 'today')}</span>` : ''
  }${QUIET_KINDS.has(day.kind) ? html`<span class="visually-hidden">${state}</span>` : html`<span class="state">${state}</span>`}${day.amendment?.note ? html`<span class="note">${day.amendment.note}</span>` : ''}</td>`;
}

/** One month as a table, Monday first, its weeks as rows; the caption names it. */
function monthGrid(language: Language, year: number, month: number, days: CalendarDay[], today: string): SafeHtml {
  const inMonth = days.filter((day) => Number(day.date.slice(5, 7)) === month);
  const lead = (dayOfWeek(inMonth[0].date) + 6) % 7;
  const cells: Array<CalendarDay | null> = [...Array<null>(lead).fill(null), ...inMonth];
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  const caption = calendart(language, 'month', { month, year, monthName: calendarListItem(language, 'monthNames', month - 1) });
  return html`<div class="table-wrap" id="month-${month}"><table class="month">
  <caption>${caption}</caption>
  <thead><tr>${Array.from(
    { length: 7 },
    (_, index) => html`<th scope="col"><span aria-hidden="true">${calendarListItem(language, 'weekdaysShort', index)}</span><span class="visually-hidden">${calendarListItem(language, 'weekdays', index)}</span></th>`,
  )}</tr></thead>
  <tbody>${weeks.map((week) => html`<tr>${week.map((day) => (day ? dayCell(language, day, today) : html`<td></td>`))}</tr>`)}</tbody>
</table></div>`;
}

function legend(language: Language): SafeHtml {
  const item = (kind: string, label: string) => html`<li><span class="swatch ${kind}" aria-hidden="true"></span>${label}</li>`;
  return html`<h2 id="calendar-key-heading">${calendart(language, 'legendHeading')}</h2>
<ul class="calendar-key" aria-labelledby="calendar-key-heading">
  ${item('day-working', calendart(language, 'workingDay'))}
  ${item('day-weekend', calendart(language, 'weekend'))}
  ${item('day-holiday', calendart(language, 'holiday'))}
  ${item('day-tet', calendart(language, 'tet'))}
  ${item('day-compensation', calendart(language, 'compensationKey'))}
  ${item('day-make-up', calendart(language, 'makeUpKey'))}
  ${item('day-amended', calendart(language, 'amendedKey'))}
  ${item('day-today', calendart(language, 'todayKey'))}
</ul>`;
}

function yearChoice(language: Language, year: number, today: string): SafeHtml {
  const thisYear = Number(today.slice(0, 4));
  return html`<form method="get" action="${CALENDAR_PATH}" class="year-choice" role="search" aria-label="${calendart(language, 'yearChoice')}">
  <div class="field">
    <label for="calendar-year-choice">${calendart(language, 'year')}</label>
    <input id="calendar-year-choice" name="year" type="number" min="2000" max="2100" required value="${year}">
  </div>
  <button type="submit" class="secondary">${calendart(language, 'show')}</button>
</form>
<nav class="filters" aria-label="${calendart(language, 'otherYears')}"><ul>
  <li><a href="${CALENDAR_PATH}?year=${year - 1}">${calendart(language, 'previousYear', { year: year - 1 })}</a></li>
  <li><a href="${CALENDAR_PATH}?year=${thisYear}"${thisYear === year ? html` aria-current="page"` : ''}>${calendart(language, 'thisYear', { year: thisYear })}</a></li>
  <li><a href="${CALENDAR_PATH}?year=${year + 1}">${calendart(language, 'nextYear', { year: year + 1 })}</a></li>
</ul></nav>`;
}

/** Every day that is not an ordinary working day or weekend, with what it is and, when amended, the form that removes it. */
function daysOffTable(language: Language, year: number, days: CalendarDay[]): SafeHtml {
  const listed = days.filter((day) => !QUIET_KINDS.has(day.kind) || day.amendment);
  const heading = calendart(language, 'daysOffHeading', { year });
  if (!listed.length) return html`<h2 id="calendar-days-heading">${heading}</h2><p class="muted">${calendart(language, 'noDaysOff')}</p>`;
  return html`<h2 id="calendar-days-heading">${heading}</h2>
<div class="table-wrap" role="region" aria-labelledby="calendar-days-heading" tabindex="0"><table class="days-off">
  <thead><tr>
    <th scope="col">${calendart(language, 'date')}</th>
    <th scope="col">${calendart(language, 'weekday')}</th>
    <th scope="col">${calendart(language, 'state')}</th>
    <th scope="col">${calendart(language, 'nameOrReason')}</th>
    <th scope="col">${calendart(language, 'amendment')}</th>
  </tr></thead>
  <tbody>${listed.map(
    (day) => html`<tr data-date="${day.date}">
      <th scope="row"><time datetime="${day.date}">${formatDay(day.date, language)}</time></th>
      <td>${calendarListItem(language, 'weekdays', (dayOfWeek(day.date) + 6) % 7)}</td>
      <td>${stateText(language, day)}</td>
      <td>${day.amendment?.note ?? (day.holiday ? nameOf(day.holiday.name, language) : '')}</td>
      <td>${
        day.amendment
          ? html`<form method="post" action="${CALENDAR_PATH}/days/${day.date}/remove" class="inline-form"><button type="submit" class="secondary">${calendart(language, 'removeButton', { date: formatDay(day.date, language) })}</button></form>`
          : calendart(language, 'notAmended')
      }</td>
    </tr>`,
  )}</tbody>
</table></div>`;
}

function amendForm(language: Language, values: CalendarFormValues): SafeHtml {
  const kind = values.kind ?? 'working-day';
  return html`<section aria-labelledby="calendar-amend-heading">
  <h2 id="calendar-amend-heading">${calendart(language, 'amendHeading')}</h2>
  <p>${calendart(language, 'amendAbout')}</p>
  <form method="post" action="${CALENDAR_PATH}/days" class="calendar-form">
    <div class="field">
      <label for="calendar-date">${calendart(language, 'date')}</label>
      <input id="calendar-date" name="date" type="date" min="2000-01-01" max="2100-12-31" required value="${values.date ?? ''}">
    </div>
    <fieldset>
      <legend>${calendart(language, 'kind')}</legend>
      <div class="choice"><input type="radio" id="calendar-kind-working" name="kind" value="working-day"${kind === 'working-day' ? html` checked` : ''}><label for="calendar-kind-working">${calendart(language, 'kindWorking')}</label></div>
      <div class="choice"><input type="radio" id="calendar-kind-off" name="kind" value="day-off"${kind === 'day-off' ? html` checked` : ''}><label for="calendar-kind-off">${calendart(language, 'kindDayOff')}</label></div>
    </fieldset>
    <div class="field">
      <label for="calendar-note">${calendart(language, 'note')}</label>
      <input id="calendar-note" name="note" type="text" maxlength="500" aria-describedby="calendar-note-hint" value="${values.note ?? ''}">
      <p class="muted" id="calendar-note-hint">${calendart(language, 'noteHint')}</p>
    </div>
    <button type="submit">${calendart(language, 'amendButton')}</button>
  </form>
</section>`;
}

/** /admin/org/calendar?year=: the year as twelve month grids, the days off and amendments listed, and the amend form. */
export function calendarView(model: CalendarViewModel): SafeHtml {
  const { language, year, today } = model;
  const days = calendarDays(year, model.holidays, model.amendments);
  return html`<h1>${calendart(language, 'title', { year })}</h1>
${organisationTabs(language, CALENDAR_PATH)}
${model.flash ? html`<p class="flash" role="status">${model.flash}</p>` : ''}${model.failure ? html`<div class="alert" role="alert" id="calendar-error"><p>${model.failure}</p></div>` : ''}
<p>${calendart(language, 'intro')}</p>
${yearChoice(language, year, today)}
<p class="lead">${calendart(language, 'workingDaysCount', { year, count: days.filter((day) => day.working).length })}</p>
${legend(language)}
<section aria-labelledby="calendar-months-heading">
  <h2 id="calendar-months-heading">${calendart(language, 'monthsHeading')}</h2>
  <div class="months">${Array.from({ length: 12 }, (_, index) => monthGrid(language, year, index + 1, days, today))}</div>
</section>
${daysOffTable(language, year, days)}
${amendForm(language, model.values)}`;
}
