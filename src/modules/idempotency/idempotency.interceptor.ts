import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, Observable, of, switchMap } from 'rxjs';
import { AuthenticatedRequest } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { canonicalJson, sha256Hex } from '../../common/hashing/canonical-json';
import { IdempotencyRecord } from './idempotency-record.entity';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * For POSTs that start work: the first successful response to an `Idempotency-Key` is stored per
 * caller and replayed for a retry with the same key and request; the same key with another request is 422.
 * Failures are not stored, so a retry after an error runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    const personId = request.principal?.personId;
    if (typeof key !== 'string' || !key || !personId || request.method !== 'POST') return next.handle();
    if (key.length > 200) throw new AppError('VALIDATION_FAILED', { fields: 'Idempotency-Key' });

    const requestHash = sha256Hex(canonicalJson({ method: request.method, path: request.originalUrl, body: request.body ?? null }));
    return from(this.em.fork().findOne(IdempotencyRecord, { personId, key })).pipe(
      switchMap((stored) => {
        if (stored) {
          if (stored.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
          response.status(stored.status).setHeader('Idempotent-Replayed', 'true');
          return of(stored.body);
        }
        return next.handle().pipe(switchMap((body: unknown) => from(this.store(personId, key, requestHash, response.statusCode, body))));
      }),
    );
  }

  private async store(personId: string, key: string, requestHash: string, status: number, body: unknown): Promise<unknown> {
    const em = this.em.fork();
    try {
      em.create(IdempotencyRecord, { personId, key, requestHash, status, body: body ?? null });
      await em.flush();
    } catch (error) {
      // A concurrent request with the same key stored first; this one's work was refused by the domain anyway.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return body;
  }
}
