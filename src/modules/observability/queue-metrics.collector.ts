import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { QUEUES } from '../../queue/queue-names';
import { MetricsRegistry } from './metrics-registry';
import { logQueueErrors } from '../../queue/log-queue-errors';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
/** A scrape must answer even while Redis is down (queue commands then wait for the reconnection). */
const COUNT_TIMEOUT_MS = 1000;

/**
 * `thidua_queue_jobs{queue,state}`: job counts read from BullMQ when Prometheus scrapes. A queue
 * whose counts cannot be read in time is left out of that scrape rather than shown with stale values.
 */
@Injectable()
export class QueueMetricsCollector implements OnModuleInit {
  private readonly logger = new Logger(QueueMetricsCollector.name);
  private queues: Queue[] = [];

  constructor(
    metrics: MetricsRegistry,
    private readonly moduleRef: ModuleRef,
  ) {
    const gauge: Gauge<'queue' | 'state'> = new Gauge({
      name: 'thidua_queue_jobs',
      help: 'BullMQ jobs per queue and state, read at scrape time',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      collect: () => this.collect(gauge),
    });
  }

  /** Every queue of QUEUES (ObservabilityHttpModule registers them all). */
  onModuleInit(): void {
    this.queues = Object.values(QUEUES).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    for (const queue of this.queues) logQueueErrors(queue, this.logger, queue.name);
  }

  private async collect(gauge: Gauge<'queue' | 'state'>): Promise<void> {
    const counts = await Promise.all(this.queues.map((queue) => this.countsOf(queue)));
    gauge.reset();
    this.queues.forEach((queue, index) => {
      const queueCounts = counts[index];
      if (queueCounts) for (const state of QUEUE_STATES) gauge.set({ queue: queue.name, state }, queueCounts[state] ?? 0);
    });
  }

  private async countsOf(queue: Queue): Promise<Record<string, number> | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${COUNT_TIMEOUT_MS} ms`)), COUNT_TIMEOUT_MS);
    });
    const counting = queue.getJobCounts(...QUEUE_STATES);
    counting.catch(() => undefined); // still pending after a timeout; its late failure is of no interest
    try {
      return await Promise.race([counting, timeout]);
    } catch (error) {
      this.logger.warn({ err: error, queue: queue.name }, 'Could not read queue counts for /metrics');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
