import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../../common/errors/app-error';
import { sqlRows } from '../../database/sql-rows';
import { Clock } from '../calendar/clock';
import { Person } from '../org/entities/person.entity';
import { PasswordService } from '../../common/auth/password.service';
import { RefreshToken } from './refresh-token.entity';
import { SignInThrottleService } from './sign-in-throttle.service';
import { PrincipalService } from './principal.service';
import type { Principal } from '../../common/auth/principal';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshExpiresIn: number;
}

interface AccessClaims {
  sub: string;
  typ: 'access';
  /** The session: the refresh-token family of the sign-in, so that signing out ends its access tokens too. */
  sid: string;
}

/** What a verified access token must carry, `exp` and `iat` (added by the signer) included. */
function isAccessClaims(claims: Partial<Record<keyof AccessClaims | 'exp' | 'iat', unknown>>): claims is AccessClaims {
  return (
    claims.typ === 'access' &&
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number'
  );
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Sign-in, refresh with rotation, sign-out, and access-token verification. */
@Injectable()
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: SignInThrottleService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly principals: PrincipalService,
  ) {}

  async signIn(username: string, password: string, ip: string): Promise<SessionTokens> {
    await this.throttle.acquire(username, ip);
    const person = await this.em.findOne(Person, { username, archivedAt: null }, { populate: ['passwordHash'] });
    const ok = await this.passwords.verify(person?.passwordHash ?? null, password);
    if (!person || !ok) throw new AppError('INVALID_CREDENTIALS');
    await this.throttle.succeeded(username, ip);
    return this.issue(person.id, randomUUID());
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const tokenHash = sha256(refreshToken);
    const stored = await this.em.fork().findOne(RefreshToken, { tokenHash }, { populate: ['person'] });
    const now = this.clock.now();
    if (!stored || stored.expiresAt <= now || stored.person.archivedAt) throw new AppError('TOKEN_INVALID');
    if (stored.revokedAt) return this.refreshRotated(stored, now);
    const rotated = await this.em.transactional(async (em) => {
      const revoked = await em.nativeUpdate(RefreshToken, { id: stored.id, revokedAt: null }, { revokedAt: now });
      // A concurrent refresh of the same token won the race (it commits before this update returns).
      if (revoked !== 1) return undefined;
      return this.issue(stored.person.id, stored.family, em);
    });
    return rotated ?? this.refreshRotated(await this.em.fork().findOneOrFail(RefreshToken, { tokenHash }, { populate: ['person'] }), now);
  }

  /**
   * A rotated token presented again. Within the grace window it is another tab that refreshed at the
   * same moment with the same cookie: it gets a fresh pair of the same session, as long as the session
   * is still alive (not signed out). Later, the token was probably stolen: the whole session ends.
   */
  private async refreshRotated(stored: RefreshToken, now: Date): Promise<SessionTokens> {
    const graceMs = this.config.get('auth', { infer: true }).refreshGraceSeconds * 1000;
    const rotatedAgoMs = now.getTime() - (stored.revokedAt ?? now).getTime();
    if (rotatedAgoMs > graceMs) {
      await this.revokeFamily(stored.family);
      throw new AppError('TOKEN_INVALID');
    }
    if (!(await this.isSessionAlive(stored.family))) throw new AppError('TOKEN_INVALID');
    return this.issue(stored.person.id, stored.family);
  }

  /**
   * Ends the session of the refresh token, or else of the access token: its refresh tokens stop working
   * and, since the guard checks the session, so do its access tokens.
   */
  async signOut(refreshToken: string | undefined, accessToken?: string): Promise<void> {
    if (refreshToken) {
      const stored = await this.em.fork().findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
      if (stored) return this.revokeFamily(stored.family);
    }
    const claims = accessToken ? await this.verifiedClaims(accessToken).catch(() => undefined) : undefined;
    if (claims) await this.revokeFamily(claims.sid);
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.em.fork().nativeUpdate(RefreshToken, { family, revokedAt: null }, { revokedAt: this.clock.now() });
  }

  /**
   * A session lives while one of its refresh tokens is unrevoked: rotation always leaves one, sign-out none. Asked on
   * every signed-in request, so a plain statement (the ORM's count costs several times the lookup).
   */
  private async isSessionAlive(family: string): Promise<boolean> {
    return (await sqlRows(this.em, 'select 1 from refresh_token where family = ? and revoked_at is null limit 1', [family])).length > 0;
  }

  /**
   * The signed-in person of a valid access token of a live session, with their roles, or 401 TOKEN_INVALID. One
   * statement: asked on every signed-in request.
   */
  async principalOf(token: string): Promise<Principal> {
    const claims = await this.verifiedClaims(token);
    return this.principals.load(claims.sub, claims.sid);
  }

  /** Returns the person id of a valid access token of a live session, or throws 401 TOKEN_INVALID. */
  async verifyAccessToken(token: string): Promise<string> {
    const claims = await this.verifiedClaims(token);
    // One indexed lookup: signing out (or reuse of a stolen refresh token) ends the access tokens at once.
    if (!(await this.isSessionAlive(claims.sid))) throw new AppError('TOKEN_INVALID');
    return claims.sub;
  }

  /** Signature, algorithm, expiry and the claims an access token must carry (a token without `exp` never expires). */
  private async verifiedClaims(token: string): Promise<AccessClaims> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      throw new AppError('TOKEN_INVALID');
    }
    if (!isAccessClaims(claims)) throw new AppError('TOKEN_INVALID');
    return claims;
  }

  private async issue(personId: string, family: string, em: EntityManager = this.em): Promise<SessionTokens> {
    const { accessTtlSeconds, refreshTtlSeconds } = this.config.get('auth', { infer: true });
    const accessToken = await this.jwt.signAsync({ sub: personId, typ: 'access', sid: family } satisfies AccessClaims, {
      expiresIn: accessTtlSeconds,
      algorithm: 'HS256',
      jwtid: randomUUID(),
    });
    const refreshToken = randomBytes(32).toString('base64url');
    em.create(RefreshToken, {
      person: em.getReference(Person, personId),
      tokenHash: sha256(refreshToken),
      family,
      expiresAt: new Date(this.clock.now().getTime() + refreshTtlSeconds * 1000),
    });
    await em.flush();
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: accessTtlSeconds, refreshExpiresIn: refreshTtlSeconds };
  }
}
