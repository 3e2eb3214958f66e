import type { HistoryEventDto } from './dto/campaign.dto';

/** A secret poll that still has fewer ballots than are needed to show who voted, and the vote stage run it belongs to (if any). */
export interface HiddenVoters {
  pollId: string;
  stage?: { key: string; iteration: number };
}

const REDACTED = 'ẩn — bỏ phiếu kín / hidden — secret ballot';

/**
 * The campaign's history as readers see it: while a secret poll has fewer than three ballots, the events that would
 * say which unit has voted (`ballot.cast`, and `task.completed` of its vote stage) lose their actor and assignee.
 * Never the choice: that is never written to the history. The stored chain is untouched (and verified as stored).
 */
export function redactSecretVoters(events: HistoryEventDto[], hidden: HiddenVoters[]): HistoryEventDto[] {
  if (!hidden.length) return events;
  const polls = new Set(hidden.map((entry) => entry.pollId));
  const stages = hidden.flatMap((entry) => (entry.stage ? [entry.stage] : []));
  return events.map((event) => {
    const castInHiddenPoll = event.type === 'ballot.cast' && polls.has(String(event.data.pollId));
    const voteInHiddenStage = event.type === 'task.completed' && stages.some((stage) => stage.key === event.data.stage && stage.iteration === event.data.iteration);
    if (!castInHiddenPoll && !voteInHiddenStage) return event;
    return { ...event, actor: null, data: { ...event.data, ...('assignee' in event.data ? { assignee: REDACTED } : {}), redacted: true } };
  });
}
