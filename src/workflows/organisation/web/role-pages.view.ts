import { Language } from '../../../common/i18n/language';
import type { PersonDto } from '../../../modules/org/dto/person.dto';
import type { RoleGrantDto } from '../../../modules/org/dto/role-grant.dto';
import type { UnitDto } from '../../../modules/org/dto/unit.dto';
import { GRANTED_ROLES } from '../../../modules/org/entities/role-grant.entity';
import { html, SafeHtml } from '../../../modules/web/html';
import { GRANTED_ROLE_TEXTS, roleLabel } from '../../../modules/web/web-texts';
import { timeElement } from '../../web/page-format';
import { organisationTabs } from './organisation-tabs.view';
import { rolet } from './role-web-texts';

export const ROLES_PATH = '/admin/org/roles';

/** What the grant form posts, as typed (kept when a refusal shows the page again). */
export interface RoleGrantFormValues {
  personId?: string;
  role?: string;
  scopeUnitId?: string;
}

export interface RolesViewModel {
  language: Language;
  grants: RoleGrantDto[];
  includeRevoked: boolean;
  /** The people the grant form offers: those matching `query`, at most a page of them. */
  people: PersonDto[];
  peopleTotal: number;
  query: string;
  /** Active units a role may be limited to, by name. */
  units: UnitDto[];
  values: RoleGrantFormValues;
  flash?: string;
  failure?: string;
}

export const ROLE_PAGE_STYLE = html`<style>
  .role-form { max-width: 40rem; }
  .role-form select { display: block; max-width: 100%; }
  .person-search { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; max-width: 40rem; margin: 0 0 1rem; }
  .person-search .field { flex: 1 1 18rem; margin: 0; }
  .revoke-form .choice { margin: 0 0 0.35rem; }
  .revoke-form .choice label { font-weight: 400; }
</style>`;

export const personLabel = (person: Pick<PersonDto, 'fullName' | 'username'>): string => `${person.fullName} (${person.username})`;

function grantRow(language: Language, grant: RoleGrantDto): SafeHtml {
  const role = roleLabel(GRANTED_ROLE_TEXTS, grant.role, language);
  const status = grant.revokedAt
    ? html`${rolet(language, 'revokedOn')} ${timeElement(grant.revokedAt, language)}`
    : html`<form method="post" action="${ROLES_PATH}/${grant.id}/revoke" class="revoke-form">
        <div class="choice"><input type="checkbox" id="revoke-${grant.id}" name="confirm" value="yes" required><label for="revoke-${grant.id}">${rolet(language, 'revokeConfirm', { role, name: grant.person.fullName })}</label></div>
        <button type="submit" class="secondary">${rolet(language, 'revokeButton')}</button>
      </form>`;
  return html`<tr data-grant="${grant.person.username}:${grant.role}">
    <th scope="row"><a href="/admin/org/people/${grant.person.id}">${grant.person.fullName}</a> <span class="muted">${grant.person.username}</span></th>
    <td>${role}</td>
    <td>${grant.scopeUnit ? html`<a href="/admin/org/units/${grant.scopeUnit.id}">${grant.scopeUnit.name}</a>` : rolet(language, 'everywhere')}</td>
    <td>${timeElement(grant.createdAt, language)}</td>
    <td>${grant.grantedBy ? html`<a href="/admin/org/people/${grant.grantedBy.id}">${grant.grantedBy.fullName}</a>` : html`<span class="muted">${rolet(language, 'grantedByUnknown')}</span>`}</td>
    <td>${grant.revokedAt ? '' : html`${rolet(language, 'active')}`}${status}</td>
  </tr>`;
}

function grantsTable(language: Language, grants: RoleGrantDto[]): SafeHtml {
  if (!grants.length) return html`<p class="muted">${rolet(language, 'none')}</p>`;
  return html`<p class="muted">${rolet(language, 'count', { count: grants.length })}</p>
<div class="table-wrap" role="region" aria-label="${rolet(language, 'listLabel')}" tabindex="0"><table class="grants">
  <thead><tr>
    <th scope="col">${rolet(language, 'person')}</th>
    <th scope="col">${rolet(language, 'role')}</th>
    <th scope="col">${rolet(language, 'scope')}</th>
    <th scope="col">${rolet(language, 'grantedAt')}</th>
    <th scope="col">${rolet(language, 'grantedBy')}</th>
    <th scope="col">${rolet(language, 'status')}</th>
  </tr></thead>
  <tbody>${grants.map((grant) => grantRow(language, grant))}</tbody>
</table></div>`;
}

