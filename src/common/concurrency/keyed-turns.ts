/**
 * Work on the same key, one after another, in the order it arrived; work on different keys runs at once. `work` is
 * told whether it waited for earlier work on its key (what it read before may then be stale). A failure does not stop
 * the work queued behind it. Never queue work on a key from inside work on that same key: it would wait for itself.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: (waited: boolean) => Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    const result = before ? before.then(() => work(true)) : work(false);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
