import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';

/**
 * The rows a plain SQL statement answers (or returns), in the caller's transaction: for the engine's hot path, where
 * building and hydrating a query through the ORM cost ten times the database's own work. Placeholders are `?`.
 */
export function sqlRows<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (em as SqlEntityManager).execute<T[]>(sql, params);
}
