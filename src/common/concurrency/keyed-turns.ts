/** Keys whose last finish is remembered; an older key's is taken as the last one forgotten (stale: a re-read). */
const REMEMBERED_KEYS = 10_000;

/**
 * Work on the same key, one after another, in the order it arrived; work on different keys runs at once. `work` is
 * told whether what it read before may be stale: it waited for earlier work on its key, or, given a `mark()` taken
 * before that read, work on its key finished since (a read answered late, after the work it missed had finished).
 * A failure does not stop the work queued behind it. Never queue work on a key from inside work on that same key: it
 * would wait for itself.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Works finished so far, counted: what `mark()` answers. */
  private finished = 0;
  private readonly lastFinished = new Map<string, number>();
  private forgottenUpTo = 0;

  /** A mark to give `run` later: work on the same key finished after it makes the work stale. */
  mark(): number {
    return this.finished;
  }

  run<T>(key: string, work: (stale: boolean) => Promise<T>, since?: number): Promise<T> {
    const before = this.tails.get(key);
    const result = before ? before.then(() => work(true)) : work(since !== undefined && this.finishedSince(key, since));
    const done = () => this.remember(key);
    const tail = result.then(done, done);
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

  private finishedSince(key: string, since: number): boolean {
    return (this.lastFinished.get(key) ?? this.forgottenUpTo) > since;
  }

  private remember(key: string): void {
    this.finished += 1;
    this.lastFinished.delete(key); // re-inserted last: the map's order is then the order of finishing
    this.lastFinished.set(key, this.finished);
    if (this.lastFinished.size > REMEMBERED_KEYS) {
      const [oldest, at] = this.lastFinished.entries().next().value!;
      this.lastFinished.delete(oldest);
      this.forgottenUpTo = at;
    }
  }
}
