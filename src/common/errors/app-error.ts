import { catalogEntry, ErrorCode, ErrorKind } from './error-catalog';

/**
 * A domain error with a stable code. The message is chosen from the catalog in the
 * request's language; `params` fill its placeholders, `details` go to the client as they are.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.kind = catalogEntry(code).kind;
  }
}
