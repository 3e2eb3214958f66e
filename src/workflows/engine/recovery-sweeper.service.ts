import { EntityManager } from '@mikro-orm/core';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../modules/calendar/clock';
import { PollsService } from '../../modules/voting/polls.service';
import { StageRun } from './entities/stage-run.entity';
import { OutboxService } from './outbox.service';
import { StageDeadlinesService } from './stage-deadlines.service';

export interface SweepReport {
  relayed: number;
  overdueHandled: number;
  /** Polls outside any vote stage (ad-hoc ones) closed because their closing time passed. */
  pollsClosed: number;
}

/**
 * Repairs what a dead worker or a Redis outage left behind: relays unsent outbox rows and applies
 * the deadline of every open stage whose due time passed (onDue is idempotent, so a job that
 * also fires later changes nothing). Then closes the polls whose closing time passed and that no stage closed
 * (a vote stage closes its own poll on its deadline, with the count as its outcome).
 */
@Injectable()
export class RecoverySweeper {
  private readonly logger = new Logger(RecoverySweeper.name);

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly deadlines: StageDeadlinesService,
    private readonly clock: Clock,
    private readonly polls: PollsService,
  ) {}

  async sweep(): Promise<SweepReport> {
    const relayed = await this.outbox.relay().catch((error: Error) => {
      this.logger.warn({ err: error }, 'Outbox relay failed during the sweep');
      return 0;
    });
    const overdue = await this.em.fork().find(
      StageRun,
      { status: 'active', dueAt: { $lte: this.clock.now() }, overdue: false },
      { orderBy: { dueAt: 'asc' }, limit: 500 },
    );
    let overdueHandled = 0;
    for (const run of overdue) {
      try {
        if ((await this.deadlines.onDue(run.id)) === 'handled') overdueHandled++;
      } catch (error) {
        this.logger.warn({ err: error, stageRunId: run.id }, 'Could not apply an overdue deadline');
      }
    }
    const pollsClosed = await this.polls.closeDuePolls(this.clock.now()).then(
      (closed) => closed.length,
      (error: Error) => {
        this.logger.warn({ err: error }, 'Could not close the polls past their closing time');
        return 0;
      },
    );
    return { relayed, overdueHandled, pollsClosed };
  }
}
