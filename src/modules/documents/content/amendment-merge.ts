import { AppError } from '../../../common/errors/app-error';
import type { Text } from '../../../common/i18n/language';
import { sha256Hex } from '../../../common/hashing/canonical-json';
import { Clause, DocumentContent, normaliseContent } from './document-content';

/**
 * A proposed change (đề xuất sửa đổi) to one clause of a base version.
 * - `replace`: `clauseId` is the clause; `text` is its new text; `heading` replaces the heading when
 *   given ('' removes it) and keeps it when absent.
 * - `insert`: a new clause after `clauseId`, or at the start when `clauseId` is null; `text` required.
 * - `delete`: removes `clauseId`.
 * `number` is what the proposer called the clause; it is informational, because the merge renumbers.
 */
export interface Amendment {
  id: string;
  kind: 'replace' | 'insert' | 'delete';
  clauseId: string | null;
  number?: string;
  heading?: string;
  text?: string;
  justification: string;
}

/** An amendment as it is stored (nullable heading and text), wherever it comes from: a row or a bundle's file. */
export interface StoredAmendment {
  id: string;
  kind: Amendment['kind'];
  clauseId: string | null;
  heading: string | null;
  text: string | null;
  justification: string;
}

/** The merge input of a stored amendment: its id names it in the new version's changelog. */
export function mergeInputOf(amendment: StoredAmendment): Amendment {
  return {
    id: amendment.id,
    kind: amendment.kind,
    clauseId: amendment.clauseId,
    ...(amendment.heading !== null && { heading: amendment.heading }),
    ...(amendment.text !== null && { text: amendment.text }),
    justification: amendment.justification,
  };
}

/** One thing wrong with the amendments or their order; the details of AMENDMENT_INVALID. */
export interface AmendmentProblem {
  path: string;
  code: 'REQUIRED' | 'DUPLICATE' | 'UNKNOWN' | 'MISSING';
  message: string;
}

const AMENDMENT_KINDS: readonly Amendment['kind'][] = ['replace', 'insert', 'delete'];

/** What one amendment did, in every language. */
export interface MergeChangelogEntry {
  amendmentId: string;
  kind: Amendment['kind'];
  /** The clause replaced or deleted, or the clause the insert created. */
  clauseId: string;
  /** Its number after the merge; for a deleted clause, its number in the base. */
  number: string;
  summary: Text;
}

export interface MergeResult {
  content: DocumentContent;
  /** One entry per amendment, in the order they were applied. */
  changelog: MergeChangelogEntry[];
}

/** One pair of accepted amendments that cannot both apply; the details of AMENDMENT_CONFLICT. */
export interface AmendmentConflict {
  a: string;
  b: string;
  clause: string;
  reason: 'both-change-clause' | 'insert-after-deleted-clause';
}

/**
 * The id of a clause inserted by an amendment: the same amendment always yields the same id, so
 * merging again (a retry, an offline verifier) gives the same content and hash.
 */
export function insertedClauseId(amendmentId: string): string {
  return `c-${sha256Hex(`amendment:${amendmentId}`).slice(0, 24)}`;
}

function requireText(amendment: Amendment, index: number): AmendmentProblem[] {
  return typeof amendment.text === 'string' && amendment.text.trim() ? [] : [{ path: `amendments[${index}].text`, code: 'REQUIRED', message: `${amendment.kind} needs the new text` }];
}

function amendmentProblems(amendments: Amendment[], order: string[]): AmendmentProblem[] {
  const problems: AmendmentProblem[] = [];
  const ids = new Set<string>();
  amendments.forEach((amendment, index) => {
    if (ids.has(amendment.id)) problems.push({ path: `amendments[${index}].id`, code: 'DUPLICATE', message: `amendment ${amendment.id} is given twice` });
    ids.add(amendment.id);
    if (!AMENDMENT_KINDS.includes(amendment.kind)) {
      problems.push({ path: `amendments[${index}].kind`, code: 'UNKNOWN', message: 'must be replace, insert or delete' });
      return;
    }
    if (amendment.kind !== 'insert' && amendment.clauseId === null) {
      problems.push({ path: `amendments[${index}].clauseId`, code: 'REQUIRED', message: `${amendment.kind} needs the clause it changes` });
    }
    if (amendment.kind !== 'delete') problems.push(...requireText(amendment, index));
  });
  const ordered = new Set<string>();
  order.forEach((id, index) => {
    if (!ids.has(id)) problems.push({ path: `order[${index}]`, code: 'UNKNOWN', message: `${id} is not an accepted amendment` });
    else if (ordered.has(id)) problems.push({ path: `order[${index}]`, code: 'DUPLICATE', message: `${id} is ordered twice` });
    ordered.add(id);
  });
  for (const id of ids) {
    if (!ordered.has(id)) problems.push({ path: 'order', code: 'MISSING', message: `accepted amendment ${id} has no place in the order` });
  }
  return problems;
}

/**
 * Pairs that touch the same clause: replace/delete of one clause by two amendments, or an insert after a
 * clause another amendment deletes. Two inserts after the same clause do not conflict: order decides.
 */
export function findConflicts(ordered: Amendment[]): AmendmentConflict[] {
  const conflicts: AmendmentConflict[] = [];
  ordered.forEach((first, index) => {
    for (const second of ordered.slice(index + 1)) {
      if (first.clauseId === null || first.clauseId !== second.clauseId) continue;
      const inserts = [first, second].filter((amendment) => amendment.kind === 'insert');
      if (inserts.length === 0) conflicts.push({ a: first.id, b: second.id, clause: first.clauseId, reason: 'both-change-clause' });
      else if (inserts.length === 1 && [first, second].some((amendment) => amendment.kind === 'delete')) {
        conflicts.push({ a: first.id, b: second.id, clause: first.clauseId, reason: 'insert-after-deleted-clause' });
      }
    }
  });
  return conflicts;
}

