import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AmendmentsService } from '../../../modules/discussion/amendments.service';
import { CloseReason } from '../../../modules/voting/entities/poll.entity';
import { PollsService } from '../../../modules/voting/polls.service';

/** Appends an event to the campaign's history in the caller's transaction. */
export type RecordEvent = (type: string, data: Record<string, unknown>) => Promise<void>;

/**
 * An amendment is decided by its poll: closed (when every member has voted, or with the discussion), then accepted
 * when the count passes and rejected otherwise, with the arithmetic as the decision note and in the history.
 * Idempotent: a closed poll answers its result, a decided amendment stays as decided.
 */
@Injectable()
export class AmendmentDecisionService {
  constructor(
    private readonly polls: PollsService,
    private readonly amendments: AmendmentsService,
  ) {}

  async decide(em: EntityManager, amendmentId: string, pollId: string, reason: CloseReason, record: RecordEvent): Promise<void> {
    const amendment = await this.amendments.get(amendmentId);
    if (amendment.status !== 'proposed') {
      // A withdrawn amendment's poll still closes, so that nobody votes on it any more.
      if (amendment.status === 'withdrawn') await this.polls.closePoll(pollId, reason, em);
      return;
    }
    const result = await this.polls.closePoll(pollId, reason, em);
    const decision = result.outcome === 'passed' ? 'accepted' : 'rejected';
    await this.amendments.decide(amendmentId, decision, result.explanation.vi, { pollId });
    await record('amendment.decided', { amendmentId, number: amendment.number, pollId, decision, outcome: result.outcome, explanation: result.explanation, reason });
  }
}
