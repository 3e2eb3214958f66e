import type { CatalogEntry } from './error-catalog';

/** Error codes of documents, discussion and amendments; spread into ERROR_CATALOG. */
export const DOCUMENT_ERRORS = {} satisfies Record<string, CatalogEntry>;
