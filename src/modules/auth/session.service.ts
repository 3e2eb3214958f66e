import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../../common/errors/app-error';
import { Person } from '../org/entities/person.entity';
import { PasswordService } from '../../common/auth/password.service';
import { RefreshToken } from './refresh-token.entity';
import { SignInThrottleService } from './sign-in-throttle.service';

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
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async signIn(username: string, password: string, ip: string): Promise<SessionTokens> {
    await this.throttle.assertAllowed(username, ip);
    const person = await this.em.findOne(Person, { username, archivedAt: null }, { populate: ['passwordHash'] });
    const ok = await this.passwords.verify(person?.passwordHash ?? null, password);
    if (!person || !ok) {
      await this.throttle.recordFailure(username, ip);
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.throttle.reset(username, ip);
    return this.issue(person.id, randomUUID());
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const stored = await this.em.fork().findOne(RefreshToken, { tokenHash: sha256(refreshToken) }, { populate: ['person'] });
    if (!stored || stored.expiresAt <= new Date() || stored.person.archivedAt) throw new AppError('TOKEN_INVALID');
    if (stored.revokedAt) {
      // A rotated token used again was probably stolen: end the whole sign-in.
      await this.revokeFamily(stored.family);
      throw new AppError('TOKEN_INVALID');
    }
    return this.em.transactional(async (em) => {
      const revoked = await em.nativeUpdate(RefreshToken, { id: stored.id, revokedAt: null }, { revokedAt: new Date() });
      if (revoked !== 1) throw new AppError('TOKEN_INVALID'); // a concurrent refresh won the race
      return this.issue(stored.person.id, stored.family, em);
    });
  }

  async signOut(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.em.fork().findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
    if (stored) await this.revokeFamily(stored.family);
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.em.fork().nativeUpdate(RefreshToken, { family, revokedAt: null }, { revokedAt: new Date() });
  }

  /** Returns the person id of a valid access token, or throws 401 TOKEN_INVALID. */
  async verifyAccessToken(token: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new Error('not an access token');
      return claims.sub;
    } catch {
      throw new AppError('TOKEN_INVALID');
    }
  }

  private async issue(personId: string, family: string, em: EntityManager = this.em): Promise<SessionTokens> {
    const { accessTtlSeconds, refreshTtlSeconds } = this.config.get('auth', { infer: true });
    const accessToken = await this.jwt.signAsync({ sub: personId, typ: 'access' } satisfies AccessClaims, {
      expiresIn: accessTtlSeconds,
      algorithm: 'HS256',
      jwtid: randomUUID(),
    });
    const refreshToken = randomBytes(32).toString('base64url');
    em.create(RefreshToken, {
      person: em.getReference(Person, personId),
      tokenHash: sha256(refreshToken),
      family,
      expiresAt: new Date(Date.now() + refreshTtlSeconds * 1000),
    });
    await em.flush();
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: accessTtlSeconds, refreshExpiresIn: refreshTtlSeconds };
  }
}
