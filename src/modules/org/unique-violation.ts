import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../../common/errors/app-error';

/**
 * Runs a write and turns a unique-constraint violation into the given coded error. The
 * constraint is the rule; any earlier look-up only gives a friendlier answer sooner.
 */
export async function onUniqueViolation<T>(write: () => Promise<T>, error: () => AppError): Promise<T> {
  try {
    return await write();
  } catch (cause) {
    if (cause instanceof UniqueConstraintViolationException) throw error();
    throw cause;
  }
}
