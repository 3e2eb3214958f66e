import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { RefreshToken } from './refresh-token.entity';

const DAY = 24 * 3600 * 1000;

/** Deletes refresh tokens that can no longer be used; a revoked one is kept a week for reuse detection. */
@Injectable()
export class RefreshTokenPurgeService {
  constructor(private readonly em: EntityManager) {}

  async purge(now = new Date()): Promise<number> {
    return this.em.fork().nativeDelete(RefreshToken, {
      $or: [{ expiresAt: { $lt: now } }, { revokedAt: { $lt: new Date(now.getTime() - 7 * DAY) } }],
    });
  }
}
