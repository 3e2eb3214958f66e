import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { QUEUES } from '../../queue/queue-names';
import { LaunchJobResult, ScheduleJob } from './schedule-jobs';
import { ScheduledLauncher } from './scheduled-launcher.service';

/**
 * The `evaluation-schedules` queue: ticks, the launch of one subject, and a run's parent. A launch is short, so the
 * lock is short too: a job of a worker that died is found stalled and taken over within seconds, not half a minute.
 */
@Processor(QUEUES.evaluationSchedules, { lockDuration: 10_000, stalledInterval: 5_000 })
export class EvaluationSchedulesProcessor extends WorkerHost {
  constructor(private readonly launcher: ScheduledLauncher) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const typed = job as unknown as ScheduleJob;
    switch (typed.name) {
      case 'schedule.tick':
        return this.launcher.tick();
      case 'schedule.launch':
        return this.launcher.launchSubject(typed.data.scheduleId, typed.data.year, typed.data.subjectKey);
      case 'schedule.run': {
        const values = Object.values(await job.getChildrenValues<LaunchJobResult>());
        const failedChildren = Object.keys(await job.getIgnoredChildrenFailures()).length;
        return this.launcher.recordRun(typed.data.scheduleId, typed.data.year, values, failedChildren);
      }
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }
}
