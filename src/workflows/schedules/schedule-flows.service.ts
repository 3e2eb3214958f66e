import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import { logQueueErrors } from '../../queue/log-queue-errors';
import { QUEUES } from '../../queue/queue-names';
import { launchJobId, runJobId } from './schedule-jobs';

/**
 * The producer of the `evaluation-schedules` queue: owns its job options and ids. A run is a BullMQ flow: the parent
 * `schedule.run` waits for one `schedule.launch` child per subject, then records the run's summary. Finished jobs are
 * removed so that the same deterministic ids can run again (a retry of failed subjects, a "run now").
 */
@Injectable()
export class ScheduleFlows {
  private readonly logger = new Logger(ScheduleFlows.name);

  constructor(
    @InjectQueue(QUEUES.evaluationSchedules) private readonly queue: Queue,
    @InjectFlowProducer(QUEUES.evaluationSchedules) private readonly flows: FlowProducer,
  ) {
    logQueueErrors(queue, this.logger, QUEUES.evaluationSchedules);
  }

  /** Adds a run of a schedule's year for these subjects; while one is under way, the same ids make this a no-op. */
  async addRun(scheduleId: string, year: number, subjectKeys: string[]): Promise<string> {
    const jobId = runJobId(scheduleId, year);
    const queueName = QUEUES.evaluationSchedules;
    await this.flows.add({
      name: 'schedule.run',
      queueName,
      data: { scheduleId, year },
      opts: { jobId, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true },
      children: subjectKeys.map((subjectKey) => ({
        name: 'schedule.launch',
        queueName,
        data: { scheduleId, year, subjectKey },
        opts: {
          jobId: launchJobId(scheduleId, year, subjectKey),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
          // A child that keeps failing (the database down) must not hold the run forever: the parent counts it as failed.
          ignoreDependencyOnFailure: true,
        },
      })),
    });
    return jobId;
  }

  /** A tick now (a worker's start: the catch-up of missed runs). */
  async addTick(): Promise<void> {
    await this.queue.add('schedule.tick', {}, { removeOnComplete: true, removeOnFail: true, attempts: 1 });
  }

  /** The tick's job scheduler; idempotent, so every worker upserts it at start and again from time to time. */
  async scheduleTicks(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler('schedule.tick', { every: everyMs }, { name: 'schedule.tick', data: {}, opts: { removeOnComplete: true, removeOnFail: true, attempts: 1 } });
  }
}
