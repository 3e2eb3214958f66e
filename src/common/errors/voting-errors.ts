import type { CatalogEntry } from './error-catalog';

/** Error codes of polls, rules, ballots and tallies; spread into ERROR_CATALOG. */
export const VOTING_ERRORS = {} satisfies Record<string, CatalogEntry>;
