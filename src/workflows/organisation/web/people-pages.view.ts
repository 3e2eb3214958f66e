import { Language } from '../../../common/i18n/language';
import { MANDATE_ROLES } from '../../../modules/org/entities/mandate.entity';
import type { MandateDto } from '../../../modules/org/dto/mandate.dto';
import type { PersonDto } from '../../../modules/org/dto/person.dto';
import type { UnitDto } from '../../../modules/org/dto/unit.dto';
import { html, SafeHtml } from '../../../modules/web/html';
import { formatDay } from '../../../modules/web/views/home.view';
import { ListPage, pagerNav } from '../../../modules/web/views/pager.view';
import { MANDATE_ROLE_TEXTS, roleLabel } from '../../../modules/web/web-texts';
import { timeElement } from '../../web/page-format';
import { organisationTabs } from './organisation-tabs.view';
import { peoplet } from './people-web-texts';
import { unitLabel } from './unit-pages.view';

/** What the person forms post, as typed (kept when a refusal shows the page again); never the password. */
export interface PersonFormValues {
  username?: string;
  fullName?: string;
  email?: string;
  position?: string;
}

export interface MandateFormValues {
  unitId?: string;
  role?: string;
  validFrom?: string;
  validTo?: string;
}

/** Where a mandate stands on a day: before its first day, within it, or past its last. */
export type MandateValidity = 'upcoming' | 'current' | 'ended';

/** Days are YYYY-MM-DD, so text order is date order. */
export function mandateValidity(mandate: Pick<MandateDto, 'validFrom' | 'validTo'>, today: string): MandateValidity {
  if (mandate.validTo !== null && mandate.validTo < today) return 'ended';
  return mandate.validFrom > today ? 'upcoming' : 'current';
}

export interface PeopleListViewModel {
  language: Language;
  people: PersonDto[];
  total: number;
  at: ListPage;
  q: string;
  includeArchived: boolean;
  values: PersonFormValues;
  flash?: string;
  failure?: string;
}

export interface PersonPageViewModel {
  language: Language;
  person: PersonDto;
  mandates: MandateDto[];
  /** Active units a mandate may be given for, by name. */
  units: UnitDto[];
  today: string;
  values: PersonFormValues;
  mandateValues: MandateFormValues;
  flash?: string;
  failure?: string;
}

export const PEOPLE_PAGE_STYLE = html`<style>
  .search-form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: flex-end; margin: 0 0 1rem; }
  .search-form .field { flex: 1 1 18rem; margin: 0; }
  .search-form .choice { margin: 0 0 0.6rem; }
  .end-form { display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; align-items: flex-end; margin: 0; }
  .end-form label { font-weight: 500; margin: 0; width: 100%; }
  .end-form input[type=date] { font: inherit; padding: 0.3rem 0.5rem; border: 2px solid #4b4f56; border-radius: 0.3rem; }
  .badge-current { color: #17492a; background: #e6f2e9; }
  .badge-ended { color: #3b3f45; background: #eef0f3; }
  .badge-upcoming { color: #063563; background: #e7f0f8; }
</style>`;

const archivedBadge = (language: Language) => html` <span class="badge badge-cancelled">${peoplet(language, 'archivedBadge')}</span>`;

