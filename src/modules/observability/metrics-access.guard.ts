import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { accessTokenOf } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';

/** Compares digests, so that neither the length nor the content of the secret leaks through timing. */
function isSameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics: a scraper sending the bearer METRICS_TOKEN, or a signed-in administrator
 * (bearer or session cookie). The route is public to the global guard, which would refuse the
 * metrics token as a malformed session token.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const token = accessTokenOf(context.switchToHttp().getRequest<Request>());
    if (!token) throw new AppError('UNAUTHENTICATED');
    const { metricsToken } = this.config.get('observability', { infer: true });
    if (metricsToken && isSameSecret(token, metricsToken)) return true;
    const principal = await this.sessions.principalOf(token);
    if (!principal.roles.includes('admin')) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(['admin']) });
    return true;
  }
}
