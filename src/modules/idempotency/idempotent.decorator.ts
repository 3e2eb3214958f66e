import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const DEFAULT_DESCRIPTION =
  'Any unique string up to 200 characters: a retry with the same key and request answers the first response instead of doing the work again; ' +
  '409 IDEMPOTENCY_REQUEST_IN_PROGRESS while the first still runs, 422 IDEMPOTENCY_KEY_REUSED for another request. Errors are not kept: the key may be retried.';

/** A POST that creates something: a client may send an `Idempotency-Key` to retry it safely (the module must import IdempotencyModule). */
export function Idempotent(description = DEFAULT_DESCRIPTION): MethodDecorator {
  return applyDecorators(UseInterceptors(IdempotencyInterceptor), ApiHeader({ name: 'Idempotency-Key', required: false, description }));
}
