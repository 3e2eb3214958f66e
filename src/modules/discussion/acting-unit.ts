import type { Request } from 'express';
import type { ActingFor } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import type { PrincipalService } from '../auth/principal.service';

function header(request: Request): string | undefined {
  const value = request.headers['x-acting-unit'];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The unit a person speaks for in a discussion: the one named by `X-Acting-Unit` (403 NOT_MANDATED without a valid
 * mandate for it), or else their only unit; a person with no unit mandate, or several and no header, speaks only
 * for themselves (null).
 */
export async function speakingFor(principals: PrincipalService, personId: string, request: Request): Promise<ActingFor | null> {
  const unitRef = header(request);
  if (unitRef) return principals.resolveActingFor(personId, unitRef);
  const units = await principals.actingForAll(personId);
  return units.length === 1 ? units[0] : null;
}

/**
 * The unit a person proposes for: as `speakingFor`, but only units propose amendments.
 * @throws AppError AMENDMENT_UNIT_REQUIRED (403) without any unit mandate; ACTING_UNIT_REQUIRED (400) with several and no header.
 */
export async function proposingFor(principals: PrincipalService, personId: string, request: Request): Promise<ActingFor> {
  const unitRef = header(request);
  if (unitRef) return principals.resolveActingFor(personId, unitRef);
  const units = await principals.actingForAll(personId);
  if (units.length === 1) return units[0];
  throw new AppError(units.length ? 'ACTING_UNIT_REQUIRED' : 'AMENDMENT_UNIT_REQUIRED');
}
