import type { ChainVerdict } from '../engine/campaign-history.service';
import type { HistoryEventDto, TaskDto } from './dto/campaign.dto';

/** A secret poll that still has fewer ballots than are needed to show who voted, and the vote stage run it belongs to (if any). */
export interface HiddenVoters {
  pollId: string;
  stage?: { key: string; iteration: number };
}

const REDACTED = 'ẩn — bỏ phiếu kín / hidden — secret ballot';

/** What in a vote's `task.completed` names the unit: its task (one per unit) and the assignee. */
const IDENTIFYING_KEYS = ['taskId', 'assignee'] as const;

/**
 * The campaign's history as readers see it: while a secret poll has fewer than three ballots, the events that would
 * say which unit has voted (`ballot.cast`, and `task.completed` of its vote stage) lose their actor, task and assignee.
 * Never the choice: that is never written to the history. The stored chain is untouched (and verified as stored), but
 * its hashes from the first hidden event on are withheld too: every one of them covers the hidden actor, so a reader
 * who knows a unit's actor from another event could otherwise confirm a guess by hashing it.
 */
export function redactSecretVoters(events: HistoryEventDto[], hidden: HiddenVoters[]): HistoryEventDto[] {
  if (!hidden.length) return events;
  const polls = new Set(hidden.map((entry) => entry.pollId));
  const stages = hidden.flatMap((entry) => (entry.stage ? [entry.stage] : []));
  let withholding = false;
  return events.map((event) => {
    const castInHiddenPoll = event.type === 'ballot.cast' && polls.has(String(event.data.pollId));
    const voteInHiddenStage = event.type === 'task.completed' && stages.some((stage) => stage.key === event.data.stage && stage.iteration === event.data.iteration);
    const linkedToHidden = withholding;
    if (castInHiddenPoll || voteInHiddenStage) withholding = true;
    const hashes = withholding ? { hash: REDACTED, ...(linkedToHidden && { prevHash: REDACTED }) } : {};
    if (!castInHiddenPoll && !voteInHiddenStage) return { ...event, ...hashes };
    const identifying = Object.fromEntries(IDENTIFYING_KEYS.filter((key) => key in event.data).map((key) => [key, REDACTED]));
    return { ...event, ...hashes, actor: null, data: { ...event.data, ...identifying, redacted: true } };
  });
}

/** The chain's verdict as readers see it: intact, but without the head hash while the history withholds hashes. */
export function redactVerdict(verdict: ChainVerdict, shown: HistoryEventDto[]): ChainVerdict {
  return verdict.intact && shown.some((event) => event.data.redacted === true) ? { ...verdict, headHash: REDACTED } : verdict;
}

/**
 * Another unit's task in a vote whose voters are hidden, as everyone but that unit sees it: `sealed`, neither open nor
 * done, without outcome or comment, and late only as the whole stage is (a task voted before the due time would not be).
 */
export function sealVoteTask(task: TaskDto, stageOverdue: boolean): TaskDto {
  return { ...task, status: 'sealed', outcome: null, comment: null, late: stageOverdue, commands: [] };
}