function grantForm(model: RolesViewModel): SafeHtml {
  const { language, people, values, query } = model;
  const found = query
    ? people.length
      ? rolet(language, 'peopleFound', { count: model.peopleTotal, query })
      : rolet(language, 'nobodyFound', { query })
    : '';
  const shown = model.peopleTotal > people.length ? rolet(language, 'peopleShown', { shown: people.length, total: model.peopleTotal }) : '';
  return html`<section aria-labelledby="role-grant-heading">
  <h2 id="role-grant-heading">${rolet(language, 'grantHeading')}</h2>
  <form method="get" action="${ROLES_PATH}" class="person-search" role="search" aria-label="${rolet(language, 'searchLabel')}">
    <div class="field">
      <label for="role-person-search">${rolet(language, 'searchLabel')}</label>
      <input id="role-person-search" name="person" type="text" maxlength="100" value="${query}">
    </div>
    ${model.includeRevoked ? html`<input type="hidden" name="revoked" value="1">` : ''}
    <button type="submit" class="secondary">${rolet(language, 'searchButton')}</button>
  </form>
  ${found || shown ? html`<p class="muted" role="status" id="role-people-found">${[found, shown].filter(Boolean).join(' ')}</p>` : ''}
  <form method="post" action="${ROLES_PATH}" class="role-form">
    <div class="field">
      <label for="role-person">${rolet(language, 'person')}</label>
      <select id="role-person" name="personId" required>
        <option value="">${rolet(language, 'choosePerson')}</option>
        ${people.map((person) => html`<option value="${person.id}"${values.personId === person.id ? html` selected` : ''}>${personLabel(person)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="role-role">${rolet(language, 'role')}</label>
      <select id="role-role" name="role" required>
        <option value="">${rolet(language, 'chooseRole')}</option>
        ${GRANTED_ROLES.map((role) => html`<option value="${role}"${values.role === role ? html` selected` : ''}>${roleLabel(GRANTED_ROLE_TEXTS, role, language)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="role-scope">${rolet(language, 'scope')}</label>
      <select id="role-scope" name="scopeUnitId" aria-describedby="role-scope-hint">
        <option value="">${rolet(language, 'everywhere')}</option>
        ${model.units.map((unit) => html`<option value="${unit.id}"${values.scopeUnitId === unit.id ? html` selected` : ''}>${unit.name} (${unit.code})</option>`)}
      </select>
      <p class="muted" id="role-scope-hint">${rolet(language, 'scopeHint')}</p>
    </div>
    <button type="submit">${rolet(language, 'grantButton')}</button>
  </form>
</section>`;
}

/** /admin/org/roles: the granted roles by person name, who granted them and when, revoke forms, and the form to grant one. */
export function rolesView(model: RolesViewModel): SafeHtml {
  const { language, includeRevoked } = model;
  const choice = (href: string, current: boolean, label: string) => html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<h1>${rolet(language, 'title')}</h1>
${organisationTabs(language, ROLES_PATH)}
${model.flash ? html`<p class="flash" role="status">${model.flash}</p>` : ''}${model.failure ? html`<div class="alert" role="alert" id="role-error"><p>${model.failure}</p></div>` : ''}
<p>${rolet(language, 'intro')}</p>
<nav class="filters" aria-label="${rolet(language, 'viewChoice')}"><ul>
  ${choice(ROLES_PATH, !includeRevoked, rolet(language, 'activeOnly'))}
  ${choice(`${ROLES_PATH}?revoked=1`, includeRevoked, rolet(language, 'withRevoked'))}
</ul></nav>
${grantsTable(language, model.grants)}
${grantForm(model)}`;
}
