import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ActingFor, AuthenticatedRequest, Principal } from './principal';

export const PUBLIC_KEY = 'thidua:public';
export const ROLES_KEY = 'thidua:roles';
export const ACTS_FOR_UNIT_KEY = 'thidua:acts-for-unit';

/** The route needs no sign-in. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller must hold one of these granted roles. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

/** The caller acts for the unit named by the `X-Acting-Unit` header (id or code) and must hold a valid mandate for it. */
export const ActsForUnit = () => SetMetadata(ACTS_FOR_UNIT_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

export const CurrentActingFor = createParamDecorator(
  (_: unknown, context: ExecutionContext): ActingFor | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().actingFor,
);
