import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Memory a form script's worker may use; a script that needs more kills its worker, never the server. */
export interface ScriptMemoryLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

export const DEFAULT_SCRIPT_MEMORY: ScriptMemoryLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * What one evaluation came to: its JSON result, a timeout, a failure of the script, a worker that ran out of
 * memory (`exhausted`), or one that ended for another reason (`crashed`).
 */
export type ScriptOutcome =
  | { kind: 'result'; json: string | null }
  | { kind: 'timeout' }
  | { kind: 'error' }
  | { kind: 'exhausted' }
  | { kind: 'crashed' };

/**
 * Runs in the script worker: each request compiles (cached) and runs one wrapped script in a fresh V8 context, with
 * the worker's own vm timeout, and answers on the port, then wakes the server's thread through the shared signal.
 */
const SCRIPT_WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const vm = require('node:vm');
const { port, signal } = workerData;
const compiled = new Map();
port.on('message', (request) => {
  let reply;
  try {
    let script = compiled.get(request.code);
    if (!script) {
      script = new vm.Script(request.code, { filename: 'form-script.js' });
      if (compiled.size >= 500) compiled.delete(compiled.keys().next().value);
      compiled.set(request.code, script);
    }
    const sandbox = Object.create(null);
    sandbox.__input = request.input;
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' });
    const result = script.runInContext(context, { timeout: request.timeout, breakOnSigint: false });
    reply = { kind: 'result', json: typeof result === 'string' ? result : null };
  } catch (error) {
    reply = error && error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' ? { kind: 'timeout' } : { kind: 'error' };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/**
 * Runs in the supervisor: starts a script worker (with the heap limit) for each generation the server asks for, and
 * when one ends says how, which the server's thread cannot see itself while it sleeps in Atomics.wait: Node reports
 * ERR_WORKER_OUT_OF_MEMORY on the worker's 'error' event, on the event loop of the thread that started it.
 */
const SUPERVISOR_SOURCE = `
const { workerData, Worker } = require('node:worker_threads');
const { control, signal, source, resourceLimits } = workerData;
const workers = new Map();
control.on('message', (message) => {
  if (message.type === 'terminate') {
    const worker = workers.get(message.generation);
    if (worker) void worker.terminate();
    return;
  }
  let outOfMemory = false;
  const worker = new Worker(source, {
    eval: true,
    workerData: { port: message.port, signal },
    transferList: [message.port],
    resourceLimits,
    env: {},
    stdout: true,
    stderr: true,
  });
  workers.set(message.generation, worker);
  worker.on('error', (error) => {
    if (error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
  });
  worker.on('exit', () => {
    workers.delete(message.generation);
    control.postMessage({ generation: message.generation, kind: outOfMemory ? 'exhausted' : 'crashed' });
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
`;

/**
 * How long the server's thread waits for an answer past a script's own time limit. The worker's vm timeout stops
 * the script and the supervisor reports a worker that died, so this is only reached when both are stuck (a
 * starved machine): then the worker is discarded and the evaluation counts as timed out.
 */
const STUCK_AFTER_MS = 30_000;

/**
 * A worker thread with a V8 heap limit that runs form scripts synchronously for @formio/core's synchronous
 * evaluator: the request goes out on a message port and the calling thread sleeps on a shared-memory signal
 * (`Atomics.wait`) until the script worker answers or the supervisor thread reports how that worker ended. So a
 * script that exhausts the heap is reported as such however long it took to get there, and a slow answer is never
 * taken for a death.
 */
export class ScriptWorker {
  private supervisor: Worker | undefined;
  private control: MessagePort | undefined;
  private port: MessagePort | undefined;
  private generation = 0;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly memory: ScriptMemoryLimits = DEFAULT_SCRIPT_MEMORY) {}

  /** Runs wrapped `code` (see script-sandbox.ts) with `input` as its JSON argument string. */
  run(code: string, input: string, timeoutMs: number): ScriptOutcome {
    const port = this.ensure();
    const generation = this.generation;
    Atomics.store(this.signal, 0, 0);
    port.postMessage({ code, input, timeout: Math.max(1, Math.floor(timeoutMs)) });
    const stuckAt = Date.now() + timeoutMs + STUCK_AFTER_MS;
    for (;;) {
      const answer = receiveMessageOnPort(port);
      if (answer) return answer.message as ScriptOutcome;
      const ended = this.endOf(generation);
      if (ended) {
        this.forget();
        return ended;
      }
      const remaining = stuckAt - Date.now();
      if (remaining <= 0) {
        this.discard();
        return { kind: 'timeout' };
      }
      Atomics.wait(this.signal, 0, 0, remaining);
      // Reset before looking again: a signal raised after this line is seen by the next wait.
      Atomics.store(this.signal, 0, 0);
    }
  }

  /** Ends the current script worker; the next run starts another. */
  discard(): void {
    if (this.port) this.control?.postMessage({ type: 'terminate', generation: this.generation });
    this.forget();
  }

  /** The supervisor's report that `generation`'s worker ended, if there is one (reports of earlier ones are dropped). */
  private endOf(generation: number): ScriptOutcome | undefined {
    if (!this.control) return undefined;
    for (let report = receiveMessageOnPort(this.control); report; report = receiveMessageOnPort(this.control)) {
      const { generation: ended, kind } = report.message as { generation: number; kind: 'exhausted' | 'crashed' };
      if (ended === generation) return { kind };
    }
    return undefined;
  }

  private forget(): void {
    this.port?.close();
    this.port = undefined;
  }

  private ensure(): MessagePort {
    if (this.port) return this.port;
    const control = this.ensureSupervisor();
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    this.generation += 1;
    control.postMessage({ type: 'start', generation: this.generation, port: port2 }, [port2]);
    this.port = port1;
    return port1;
  }

  private ensureSupervisor(): MessagePort {
    if (this.supervisor && this.control) return this.control;
    const { port1, port2 } = new MessageChannel();
    const supervisor = new Worker(SUPERVISOR_SOURCE, {
      eval: true,
      workerData: {
        control: port2,
        signal: this.signal,
        source: SCRIPT_WORKER_SOURCE,
        resourceLimits: { ...this.memory, codeRangeSizeMb: 16, stackSizeMb: 4 },
      },
      transferList: [port2],
      // Neither thread may keep the server (or a test run) alive, nor share its environment.
      env: {},
      stdout: true,
      stderr: true,
    });
    supervisor.unref();
    supervisor.on('error', () => undefined);
    supervisor.on('exit', () => {
      if (this.supervisor !== supervisor) return;
      this.supervisor = undefined;
      this.control = undefined;
      this.forget();
    });
    port1.unref();
    this.supervisor = supervisor;
    this.control = port1;
    return port1;
  }
}
