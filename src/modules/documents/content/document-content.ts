import { AppError } from '../../../common/errors/app-error';
import { canonicalJson, contentHash } from '../../../common/hashing/canonical-json';

/**
 * One clause (điều khoản) of a document. `id` stays the same across versions, so comments,
 * amendments and diffs follow a clause even when it is renumbered; `number` is only for display.
 */
export interface Clause {
  /** Stable identifier: letters, digits, '.', '_' or '-', at most 64 characters (e.g. 'c-1', 'c-<uuid>'). */
  id: string;
  /** Display number: '1', '2', '2a'… */
  number: string;
  heading?: string;
  text: string;
}

/** The content of one document version (a pact, giao ước thi đua): what is hashed, voted and signed. */
export interface DocumentContent {
  title: string;
  preamble?: string;
  clauses: Clause[];
}

/** One thing wrong with a content or an amendment; the shape of the `problems` of the registries. */
export interface ContentProblem {
  /** Where, e.g. `clauses[2].text`. */
  path: string;
  code: 'REQUIRED' | 'NOT_STRING' | 'NOT_LIST' | 'NOT_OBJECT' | 'UNKNOWN_KEY' | 'DUPLICATE' | 'ID_FORMAT';
  message: string;
}

const CLAUSE_ID_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CONTENT_KEYS = new Set(['title', 'preamble', 'clauses']);
const CLAUSE_KEYS = new Set(['id', 'number', 'heading', 'text']);

/** NFC so that text typed with combining diacritics (NFD, common on macOS) equals its precomposed form. */
function unicodeNormal(value: string): string {
  return value.normalize('NFC');
}

/** A one-line field (title, heading, number): every run of whitespace, line breaks included, becomes one space. */
export function normaliseLine(value: string): string {
  return unicodeNormal(value).replace(/\s+/g, ' ').trim();
}

/**
 * A multi-line field (preamble, clause text): Unix line breaks, no trailing whitespace on any line,
 * at most one blank line between paragraphs, no blank lines around the whole.
 */
export function normaliseParagraphs(value: string): string {
  return unicodeNormal(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects problems while reading an untrusted value, so that every problem is reported at once. */
class ProblemList {
  readonly items: ContentProblem[] = [];

  add(path: string, code: ContentProblem['code'], message: string): void {
    this.items.push({ path, code, message });
  }

  unknownKeys(value: Record<string, unknown>, allowed: Set<string>, prefix: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) this.add(`${prefix}${key}`, 'UNKNOWN_KEY', `unknown field "${key}"`);
    }
  }

  /** A required string, normalised; '' when missing so that reading can go on. */
  required(value: unknown, path: string, normalise: (text: string) => string): string {
    if (typeof value !== 'string') {
      this.add(path, value === undefined || value === null ? 'REQUIRED' : 'NOT_STRING', value === undefined || value === null ? 'required' : 'must be a string');
      return '';
    }
    const normalised = normalise(value);
    if (!normalised) this.add(path, 'REQUIRED', 'must not be empty');
    return normalised;
  }

  /** An optional string, normalised; absent when missing or blank. */
  optional(value: unknown, path: string, normalise: (text: string) => string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.add(path, 'NOT_STRING', 'must be a string');
      return undefined;
    }
    return normalise(value) || undefined;
  }
}