function flashAndFailure(flash: string | undefined, failure: string | undefined): SafeHtml {
  return html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}${failure ? html`<div class="alert" role="alert" id="person-error"><p>${failure}</p></div>` : ''}`;
}

function dayText(language: Language, day: string | null): SafeHtml {
  return day ? html`<time datetime="${day}">${formatDay(day, language)}</time>` : html`${peoplet(language, 'openEnded')}`;
}

/** Archive or restore, from the list (`back=list`) or from the person's page; the button names the person for screen readers. */
function archiveButton(language: Language, person: PersonDto, back: 'list' | 'person'): SafeHtml {
  const action = person.archivedAt ? 'restore' : 'archive';
  return html`<form method="post" action="/admin/org/people/${person.id}/${action}" class="inline-form">
    <input type="hidden" name="back" value="${back}">
    <button type="submit" class="secondary">${peoplet(language, person.archivedAt ? 'restoreButton' : 'archiveButton')}<span class="visually-hidden"> ${person.fullName}</span></button>
  </form>`;
}

function personFields(language: Language, values: PersonFormValues, password: 'initial' | 'new'): SafeHtml {
  const passwordHint = password === 'initial' ? 'passwordHint' : 'newPasswordHint';
  return html`<div class="field">
      <label for="person-username">${peoplet(language, 'username')}</label>
      <input id="person-username" name="username" type="text" required maxlength="100" autocomplete="off" autocapitalize="none" spellcheck="false" aria-describedby="person-username-hint" value="${values.username ?? ''}">
      <p class="muted" id="person-username-hint">${peoplet(language, 'usernameHint')}</p>
    </div>
    <div class="field">
      <label for="person-full-name">${peoplet(language, 'fullName')}</label>
      <input id="person-full-name" name="fullName" type="text" required maxlength="255" value="${values.fullName ?? ''}">
    </div>
    <div class="field">
      <label for="person-email">${peoplet(language, 'email')}</label>
      <input id="person-email" name="email" type="email" maxlength="255" value="${values.email ?? ''}">
    </div>
    <div class="field">
      <label for="person-position">${peoplet(language, 'position')}</label>
      <input id="person-position" name="position" type="text" maxlength="255" value="${values.position ?? ''}">
    </div>
    <div class="field">
      <label for="person-password">${peoplet(language, password === 'initial' ? 'password' : 'newPassword')}</label>
      <input id="person-password" name="password" type="password" minlength="8" maxlength="200" autocomplete="new-password" aria-describedby="person-password-hint">
      <p class="muted" id="person-password-hint">${peoplet(language, passwordHint)}</p>
    </div>`;
}

function peopleTable(model: PeopleListViewModel): SafeHtml {
  const { language, people } = model;
  if (!people.length) return html`<p class="muted">${peoplet(language, 'none')}</p>`;
  return html`<div class="table-wrap" role="region" aria-label="${peoplet(language, 'listLabel')}" tabindex="0"><table>
  <thead><tr>
    <th scope="col">${peoplet(language, 'fullName')}</th>
    <th scope="col">${peoplet(language, 'username')}</th>
    <th scope="col">${peoplet(language, 'email')}</th>
    <th scope="col">${peoplet(language, 'position')}</th>
    <th scope="col">${peoplet(language, 'status')}</th>
    <th scope="col">${peoplet(language, 'actions')}</th>
  </tr></thead>
  <tbody>${people.map(
    (person) => html`<tr data-person="${person.username}">
      <th scope="row"><a href="/admin/org/people/${person.id}">${person.fullName}</a></th>
      <td>${person.username}</td>
      <td>${person.email ?? ''}</td>
      <td>${person.position ?? ''}</td>
      <td>${person.archivedAt ? peoplet(language, 'archivedBadge') : peoplet(language, 'active')}</td>
      <td>${archiveButton(language, person, 'list')}</td>
    </tr>`,
  )}</tbody>
</table></div>`;
}

/** /admin/org/people: search, the list a page at a time, archive and restore, and the form to add a person. */
export function peopleListView(model: PeopleListViewModel): SafeHtml {
  const { language, q, includeArchived, at, total } = model;
  const hrefOf = (page: number) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(includeArchived ? { archived: '1' } : {}), page: String(page) });
    return `/admin/org/people?${query.toString()}`;
  };
  return html`<h1>${peoplet(language, 'title')}</h1>
${organisationTabs(language, '/admin/org/people')}
${flashAndFailure(model.flash, model.failure)}
<p>${peoplet(language, 'intro')}</p>
<form method="get" action="/admin/org/people" class="search-form" role="search">
  <div class="field">
    <label for="people-search">${peoplet(language, 'searchLabel')}</label>
    <input id="people-search" name="q" type="search" maxlength="100" value="${q}">
  </div>
  <div class="choice"><input type="checkbox" id="people-archived" name="archived" value="1"${includeArchived ? html` checked` : ''}><label for="people-archived">${peoplet(language, 'withArchived')}</label></div>
  <button type="submit">${peoplet(language, 'searchButton')}</button>
</form>
<p class="muted" role="status">${peoplet(language, q ? 'found' : 'total', { count: total })}</p>
${peopleTable(model)}
${pagerNav(language, at, hrefOf, peoplet(language, 'pager'))}
<section aria-labelledby="person-add-heading">
  <h2 id="person-add-heading">${peoplet(language, 'addHeading')}</h2>
  <form method="post" action="/admin/org/people" class="org-form">
    ${personFields(language, model.values, 'initial')}
    <button type="submit">${peoplet(language, 'addButton')}</button>
  </form>
</section>`;
}

function mandateRow(model: PersonPageViewModel, mandate: MandateDto): SafeHtml {
  const { language, person, today } = model;
  const validity = mandateValidity(mandate, today);
  const endField = `end-${mandate.id}`;
  const endForm =
    validity === 'ended' || person.archivedAt
      ? ''
      : html`<form method="post" action="/admin/org/people/${person.id}/mandates/${mandate.id}/end" class="end-form">
        <label for="${endField}">${peoplet(language, 'endOn')}</label>
        <input id="${endField}" name="validTo" type="date" required min="${mandate.validFrom}" value="${mandate.validFrom > today ? mandate.validFrom : today}">
        <button type="submit" class="secondary">${peoplet(language, 'endButton')}<span class="visually-hidden"> (${mandate.unit.name})</span></button>
      </form>`;
  return html`<tr data-mandate="${mandate.id}">
      <th scope="row"><a href="/admin/org/units/${mandate.unit.id}">${mandate.unit.name}</a></th>
      <td>${roleLabel(MANDATE_ROLE_TEXTS, mandate.role, language)}</td>
      <td>${dayText(language, mandate.validFrom)}</td>
      <td>${dayText(language, mandate.validTo)}</td>
      <td><span class="badge badge-${validity}">${peoplet(language, validity)}</span></td>
      <td>${endForm}</td>
    </tr>`;
}

function mandatesSection(model: PersonPageViewModel): SafeHtml {
  const { language, person, mandates, mandateValues: values, today } = model;
  const table = mandates.length
    ? html`<div class="table-wrap" role="region" aria-label="${peoplet(language, 'mandatesHeading')}" tabindex="0"><table>
  <thead><tr>
    <th scope="col">${peoplet(language, 'unit')}</th>
    <th scope="col">${peoplet(language, 'role')}</th>
    <th scope="col">${peoplet(language, 'validFrom')}</th>
    <th scope="col">${peoplet(language, 'validTo')}</th>
    <th scope="col">${peoplet(language, 'validity')}</th>
    <th scope="col">${peoplet(language, 'actions')}</th>
  </tr></thead>
  <tbody>${mandates.map((mandate) => mandateRow(model, mandate))}</tbody>
