import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, of, switchMap, throwError } from 'rxjs';
import { AuthenticatedRequest } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { IdempotencyStore, Reservation, StoredResponse } from './idempotency-store.service';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * For POSTs that create or start something. The caller's `Idempotency-Key` is reserved before the
 * handler runs, so of many concurrent requests with one key exactly one runs: the others get 409
 * IDEMPOTENCY_REQUEST_IN_PROGRESS while it runs, then its stored status and body, byte for byte.
 * The same key with another request is 422 IDEMPOTENCY_KEY_REUSED. A request that fails (any error,
 * 4xx included) stores nothing and frees the key, so the client may retry with it after fixing the cause.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    const personId = request.principal?.personId;
    if (typeof key !== 'string' || !key || !personId || request.method !== 'POST') return next.handle();
    if (key.length > 200) throw new AppError('VALIDATION_FAILED', { fields: 'Idempotency-Key' });

    const actingUnit = request.headers['x-acting-unit'];
    const requestHash = requestFingerprint({
      method: request.method,
      originalUrl: request.originalUrl,
      body: request.body,
      actingUnit: Array.isArray(actingUnit) ? actingUnit[0] : actingUnit,
    });
    return from(this.store.reserve(personId, key, requestHash)).pipe(
      switchMap((outcome) => (outcome.kind === 'replay' ? of(this.replay(response, outcome)) : this.run(next, response, outcome))),
    );
  }

  private run(next: CallHandler, response: Response, reservation: Reservation): Observable<unknown> {
    return next.handle().pipe(
      // A failed release is tried again in the background (IdempotencyStore.release); the client gets the real error.
      catchError((error: unknown) => from(this.store.release(reservation).catch(() => undefined)).pipe(switchMap(() => throwError(() => error)))),
      concatMap(async (body: unknown) => {
        // As Express's res.json would write it, so that a replay sends the very same bytes.
        await this.store.complete(reservation, response.statusCode, body === undefined || body === null ? null : JSON.stringify(body));
        return body;
      }),
    );
  }

  /** The stored JSON text goes out as it is (a string body is sent unchanged under the JSON content type). */
  private replay(response: Response, stored: StoredResponse): string | undefined {
    response.status(stored.status).setHeader('Idempotent-Replayed', 'true');
    if (stored.responseBody === null) return undefined;
    response.type('application/json');
    return stored.responseBody;
  }
}
