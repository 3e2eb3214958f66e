import type { NextFunction, Request, Response } from 'express';
import { Principal } from '../../common/auth/principal';
import { anyOfRoles } from '../../common/auth/role-names';
import { AppError } from '../../common/errors/app-error';
import { accessTokenOf } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';
import { redirectSeeOther } from '../web/page-response';
import { PageSessionService } from '../web/page-session.service';
import { safeNextPath } from '../web/safe-next-path';

/** The sign-in page, coming back to the dashboard page asked for. */
function signInLocation(request: Request): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(request.originalUrl) ?? '/admin/queues')}`;
}

/** A browser asking for a page (not the dashboard's own JSON calls or its static files). */
function isPageRequest(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['json', 'html']) === 'html';
}

/**
 * Express middleware in front of Bull Board, whose routes are plain Express and so bypass the
 * global AuthGuard: only signed-in administrators pass. Pages resolve the session like the other
 * pages (an expired access cookie is renewed from the refresh cookie; without a session, a
 * redirect to sign-in). The dashboard's JSON calls only check the access token: they run
 * concurrently, and concurrent refreshes of one refresh token would look like token theft and
 * end the sign-in. Errors are thrown as AppError; Nest's middleware proxy hands them to the
 * global exception filter, which answers with the usual coded JSON.
 */
export class QueueDashboardAccess {
  constructor(
    private readonly pageSessions: PageSessionService,
    private readonly sessions: SessionService,
  ) {}

  readonly middleware = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const page = isPageRequest(request);
    const principal = page ? await this.pageSessions.resolve(request, response) : await this.tokenPrincipal(request);
    if (!principal) return redirectSeeOther(response, signInLocation(request));
    if (!principal.roles.includes('admin')) throw new AppError('FORBIDDEN_ROLE', { roles: anyOfRoles(['admin']) });
    // Job data is not for shared caches; the UI's own versioned static files may be cached.
    if (!request.path.includes('/static/')) response.set('Cache-Control', 'no-store');
    next();
  };

  private async tokenPrincipal(request: Request): Promise<Principal> {
    const token = accessTokenOf(request);
    if (!token) throw new AppError('UNAUTHENTICATED');
    return this.sessions.principalOf(token);
  }
}
