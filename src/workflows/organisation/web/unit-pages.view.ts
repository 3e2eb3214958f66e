import { Language } from '../../../common/i18n/language';
import type { MandateDto } from '../../../modules/org/dto/mandate.dto';
import type { UnitEvaluationDto } from '../../../modules/org/dto/unit-evaluation.dto';
import type { UnitDto } from '../../../modules/org/dto/unit.dto';
import { html, SafeHtml } from '../../../modules/web/html';
import { formatDay } from '../../../modules/web/views/home.view';
import { MANDATE_ROLE_TEXTS, roleLabel } from '../../../modules/web/web-texts';
import { timeElement } from '../../web/page-format';
import { organisationTabs } from './organisation-tabs.view';
import { unitt } from './unit-web-texts';

/** What the add and edit forms post, as typed (kept when a refusal shows the page again). */
export interface UnitFormValues {
  code?: string;
  name?: string;
  shortName?: string;
  parentId?: string;
}

export interface UnitTreeViewModel {
  language: Language;
  /** Every unit shown, ordered by code; archived ones only when `includeArchived`. */
  units: UnitDto[];
  includeArchived: boolean;
  /** Active units a new unit may be put under. */
  parents: UnitDto[];
  values: UnitFormValues;
  flash?: string;
  failure?: string;
}

export interface UnitPageViewModel {
  language: Language;
  unit: UnitDto;
  parent: UnitDto | null;
  children: UnitDto[];
  /** Active units the unit may move under: never itself nor one of its descendants. */
  parents: UnitDto[];
  /** Mandates for this unit valid today. */
  people: MandateDto[];
  evaluations: UnitEvaluationDto[];
  /** The year the "record a year" form proposes: the one before this year. */
  lastYear: number;
  values: UnitFormValues;
  flash?: string;
  failure?: string;
}

/** The unit pages' own rules: the tree's indentation and the fields the shell does not style. */
export const UNIT_PAGE_STYLE = html`<style>
  .unit-tree, .unit-tree ul { list-style: none; margin: 0; padding: 0; }
  .unit-tree ul { margin-left: 1rem; padding-left: 1rem; border-left: 2px solid #c9ccd1; }
  .unit-tree li { margin: 0.35rem 0; }
  .unit-tree .short { color: #3b3f45; }
  .org-form { max-width: 40rem; }
  .org-form input[type=number], .org-form input[type=date], .org-form input[type=email] { display: block; font: inherit; padding: 0.5rem 0.65rem; border: 2px solid #4b4f56; border-radius: 0.3rem; background: #fff; color: #1b1b1b; }
  .org-form select { display: block; max-width: 100%; }
  .org-form input[type=email] { width: 100%; }
  .inline-form { display: inline; margin: 0; }
</style>`;

export const unitLabel = (unit: Pick<UnitDto, 'name' | 'code'>): string => `${unit.name} (${unit.code})`;

const archivedBadge = (language: Language) => html` <span class="badge badge-cancelled">${unitt(language, 'archivedBadge')}</span>`;

function flashAndFailure(flash: string | undefined, failure: string | undefined): SafeHtml {
  return html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}${failure ? html`<div class="alert" role="alert" id="unit-error"><p>${failure}</p></div>` : ''}`;
}

function parentSelect(language: Language, id: string, parents: UnitDto[], chosen: string | undefined): SafeHtml {
  return html`<select id="${id}" name="parentId">
      <option value="">${unitt(language, 'noParent')}</option>
      ${parents.map((unit) => html`<option value="${unit.id}"${chosen === unit.id ? html` selected` : ''}>${unitLabel(unit)}</option>`)}
    </select>`;
}

/** Nested lists from the parent links; a unit whose parent is not shown starts a tree of its own. */
function unitTree(language: Language, units: UnitDto[]): SafeHtml {
  const shown = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, UnitDto[]>();
  for (const unit of units) {
    const parentKey = unit.parentId && shown.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parentKey, [...(childrenOf.get(parentKey) ?? []), unit]);
  }
  const branch = (parentKey: string | null): SafeHtml | '' => {
    const children = childrenOf.get(parentKey);
    if (!children?.length) return '';
    return html`<ul>${children.map(
      (unit) => html`<li data-unit="${unit.code}"><a href="/admin/org/units/${unit.id}">${unit.name}</a> <code>${unit.code}</code>${
        unit.shortName ? html` <span class="short">· ${unit.shortName}</span>` : ''
      }${unit.archivedAt ? archivedBadge(language) : ''}${branch(unit.id)}</li>`,
    )}</ul>`;
  };
  const tree = branch(null);
  return html`<nav class="unit-tree" aria-label="${unitt(language, 'treeLabel')}">${tree}</nav>`;
}

function addUnitForm(language: Language, parents: UnitDto[], values: UnitFormValues): SafeHtml {
  return html`<section aria-labelledby="unit-add-heading">
  <h2 id="unit-add-heading">${unitt(language, 'addHeading')}</h2>
  <form method="post" action="/admin/org/units" class="org-form">
    <div class="field">
      <label for="unit-code">${unitt(language, 'code')}</label>
      <input id="unit-code" name="code" type="text" required maxlength="64" autocomplete="off" aria-describedby="unit-code-hint" value="${values.code ?? ''}">
      <p class="muted" id="unit-code-hint">${unitt(language, 'codeHint')}</p>
    </div>
    <div class="field">
      <label for="unit-name">${unitt(language, 'name')}</label>
      <input id="unit-name" name="name" type="text" required maxlength="255" value="${values.name ?? ''}">
    </div>
    <div class="field">
      <label for="unit-short-name">${unitt(language, 'shortName')}</label>
      <input id="unit-short-name" name="shortName" type="text" maxlength="100" value="${values.shortName ?? ''}">
    </div>
    <div class="field">
      <label for="unit-parent">${unitt(language, 'parent')}</label>
      ${parentSelect(language, 'unit-parent', parents, values.parentId)}
    </div>
    <button type="submit">${unitt(language, 'addButton')}</button>
  </form>
