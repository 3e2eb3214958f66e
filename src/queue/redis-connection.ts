import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, RedisOptions } from 'ioredis';
import type { AppConfig, RedisConfig } from '../config/app-config';

/**
 * BullMQ's key prefix. On a Redis Cluster it is a hash tag (`{thidua}`): BullMQ's scripts touch several keys of a
 * queue at once, and a flow several queues, which a cluster allows only within one hash slot. A single Redis keeps
 * the plain prefix, so the jobs of an existing deployment stay where they are.
 */
export const queuePrefixOf = (config: RedisConfig): string => (config.clusterNodes ? `{${config.prefix}}` : config.prefix);

/** A client of the configured Redis: one server by URL, or a cluster from its seed nodes. */
export function redisClientOf(config: RedisConfig, options: RedisOptions): Redis | Cluster {
  if (!config.clusterNodes) return new Redis(config.url, options);
  const { keyPrefix, enableOfflineQueue, ...perNode } = options;
  return new Cluster(config.clusterNodes, { keyPrefix, enableOfflineQueue, redisOptions: perNode, clusterRetryStrategy: perNode.retryStrategy ?? undefined });
}

/**
 * BullMQ's connection: options for one Redis (BullMQ opens and closes its own connections), or one cluster client
 * shared by the queues, which BullMQ leaves open and this closes once the application has shut its queues down.
 */
@Injectable()
export class QueueConnection implements OnApplicationShutdown {
  readonly connection: ConnectionOptions;
  private readonly cluster?: Cluster;

  constructor(config: ConfigService<AppConfig, true>) {
    const redis = config.get('redis', { infer: true });
    // Workers block on Redis: they need maxRetriesPerRequest null to wait out an outage.
    if (redis.clusterNodes) {
      this.cluster = redisClientOf(redis, { maxRetriesPerRequest: null }) as Cluster;
      this.connection = this.cluster;
    } else {
      this.connection = { url: redis.url, maxRetriesPerRequest: null };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.cluster?.disconnect();
  }
}

@Module({ providers: [QueueConnection], exports: [QueueConnection] })
export class QueueConnectionModule {}
