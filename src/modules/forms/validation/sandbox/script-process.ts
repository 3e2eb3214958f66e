import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * Memory a form script's process may use; a script that needs more ends that process, never the server. A process of
 * its own rather than a worker thread: V8 lets a process-wide `--max-old-space-size` (an operator's NODE_OPTIONS)
 * override a worker's `resourceLimits`, and the hog then grew to the server's limit before anything stopped it.
 */
export interface ScriptMemoryLimits {
  maxOldSpaceSizeMb: number;
  maxSemiSpaceSizeMb: number;
}

export const DEFAULT_SCRIPT_MEMORY: ScriptMemoryLimits = { maxOldSpaceSizeMb: 64, maxSemiSpaceSizeMb: 8 };

/**
 * What one evaluation came to: its JSON result, a timeout, a failure of the script, a process that ran out of
 * memory (`exhausted`), or one that ended for another reason (`crashed`).
 */
export type ScriptOutcome =
  | { kind: 'result'; json: string | null }
  | { kind: 'timeout' }
  | { kind: 'error' }
  | { kind: 'exhausted' }
  | { kind: 'crashed' };

/**
 * Runs in the script process: each request compiles (cached) and runs one wrapped script in a fresh V8 context, with
 * vm's own timeout, and answers over IPC. It ends with its parent (the IPC channel closes).
 */
const SCRIPT_PROCESS_SOURCE = `
const vm = require('node:vm');
const compiled = new Map();
process.on('disconnect', () => process.exit(0));
process.on('message', (request) => {
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
  process.send(reply);
});
`;

/**
 * Runs in the supervisor thread: starts a script process (with the heap flags, without the server's environment)
 * for each generation the server asks for, relays requests and answers between the server's port and the process,
 * and when a process ends says how: V8 prints "JavaScript heap out of memory" on stderr before it aborts. Every
 * message to the server's thread raises the shared signal it sleeps on (Atomics.wait).
 */
const SUPERVISOR_SOURCE = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { tmpdir } = require('node:os');
const { control, signal, source, execArgv } = workerData;
const processes = new Map();
const wake = () => { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
control.on('message', (message) => {
  if (message.type === 'terminate') {
    const child = processes.get(message.generation);
    if (child) child.kill('SIGKILL');
    return;
  }
  const { generation, port } = message;
  const child = spawn(process.execPath, [...execArgv, '-e', source], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: {}, cwd: tmpdir() });
  processes.set(generation, child);
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4096); });
  child.on('message', (reply) => { port.postMessage(reply); wake(); });
  child.on('error', () => undefined);
  port.on('message', (request) => { if (child.connected) child.send(request); });
  child.on('close', () => {
    processes.delete(generation);
    port.close();
    control.postMessage({ generation, kind: /heap out of memory|Reached heap limit/.test(stderr) ? 'exhausted' : 'crashed' });
    wake();
  });
});
`;

/**
 * How long the server's thread waits for an answer past a script's own time limit. vm's timeout stops the script and
 * the supervisor reports a process that died, so this is only reached when both are stuck (a starved machine): then
 * the process is discarded and the evaluation counts as timed out.
 */
const STUCK_AFTER_MS = 30_000;

/**
 * A child process with a V8 heap limit that runs form scripts synchronously for @formio/core's synchronous
 * evaluator: the request goes out on a message port to a supervisor thread, which relays it to the process, and the
 * calling thread sleeps on a shared-memory signal (`Atomics.wait`) until the answer comes back or the supervisor
 * reports how the process ended. So a script that exhausts the heap is reported as such however long it took to get
 * there, and a slow answer is never taken for a death.
 */
export class ScriptProcess {
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

  /** Ends the current script process; the next run starts another. */
  discard(): void {
    if (this.port) this.control?.postMessage({ type: 'terminate', generation: this.generation });
    this.forget();
  }

  /** The supervisor's report that `generation`'s process ended, if there is one (reports of earlier ones are dropped). */
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
    const execArgv = [`--max-old-space-size=${this.memory.maxOldSpaceSizeMb}`, `--max-semi-space-size=${this.memory.maxSemiSpaceSizeMb}`];
    const supervisor = new Worker(SUPERVISOR_SOURCE, {
      eval: true,
      workerData: { control: port2, signal: this.signal, source: SCRIPT_PROCESS_SOURCE, execArgv },
      transferList: [port2],
      // Neither the thread nor the process may keep the server (or a test run) alive, nor share its environment.
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
