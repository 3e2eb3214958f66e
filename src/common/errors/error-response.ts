import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { Language } from '../i18n/language';
import { AppError } from './app-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { catalogMessage, ErrorCode, statusOf } from './error-catalog';

/** The body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Set when the cause must be logged (500s). */
  cause?: unknown;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
};

/** Errors raised by body-parser before any route runs. */
interface BodyParserError {
  type?: string;
  status?: number;
}

function fromAppError(error: AppError, language: Language): ErrorResponse {
  const status = statusOf(error.code);
  const message = catalogMessage(error.code, error.params, language);
  const body: ErrorBody = { code: error.code, message };
  if (error.details !== undefined) body.details = error.details;
  return { status, body, headers: error.headers };
}

/** Maps anything thrown to a status and an `{ code, message, details?, errorId? }` body; 500s reveal nothing but an id. */
export function toErrorResponse(error: unknown, language: Language, path: string): ErrorResponse {
  if (error instanceof AppError) return fromAppError(error, language);

  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.parse.failed') return fromAppError(new AppError('INVALID_JSON'), language);
  if (parserError?.type === 'entity.too.large') {
    return fromAppError(new AppError('PAYLOAD_TOO_LARGE', { limit: '1 MiB' }), language);
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status];
    if (code) {
      const response = fromAppError(new AppError(code, { path, limit: '1 MiB' }), language);
      return { ...response, status };
    }
    if (status < 500) {
      const response = fromAppError(new AppError('HTTP_ERROR'), language);
      return { ...response, status };
    }
  }

  if (isDatabaseUnavailable(error)) {
    return fromAppError(new AppError('DATABASE_UNAVAILABLE', { retryAfter: DATABASE_RETRY_AFTER_SECONDS }, undefined, { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }), language);
  }

  const errorId = randomUUID();
  const response = fromAppError(new AppError('INTERNAL_ERROR', { errorId }), language);
  return { ...response, body: { ...response.body, errorId }, cause: error };
}
