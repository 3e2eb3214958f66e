import { randomUUID } from 'node:crypto';

/** An answer of the API: its status, its JSON body, and whether it replayed a stored answer (Idempotent-Replayed). */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/** The POSTs that record something, by what they record. */
export type ActionKind = 'acknowledgement' | 'draft' | 'discussion-close' | 'ballot' | 'registration' | 'paper-signature' | 'signature-confirmation' | 'score-sheet';

/**
 * The refusals that mean "done already" for an action whose earlier attempt got no answer (the api died): that
 * attempt committed, and the retry found its task closed or its record there. Any of them without a lost answer
 * before it fails the test: nothing else acts on these tasks. Kinds not listed may answer only 2xx: their retry
 * answers the stored answer (Idempotency-Key) or the record itself (a score sheet with the same data, a confirmed
 * signature).
 */
const DONE_ALREADY: Partial<Record<ActionKind, string[]>> = {
  acknowledgement: ['TASK_CLOSED', 'STAGE_CLOSED', 'CAMPAIGN_NOT_RUNNING'],
  draft: ['TASK_CLOSED', 'STAGE_CLOSED'],
  'discussion-close': ['TASK_CLOSED', 'STAGE_CLOSED'],
  ballot: ['TASK_CLOSED', 'STAGE_CLOSED', 'POLL_CLOSED'],
  registration: ['TASK_CLOSED', 'STAGE_CLOSED'],
  // The signing API takes no Idempotency-Key: a paper signature recorded twice is refused by the unit's one signature.
  'paper-signature': ['SIGNATURE_EXISTS'],
};

/** What became of one action: its last answer and what it took to get it. */
export interface ActionRecord {
  kind: ActionKind;
  taskId: string;
  status: number;
  code: string | null;
  /** `acknowledged`: a 2xx (first or replayed); `found-done`: a DONE_ALREADY refusal after a lost answer. */
  outcome: 'acknowledged' | 'found-done';
  replayed: boolean;
  /** Attempts that got no answer: the connection failed or broke while the api died. */
  lostAnswers: number;
  /**
   * 503 DATABASE_UNAVAILABLE answers: the database went away under the attempt, perhaps after its commit (a crash
   * between the commit and its acknowledgement): as uncertain as a lost answer.
   */
  unavailable: number;
  /** IDEMPOTENCY_REQUEST_IN_PROGRESS answers: the key was still held by an attempt that the dead api had taken. */
  keyInProgress: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The api's answer while its database is down or restarting: try again (Retry-After says 5 s; the tests wait less). */
const databaseUnavailable = (answer: Answer) => answer.status === 503 && answer.body.code === 'DATABASE_UNAVAILABLE';

/**
 * A client that acts as a person's browser would when the api dies under it: it tries again until an answer comes,
 * with the same Idempotency-Key for the same action, waits while the key is in progress, and tries again on
 * CAMPAIGN_CHANGED (another member's command on the same campaign won the lock) and while the database is unavailable
 * (503 DATABASE_UNAVAILABLE). Every action is kept in `actions`.
 */
export class RetryingClient {
  readonly actions: ActionRecord[] = [];
  /** Every 5xx answer other than 503 DATABASE_UNAVAILABLE, to any request: a fault must never show as one. */
  readonly serverErrors: string[] = [];
  private readonly started = new Map<ActionKind, number>();
  private waiting: Array<{ kind: ActionKind; count: number; resolve: () => void }> = [];
  private readonly running = new Set<{ kind: ActionKind; taskId: string }>();

  constructor(
    private readonly base: string,
    /** How long one request may keep failing before the test fails: a replaced api must be up well within it. */
    private readonly patienceMs = 180_000,
  ) {}

  /** A GET, tried again while the api is down. */
  async get(path: string, token: string): Promise<Answer> {
    return this.send('GET', path, token);
  }

  /** A POST that is not an action (a launch, a publication): tried again while the api is down, with one key. */
  async post(path: string, token: string, body: unknown): Promise<Answer> {
    return this.send('POST', path, token, body, randomUUID());
  }

