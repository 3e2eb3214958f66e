import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../../common/errors/app-error';
import { RedisService } from '../../queue/redis.service';

/** One limit on password checks: its counter and the key of a sign-in attempt in it. */
interface SignInLimit {
  limiter: RateLimiterRedis;
  key(username: string, address: string): string;
}

const MINUTE_SECONDS = 60;

/**
 * Limits password checks with counters in Redis shared by every API process: per username and
 * client address (so that an attacker elsewhere cannot lock a user out), per address over any
 * usernames (password spraying), and over the whole deployment (argon2's CPU). Each attempt takes
 * its point before the password is checked, in one atomic Lua call per limit, so parallel requests
 * cannot all slip past a count that has not yet seen their failures; a right password gives it back,
 * and so does a refused attempt, which never reached the check.
 */
@Injectable()
export class SignInThrottleService {
  private readonly logger = new Logger(SignInThrottleService.name);
  private readonly account: SignInLimit;
  private readonly limits: SignInLimit[];

  constructor(redis: RedisService, config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    // The client already prefixes every key with the deployment's prefix.
    const limit = (name: string, points: number, duration: number, key: SignInLimit['key']): SignInLimit => ({
      limiter: new RateLimiterRedis({ storeClient: redis.client, keyPrefix: `sign-in-${name}`, points, duration }),
      key,
    });
    const overall = limit('overall', auth.maxFailedSignInsPerMinute, MINUTE_SECONDS, () => 'all');
    const address = limit('address', auth.maxFailedSignInsPerAddressPerMinute, MINUTE_SECONDS, (_, ip) => ip);
    // The address first: it never contains '/', so the pair key is unambiguous whatever the username.
    this.account = limit('failures', auth.maxFailedSignIns, auth.lockoutSeconds, (username, ip) => `${ip}/${username.toLowerCase()}`);
    this.limits = [overall, address, this.account];
  }

  /**
   * Takes one attempt from every limit, or throws 429 TOO_MANY_SIGN_IN_ATTEMPTS with Retry-After,
   * giving back what it took, the refusing limit's point included: Redis counts a refused consume,
   * and kept, it would lock the address out by how parallel attempts happened to interleave.
   */
  async acquire(username: string, ip: string): Promise<void> {
    const taken: SignInLimit[] = [];
    for (const limit of this.limits) {
      try {
        await limit.limiter.consume(limit.key(username, ip));
        taken.push(limit);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) {
          // Redis down: sign-in stays available, unthrottled, and the outage shows in /health.
          this.logger.warn({ err: error }, 'Sign-in throttle unavailable');
          return;
        }
        await this.giveBack([...taken, limit], username, ip);
        const retryAfter = Math.max(Math.ceil(error.msBeforeNext / 1000), 1);
        throw new AppError('TOO_MANY_SIGN_IN_ATTEMPTS', { retryAfter }, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
      }
    }
  }

  /** The password was right: the attempt counts against no limit, and the pair's earlier failures are forgiven. */
  async succeeded(username: string, ip: string): Promise<void> {
    await this.giveBack(
      this.limits.filter((limit) => limit !== this.account),
      username,
      ip,
    );
    await this.account.limiter.delete(this.account.key(username, ip)).catch(() => undefined);
  }

  private async giveBack(limits: SignInLimit[], username: string, ip: string): Promise<void> {
    await Promise.all(limits.map((limit) => limit.limiter.reward(limit.key(username, ip)).catch(() => undefined)));
  }
}
