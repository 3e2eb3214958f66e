import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Cluster, Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisClientOf } from './redis-connection';

/**
 * The app's own Redis client for small keys (sign-in throttling, health). Commands fail
 * fast while Redis is down instead of queueing, so a request never hangs on it.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis | Cluster;
  readonly prefix: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const redis = config.get('redis', { infer: true });
    this.prefix = redis.prefix;
    this.client = redisClientOf(redis, {
      keyPrefix: `${redis.prefix}:`,
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Errors surface through health and command failures; an unhandled 'error' event would crash.
    this.client.on('error', () => undefined);
  }

  /**
   * Serve only once the client has connected or Redis has refused it: without an offline
   * queue, a request arriving while the first connection is still under way would find
   * Redis "down" on a busy machine. Redis being down does not stop the app from starting.
   */
  async onModuleInit(): Promise<void> {
    const outcome = await this.firstConnection(15_000);
    if (outcome !== 'ready') this.logger.warn(`Redis is not reachable yet (${outcome}); retrying in the background`);
  }

  /** Round-trip to Redis within `timeoutMs`; rejects when Redis is not answering. */
  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.whenReady().then(() => this.client.ping()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves at once when connected; while (re)connecting, waits for the connection. */
  private async whenReady(): Promise<void> {
    if (this.client.status === 'ready') return;
    if (this.client.status === 'end') throw new Error('connection closed');
    const outcome = await this.firstConnection();
    if (outcome !== 'ready') throw new Error(outcome);
  }

  /** 'ready', or the first connection error's message, or a timeout message. */
  private firstConnection(timeoutMs?: number): Promise<string> {
    if (this.client.status === 'ready') return Promise.resolve('ready');
    return new Promise((resolve) => {
      const done = (outcome: string) => {
        this.client.off('ready', onReady);
        this.client.off('error', onError);
        clearTimeout(timer);
        resolve(outcome);
      };
      const onReady = () => done('ready');
      const onError = (error: Error) => done(error.message);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => done(`no connection within ${timeoutMs} ms`), timeoutMs);
      this.client.once('ready', onReady);
      this.client.once('error', onError);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
