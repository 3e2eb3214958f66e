import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../common/errors/app-error';
import { RowProblem } from './csv-problems';

/** Files larger than this are refused whole: split them (they also stay under the 1 MiB body limit). */
export const MAX_CSV_ROWS = 5000;

export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

/** One data record and the line of the file it starts on (1-based, the header being line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  records: CsvRecord[];
  /** Problems with the header or the shape of lines; field checks come later. */
  problems: RowProblem[];
}

interface ParsedRecord {
  record: Record<string, string | undefined>;
  raw: string;
  info: { lines: number; error?: { code: string } };
}

/** The line a record starts on: its end line minus the line breaks inside it (blank lines before it excluded). */
function startLine(parsed: ParsedRecord): number {
  const body = parsed.raw.replace(/^([ \t]*\n)+/, '').replace(/\n$/, '');
  return parsed.info.lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Reads an uploaded CSV body: text only, a BOM ignored, line endings of any platform, fields
 * trimmed, blank lines skipped. Header and line-shape problems are returned, not thrown, so the
 * caller can report them with the rest; only an unusable upload throws.
 */
export function readCsvTable(body: unknown, columns: CsvColumns): CsvTable {
  if (typeof body !== 'string') throw new AppError('CSV_CONTENT_TYPE');
  // csv-parse miscounts lines for CR LF inside quoted fields; one kind of line break keeps row numbers right.
  const text = body.replace(/\r\n?/g, '\n');
  let header: string[] = [];
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
      columns: (names: string[]) => (header = names),
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { records: [], problems: [{ row: Number(error.lines) || 1, field: null, code: 'MALFORMED', params: { reason: error.message } }] };
  }
  if (header.length === 0) throw new AppError('CSV_EMPTY');

  const headerLine = (text.replace(/^\uFEFF/, '').match(/^([ \t]*\n)*/)?.[0].match(/\n/g)?.length ?? 0) + 1;
  const problems = headerProblems(header, columns, headerLine);
  if (problems.length) return { records: [], problems };
  if (parsed.length === 0) throw new AppError('CSV_EMPTY');
  if (parsed.length > MAX_CSV_ROWS) throw new AppError('CSV_TOO_MANY_ROWS', { count: parsed.length, limit: MAX_CSV_ROWS }, { count: parsed.length, limit: MAX_CSV_ROWS });

  const records = parsed.map((item) => {
    const line = startLine(item);
    if (item.info.error?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
      problems.push({ row: line, field: null, code: 'COLUMN_COUNT', params: { expected: header.length, actual: countFields(item) } });
    }
    const values = Object.fromEntries(header.map((name) => [name, item.record[name] ?? '']));
    return { line, values };
  });
  return { records, problems };
}

/** The number of fields on the line, read again from its raw text (the record object drops extra fields). */
function countFields(item: ParsedRecord): number {
  const [fields] = parse(item.raw.replace(/^([ \t]*\n)+/, ''), { relax_column_count: true }) as string[][];
  return fields?.length ?? 0;
}

function headerProblems(header: string[], columns: CsvColumns, line: number): RowProblem[] {
  const allowed = [...columns.required, ...columns.optional];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push({ row: line, field: name, code: 'DUPLICATE_COLUMN', params: { column: name } });
    else if (!allowed.includes(name)) problems.push({ row: line, field: name, code: 'UNKNOWN_COLUMN', params: { column: name, allowed: allowed.join(', ') } });
    seen.add(name);
  }
  for (const name of columns.required) {
    if (!seen.has(name)) problems.push({ row: line, field: name, code: 'MISSING_COLUMN', params: { column: name } });
  }
  return problems;
}
