import type { HistoryEventDto, TaskDto } from './dto/campaign.dto';
import { redactSecretVoters, redactVerdict, sealVoteTask } from './secret-ballot-redaction';

const hashOf = (seq: number) => String(seq).repeat(64).slice(0, 64);
const event = (seq: number, type: string, data: Record<string, unknown>, actor: Record<string, string> | null = { personId: 'p', unitId: 'u-hti' }): HistoryEventDto => ({
  seq,
  type,
  actor,
  data,
  occurredAt: '2020-03-01T00:00:00.000Z',
  prevHash: hashOf(seq - 1),
  hash: hashOf(seq),
});
const HEX_HASH = /^[0-9a-f]{64}$/;

describe('redactSecretVoters', () => {
  const events = [
    event(1, 'stage.entered', { stage: 'nomination', iteration: 1, assignees: ['unit:a', 'unit:b'] }, null),
    event(2, 'task.completed', { stage: 'nomination', iteration: 1, taskId: 'task-of-hti', assignee: 'unit:u-hti', outcome: 'voted' }),
    event(3, 'ballot.cast', { pollId: 'poll-secret', receipt: 'r' }),
    event(4, 'ballot.cast', { pollId: 'poll-open', receipt: 'r2' }),
    event(5, 'task.completed', { stage: 'nomination', iteration: 2, assignee: 'unit:u-nan', outcome: 'voted' }),
  ];

  it("hides who voted in a secret poll with too few ballots: actor, task and assignee, and nothing else", () => {
    const shown = redactSecretVoters(events, [{ pollId: 'poll-secret', stage: { key: 'nomination', iteration: 1 } }]);
    expect(shown[0]).toEqual(events[0]);
    expect(shown[1].actor).toBeNull();
    expect(shown[1].data).toMatchObject({ redacted: true, outcome: 'voted', stage: 'nomination', iteration: 1 });
    expect(JSON.stringify(shown[1])).not.toContain('u-hti');
    expect(JSON.stringify(shown[1])).not.toContain('task-of-hti');
    expect(shown[2].actor).toBeNull();
    expect(shown[2].data).toMatchObject({ pollId: 'poll-secret', receipt: 'r', redacted: true });
    expect(shown[3]).toMatchObject({ actor: events[3].actor, data: events[3].data });
    expect(shown[4]).toMatchObject({ actor: events[4].actor, data: events[4].data });
  });

  it('withholds every hash from the first hidden event on, since each covers the hidden actor; earlier ones stay', () => {
    const shown = redactSecretVoters(events, [{ pollId: 'poll-secret', stage: { key: 'nomination', iteration: 1 } }]);
    expect(shown[0]).toMatchObject({ prevHash: hashOf(0), hash: hashOf(1) });
    expect(shown[1].prevHash).toBe(hashOf(1));
    for (const later of shown.slice(1)) expect(later.hash).not.toMatch(HEX_HASH);
    for (const later of shown.slice(2)) expect(later.prevHash).not.toMatch(HEX_HASH);
    const verdict = { intact: true as const, events: 5, headHash: hashOf(5) };
    expect(redactVerdict(verdict, shown)).toMatchObject({ intact: true, events: 5 });
    expect(JSON.stringify(redactVerdict(verdict, shown))).not.toMatch(/[0-9a-f]{64}/);
    expect(redactVerdict(verdict, events)).toBe(verdict);
  });

  it('changes nothing when no poll hides its voters', () => {
    expect(redactSecretVoters(events, [])).toBe(events);
  });

  it("seals another unit's vote task: neither open nor done, no outcome, late only as its stage is", () => {
    const done: TaskDto = {
      id: 't', campaignId: 'c', campaignName: 'n', stageKey: 'nomination', stageName: 'Bình xét', stageType: 'vote', iteration: 1,
      unitId: 'u-hti', unitCode: 'VKS-HTI', personId: null, status: 'done', late: false, dueAt: null, outcome: 'voted', comment: 'x', commands: [],
    };
    const open: TaskDto = { ...done, status: 'open', late: true, outcome: null, comment: null };
    expect(sealVoteTask(done, true)).toEqual(sealVoteTask(open, true));
    expect(sealVoteTask(done, false)).toMatchObject({ status: 'sealed', outcome: null, comment: null, late: false });
  });
});
