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
});