  /** How many actions of this kind have been started. */
  startedOf(kind: ActionKind): number {
    return this.started.get(kind) ?? 0;
  }

  /** Resolves once `count` actions of this kind have been started (a kill aimed at a random action waits for it). */
  whenStarted(kind: ActionKind, count: number): Promise<void> {
    if (this.startedOf(kind) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ kind, count, resolve }));
  }

  /** The actions started and not answered yet. */
  inFlight(): Array<{ kind: ActionKind; taskId: string }> {
    return [...this.running];
  }

  /** An action: answered 2xx, or found done after a lost answer; any other answer fails the test. */
  async act(kind: ActionKind, taskId: string, path: string, token: string, body: unknown = {}): Promise<ActionRecord> {
    const action = { kind, taskId };
    this.running.add(action);
    this.started.set(kind, this.startedOf(kind) + 1);
    const due = this.waiting.filter((waiter) => waiter.kind === kind && waiter.count <= this.startedOf(kind));
    this.waiting = this.waiting.filter((waiter) => !due.includes(waiter));
    for (const waiter of due) waiter.resolve();
    try {
      return await this.settle(kind, taskId, path, token, body);
    } finally {
      this.running.delete(action);
    }
  }

  private async settle(kind: ActionKind, taskId: string, path: string, token: string, body: unknown): Promise<ActionRecord> {
    const key = randomUUID();
    const deadline = Date.now() + this.patienceMs;
    let lostAnswers = 0;
    let unavailable = 0;
    let keyInProgress = 0;
    for (;;) {
      const answer = await this.attempt('POST', path, token, body, key);
      if (!answer || databaseUnavailable(answer)) {
        if (answer) unavailable++;
        else lostAnswers++;
        if (Date.now() > deadline) throw new Error(`${kind} on task ${taskId}: no answer for ${this.patienceMs} ms`);
        await pause(200);
        continue;
      }
      const code = typeof answer.body.code === 'string' ? answer.body.code : null;
      if (answer.status === 409 && code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS' && Date.now() < deadline) {
        keyInProgress++;
        await pause(1000);
        continue;
      }
      if (answer.status === 409 && code === 'CAMPAIGN_CHANGED' && Date.now() < deadline) continue;
      const base = { kind, taskId, status: answer.status, code, replayed: answer.replayed, lostAnswers, unavailable, keyInProgress };
      if (answer.status >= 200 && answer.status < 300) return this.keep({ ...base, outcome: 'acknowledged' });
      if (lostAnswers + unavailable > 0 && code && DONE_ALREADY[kind]?.includes(code)) return this.keep({ ...base, outcome: 'found-done' });
      throw new Error(`${kind} on task ${taskId}: ${answer.status} ${JSON.stringify(answer.body)} after ${lostAnswers} lost answers and ${unavailable} 503s`);
    }
  }

  private keep(record: ActionRecord): ActionRecord {
    this.actions.push(record);
    return record;
  }

  private async send(method: 'GET' | 'POST', path: string, token: string, body?: unknown, key?: string): Promise<Answer> {
    const deadline = Date.now() + this.patienceMs;
    for (;;) {
      const answer = await this.attempt(method, path, token, body, key);
      if (answer && !databaseUnavailable(answer) && !(answer.status === 409 && answer.body.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS')) return answer;
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer for ${this.patienceMs} ms`);
      await pause(answer ? 1000 : 200);
    }
  }

  /** One request; undefined when no answer came (refused connection, or a connection broken before the whole body). */
  private async attempt(method: 'GET' | 'POST', path: string, token: string, body: unknown, key: string | undefined): Promise<Answer | undefined> {
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      });
      const text = await response.text();
      const answer = { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, replayed: response.headers.get('idempotent-replayed') === 'true' };
      if (answer.status >= 500 && !databaseUnavailable(answer)) this.serverErrors.push(`${method} ${path}: ${answer.status} ${text.slice(0, 300)}`);
      return answer;
    } catch {
      return undefined;
    }
  }
}