</section>`;
}

/** /admin/org/units: the tree, the choice to see archived units, and the form to add one. */
export function unitTreeView(model: UnitTreeViewModel): SafeHtml {
  const { language, units, includeArchived } = model;
  const choice = (href: string, current: boolean, label: string) => html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<h1>${unitt(language, 'title')}</h1>
${organisationTabs(language, '/admin/org/units')}
${flashAndFailure(model.flash, model.failure)}
<p>${unitt(language, 'intro')}</p>
<nav class="filters" aria-label="${unitt(language, 'viewChoice')}"><ul>
  ${choice('/admin/org/units', !includeArchived, unitt(language, 'activeOnly'))}
  ${choice('/admin/org/units?archived=1', includeArchived, unitt(language, 'withArchived'))}
</ul></nav>
${units.length ? html`<p class="muted">${unitt(language, 'count', { count: units.length })}</p>${unitTree(language, units)}` : html`<p class="muted">${unitt(language, 'empty')}</p>`}
${addUnitForm(language, model.parents, model.values)}`;
}

function dayText(language: Language, day: string | null): SafeHtml {
  return day ? html`<time datetime="${day}">${formatDay(day, language)}</time>` : html`${unitt(language, 'openEnded')}`;
}

function peopleTable(language: Language, people: MandateDto[]): SafeHtml {
  if (!people.length) return html`<p class="muted">${unitt(language, 'noPeople')}</p>`;
  return html`<div class="table-wrap" role="region" aria-label="${unitt(language, 'peopleHeading')}" tabindex="0"><table>
  <thead><tr>
    <th scope="col">${unitt(language, 'person')}</th>
    <th scope="col">${unitt(language, 'username')}</th>
    <th scope="col">${unitt(language, 'role')}</th>
    <th scope="col">${unitt(language, 'validFrom')}</th>
    <th scope="col">${unitt(language, 'validTo')}</th>
  </tr></thead>
  <tbody>${people.map(
    (mandate) => html`<tr data-mandate="${mandate.id}">
      <th scope="row"><a href="/admin/org/people/${mandate.person.id}">${mandate.person.fullName}</a></th>
      <td>${mandate.person.username}</td>
      <td>${roleLabel(MANDATE_ROLE_TEXTS, mandate.role, language)}</td>
      <td>${dayText(language, mandate.validFrom)}</td>
      <td>${dayText(language, mandate.validTo)}</td>
    </tr>`,
  )}</tbody>
</table></div>`;
}

function evaluationsSection(model: UnitPageViewModel): SafeHtml {
  const { language, unit, evaluations } = model;
  const action = `/admin/org/units/${unit.id}/evaluations`;
  const rows = evaluations.map(
    (evaluation) => html`<tr data-year="${evaluation.year}">
      <th scope="row">${evaluation.year}</th>
      <td><strong>${unitt(language, evaluation.evaluated ? 'evaluated' : 'notEvaluated')}</strong></td>
      <td><form method="post" action="${action}" class="inline-form">
        <input type="hidden" name="year" value="${evaluation.year}">
        <input type="hidden" name="evaluated" value="${evaluation.evaluated ? 'false' : 'true'}">
        <button type="submit" class="secondary">${unitt(language, evaluation.evaluated ? 'markNotEvaluated' : 'markEvaluated', { year: evaluation.year })}</button>
      </form></td>
    </tr>`,
  );
  const table = evaluations.length
    ? html`<div class="table-wrap" role="region" aria-label="${unitt(language, 'evaluationsHeading')}" tabindex="0"><table>
  <thead><tr><th scope="col">${unitt(language, 'year')}</th><th scope="col">${unitt(language, 'evaluation')}</th><th scope="col">${unitt(language, 'change')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`
    : html`<p class="muted">${unitt(language, 'noEvaluations')}</p>`;
  return html`<section class="unit-evaluations">
  <h2 id="unit-evaluations-heading">${unitt(language, 'evaluationsHeading')}</h2>
  <p>${unitt(language, 'evaluationsAbout')}</p>
  ${table}
  <h3>${unitt(language, 'recordHeading')}</h3>
  <form method="post" action="${action}" class="org-form">
    <div class="field">
      <label for="evaluation-year">${unitt(language, 'year')}</label>
      <input id="evaluation-year" name="year" type="number" min="1945" max="2200" required value="${model.lastYear}">
    </div>
    <fieldset>
      <legend>${unitt(language, 'evaluation')}</legend>
      <div class="choice"><input type="radio" id="evaluation-yes" name="evaluated" value="true" checked><label for="evaluation-yes">${unitt(language, 'evaluated')}</label></div>
      <div class="choice"><input type="radio" id="evaluation-no" name="evaluated" value="false"><label for="evaluation-no">${unitt(language, 'notEvaluated')}</label></div>
    </fieldset>
    <button type="submit">${unitt(language, 'recordButton')}</button>
  </form>
</section>`;
}

