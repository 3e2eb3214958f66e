import type { CatalogEntry } from './error-catalog';

/** Error codes of e-mail notices; spread into ERROR_CATALOG. */
export const MAIL_ERRORS = {
  MAIL_MESSAGE_NOT_FOUND: { kind: 'not-found', message: { vi: 'Không tìm thấy thư {id}.', en: 'Mail message {id} not found.' } },
} satisfies Record<string, CatalogEntry>;
