/**
 * Paced clients, open loop: each client sends one request every 1/rate seconds, at a phase of its own, and waits for
 * the answer before its next one (a person does not click again before the page answers).
 *
 * Why not autocannon's `connectionRate`: it sends each connection's quota back to back at the start of every second,
 * all connections in step (every second begins with a closed-loop burst of every client), and it "corrects" for
 * coordinated omission with an expected interval of ceil(1 / rate) = 1 ms, so one 300 ms answer adds 299 made-up
 * samples. Here a request's latency runs from when it was due, so a client held up by a slow answer counts the wait
 * of the requests it could not send on time (the correction done right), and nothing else is added.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface PacedCall {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

export interface PacedFigures {
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
  /**
   * The longest the load generator's own event loop was held up (ms): its requests due meanwhile go late, so a p99 near
   * it says the machine paused, not that the server was slow.
   */
  generatorStallMs?: number;
}

/** The figures of {@link pacedLoadApart}, with the CPU time (ms) the generator's own process used. */
export type ApartFigures = PacedFigures & { generatorCpuMs: number };

export interface PacedOptions {
  clients: number;
  /** Requests per second of each client. */
  rate: number;
  /** Run this long… */
  seconds?: number;
  /** …or until this many requests were sent in all. */
  amount?: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

function send(agent: Agent, base: URL, call: PacedCall): Promise<number> {
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers: {
          authorization: `Bearer ${call.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Runs the clients; `next()` makes each request (path, token, body) so that clients act for different people. */
export async function pacedLoad(baseUrl: string, next: () => PacedCall, options: PacedOptions): Promise<PacedFigures> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const interval = 1000 / options.rate;
  const started = performance.now();
  const end = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
  const latencies: number[] = [];
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  let sent = 0;
  let errors = 0;
  let non2xx = 0;
  const client = async (index: number): Promise<void> => {
    // Phases spread evenly over one interval, so the clients do not move in step.
    let due = started + (interval * index) / options.clients;
    for (;;) {
      if (due >= end || (options.amount !== undefined && sent >= options.amount)) return;
      sent += 1;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const status = await send(agent, base, next());
        if (status < 200 || status >= 300) non2xx += 1;
        else latencies.push(performance.now() - due);
      } catch {
        errors += 1;
      }
      due += interval;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  } finally {
    agent.destroy();
    stalls.disable();
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: sent,
    errors,
    non2xx,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    perSecond: round(sent / elapsed),
    generatorStallMs: round(stalls.max / 1e6),
  };
}

/** This file as plain JavaScript (it imports only Node's own modules), written once per process. */
let compiled: string | undefined;
function compiledSelf(): string {
  if (compiled) return compiled;
  // typescript is what ts-node compiles the benchmarks with; the generator's process then needs neither.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const source = readFileSync(__filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const folder = mkdtempSync(join(tmpdir(), 'thidua-paced-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  compiled = join(folder, 'paced-clients.js');
  writeFileSync(compiled, outputText);
  return compiled;
}

/**
 * {@link pacedLoad} in a process of its own, the calls taken in turn from `calls`. The benchmark's own process holds
 * the ORM and the TypeScript compiler (a heap of ~300 MB): its garbage collections took both cores for 80–150 ms
 * about every 1.6 s and held up its own clients (each process's CPU read from /proc every 20 ms, 2026-12-06), so the
 * generator measured itself. This process holds only the clients, and collects on one thread.
 */
export async function pacedLoadApart(baseUrl: string, calls: PacedCall[], options: PacedOptions): Promise<ApartFigures> {
  const child = spawn(process.execPath, ['--single-threaded-gc', compiledSelf()], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    // 'close', not 'exit': the figures on stdout may still be arriving when the process exits.
    child.on('close', resolve);
  });
  child.stdin.end(JSON.stringify({ baseUrl, calls, options }));
  const code = await exited;
  if (code !== 0) throw new Error(`the paced clients' process ended with code ${code}`);
  return JSON.parse(output) as ApartFigures;
}

// Run as the generator's process: the job on stdin, the figures on stdout.
if (require.main === module) {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk));
  process.stdin.on('end', () => {
    const job = JSON.parse(input) as { baseUrl: string; calls: PacedCall[]; options: PacedOptions };
    let turn = 0;
    pacedLoad(job.baseUrl, () => job.calls[turn++ % job.calls.length], job.options).then(
      (figures) => {
        const used = process.cpuUsage();
        process.stdout.write(JSON.stringify({ ...figures, generatorCpuMs: Math.round((used.user + used.system) / 1000) } satisfies ApartFigures));
      },
      (error) => {
        process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
