import { raw } from '@mikro-orm/core';

/**
 * A case-insensitive "contains" filter over some columns, written with lower() so that it works on SQLite (no ILIKE)
 * and PostgreSQL alike; on SQLite lower() folds every letter, not ASCII only (database/sqlite-unicode-case.ts), so
 * "đặng" finds "Đặng". `%` and `_` typed into the box act as LIKE wildcards, which only widens a search.
 */
export function containsText(q: string | undefined, columns: string[]): object {
  const needle = q?.trim().toLowerCase();
  if (!needle) return {};
  return { $or: columns.map((column) => ({ [raw((alias: string) => `lower(${alias}.${column})`)]: { $like: `%${needle}%` } })) };
}
