import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '../config/app-config';
import { RedisService } from './redis.service';

/** BullMQ over ioredis with the configured key prefix (each test run brings its own). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const { url, prefix } = config.get('redis', { infer: true });
        return {
          prefix,
          // Workers block on Redis: they need maxRetriesPerRequest null to wait out an outage.
          connection: { url, maxRetriesPerRequest: null },
          defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
        };
      },
    }),
  ],
  providers: [RedisService],
  exports: [BullModule, RedisService],
})
export class QueueModule {}
