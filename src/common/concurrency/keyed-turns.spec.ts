import { KeyedTurns } from './keyed-turns';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('KeyedTurns', () => {
  it('runs work on one key in turn, in arrival order, and tells the later work that it waited', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const gate = deferred();
    const first = turns.run('a', async (waited) => {
      log.push(`first start ${waited}`);
      await gate.promise;
      log.push('first end');
      return 1;
    });
    const second = turns.run('a', async (waited) => {
      log.push(`second ${waited}`);
      return 2;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['first start false']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start false', 'first end', 'second true']);
  });

  it('runs work on different keys at once', async () => {
    const turns = new KeyedTurns();
    const gate = deferred();
    const held = turns.run('a', () => gate.promise);
    let otherRan = false;
    await turns.run('b', async (waited) => {
      otherRan = !waited;
    });
    expect(otherRan).toBe(true);
    gate.resolve();
    await held;
  });

  it('runs the work behind a failure, passes the failure to its caller and forgets idle keys', async () => {
    const turns = new KeyedTurns();
    const failing = turns.run('a', async () => {
      throw new Error('refused');
    });
    const behind = turns.run('a', async (waited) => waited);
    await expect(failing).rejects.toThrow('refused');
    expect(await behind).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.size).toBe(0);
  });

  it('tells work given a mark that work on its key finished since, as a read answered late must be re-read', async () => {
    const turns = new KeyedTurns();
    const before = turns.mark();
    await turns.run('a', async () => 'wrote');
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.size).toBe(0); // idle: nothing to wait for, yet the read taken before the mark is stale
    expect(await turns.run('a', async (stale) => stale, before)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await turns.run('a', async (stale) => stale, turns.mark())).toBe(false);
    expect(await turns.run('b', async (stale) => stale, before)).toBe(false); // another key's work does not count
  });

  it('takes a key it no longer remembers as finished since any earlier mark', async () => {
    const turns = new KeyedTurns();
    const before = turns.mark();
    await turns.run('forgotten', async () => undefined);
    for (let i = 0; i < 10_000; i++) await turns.run(`key ${i}`, async () => undefined);
    const after = turns.mark();
    expect(await turns.run('forgotten', async (stale) => stale, before)).toBe(true);
    expect(await turns.run('never seen', async (stale) => stale, after)).toBe(false);
  });
});
