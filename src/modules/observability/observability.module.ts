import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EngineMetrics } from './engine-metrics.service';
import { JobDurationMetrics } from './job-duration-metrics.service';
import { MetricsRegistry } from './metrics-registry';

/**
 * The metrics every run role records: one registry per application instance, the engine's
 * counters and the job durations of this process's workers. Global so that the engine can
 * inject EngineMetrics without importing it; served by ObservabilityHttpModule.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [MetricsRegistry, EngineMetrics, JobDurationMetrics],
  exports: [MetricsRegistry, EngineMetrics],
})
export class ObservabilityModule {}
