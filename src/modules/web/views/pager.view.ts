import { Language } from '../../../common/i18n/language';
import { html, SafeHtml } from '../html';

/** Where a long list stands: the page asked for (clamped to the pages there are) and the slice it shows. */
export interface ListPage {
  page: number;
  pages: number;
  offset: number;
  size: number;
}

/** The page `requested` (a query value, 1-based; anything else is page 1) of `total` items, `size` per page. */
export function listPage(total: number, size: number, requested: unknown): ListPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = typeof requested === 'string' && /^\d{1,6}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  return { page, pages, offset: (page - 1) * size, size };
}

const TEXTS = {
  previous: { vi: '« Trang trước', en: '« Previous page' },
  next: { vi: 'Trang sau »', en: 'Next page »' },
  position: { vi: 'Trang {page}/{pages}', en: 'Page {page} of {pages}' },
};

/** Previous / next links and the position, only when there is more than one page. */
export function pagerNav(language: Language, at: ListPage, hrefOf: (page: number) => string, label: string): SafeHtml | '' {
  if (at.pages <= 1) return '';
  const position = TEXTS.position[language].replace('{page}', String(at.page)).replace('{pages}', String(at.pages));
  return html`<nav class="pager" aria-label="${label}"><ul>
  ${at.page > 1 ? html`<li><a href="${hrefOf(at.page - 1)}" rel="prev">${TEXTS.previous[language]}</a></li>` : ''}
  <li aria-current="page">${position}</li>
  ${at.page < at.pages ? html`<li><a href="${hrefOf(at.page + 1)}" rel="next">${TEXTS.next[language]}</a></li>` : ''}
</ul></nav>`;
}
