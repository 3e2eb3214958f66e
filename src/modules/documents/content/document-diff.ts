import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Text } from '../../../common/i18n/language';
import { Clause, DocumentContent } from './document-content';

/** A run of text that both versions share, or that only the new (`added`) or the old (`removed`) one has. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A clause with its position (from 0) in the version it belongs to. */
export interface PositionedClause {
  clause: Clause;
  position: number;
}

/** A clause whose heading or text changed; the parts are absent for the field that did not change. */
export interface ClauseChange {
  id: string;
  before: Clause;
  after: Clause;
  heading?: TextPart[];
  text?: TextPart[];
}

/** A clause that changed place relative to the other clauses kept (not merely shifted by an insert or delete). */
export interface ClauseMove {
  id: string;
  fromNumber: string;
  toNumber: string;
  fromPosition: number;
  toPosition: number;
}

export interface ClauseRenumbering {
  id: string;
  fromNumber: string;
  toNumber: string;
}

/**
 * What changed from one version to the next. Clauses are matched by id, never by number or position,
 * so one clause may appear in `changed`, `moved` and `renumbered` at once.
 */
export interface DocumentDiff {
  title?: TextPart[];
  preamble?: TextPart[];
  added: PositionedClause[];
  removed: PositionedClause[];
  changed: ClauseChange[];
  moved: ClauseMove[];
  renumbered: ClauseRenumbering[];
}

/** Whether a diff records no change at all. */
export function isEmptyDiff(diff: DocumentDiff): boolean {
  return !diff.title && !diff.preamble && [diff.added, diff.removed, diff.changed, diff.moved, diff.renumbered].every((list) => list.length === 0);
}

function partKind(change: { added: boolean; removed: boolean }): TextPart['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'same';
}

/**
 * Tidies jsdiff's output for reading: a whitespace-only `same` part between two changes is folded into
 * them, and each run of changes becomes one `removed` part followed by one `added` part. Both texts can
 * still be rebuilt from the parts (same + removed = old, same + added = new).
 */
function tidy(parts: TextPart[]): TextPart[] {
  const result: TextPart[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed) result.push({ kind: 'removed', text: removed });
    if (added) result.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1 && parts[index - 1].kind !== 'same' && parts[index + 1].kind !== 'same';
    if (part.kind === 'same' && between && !part.text.trim()) {
      removed += part.text;
      added += part.text;
    } else if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else {
      flush();
      result.push(part);
    }
  });
  flush();
  return result;
}

/**
 * Word-level diff of two texts. Vietnamese words are syllables separated by spaces, so words are the
 * unit a reader expects; both texts are compared in NFC so that the spelling of diacritics never shows as a change.
 */
export function diffText(before: string, after: string): TextPart[] {
  const changes = diffWordsWithSpace(before.normalize('NFC'), after.normalize('NFC'));
  return tidy(changes.filter((change) => change.value).map((change) => ({ kind: partKind(change), text: change.value })));
}

function diffOptional(before: string | undefined, after: string | undefined): TextPart[] | undefined {
  return (before ?? '') === (after ?? '') ? undefined : diffText(before ?? '', after ?? '');
}

/** Ids of the kept clauses that left their relative order: those outside a longest common subsequence. */
function movedIds(keptBefore: string[], keptAfter: string[]): Set<string> {
  const moved = new Set<string>();
  for (const change of diffArrays(keptBefore, keptAfter)) {
    if (change.removed) change.value.forEach((id) => moved.add(id));
  }
  return moved;
}

/**
 * Compares two versions of a document (`a` the older). Added and removed clauses carry their position in
 * their own version; changed clauses carry word-level parts of heading and text; moved clauses are
 * those whose order relative to the other kept clauses changed; renumbered ones changed display number.
 * Both versions are expected to be normalised (unique clause ids), as stored versions are.
 */
