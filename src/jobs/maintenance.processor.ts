import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { RefreshTokenPurgeService } from '../modules/auth/refresh-token-purge.service';
import { QUEUES } from '../queue/queue-names';

export type MaintenanceJob = { name: 'refresh-token.purge'; data: Record<string, never> };

/** Housekeeping jobs: one processor for the queue, switching on the job name. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly refreshTokens: RefreshTokenPurgeService) {
    super();
  }

  async process(job: Job): Promise<{ deleted: number }> {
    switch (job.name as MaintenanceJob['name']) {
      case 'refresh-token.purge': {
        const deleted = await this.refreshTokens.purge();
        this.logger.log({ deleted }, 'Purged refresh tokens');
        return { deleted };
      }
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }
}
