/**
 * A row to store by a hand-written statement: inserted, or, where a row already has its `conflict` column's value,
 * that row's `replace` columns taken from it.
 */
export interface RowUpsert {
  table: string;
  /** Each column with its value and its PostgreSQL type (the parameters of a SELECT have none of their own). */
  values: Array<{ column: string; value: unknown; type: string }>;
  conflict: string;
  replace: string[];
}

/** The upsert with `rows` as its source: a VALUES list, or a SELECT (on PostgreSQL, to condition it). */
export function upsertStatement(row: RowUpsert, rows: string): string {
  const replaced = row.replace.map((column) => `${column} = excluded.${column}`).join(', ');
  return `insert into ${row.table} (${row.values.map((value) => value.column).join(', ')}) ${rows} on conflict (${row.conflict}) do update set ${replaced}`;
}
