import { AppError } from '../../common/errors/app-error';
import { MAX_CSV_ROWS, readCsvTable } from './csv-table';

const COLUMNS = { required: ['code', 'name'], optional: ['parentCode'] };

describe('readCsvTable', () => {
  it('numbers records by the file line they start on, header being line 1', () => {
    const text = 'code,name\nA1,"two\nlines"\n\n  \nB2,b\nC3,c';
    expect(readCsvTable(text, COLUMNS).records.map((r) => [r.line, r.values.code])).toEqual([
      [2, 'A1'],
      [6, 'B2'],
      [7, 'C3'],
    ]);
  });

  it('handles a BOM and CR LF line breaks, also inside quoted fields, and trims values', () => {
    const text = '\uFEFFcode,name\r\nA1,"x\r\ny"\r\nB2 , b \r\n';
    const table = readCsvTable(text, COLUMNS);
    expect(table.problems).toEqual([]);
    expect(table.records).toEqual([
      { line: 2, values: { code: 'A1', name: 'x\ny' } },
      { line: 4, values: { code: 'B2', name: 'b' } },
    ]);
  });

  it('reports lines with too few or too many fields', () => {
    const table = readCsvTable('code,name\nA1\nB2,b\nC3,c,extra,more', COLUMNS);
    expect(table.problems).toEqual([
      { row: 2, field: null, code: 'COLUMN_COUNT', params: { expected: 2, actual: 1 } },
      { row: 4, field: null, code: 'COLUMN_COUNT', params: { expected: 2, actual: 4 } },
    ]);
    expect(table.records[0].values).toEqual({ code: 'A1', name: '' });
  });

  it('reports unknown, repeated and missing header columns', () => {
    const table = readCsvTable('code,colour,code\nA1,red,A2', COLUMNS);
    expect(table.records).toEqual([]);
    expect(table.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'colour', 'UNKNOWN_COLUMN'],
      [1, 'code', 'DUPLICATE_COLUMN'],
      [1, 'name', 'MISSING_COLUMN'],
    ]);
  });

  it('reports a malformed file with the line where parsing failed', () => {
    const table = readCsvTable('code,name\nA1,a\nB2,"unclosed\n', COLUMNS);
    expect(table.problems).toEqual([expect.objectContaining({ code: 'MALFORMED', field: null, row: expect.any(Number) })]);
  });

  it('refuses a body that is not text, an empty file and a file over the row limit', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as AppError).code;
      }
      return 'no error';
    };
    expect(codeOf(() => readCsvTable({ code: 'A1' }, COLUMNS))).toBe('CSV_CONTENT_TYPE');
    expect(codeOf(() => readCsvTable('', COLUMNS))).toBe('CSV_EMPTY');
    expect(codeOf(() => readCsvTable('code,name\n', COLUMNS))).toBe('CSV_EMPTY');
    const big = ['code,name', ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `U${i},u`)].join('\n');
    expect(codeOf(() => readCsvTable(big, COLUMNS))).toBe('CSV_TOO_MANY_ROWS');
    const limit = ['code,name', ...Array.from({ length: MAX_CSV_ROWS }, (_, i) => `U${i},u`)].join('\n');
    expect(readCsvTable(limit, COLUMNS).records).toHaveLength(MAX_CSV_ROWS);
  });
});
