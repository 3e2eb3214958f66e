/** What this needs of a better-sqlite3 connection (the package ships no types). */
export interface FunctionDefiningConnection {
  function(name: string, options: { deterministic: boolean }, implementation: (value: unknown) => unknown): unknown;
}

/**
 * Makes SQLite's lower() and upper() fold every letter as PostgreSQL does, not ASCII only: searching "đặng" must find
 * "Đặng Văn An". No index is built on these functions (an index on lower() would be computed by whichever definition
 * wrote it), so replacing them changes what searches find and nothing stored.
 */
export function foldUnicodeCase(connection: FunctionDefiningConnection): void {
  connection.function('lower', { deterministic: true }, (value) => (typeof value === 'string' ? value.toLowerCase() : value));
  connection.function('upper', { deterministic: true }, (value) => (typeof value === 'string' ? value.toUpperCase() : value));
}
