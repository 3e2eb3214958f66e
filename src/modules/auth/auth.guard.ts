import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACTS_FOR_UNIT_KEY, PUBLIC_KEY, ROLES_KEY } from '../../common/auth/auth.decorators';
import { AuthenticatedRequest } from '../../common/auth/principal';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { ACCESS_COOKIE } from './auth-cookies';
import { PrincipalService } from './principal.service';
import { SessionService } from './session.service';

/** Reads the bearer token (API clients) or the HTTP-only cookie (pages). */
export function accessTokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return request.cookies?.[ACCESS_COOKIE];
}

/**
 * The global guard, in order: sign-in (unless @Public), granted roles (@Roles),
 * then the unit the caller acts for (@ActsForUnit, header X-Acting-Unit).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const token = accessTokenOf(request);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const principal = await this.sessions.principalOf(token);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.some((role) => principal.roles.includes(role))) {
      throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(roles) });
    }

    if (this.reflector.getAllAndOverride<boolean>(ACTS_FOR_UNIT_KEY, targets)) {
      const header = request.headers['x-acting-unit'];
      request.actingFor = await this.principals.resolveActingFor(principal.personId, Array.isArray(header) ? header[0] : header);
    }
    return true;
  }
}