function replaced(clause: Clause, amendment: Amendment): Clause {
  const heading = amendment.heading === undefined ? clause.heading : amendment.heading.trim() || undefined;
  return { id: clause.id, number: clause.number, ...(heading !== undefined && { heading }), text: amendment.text ?? '' };
}

/** Applies one amendment to a working list; `lastInsertAfter` keeps later inserts after earlier ones at the same place. */
function apply(clauses: Clause[], amendment: Amendment, lastInsertAfter: Map<string | null, string>): Clause[] {
  if (amendment.kind === 'delete') return clauses.filter((clause) => clause.id !== amendment.clauseId);
  if (amendment.kind === 'replace') return clauses.map((clause) => (clause.id === amendment.clauseId ? replaced(clause, amendment) : clause));
  const id = insertedClauseId(amendment.id);
  const heading = amendment.heading?.trim();
  const inserted: Clause = { id, number: '', ...(heading && { heading }), text: amendment.text ?? '' };
  const anchor = lastInsertAfter.get(amendment.clauseId) ?? amendment.clauseId;
  lastInsertAfter.set(amendment.clauseId, id);
  const at = anchor === null ? 0 : clauses.findIndex((clause) => clause.id === anchor) + 1;
  return [...clauses.slice(0, at), inserted, ...clauses.slice(at)];
}

function summaryOf(amendment: Amendment, number: string): Text {
  switch (amendment.kind) {
    case 'replace':
      return { vi: `Đề xuất ${amendment.id}: sửa Điều ${number}`, en: `Amendment ${amendment.id}: changed Article ${number}` };
    case 'delete':
      return { vi: `Đề xuất ${amendment.id}: bỏ Điều ${number} (bản cũ)`, en: `Amendment ${amendment.id}: removed Article ${number} (old numbering)` };
    case 'insert':
      return { vi: `Đề xuất ${amendment.id}: thêm Điều ${number}`, en: `Amendment ${amendment.id}: inserted Article ${number}` };
  }
}

/**
 * Produces the next version from a base version and its accepted amendments, applied in `order`
 * (a list of the amendments' ids, each exactly once).
 * - Every target must be a clause of the base: amendments are proposed against the base, so an
 *   insert cannot anchor to a clause another amendment inserts.
 * - Two amendments that replace/delete the same clause, or an insert after a clause another deletes,
 *   conflict: the merge refuses rather than guess which one the units meant.
 * - Inserts after the same clause (or at the start) land in the order applied, each after the previous.
 * - After the merge every clause is renumbered 1..n in document order, so display numbers never have
 *   gaps or '2a' suffixes; ids stay stable, inserted clauses get `insertedClauseId(amendment.id)`.
 * @throws AppError AMENDMENT_INVALID `{count}` (missing text, bad order…), AMENDMENT_TARGET_MISSING
 *   `{amendment, clause}`, AMENDMENT_CONFLICT `{a, b, clause}` with every conflicting pair in details,
 *   DOCUMENT_CONTENT_INVALID when the result is not a valid document (e.g. every clause deleted).
 */
export function mergeAmendments(base: DocumentContent, accepted: Amendment[], order: string[]): MergeResult {
  const problems = amendmentProblems(accepted, order);
  if (problems.length) throw new AppError('AMENDMENT_INVALID', { count: problems.length }, problems);
  const baseContent = normaliseContent(base);
  const baseNumbers = new Map(baseContent.clauses.map((clause) => [clause.id, clause.number]));
  const byId = new Map(accepted.map((amendment) => [amendment.id, amendment]));
  const ordered = order.map((id) => byId.get(id)).filter((amendment): amendment is Amendment => amendment !== undefined);
  const missing = ordered.find((amendment) => amendment.clauseId !== null && !baseNumbers.has(amendment.clauseId));
  if (missing) throw new AppError('AMENDMENT_TARGET_MISSING', { amendment: missing.id, clause: missing.clauseId }, { amendment: missing.id, clause: missing.clauseId });
  const conflicts = findConflicts(ordered);
  // The clause by the number people read (its id stays in details).
  if (conflicts.length) throw new AppError('AMENDMENT_CONFLICT', { a: conflicts[0].a, b: conflicts[0].b, clause: baseNumbers.get(conflicts[0].clause) ?? conflicts[0].clause }, conflicts);

  const lastInsertAfter = new Map<string | null, string>();
  const merged = ordered.reduce((clauses, amendment) => apply(clauses, amendment, lastInsertAfter), baseContent.clauses);
  const renumbered = merged.map((clause, index) => ({ ...clause, number: String(index + 1) }));
  const content = normaliseContent({ ...baseContent, clauses: renumbered });
  const numbers = new Map(content.clauses.map((clause) => [clause.id, clause.number]));
  const changelog = ordered.map((amendment): MergeChangelogEntry => {
    const clauseId = amendment.kind === 'insert' ? insertedClauseId(amendment.id) : (amendment.clauseId ?? '');
    const number = numbers.get(clauseId) ?? baseNumbers.get(clauseId) ?? '';
    return { amendmentId: amendment.id, kind: amendment.kind, clauseId, number, summary: summaryOf(amendment, number) };
  });
  return { content, changelog };
}
