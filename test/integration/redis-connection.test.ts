import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../../src/config/app-config';
import { RedisService } from '../../src/queue/redis.service';
import { TEST_REDIS_URL } from '../support/test-app';

const service = (url: string) =>
  new RedisService({ get: () => ({ url, prefix: `thidua-test-redis-${process.pid}` }) } as unknown as ConfigService<AppConfig, true>);

describe('RedisService connection', () => {
  it('a ping sent while the first connection is under way waits for it instead of failing', async () => {
    const redis = service(TEST_REDIS_URL);
    try {
      // The client connects in the background; without an offline queue a command sent now would be refused.
      expect(redis.client.status).not.toBe('ready');
      await expect(redis.ping(10_000)).resolves.toBeUndefined();
      expect(redis.client.status).toBe('ready');
    } finally {
      await redis.onModuleDestroy();
    }
  });

  it('starts when Redis refuses the connection, and a ping then names the refusal', async () => {
    const redis = service('redis://127.0.0.1:1');
    try {
      await redis.onModuleInit();
      await expect(redis.ping(5_000)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await redis.onModuleDestroy();
    }
  });
});