function editSection(model: UnitPageViewModel): SafeHtml {
  const { language, unit, values } = model;
  if (unit.archivedAt) return html`<h2>${unitt(language, 'editHeading')}</h2><p class="muted">${unitt(language, 'editArchived')}</p>`;
  return html`<section aria-labelledby="unit-edit-heading">
  <h2 id="unit-edit-heading">${unitt(language, 'editHeading')}</h2>
  <form method="post" action="/admin/org/units/${unit.id}" class="org-form">
    <div class="field">
      <label for="unit-name">${unitt(language, 'name')}</label>
      <input id="unit-name" name="name" type="text" required maxlength="255" value="${values.name ?? unit.name}">
    </div>
    <div class="field">
      <label for="unit-short-name">${unitt(language, 'shortName')}</label>
      <input id="unit-short-name" name="shortName" type="text" maxlength="100" value="${values.shortName ?? unit.shortName ?? ''}">
    </div>
    <div class="field">
      <label for="unit-parent">${unitt(language, 'parent')}</label>
      ${parentSelect(language, 'unit-parent', model.parents, values.parentId ?? unit.parentId ?? '')}
    </div>
    <button type="submit">${unitt(language, 'saveButton')}</button>
  </form>
</section>`;
}

function archiveSection(model: UnitPageViewModel): SafeHtml {
  const { language, unit } = model;
  if (unit.archivedAt) {
    return html`<section aria-labelledby="unit-restore-heading">
  <h2 id="unit-restore-heading">${unitt(language, 'restoreHeading')}</h2>
  <p>${unitt(language, 'restoreAbout')}</p>
  <form method="post" action="/admin/org/units/${unit.id}/restore"><button type="submit">${unitt(language, 'restoreButton')}</button></form>
</section>`;
  }
  return html`<section aria-labelledby="unit-archive-heading">
  <h2 id="unit-archive-heading">${unitt(language, 'archiveHeading')}</h2>
  <p>${unitt(language, 'archiveAbout')}</p>
  <form method="post" action="/admin/org/units/${unit.id}/archive">
    <div class="choice"><input type="checkbox" id="unit-archive-confirm" name="confirm" value="yes" required><label for="unit-archive-confirm">${unitt(language, 'archiveConfirm', { name: unit.name })}</label></div>
    <button type="submit">${unitt(language, 'archiveButton')}</button>
  </form>
</section>`;
}

/** /admin/org/units/:id: the unit, its place in the tree, its people today, its years, and the forms that change it. */
export function unitPageView(model: UnitPageViewModel): SafeHtml {
  const { language, unit, parent, children } = model;
  return html`<h1>${unit.name}${unit.archivedAt ? archivedBadge(language) : ''}</h1>
${organisationTabs(language, '/admin/org/units')}
${flashAndFailure(model.flash, model.failure)}
<p><a href="/admin/org/units">${unitt(language, 'backToUnits')}</a></p>
<dl class="facts">
  <dt>${unitt(language, 'code')}</dt><dd><code>${unit.code}</code></dd>
  <dt>${unitt(language, 'name')}</dt><dd>${unit.name}</dd>
  <dt>${unitt(language, 'shortName')}</dt><dd>${unit.shortName ?? html`<span class="muted">—</span>`}</dd>
  <dt>${unitt(language, 'parent')}</dt><dd>${parent ? html`<a href="/admin/org/units/${parent.id}">${parent.name}</a>` : html`<span class="muted">${unitt(language, 'noParent')}</span>`}</dd>
  <dt>${unitt(language, 'status')}</dt><dd>${unit.archivedAt ? html`${unitt(language, 'archivedSince')} ${timeElement(unit.archivedAt, language)}` : unitt(language, 'active')}</dd>
  <dt>${unitt(language, 'children')}</dt><dd>${
    children.length
      ? html`<ul class="roles">${children.map((child) => html`<li><a href="/admin/org/units/${child.id}">${child.name}</a>${child.archivedAt ? archivedBadge(language) : ''}</li>`)}</ul>`
      : html`<span class="muted">${unitt(language, 'noChildren')}</span>`
  }</dd>
</dl>
<section class="unit-people">
  <h2 id="unit-people-heading">${unitt(language, 'peopleHeading')}</h2>
  ${peopleTable(language, model.people)}
</section>
${evaluationsSection(model)}
${editSection(model)}
${archiveSection(model)}`;
}
