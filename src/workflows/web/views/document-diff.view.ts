import { interpolate, Language } from '../../../common/i18n/language';
import type { ClauseDto, DocumentDiffDto, DocumentDto, TextPartDto } from '../../../modules/documents/dto/document-response.dto';
import { html, SafeHtml } from '../../../modules/web/html';
import { dt, MERGED_CHANGE_TEXTS } from '../document-web-texts';
import { labelOf } from '../workflow-web-texts';

/** An amendment merged between the two versions, named as the cluster knows it. */
export interface MergedAmendmentLine {
  /** The amendment's number in the document; null if it is no longer on record. */
  number: number | null;
  unit: string;
  kind: string;
  /** The clause's number after the merge; for a deleted clause, its number before. */
  clauseNumber: string;
}

export interface DocumentDiffViewModel {
  language: Language;
  document: DocumentDto;
  diff: DocumentDiffDto;
  /** Every amendment merged into the versions after `from` up to `to`, in the order applied. */
  amendments: MergedAmendmentLine[];
}

/**
 * Word-level parts: removed words in `<del>`, added ones in `<ins>`, each announced by a visually hidden label,
 * so that neither colour nor strike-through alone tells the change.
 */
export function textParts(parts: TextPartDto[], language: Language): SafeHtml {
  return html`${parts.map((part) => {
    if (part.kind === 'removed') return html`<del><span class="visually-hidden">${dt(language, 'removedLabel')} </span>${part.text}</del>`;
    if (part.kind === 'added') return html`<ins><span class="visually-hidden">${dt(language, 'addedLabel')} </span>${part.text}</ins>`;
    return part.text;
  })}`;
}

/** The document's own words are Vietnamese: on an English page they say so. */
function vi(language: Language): SafeHtml | string {
  return language === 'vi' ? '' : html` lang="vi"`;
}

function clauseTitle(clause: ClauseDto, language: Language): string {
  return `${dt(language, 'clauseTitle', { number: clause.number })}${clause.heading ? ` ${clause.heading}` : ''}`;
}

function versionPicker(model: DocumentDiffViewModel): SafeHtml {
  const { language, document, diff } = model;
  const numbers = [...document.versions].map((version) => version.number).sort((a, b) => a - b);
  const options = (selected: number) => numbers.map((number) => html`<option value="${number}"${number === selected ? ' selected' : ''}>${number}</option>`);
  return html`<form method="get" action="/documents/${document.id}/diff" class="diff-pick" aria-label="${dt(language, 'diffPick')}">
    <div class="field"><label for="diff-from">${dt(language, 'diffFrom')}</label><select id="diff-from" name="from">${options(diff.from.number)}</select></div>
    <div class="field"><label for="diff-to">${dt(language, 'diffTo')}</label><select id="diff-to" name="to">${options(diff.to.number)}</select></div>
    <button type="submit" class="secondary">${dt(language, 'diffShow')}</button>
  </form>`;
}

