/**
 * `npm run bench -- load` (issue 12, target 3): the built app on PostgreSQL as two processes (one api, one worker), as
 * deployed, under 100 concurrent clients reading inboxes, saving form drafts and submitting forms (paced, then flat
 * out with autocannon for the capacity); then
 * 10,000 deadlines falling due within the same minute. Prints the idle memory of both processes, the latency
 * percentiles and errors of each load, the event-loop lag the api exports in /metrics, and how late the deadlines fired.
 * Results go to bench/results/load.json (or BENCH_RESULTS_DIR).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { loadConfig } from '../src/config/load-config';
import { buildOrmOptions } from '../src/database/orm-options';
import { ENTITIES } from '../src/entities';
import { syncBuiltinForms } from '../src/modules/forms/builtin-forms';
import { FormsService } from '../src/modules/forms/forms.service';
import { Cluster } from '../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../src/queue/queue-names';
import type { WorkflowDocument } from '../src/workflows/definitions/workflow-document';
import { CampaignEvent } from '../src/workflows/engine/entities/campaign-event.entity';
import { OutboxMessage } from '../src/workflows/engine/entities/outbox-message.entity';
import { StageRun } from '../src/workflows/engine/entities/stage-run.entity';
import { Task } from '../src/workflows/engine/entities/task.entity';
import { MAIN, MainProcess, runMain } from '../test/support/main-process';
import { ApartFigures, PacedCall, PacedFigures, pacedLoadApart } from './paced-clients';
import { DEMO_PASSWORD, dropRedisPrefix, freePort, prepareDatabase, TEST_REDIS_URL } from '../test/support/test-app';
import { createTestDatabase, TEST_DIALECT } from '../test/support/test-database';
import { titleRegistration2020 } from '../test/support/title-registration';
import { waitFor } from '../test/support/wait-for';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
/**
 * Each paced run of reads or drafts follows as long a run of the same requests that is not counted: the first requests
 * of a path meet cold code and caches (a published form's validator is compiled on its first draft), and took 400–545
 * ms in the first half second where the rest answered in 5 ms (2026-12-06, the worst requests by the time they were due).
 */
const WARM_UP_SECONDS = Number(process.env.BENCH_LOAD_WARM_UP_SECONDS ?? Math.min(3, SECONDS));
/**
 * Requests per second of each client: people click, read and type between requests, so the clients are paced (two a
 * second is already a brisk person). The same loads are also run flat out, closed-loop, for the capacity figure.
 */
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 2);
/** Form campaigns launched for the loads: × 6 member units = form tasks to save drafts on and submit. */
const FORM_CAMPAIGNS = Number(process.env.BENCH_LOAD_CAMPAIGNS ?? 50);
const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 10_000);
/** The deadlines fall due spread over this window, starting this long after they are set (enough to set them all). */
const DEADLINE_WINDOW_MS = Number(process.env.BENCH_DEADLINE_WINDOW_MS ?? 60_000);
const DEADLINE_LEAD_MS = Number(process.env.BENCH_DEADLINE_LEAD_MS ?? 15_000);
/** How long the started processes are left alone before their memory is read. */
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5_000);
const OFFICERS = ['thanhhoa', 'nghean', 'hatinh', 'quangbinh', 'quangtri', 'hue'];
const TARGETS = { p99Ms: 50, idleRssMb: 300, latenessP99Ms: 1000 };

/** Every member unit registers its titles with the built-in form, then the end. */
const formDocument: WorkflowDocument = {
  name: { vi: 'Đăng ký danh hiệu (đo tải)', en: 'Title registration (load)' },
  subject: 'cluster',
  start: 'register',
  stages: { register: { type: 'form', fanOut: 'each-member', settings: { form: 'pact/title-registration' }, on: { submitted: 'done' } }, done: { type: 'end' } },
} as WorkflowDocument;

/** The cluster head acknowledges within the hour (the bench then brings the deadlines forward), then the end. */
const deadlineDocument: WorkflowDocument = {
  name: { vi: 'Hạn xác nhận (đo tải)', en: 'Acknowledgement deadline (load)' },
  subject: 'cluster',
  start: 'acknowledge',
  stages: { acknowledge: { type: 'acknowledge', assignees: ['cluster-head'], due: { hours: 1 }, onDeadline: 'mark-late', on: { acknowledged: 'done' } }, done: { type: 'end' } },
} as WorkflowDocument;

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Resident memory of a process, in MB, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'))!;
  return Math.round(Number(/(\d+)/.exec(line)![1]) / 1024);
}

/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The CPU time of every PostgreSQL process on the machine (the server is shared with nothing else during a bench). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

