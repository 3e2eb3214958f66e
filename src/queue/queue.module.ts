import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/app-config';
import { QueueConnection, QueueConnectionModule, queuePrefixOf } from './redis-connection';
import { RedisService } from './redis.service';

/** BullMQ over ioredis (one Redis or a Redis Cluster) with the configured key prefix (each test run brings its own). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [ConfigService, QueueConnection],
      useFactory: (config: ConfigService<AppConfig, true>, queues: QueueConnection) => ({
        prefix: queuePrefixOf(config.get('redis', { infer: true })),
        connection: queues.connection,
        defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
  ],
  providers: [RedisService],
  exports: [BullModule, RedisService],
})
export class QueueModule {}
