import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../../../modules/web/html';
import { orgt, OrganisationText } from './organisation-web-texts';

/** The organisation pages' sections, in the order an administrator sets a year up. */
export const ORGANISATION_SECTIONS: ReadonlyArray<{ path: string; label: OrganisationText; about: OrganisationText }> = [
  { path: '/admin/org/units', label: 'units', about: 'unitsAbout' },
  { path: '/admin/org/people', label: 'people', about: 'peopleAbout' },
  { path: '/admin/org/clusters', label: 'clusters', about: 'clustersAbout' },
  { path: '/admin/org/roles', label: 'roles', about: 'rolesAbout' },
  { path: '/admin/org/calendar', label: 'calendar', about: 'calendarAbout' },
  { path: '/admin/org/imports', label: 'imports', about: 'importsAbout' },
];

/** The tabs above every organisation page; the section the page belongs to is marked for screen readers too. */
export function organisationTabs(language: Language, currentPath: string): SafeHtml {
  const links = ORGANISATION_SECTIONS.map((section) => {
    const current = currentPath === section.path || currentPath.startsWith(`${section.path}/`);
    return html`<li><a href="${section.path}"${current ? html` aria-current="page" class="current"` : ''}>${orgt(language, section.label)}</a></li>`;
  });
  return html`<nav class="org-tabs" aria-label="${orgt(language, 'sections')}"><ul>${links}</ul></nav>`;
}

/** The organisation pages' own rules, after the workflow pages' stylesheet. */
export const ORGANISATION_PAGE_STYLE = html`<style>
  .org-tabs ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0 0 1rem; border-bottom: 1px solid #c8ccd2; }
  .org-tabs a { display: inline-block; padding: 0.4rem 0.8rem; text-decoration: none; border: 1px solid transparent; border-bottom: none; border-radius: 4px 4px 0 0; }
  .org-tabs a.current { border-color: #c8ccd2; background: #fff; font-weight: 600; margin-bottom: -1px; }
</style>`;

/** The landing page (/admin/org): each section with what it is for. */
export function organisationHomeView(language: Language): SafeHtml {
  const items = ORGANISATION_SECTIONS.map((section) => html`<dt><a href="${section.path}">${orgt(language, section.label)}</a></dt><dd>${orgt(language, section.about)}</dd>`);
  return html`<h1>${orgt(language, 'title')}</h1>${organisationTabs(language, '/admin/org')}<p>${orgt(language, 'intro')}</p><dl class="org-sections">${items}</dl>`;
}