type LoadFigures = PacedFigures & { cpu?: Record<'api' | 'worker' | 'postgres' | 'generator', number> };
type Call = PacedCall;

const report = (name: string, figures: LoadFigures): LoadFigures => {
  const cpu = figures.cpu && `; CPU used meanwhile: api ${figures.cpu.api} ms, worker ${figures.cpu.worker} ms, PostgreSQL ${figures.cpu.postgres} ms, the generator ${figures.cpu.generator} ms`;
  process.stdout.write(`[load] ${name}: ${figures.requests} requests, ${figures.perSecond}/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}${figures.generatorStallMs === undefined ? '' : `; the load generator's own longest stall ${figures.generatorStallMs} ms`}${cpu ?? ''}\n`);
  return figures;
};

/** The processes whose CPU each paced run reports: who else was busy while the requests waited. */
let measured: { api: number; worker: number } | undefined;

/** The CPU each process used while `run` ran (the generator's, as its own process reports it). */
async function withCpu(run: () => Promise<ApartFigures>): Promise<LoadFigures> {
  const pids = measured;
  if (!pids) return run();
  const take = () => ({ api: cpuMs(pids.api), worker: cpuMs(pids.worker), postgres: postgresCpuMs() });
  const before = take();
  const { generatorCpuMs, ...figures } = await run();
  const after = take();
  return { ...figures, cpu: { api: after.api - before.api, worker: after.worker - before.worker, postgres: after.postgres - before.postgres, generator: generatorCpuMs } };
}

/**
 * The clients paced at RATE requests a second each, in a process of their own, taking `calls` in turn
 * (bench/paced-clients.ts says why not autocannon's own pacing, and why a process of their own).
 */
async function paced(base: string, name: string, calls: Call[], options: { amount?: number } = {}): Promise<LoadFigures> {
  if (!options.amount && WARM_UP_SECONDS > 0) report(`${name}, warming up (not counted)`, await pacedLoadApart(base, calls, { clients: CLIENTS, rate: RATE, seconds: WARM_UP_SECONDS }));
  return report(name, await withCpu(() => pacedLoadApart(base, calls, { clients: CLIENTS, rate: RATE, ...(options.amount ? { amount: options.amount } : { seconds: SECONDS }) })));
}

/** The clients flat out, closed loop (autocannon): the capacity. */
async function flatOut(base: string, name: string, next: () => Call): Promise<LoadFigures> {
  const result = await autocannon({
    url: base,
    connections: CLIENTS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (request) => {
          const call = next();
          return {
            ...request,
            method: call.method,
            path: call.path,
            headers: { authorization: `Bearer ${call.token}`, 'content-type': 'application/json', accept: 'application/json' },
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          };
        },
      },
    ],
  });
  return report(name, {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: result.requests.average,
  });
}