/** What changed between two versions: title and preamble, clauses changed, added, removed, moved, and why. */
export function documentDiffView(model: DocumentDiffViewModel): SafeHtml {
  const { language, document, diff } = model;
  const nothing = !diff.title && !diff.preamble && !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.moved.length && !diff.renumbered.length;
  const changed = diff.changed.map(
    (change) => html`<section class="diff-block" aria-labelledby="changed-${change.id}">
      <h3 id="changed-${change.id}">${change.before.number === change.after.number ? clauseTitle(change.after, language) : `${dt(language, 'diffChangedClause', { before: change.before.number, after: change.after.number })}${change.after.heading ? ` ${change.after.heading}` : ''}`}</h3>
      ${change.heading ? html`<h4>${dt(language, 'diffHeading')}</h4><p class="diff-text"${vi(language)}>${textParts(change.heading, language)}</p>` : ''}
      ${change.text ? html`<h4>${dt(language, 'diffText')}</h4><p class="diff-text"${vi(language)}>${textParts(change.text, language)}</p>` : html`<p class="diff-text"${vi(language)}>${change.after.text}</p>`}
    </section>`,
  );
  const added = diff.added.map(
    ({ clause }) => html`<section class="diff-block" aria-labelledby="added-${clause.id}">
      <h3 id="added-${clause.id}"><ins><span class="visually-hidden">${dt(language, 'addedLabel')} </span>${clauseTitle(clause, language)}</ins></h3>
      <p class="diff-text"${vi(language)}><ins><span class="visually-hidden">${dt(language, 'addedLabel')} </span>${clause.text}</ins></p>
    </section>`,
  );
  const removed = diff.removed.map(
    ({ clause }) => html`<section class="diff-block" aria-labelledby="removed-${clause.id}">
      <h3 id="removed-${clause.id}"><del><span class="visually-hidden">${dt(language, 'removedLabel')} </span>${clauseTitle(clause, language)}</del></h3>
      <p class="diff-text"${vi(language)}><del><span class="visually-hidden">${dt(language, 'removedLabel')} </span>${clause.text}</del></p>
    </section>`,
  );
  const renumbered = diff.renumbered.filter((entry) => !diff.moved.some((move) => move.id === entry.id));
  const moveList = (moves: Array<{ fromNumber: string; toNumber: string }>) => html`<ul>${moves.map((move) => html`<li>${dt(language, 'diffMoveEntry', { from: move.fromNumber, to: move.toNumber })}</li>`)}</ul>`;
  return html`<h1>${dt(language, 'diffTitle', { title: document.title, from: diff.from.number, to: diff.to.number })}</h1>
<p><a href="/documents/${document.id}?v=${diff.to.number}">${dt(language, 'diffBack', { number: diff.to.number })}</a> · <a href="/documents/${document.id}?v=${diff.from.number}">${dt(language, 'diffBack', { number: diff.from.number })}</a></p>
<dl class="doc-meta">
  <dt>${dt(language, 'diffFrom')} ${diff.from.number}</dt><dd><code title="${diff.from.contentHash}">${diff.from.contentHash.slice(0, 12)}</code></dd>
  <dt>${dt(language, 'diffTo')} ${diff.to.number}</dt><dd><code title="${diff.to.contentHash}">${diff.to.contentHash.slice(0, 12)}</code></dd>
</dl>
${versionPicker(model)}
<p class="hint">${dt(language, 'diffLegend')}</p>
${nothing ? html`<p class="muted">${dt(language, 'diffNone')}</p>` : ''}
${model.amendments.length ? html`<section aria-labelledby="diff-amendments"><h2 id="diff-amendments">${dt(language, 'diffAmendments')}</h2><ul>${model.amendments.map(
    (line) => {
      const change = interpolate(labelOf(MERGED_CHANGE_TEXTS, line.kind, language), { clause: line.clauseNumber });
      return html`<li>${line.number !== null ? dt(language, 'diffAmendmentEntry', { number: line.number, unit: line.unit, change }) : change}</li>`;
    },
  )}</ul></section>` : ''}
${diff.changelog.length ? html`<section aria-labelledby="diff-changelog"><h2 id="diff-changelog">${dt(language, 'diffChangelog')}</h2><ul>${diff.changelog.map((entry) => html`<li>${entry.summary[language]}</li>`)}</ul></section>` : ''}
${diff.title ? html`<section aria-labelledby="diff-title"><h2 id="diff-title">${dt(language, 'diffTitleChanged')}</h2><p class="diff-text"${vi(language)}>${textParts(diff.title, language)}</p></section>` : ''}
${diff.preamble ? html`<section aria-labelledby="diff-preamble"><h2 id="diff-preamble">${dt(language, 'diffPreambleChanged')}</h2><p class="diff-text"${vi(language)}>${textParts(diff.preamble, language)}</p></section>` : ''}
${changed.length ? html`<section aria-labelledby="diff-changed"><h2 id="diff-changed">${dt(language, 'diffChanged')}</h2>${changed}</section>` : ''}
${added.length ? html`<section aria-labelledby="diff-added"><h2 id="diff-added">${dt(language, 'diffAdded')}</h2>${added}</section>` : ''}
${removed.length ? html`<section aria-labelledby="diff-removed"><h2 id="diff-removed">${dt(language, 'diffRemoved')}</h2>${removed}</section>` : ''}
${diff.moved.length ? html`<section aria-labelledby="diff-moved"><h2 id="diff-moved">${dt(language, 'diffMoved')}</h2>${moveList(diff.moved)}</section>` : ''}
${renumbered.length ? html`<section aria-labelledby="diff-renumbered"><h2 id="diff-renumbered">${dt(language, 'diffRenumbered')}</h2>${moveList(renumbered)}</section>` : ''}`;
}
