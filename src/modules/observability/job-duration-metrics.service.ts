import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** From a 5 ms reminder to a long recovery sweep. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * `thidua_job_duration_seconds{queue,name}`: how long each completed job ran, from BullMQ's own
 * `processedOn`/`finishedOn` stamps. It listens to the 'completed' event of every Worker of this
 * process, found at boot among the @Processor hosts: the processors stay unchanged and a new queue is
 * measured without any code, and no extra Redis connection is opened (QueueEvents would need one per
 * queue, and would count every job once per listening process). A process without workers measures nothing.
 */
@Injectable()
export class JobDurationMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobDurationMetrics.name);
  private readonly durations: Histogram<'queue' | 'name'>;

  constructor(
    private readonly discovery: DiscoveryService,
    metrics: MetricsRegistry,
  ) {
    this.durations = new Histogram({
      name: 'thidua_job_duration_seconds',
      help: 'Run time of completed BullMQ jobs, from start to completion of the last attempt',
      labelNames: ['queue', 'name'],
      buckets: DURATION_BUCKETS,
      registers: [metrics.registry],
    });
  }

  /** Workers exist from onModuleInit (created by @nestjs/bullmq's explorer), so bootstrap is the first safe moment. */
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const host: unknown = wrapper.instance;
      if (!(host instanceof WorkerHost)) continue;
      try {
        const worker = host.worker;
        worker.on('completed', (job: Job) => this.observe(worker.name, job));
      } catch (error) {
        // A processor registered manually has no worker yet; it simply goes unmeasured.
        this.logger.warn({ err: error, processor: wrapper.name }, 'No worker to measure');
      }
    }
  }

  private observe(queue: string, job: Job): void {
    if (!job.processedOn || !job.finishedOn) return;
    this.durations.observe({ queue, name: job.name }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
  }
}