async function main(): Promise<void> {
  if (TEST_DIALECT !== 'postgresql') throw new Error('the load benchmark runs on PostgreSQL: TEST_DB=postgresql');
  if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first');
  const database = await createTestDatabase();
  const prefix = `bench-${randomBytes(5).toString('hex')}`;
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), ...database.env };
  // BENCH_CPU_PROF=<dir>: both processes write a .cpuprofile there when they stop.
  const profiled = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const config = loadConfig(env);
  await prepareDatabase(config, true);
  const orm = await MikroORM.init(buildOrmOptions(config.database, ENTITIES));
  await syncBuiltinForms(new FormsService(orm.em.fork()));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const processes: MainProcess[] = [runMain(['--role=api'], { ...env, PORT: String(port) }, profiled), runMain(['--role=worker'], env, profiled)];
  const timers = new Queue(QUEUES.workflowTimers, { prefix, connection: { url: TEST_REDIS_URL } });
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined), 'the api', 60_000);
    await waitFor(async () => ((await timers.getWorkers()).length >= 1 ? true : undefined), 'the worker', 60_000);
    // Idle: started, nothing asked of it yet but its own timers.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = { api: rssMb(processes[0].child.pid!), worker: rssMb(processes[1].child.pid!) };
    process.stdout.write(`[load] idle RSS: api ${idle.api} MB, worker ${idle.worker} MB\n`);
    measured = { api: processes[0].child.pid!, worker: processes[1].child.pid! };

    const post = async (path: string, token: string | undefined, body: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const tokenOf = async (username: string) => (await post('/api/v1/auth/sign-in', undefined, { username, password: DEMO_PASSWORD })).accessToken as string;
    const admin = await tokenOf('admin');
    const officers = new Map<string, string>();
    for (const slug of OFFICERS) officers.set(slug, await tokenOf(`${slug}.canbo`));
    const publish = async (key: string, document: WorkflowDocument) => {
      const created = await post('/api/v1/workflow-definitions', admin, { key, name: key, document });
      return ((await post(`/api/v1/workflow-definitions/${created.id}/publish`, admin, {})).version as { id: string }).id;
    };
    const cluster = await orm.em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });
    const launchMany = async (versionId: string, count: number, name: string): Promise<void> =>
      pool(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
        await post('/api/v1/campaigns', admin, { workflowVersionId: versionId, name: `${name} ${i}`, year: 2020, clusterId: cluster.id });
      });

    // The form tasks, each with its unit's officer.
    const formVersion = await publish('load-forms', formDocument);
    await launchMany(formVersion, FORM_CAMPAIGNS, 'Đăng ký danh hiệu');
    const slugOf: Record<string, string> = { 'VKS-THA': 'thanhhoa', 'VKS-NAN': 'nghean', 'VKS-HTI': 'hatinh', 'VKS-QBI': 'quangbinh', 'VKS-QTR': 'quangtri', 'VKS-TTH': 'hue' };
    const formTasks = (await orm.em.fork().find(Task, { campaign: { workflowVersion: formVersion } }, { populate: ['assigneeUnit'] })).map((task) => ({
      id: task.id,
      token: officers.get(slugOf[task.assigneeUnit!.code])!,
      unitName: task.assigneeUnit!.name,
    }));
    const tokens = [...officers.values()];

    const inboxReads: Call[] = tokens.map((token) => ({ method: 'GET', path: '/api/v1/inbox', token }));
    const draftSaves: Call[] = formTasks.map((task) => ({ method: 'PUT', path: `/api/v1/tasks/${task.id}/form/draft`, token: task.token, body: { data: titleRegistration2020(task.unitName) } }));
    const inbox = await paced(base, 'inbox reads', inboxReads);
    const drafts = await paced(base, 'form drafts', draftSaves);
    // Flat out after the paced runs: a closed loop leaves the server a backlog, drained before the submissions.
    let turn = 0;
    const capacity = {
      inbox: await flatOut(base, 'inbox reads, flat out', () => inboxReads[turn++ % inboxReads.length]),
      drafts: await flatOut(base, 'form drafts, flat out', () => draftSaves[turn++ % draftSaves.length]),
    };
    await waitFor(async () => {
      const started = Date.now();
      await fetch(`${base}/health`);
      return Date.now() - started < 20 ? true : undefined;
    }, 'the api to drain its backlog', 60_000);
    // Each task submitted once: as many requests as tasks, taken in turn.
    const submits: Call[] = formTasks.map((task) => ({ method: 'POST', path: `/api/v1/tasks/${task.id}/form/submit`, token: task.token, body: { data: titleRegistration2020(task.unitName) } }));
    const submissions = await paced(base, 'form submissions', submits, { amount: submits.length });
    const stillOpen = await orm.em.fork().count(Task, { campaign: { workflowVersion: formVersion }, status: 'open' });

    const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${admin}` } })).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    const eventLoop = { p99Ms: +(gauge('nodejs_eventloop_lag_p99_seconds') * 1000).toFixed(1), maxMs: +(gauge('nodejs_eventloop_lag_max_seconds') * 1000).toFixed(1) };
    process.stdout.write(`[load] api event-loop lag from /metrics: p99 ${eventLoop.p99Ms} ms, max ${eventLoop.maxMs} ms\n`);

    // The deadlines: launched due in an hour, then brought forward to fall due spread over one minute.
    const deadlineVersion = await publish('load-deadlines', deadlineDocument);
    const launching = Date.now();
    await launchMany(deadlineVersion, DEADLINES, 'Hạn xác nhận');
    process.stdout.write(`[load] ${DEADLINES} campaigns with a deadline launched in ${((Date.now() - launching) / 1000).toFixed(1)} s\n`);
    await waitFor(async () => ((await orm.em.fork().count(OutboxMessage, { sentAt: null })) === 0 ? true : undefined), 'the outbox to schedule every deadline', 300_000);
    const runs = await orm.em.fork().find(StageRun, { campaign: { workflowVersion: deadlineVersion } }, { fields: ['id'] });
    const start = Date.now() + DEADLINE_LEAD_MS;
    const dueOf = new Map(runs.map((run, index) => [run.id, new Date(start + Math.floor((index * DEADLINE_WINDOW_MS) / runs.length))]));
    const knex = (orm.em.getConnection() as unknown as { getKnex(): import('knex').Knex }).getKnex();
    await knex.transaction(async (trx) => {
      for (const [id, due] of dueOf) await trx('stage_run').where({ id }).update({ due_at: due });
    });
    await pool([...dueOf], 32, async ([id, due]) => {
      const job = await timers.getJob(`deadline-${id}`);
      if (!job) throw new Error(`no deadline job for stage run ${id}`);
      await job.changeDelay(Math.max(0, due.getTime() - Date.now()));
    });
    if (Date.now() > start) throw new Error('setting the deadlines took longer than their lead time: lower BENCH_DEADLINES');
    const overdue = () => orm.em.fork().count(CampaignEvent, { campaign: { workflowVersion: deadlineVersion }, type: 'stage.overdue' });
    // Counted only once the window has passed: the count joins every event, and polling it ten times a second while
    // the deadlines fire would load the database the worker is measured on.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + DEADLINE_WINDOW_MS - Date.now())));
    await waitFor(async () => ((await overdue()) >= runs.length ? true : undefined), 'every deadline to fire', 600_000);
    const fired = await orm.em.fork().find(CampaignEvent, { campaign: { workflowVersion: deadlineVersion }, type: 'stage.overdue' }, { fields: ['occurredAt', 'data'] });
    const lateness = fired.map((event) => event.occurredAt.getTime() - dueOf.get(event.data.stageRunId as string)!.getTime()).sort((a, b) => a - b);
    const deadlines = { count: fired.length, p50Ms: percentile(lateness, 50), p99Ms: percentile(lateness, 99), maxMs: lateness[lateness.length - 1] };
    process.stdout.write(`[load] ${deadlines.count} deadlines in ${DEADLINE_WINDOW_MS / 1000} s: lateness p50 ${deadlines.p50Ms} ms, p99 ${deadlines.p99Ms} ms, max ${deadlines.maxMs} ms\n`);

    const rows: Array<[string, string, string, boolean]> = [
      ['idle RSS, api / worker', `${idle.api} / ${idle.worker} MB`, `< ${TARGETS.idleRssMb} MB`, Math.max(idle.api, idle.worker) < TARGETS.idleRssMb],
      [`inbox reads, ${CLIENTS} clients at ${RATE}/s, p99`, `${inbox.p99} ms (${inbox.errors + inbox.non2xx} errors)`, `< ${TARGETS.p99Ms} ms, no errors`, inbox.p99 < TARGETS.p99Ms && inbox.errors + inbox.non2xx === 0],
      [`form drafts, ${CLIENTS} clients at ${RATE}/s, p99`, `${drafts.p99} ms (${drafts.errors + drafts.non2xx} errors)`, `< ${TARGETS.p99Ms} ms, no errors`, drafts.p99 < TARGETS.p99Ms && drafts.errors + drafts.non2xx === 0],
      [`form submissions, ${CLIENTS} clients at ${RATE}/s, p99`, `${submissions.p99} ms (${submissions.errors + submissions.non2xx} errors, ${stillOpen} left open)`, `< ${TARGETS.p99Ms} ms, no errors`, submissions.p99 < TARGETS.p99Ms && submissions.errors + submissions.non2xx === 0 && stillOpen === 0],
      [`capacity, ${CLIENTS} clients flat out: inbox reads / form drafts`, `${capacity.inbox.perSecond}/s / ${capacity.drafts.perSecond}/s (p99 ${capacity.inbox.p99} / ${capacity.drafts.p99} ms)`, `≥ ${CLIENTS * RATE}/s offered above`, capacity.inbox.perSecond >= CLIENTS * RATE && capacity.drafts.perSecond >= CLIENTS * RATE],
      ['api event-loop lag (in /metrics), p99', `${eventLoop.p99Ms} ms`, 'exported', Number.isFinite(eventLoop.p99Ms)],
      [`${deadlines.count} deadlines within ${DEADLINE_WINDOW_MS / 1000} s, lateness p99`, `${deadlines.p99Ms} ms`, `< ${TARGETS.latenessP99Ms} ms`, deadlines.p99Ms < TARGETS.latenessP99Ms],
    ];
    process.stdout.write('\n| figure | thidua | target | pass |\n| --- | --- | --- | --- |\n');
    for (const [figure, value, target, pass] of rows) process.stdout.write(`| ${figure} | ${value} | ${target} | ${pass ? '✓' : '✗'} |\n`);
    const dir = process.env.BENCH_RESULTS_DIR ?? join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'load.json'), `${JSON.stringify({ date: new Date().toISOString(), clients: CLIENTS, rate: RATE, seconds: SECONDS, idle, capacity, inbox, drafts, submissions, stillOpen, eventLoop, deadlines, pass: Object.fromEntries(rows.map(([figure, , , pass]) => [figure, pass])) }, null, 2)}\n`);
  } finally {
    for (const started of processes) started.child.kill('SIGTERM');
    await Promise.all(processes.map((started) => started.exit));
    await timers.close();
    await orm.close();
    await dropRedisPrefix(TEST_REDIS_URL, prefix);
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