</table></div>`
    : html`<p class="muted">${peoplet(language, 'noMandates')}</p>`;
  const addForm = person.archivedAt
    ? ''
    : html`<h3 id="mandate-add-heading">${peoplet(language, 'addMandateHeading')}</h3>
  <form method="post" action="/admin/org/people/${person.id}/mandates" class="org-form" aria-labelledby="mandate-add-heading">
    <div class="field">
      <label for="mandate-unit">${peoplet(language, 'unit')}</label>
      <select id="mandate-unit" name="unitId" required>
        <option value="">${peoplet(language, 'chooseUnit')}</option>
        ${model.units.map((unit) => html`<option value="${unit.id}"${values.unitId === unit.id ? html` selected` : ''}>${unitLabel(unit)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="mandate-role">${peoplet(language, 'role')}</label>
      <select id="mandate-role" name="role" required>
        ${MANDATE_ROLES.map((role) => html`<option value="${role}"${(values.role ?? 'officer') === role ? html` selected` : ''}>${roleLabel(MANDATE_ROLE_TEXTS, role, language)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="mandate-from">${peoplet(language, 'validFrom')}</label>
      <input id="mandate-from" name="validFrom" type="date" required value="${values.validFrom ?? today}">
    </div>
    <div class="field">
      <label for="mandate-to">${peoplet(language, 'validTo')}</label>
      <input id="mandate-to" name="validTo" type="date" aria-describedby="mandate-to-hint" value="${values.validTo ?? ''}">
      <p class="muted" id="mandate-to-hint">${peoplet(language, 'validToHint')}</p>
    </div>
    <button type="submit">${peoplet(language, 'addMandateButton')}</button>
  </form>`;
  return html`<section class="person-mandates">
  <h2 id="person-mandates-heading">${peoplet(language, 'mandatesHeading')}</h2>
  <p>${peoplet(language, 'mandatesAbout')}</p>
  ${table}
  ${addForm}
</section>`;
}

/** /admin/org/people/:id: the person, their mandates with validity, and the forms that change them. */
export function personPageView(model: PersonPageViewModel): SafeHtml {
  const { language, person } = model;
  const values: PersonFormValues = {
    username: model.values.username ?? person.username,
    fullName: model.values.fullName ?? person.fullName,
    email: model.values.email ?? person.email ?? '',
    position: model.values.position ?? person.position ?? '',
  };
  const edit = person.archivedAt
    ? html`<h2>${peoplet(language, 'editHeading')}</h2><p class="muted">${peoplet(language, 'editArchived')}</p>`
    : html`<section aria-labelledby="person-edit-heading">
  <h2 id="person-edit-heading">${peoplet(language, 'editHeading')}</h2>
  <form method="post" action="/admin/org/people/${person.id}" class="org-form">
    ${personFields(language, values, 'new')}
    <button type="submit">${peoplet(language, 'saveButton')}</button>
  </form>
</section>`;
  return html`<h1>${person.fullName}${person.archivedAt ? archivedBadge(language) : ''}</h1>
${organisationTabs(language, '/admin/org/people')}
${flashAndFailure(model.flash, model.failure)}
<p><a href="/admin/org/people">${peoplet(language, 'backToPeople')}</a></p>
<dl class="facts">
  <dt>${peoplet(language, 'username')}</dt><dd>${person.username}</dd>
  <dt>${peoplet(language, 'email')}</dt><dd>${person.email ?? html`<span class="muted">—</span>`}</dd>
  <dt>${peoplet(language, 'position')}</dt><dd>${person.position ?? html`<span class="muted">—</span>`}</dd>
  <dt>${peoplet(language, 'status')}</dt><dd>${person.archivedAt ? html`${peoplet(language, 'archivedSince')} ${timeElement(person.archivedAt, language)}` : peoplet(language, 'active')}</dd>
</dl>
${mandatesSection(model)}
${edit}
<section aria-labelledby="person-archive-heading">
  <h2 id="person-archive-heading">${peoplet(language, person.archivedAt ? 'restoreHeading' : 'archiveHeading')}</h2>
  ${person.archivedAt ? '' : html`<p>${peoplet(language, 'archiveAbout')}</p>`}
  ${archiveButton(language, person, 'person')}
</section>`;
}