function readClause(value: unknown, index: number, problems: ProblemList): Clause {
  const path = `clauses[${index}]`;
  if (!isRecord(value)) {
    problems.add(path, 'NOT_OBJECT', 'must be an object with id, number and text');
    return { id: '', number: '', text: '' };
  }
  problems.unknownKeys(value, CLAUSE_KEYS, `${path}.`);
  const id = problems.required(value.id, `${path}.id`, (text) => text.trim());
  if (id && !CLAUSE_ID_FORMAT.test(id)) {
    problems.add(`${path}.id`, 'ID_FORMAT', 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
  const clause: Clause = {
    id,
    number: problems.required(value.number, `${path}.number`, normaliseLine),
    text: problems.required(value.text, `${path}.text`, normaliseParagraphs),
  };
  const heading = problems.optional(value.heading, `${path}.heading`, normaliseLine);
  if (heading !== undefined) clause.heading = heading;
  return clause;
}

function reportDuplicates(clauses: Clause[], field: 'id' | 'number', problems: ProblemList): void {
  const firstIndex = new Map<string, number>();
  clauses.forEach((clause, index) => {
    const value = clause[field];
    if (!value) return;
    const earlier = firstIndex.get(value);
    if (earlier === undefined) firstIndex.set(value, index);
    else problems.add(`clauses[${index}].${field}`, 'DUPLICATE', `"${value}" is already used by clauses[${earlier}]`);
  });
}

/**
 * Reads untrusted input into a normalised DocumentContent: text in Unicode NFC, one-line fields with
 * collapsed whitespace, multi-line fields without trailing whitespace, blank optional fields dropped.
 * Rejects unknown fields rather than dropping them, because the result is what gets hashed and signed.
 * @throws AppError DOCUMENT_CONTENT_INVALID `{count}` with every problem (path, code, message) in details.
 */
export function normaliseContent(input: unknown): DocumentContent {
  const problems = new ProblemList();
  if (!isRecord(input)) {
    problems.add('', 'NOT_OBJECT', 'the content must be an object with title and clauses');
    throw new AppError('DOCUMENT_CONTENT_INVALID', { count: problems.items.length }, problems.items);
  }
  problems.unknownKeys(input, CONTENT_KEYS, '');
  const title = problems.required(input.title, 'title', normaliseLine);
  const preamble = problems.optional(input.preamble, 'preamble', normaliseParagraphs);
  let clauses: Clause[] = [];
  if (!Array.isArray(input.clauses)) {
    problems.add('clauses', input.clauses === undefined ? 'REQUIRED' : 'NOT_LIST', 'must be a list of clauses');
  } else if (input.clauses.length === 0) {
    problems.add('clauses', 'REQUIRED', 'needs at least one clause');
  } else {
    clauses = input.clauses.map((clause: unknown, index) => readClause(clause, index, problems));
    reportDuplicates(clauses, 'id', problems);
    reportDuplicates(clauses, 'number', problems);
  }
  if (problems.items.length) throw new AppError('DOCUMENT_CONTENT_INVALID', { count: problems.items.length }, problems.items);
  return preamble === undefined ? { title, clauses } : { title, preamble, clauses };
}

/**
 * The exact text that is hashed: canonical JSON (sorted keys, no whitespace) of the normalised content.
 * Anyone can recompute it offline from the content alone.
 * @throws AppError DOCUMENT_CONTENT_INVALID when the content is not valid.
 */
export function canonicalContent(content: DocumentContent): string {
  return canonicalJson(normaliseContent(content));
}

/**
 * SHA-256 (hex) of `canonicalContent`: the hash that versions, votes and signatures bind to.
 * Key order and NFC/NFD spelling do not change it; any change of text does.
 */
export function documentHash(content: DocumentContent): string {
  return contentHash(normaliseContent(content));
}

/** Labels of the `movements` select boxes, keyed by value, taken from the pinned form version. */
export type MovementLabels = Readonly<Record<string, string>>;

/** The id of the clause that `fromPactDraft` builds from the movements of the draft. */
export const MOVEMENTS_CLAUSE_ID = 'c-movements';

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function displayNumber(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/** The movements the units commit to, as one line each: the labels of the boxes ticked, then the other movements. */
function movementLines(formData: Record<string, unknown>, labels: MovementLabels): string[] {
  const ticked = isRecord(formData.movements)
    ? Object.entries(formData.movements)
        .filter(([, checked]) => checked === true)
        .map(([value]) => labels[value] ?? value)
    : [];
  const others =
    formData.hasOtherMovements === true && Array.isArray(formData.otherMovements)
      ? formData.otherMovements.filter(isRecord).flatMap((row) => {
          const name = normaliseLine(stringOrEmpty(row.movementName));
          const goal = normaliseLine(stringOrEmpty(row.movementGoal));
          if (!name) return [];
          return [goal ? `${name}: ${goal}` : name];
        })
      : [];
  return [...ticked, ...others];
}

function titleWithYear(title: unknown, year: unknown): unknown {
  if (typeof title !== 'string' || !title.trim() || typeof year !== 'number' || !Number.isInteger(year)) return title;
  return title.includes(String(year)) ? title : `${title.trim()} năm ${year}`;
}

function nextNumber(rows: unknown[]): string {
  const numbers = rows.map((row) => (isRecord(row) ? Number(row.number) : Number.NaN)).filter(Number.isFinite);
  return String(Math.max(rows.length, ...numbers) + 1);
}

/**
 * Builds version 1 of a pact from a `pact/pact-draft` submission.
 * - Title: the draft's title; ` năm <year>` is appended when the title does not already name the year,
 *   because the content has no year of its own and a pact is always for one year.
 * - Clauses: the rows of the `clauses` grid in their order; the clause in row i (from 0) gets the id
 *   `c-<i + 1>`, which is deterministic and stable because later versions only change clauses through amendments.
 *   Numbers are the row's `number` as a string; rows are not sorted.
 * - Movements: when any are ticked (or other movements are given), one last clause `c-movements`
 *   "Hưởng ứng các phong trào thi đua" lists them, because the units commit to them by signing.
 *   Labels come from `movementLabels` (the form's select-box values); an unknown value is shown as is.
 * Cluster name and signing place/date are not content: the envelope and the campaign carry them.
 * @throws AppError DOCUMENT_CONTENT_INVALID with the same paths as the grid (`clauses[2].text` is row 3).
 */
export function fromPactDraft(formData: unknown, movementLabels: MovementLabels = {}): DocumentContent {
  const data = isRecord(formData) ? formData : {};
  const rows = Array.isArray(data.clauses) ? data.clauses : [];
  const clauses: unknown[] = rows.map((row: unknown, index) =>
    isRecord(row) ? { id: `c-${index + 1}`, number: displayNumber(row.number), heading: row.heading, text: row.text } : row,
  );
  const movements = movementLines(data, movementLabels);
  if (movements.length) {
    clauses.push({
      id: MOVEMENTS_CLAUSE_ID,
      number: nextNumber(rows),
      heading: 'Hưởng ứng các phong trào thi đua',
      text: ['Các đơn vị trong cụm cam kết tham gia các phong trào thi đua sau:', ...movements.map((line) => `- ${line}`)].join('\n'),
    });
  }
  // Without rows, pass the grid through so that normaliseContent reports it as missing.
  return normaliseContent({ title: titleWithYear(data.title, data.year), preamble: data.preamble, clauses: rows.length ? clauses : data.clauses });
}
