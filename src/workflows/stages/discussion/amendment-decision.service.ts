import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AmendmentsService } from '../../../modules/discussion/amendments.service';
import { ProposedAmendmentDto } from '../../../modules/discussion/dto/amendment-response.dto';
import { Amendment as MergeAmendment, findConflicts } from '../../../modules/documents/content/amendment-merge';
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
    const clash = result.outcome === 'passed' ? await this.clashWithAccepted(amendment) : undefined;
    const decision = result.outcome === 'passed' && !clash ? 'accepted' : 'rejected';
    const note = clash
      ? `${result.explanation.vi}; nhưng xung đột với sửa đổi số ${clash.number} đã được chấp nhận trên cùng điều khoản (AMENDMENT_CONFLICT), nên không đưa vào văn bản.`
      : result.explanation.vi;
    await this.amendments.decide(amendmentId, decision, note, { pollId });
    await record('amendment.decided', {
      amendmentId,
      number: amendment.number,
      pollId,
      decision,
      outcome: result.outcome,
      explanation: result.explanation,
      reason,
      ...(clash ? { conflict: { code: 'AMENDMENT_CONFLICT', with: clash.id, number: clash.number } } : {}),
    });
  }

  /**
   * The accepted amendment (same document and base version) this one would conflict with in the merge: the first
   * one accepted wins, so that the discussion can always close and merge (two changes of one clause, or an insert
   * after a clause another deletes).
   */
  private async clashWithAccepted(candidate: ProposedAmendmentDto): Promise<ProposedAmendmentDto | undefined> {
    const accepted = (await this.amendments.list(candidate.documentId, { status: 'accepted' })).items.filter((other) => other.baseVersion === candidate.baseVersion);
    const asMerge = (amendment: ProposedAmendmentDto): MergeAmendment => ({
      id: amendment.id,
      kind: amendment.kind as MergeAmendment['kind'],
      clauseId: amendment.clauseId,
      justification: amendment.justification,
    });
    const conflict = findConflicts([...accepted, candidate].map(asMerge)).find((pair) => pair.a === candidate.id || pair.b === candidate.id);
    if (!conflict) return undefined;
    const otherId = conflict.a === candidate.id ? conflict.b : conflict.a;
    return accepted.find((other) => other.id === otherId);
  }
}
