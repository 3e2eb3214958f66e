import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../src/config/app-config';
import { AppError } from '../../src/common/errors/app-error';
import { SignInThrottleService } from '../../src/modules/auth/sign-in-throttle.service';
import { RedisService } from '../../src/queue/redis.service';
import { TEST_REDIS_URL } from '../support/test-app';

const config = (prefix: string) =>
  ({
    get: (key: string) =>
      key === 'redis'
        ? { url: TEST_REDIS_URL, prefix }
        : { maxFailedSignIns: 3, lockoutSeconds: 600, maxFailedSignInsPerAddressPerMinute: 10, maxFailedSignInsPerMinute: 300 },
  }) as unknown as ConfigService<AppConfig, true>;

/** The code of what `acquire` threw, or 'acquired'. */
const attempt = (throttle: SignInThrottleService, username: string, address: string) =>
  throttle.acquire(username, address).then(
    () => 'acquired',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('SignInThrottleService on a real Redis', () => {
  let redis: RedisService;
  let throttle: SignInThrottleService;

  beforeEach(async () => {
    const settings = config(`thidua-test-throttle-${process.pid}-${Date.now()}`);
    redis = new RedisService(settings);
    await redis.onModuleInit();
    throttle = new SignInThrottleService(redis, settings);
  });
  afterEach(() => redis.onModuleDestroy());

  it('counts against an address only the attempts that reached the password check, however they interleave', async () => {
    // All thirty take their address point at once, before any refusal has been given back: the order that failed on a busy machine.
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => attempt(throttle, 'hue.canbo', '203.0.113.10')));
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(3);
    expect(outcomes.filter((o) => o !== 'acquired').every((o) => o === 'TOO_MANY_SIGN_IN_ATTEMPTS')).toBe(true);
    // Three failures stand against the address (limit 10), so another person signs in from it, and the pair stays locked.
    await expect(attempt(throttle, 'hue.vientruong', '203.0.113.10')).resolves.toBe('acquired');
    await expect(attempt(throttle, 'hue.canbo', '203.0.113.10')).resolves.toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
  });

  it('still lets no more than the address limit of parallel attempts through', async () => {
    const outcomes = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt(throttle, `spray-${i}`, '203.0.113.20')));
    expect(outcomes.filter((o) => o === 'acquired')).toHaveLength(10);
    await expect(attempt(throttle, 'nghean.vientruong', '203.0.113.20')).resolves.toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    await expect(attempt(throttle, 'nghean.vientruong', '203.0.113.21')).resolves.toBe('acquired');
  });
});
