import type { EntityManager } from '@mikro-orm/core';
import { preparedRows } from './prepared-rows';

/**
 * The rows a plain SQL statement answers (or returns), in the caller's transaction: for the hot paths, where building
 * and hydrating a query through the ORM cost ten times the database's own work. Placeholders are `?`; the statement
 * runs prepared, its values bound (preparedRows).
 */
export async function sqlRows<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await preparedRows<T>(em, sql, params)).rows;
}
