import { formatDay } from '../../../common/i18n/date-text';
import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../html';
import { GRANTED_ROLE_TEXTS, MANDATE_ROLE_TEXTS, roleLabel, text } from '../web-texts';

/** One valid mandate as the home page shows it. */
export interface MandateRow {
  unitCode: string;
  unitName: string;
  role: string;
  validFrom: string;
  validTo: string | null;
}

export interface HomeViewModel {
  language: Language;
  fullName: string;
  roles: string[];
  mandates: MandateRow[];
}

export { formatDay };

function dayCell(day: string | null, language: Language): SafeHtml {
  if (!day) return html`<td>${text(language, 'openEnded')}</td>`;
  return html`<td><time datetime="${day}">${formatDay(day, language)}</time></td>`;
}

function mandateTable(model: HomeViewModel): SafeHtml {
  const { language } = model;
  if (!model.mandates.length) return html`<p class="muted" id="no-mandates">${text(language, 'noMandates')}</p>`;
  const rows = model.mandates.map(
    (m) => html`<tr>
      <td>${m.unitCode}</td>
      <td>${m.unitName}</td>
      <td>${roleLabel(MANDATE_ROLE_TEXTS, m.role, language)}</td>
      ${dayCell(m.validFrom, language)}
      ${dayCell(m.validTo, language)}
    </tr>`,
  );
  // A focusable region lets keyboard users scroll the table sideways on narrow screens.
  return html`<div class="table-wrap" role="region" aria-labelledby="mandates-heading" tabindex="0">
  <table>
    <thead><tr>
      <th scope="col">${text(language, 'unitCode')}</th>
      <th scope="col">${text(language, 'unitName')}</th>
      <th scope="col">${text(language, 'mandateRole')}</th>
      <th scope="col">${text(language, 'validFrom')}</th>
      <th scope="col">${text(language, 'validTo')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
</div>`;
}

/** The signed-in person's start page: who they are, their granted roles, and the units they may act for today. */
export function homeView(model: HomeViewModel): SafeHtml {
  const { language } = model;
  const roles = model.roles.length
    ? html`<ul class="roles">${model.roles.map((role) => html`<li>${roleLabel(GRANTED_ROLE_TEXTS, role, language)}</li>`)}</ul>`
    : html`<p class="muted">${text(language, 'noRoles')}</p>`;
  return html`<h1>${text(language, 'greeting', { name: model.fullName })}</h1>
<section aria-labelledby="roles-heading">
  <h2 id="roles-heading">${text(language, 'yourRoles')}</h2>
  ${roles}
</section>
<section aria-labelledby="mandates-heading">
  <h2 id="mandates-heading">${text(language, 'mandatesHeading')}</h2>
  ${mandateTable(model)}
</section>`;
}
