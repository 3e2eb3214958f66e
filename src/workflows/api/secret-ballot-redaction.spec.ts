import type { HistoryEventDto } from './dto/campaign.dto';
import { redactSecretVoters } from './secret-ballot-redaction';

const event = (seq: number, type: string, data: Record<string, unknown>, actor: Record<string, string> | null = { personId: 'p', unitId: 'u-hti' }): HistoryEventDto => ({
  seq,
  type,
  actor,
  data,
  occurredAt: '2020-03-01T00:00:00.000Z',
  prevHash: 'x',
  hash: 'y',
});

describe('redactSecretVoters', () => {
  const events = [
    event(1, 'stage.entered', { stage: 'nomination', iteration: 1, assignees: ['unit:a', 'unit:b'] }, null),
    event(2, 'task.completed', { stage: 'nomination', iteration: 1, assignee: 'unit:u-hti', outcome: 'voted' }),
    event(3, 'ballot.cast', { pollId: 'poll-secret', receipt: 'r' }),
    event(4, 'ballot.cast', { pollId: 'poll-open', receipt: 'r2' }),
    event(5, 'task.completed', { stage: 'nomination', iteration: 2, assignee: 'unit:u-nan', outcome: 'voted' }),
  ];

  it("hides who voted in a secret poll with too few ballots, and nothing else", () => {
    const shown = redactSecretVoters(events, [{ pollId: 'poll-secret', stage: { key: 'nomination', iteration: 1 } }]);
    expect(shown[0]).toEqual(events[0]);
    expect(shown[1].actor).toBeNull();
    expect(shown[1].data).toMatchObject({ redacted: true, outcome: 'voted' });
    expect(JSON.stringify(shown[1])).not.toContain('u-hti');
    expect(shown[2].actor).toBeNull();
    expect(shown[2].data).toMatchObject({ pollId: 'poll-secret', receipt: 'r', redacted: true });
    expect(shown[3]).toEqual(events[3]);
    expect(shown[4]).toEqual(events[4]);
  });

  it('changes nothing when no poll hides its voters', () => {
    expect(redactSecretVoters(events, [])).toBe(events);
  });
});
