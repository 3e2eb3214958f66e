import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../../common/errors/app-error';
import { RedisService } from '../../queue/redis.service';

/**
 * Counts failed sign-ins per username and client address in Redis, so every API process
 * shares the count. Keyed by both so that an attacker cannot lock a user out from elsewhere.
 */
@Injectable()
export class SignInThrottleService {
  private readonly logger = new Logger(SignInThrottleService.name);

  constructor(
    private readonly redis: RedisService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  private key(username: string, ip: string): string {
    return `sign-in-failures:${username.toLowerCase()}:${ip}`;
  }

  /** Throws 429 TOO_MANY_SIGN_IN_ATTEMPTS while the pair is locked out. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const { maxFailedSignIns } = this.config.get('auth', { infer: true });
    try {
      const key = this.key(username, ip);
      const [count, ttl] = await Promise.all([this.redis.client.get(key), this.redis.client.ttl(key)]);
      if (Number(count ?? 0) >= maxFailedSignIns) {
        const retryAfter = Math.max(ttl, 1);
        throw new AppError('TOO_MANY_SIGN_IN_ATTEMPTS', { retryAfter }, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      // Redis down: sign-in stays available, unthrottled, and the outage shows in /health.
      this.logger.warn({ err: error }, 'Sign-in throttle unavailable');
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const { lockoutSeconds } = this.config.get('auth', { infer: true });
    try {
      const key = this.key(username, ip);
      await this.redis.client.multi().incr(key).expire(key, lockoutSeconds, 'NX').exec();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not record a failed sign-in');
    }
  }

  async reset(username: string, ip: string): Promise<void> {
    await this.redis.client.del(this.key(username, ip)).catch(() => undefined);
  }
}