export function diffVersions(a: DocumentContent, b: DocumentContent): DocumentDiff {
  const beforeById = new Map(a.clauses.map((clause, position) => [clause.id, { clause, position }]));
  const afterById = new Map(b.clauses.map((clause, position) => [clause.id, { clause, position }]));
  const keptBefore = a.clauses.filter((clause) => afterById.has(clause.id)).map((clause) => clause.id);
  const keptAfter = b.clauses.filter((clause) => beforeById.has(clause.id)).map((clause) => clause.id);
  const moved = movedIds(keptBefore, keptAfter);
  const diff: DocumentDiff = {
    added: b.clauses.flatMap((clause, position) => (beforeById.has(clause.id) ? [] : [{ clause, position }])),
    removed: a.clauses.flatMap((clause, position) => (afterById.has(clause.id) ? [] : [{ clause, position }])),
    changed: [],
    moved: [],
    renumbered: [],
  };
  for (const id of keptAfter) {
    const before = beforeById.get(id);
    const after = afterById.get(id);
    if (!before || !after) continue;
    const heading = diffOptional(before.clause.heading, after.clause.heading);
    const text = diffOptional(before.clause.text, after.clause.text);
    if (heading || text) diff.changed.push({ id, before: before.clause, after: after.clause, ...(heading && { heading }), ...(text && { text }) });
    if (moved.has(id)) diff.moved.push({ id, fromNumber: before.clause.number, toNumber: after.clause.number, fromPosition: before.position, toPosition: after.position });
    if (before.clause.number !== after.clause.number) diff.renumbered.push({ id, fromNumber: before.clause.number, toNumber: after.clause.number });
  }
  const title = diffOptional(a.title, b.title);
  const preamble = diffOptional(a.preamble, b.preamble);
  return { ...(title && { title }), ...(preamble && { preamble }), ...diff };
}

/** One line of a changelog, in every language, with the clause it is about. */
export interface ChangelogEntry {
  kind: 'title' | 'preamble' | 'added' | 'removed' | 'changed' | 'moved' | 'renumbered';
  clauseId?: string;
  summary: Text;
}

function clauseLabel(clause: Pick<Clause, 'number' | 'heading'>): Text {
  const heading = clause.heading ? ` (${clause.heading})` : '';
  return { vi: `Điều ${clause.number}${heading}`, en: `Article ${clause.number}${heading}` };
}

/**
 * A readable summary of a diff, one entry per change: title, preamble, then removed, added, changed,
 * moved and renumbered clauses, each list in document order.
 */
export function changelogEntries(diff: DocumentDiff): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  if (diff.title) entries.push({ kind: 'title', summary: { vi: 'Sửa tên văn bản', en: 'Changed the title' } });
  if (diff.preamble) entries.push({ kind: 'preamble', summary: { vi: 'Sửa lời mở đầu', en: 'Changed the preamble' } });
  for (const { clause } of diff.removed) {
    const label = clauseLabel(clause);
    entries.push({ kind: 'removed', clauseId: clause.id, summary: { vi: `Bỏ ${label.vi}`, en: `Removed ${label.en}` } });
  }
  for (const { clause } of diff.added) {
    const label = clauseLabel(clause);
    entries.push({ kind: 'added', clauseId: clause.id, summary: { vi: `Thêm ${label.vi}`, en: `Added ${label.en}` } });
  }
  for (const change of diff.changed) {
    const label = clauseLabel(change.after);
    const what = change.heading && change.text ? { vi: 'tiêu đề và nội dung', en: 'heading and text' } : change.heading ? { vi: 'tiêu đề', en: 'heading' } : { vi: 'nội dung', en: 'text' };
    entries.push({ kind: 'changed', clauseId: change.id, summary: { vi: `Sửa ${what.vi} ${label.vi}`, en: `Changed the ${what.en} of ${label.en}` } });
  }
  for (const move of diff.moved) {
    entries.push({
      kind: 'moved',
      clauseId: move.id,
      summary: {
        vi: `Chuyển Điều ${move.fromNumber} (bản cũ) sang vị trí thứ ${move.toPosition + 1}`,
        en: `Moved Article ${move.fromNumber} (old numbering) to position ${move.toPosition + 1}`,
      },
    });
  }
  for (const renumbering of diff.renumbered) {
    entries.push({
      kind: 'renumbered',
      clauseId: renumbering.id,
      summary: { vi: `Đánh số lại Điều ${renumbering.fromNumber} thành Điều ${renumbering.toNumber}`, en: `Renumbered Article ${renumbering.fromNumber} as Article ${renumbering.toNumber}` },
    });
  }
  return entries;
}
