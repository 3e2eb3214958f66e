import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The app's own Redis client for small keys (sign-in throttling, health). Commands fail
 * fast while Redis is down instead of queueing, so a request never hangs on it.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;
  readonly prefix: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const { url, prefix } = config.get('redis', { infer: true });
    this.prefix = prefix;
    this.client = new Redis(url, {
      keyPrefix: `${prefix}:`,
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Errors surface through health and command failures; an unhandled 'error' event would crash.
    this.client.on('error', () => undefined);
  }

  /** Round-trip to Redis within `timeoutMs`; rejects when Redis is not answering. */
  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
