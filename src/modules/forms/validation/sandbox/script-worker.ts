import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Memory a form script's worker may use; a script that needs more kills its worker, never the server. */
export interface ScriptMemoryLimits {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

export const DEFAULT_SCRIPT_MEMORY: ScriptMemoryLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/** What one evaluation came to: its JSON result, a timeout, a failure of the script, or a worker that died. */
export type ScriptOutcome = { kind: 'result'; json: string | null } | { kind: 'timeout' } | { kind: 'error' } | { kind: 'exhausted' };

/**
 * Runs in the worker: each request compiles (cached) and runs one wrapped script in a fresh V8 context, with the
 * worker's own vm timeout, and answers on the port, then wakes the server's thread through the shared signal.
 */
const WORKER_SOURCE = `
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

/** How long past a script's own timeout the worker may take to answer before it counts as exhausted. */
const ANSWER_MARGIN_MS = 250;

/**
 * A worker thread with a V8 heap limit that runs form scripts synchronously for @formio/core's synchronous
 * evaluator: the request goes out on a message port and the calling thread sleeps on a shared-memory signal
 * (`Atomics.wait`) until the answer is there. A script that exhausts the heap ends the worker (Node reports
 * ERR_WORKER_OUT_OF_MEMORY to the worker, not to the server); no answer within the time limit plus a margin means
 * exactly that, the worker is discarded and the next script gets a fresh one.
 */
export class ScriptWorker {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly memory: ScriptMemoryLimits = DEFAULT_SCRIPT_MEMORY) {}

  /** Runs wrapped `code` (see script-sandbox.ts) with `input` as its JSON argument string. */
  run(code: string, input: string, timeoutMs: number): ScriptOutcome {
    const port = this.ensure();
    Atomics.store(this.signal, 0, 0);
    port.postMessage({ code, input, timeout: Math.max(1, Math.floor(timeoutMs)) });
    Atomics.wait(this.signal, 0, 0, timeoutMs + ANSWER_MARGIN_MS);
    const answer = receiveMessageOnPort(port);
    if (!answer) {
      this.discard();
      return { kind: 'exhausted' };
    }
    return answer.message as ScriptOutcome;
  }

  /** Ends the worker; the next run starts another. */
  discard(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    void worker?.terminate();
  }

  private ensure(): MessagePort {
    if (this.worker && this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
      resourceLimits: { ...this.memory, codeRangeSizeMb: 16, stackSizeMb: 4 },
      // A script's worker must not keep the server (or a test run) alive, nor share its environment.
      env: {},
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // An out-of-memory worker exits with an error event; `run` has already seen it as exhausted.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker === worker) this.discard();
    });
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }
}
