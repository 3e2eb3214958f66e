/**
 * `npm run bench -- peer`: one three-step approval process (the cluster head, then the deputy, then the administrator
 * approve) run to its end by thidua's engine and by `bpmn-engine`, a peer process engine, on the same PostgreSQL and the
 * same machine, as many processes at once. bpmn-engine keeps no state of its own: as its users do, its state is saved
 * to PostgreSQL after every step, in two ways:
 *   - held: each process stays in memory between steps, its state written after each (one process serving all);
 *   - recovered: each step reads the state back, recovers and resumes the engine, signals and writes it (what several
 *     processes serving the same instances must do, and what thidua does on every command).
 * thidua's figure counts whole campaigns: launch (history, outbox, tasks), three commands, end. The target (issue 12):
 * thidua ≥ 2 × the better of the two.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { Engine } from 'bpmn-engine';
import { PrincipalService } from '../src/modules/auth/principal.service';
import { Cluster } from '../src/modules/org/entities/cluster.entity';
import { Person } from '../src/modules/org/entities/person.entity';
import { CampaignCommandsService } from '../src/workflows/engine/campaign-commands.service';
import { CampaignLaunchService } from '../src/workflows/engine/campaign-launch.service';
import { Campaign } from '../src/workflows/engine/entities/campaign.entity';
import { startTestApp, TestApp } from '../test/support/test-app';
import { publishedVersion } from '../test/support/workflow-factory';
import { openTaskOf } from './open-task';

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STEPS = ['headReview', 'deputyReview', 'adminReview'] as const;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="approval" targetNamespace="http://thidua.example/bench">
  <process id="three-step-approval" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="toHead" sourceRef="start" targetRef="headReview" />
    <userTask id="headReview" name="Cụm trưởng duyệt" />
    <sequenceFlow id="toDeputy" sourceRef="headReview" targetRef="deputyReview" />
    <userTask id="deputyReview" name="Cụm phó duyệt" />
    <sequenceFlow id="toAdmin" sourceRef="deputyReview" targetRef="adminReview" />
    <userTask id="adminReview" name="Quản trị duyệt" />
    <sequenceFlow id="toEnd" sourceRef="adminReview" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

/** bpmn-engine's processes with their state written to PostgreSQL after every step; `recover` reads it back each step. */
async function bpmnEngine(t: TestApp, recover: boolean): Promise<number> {
  const orm = t.app.get(MikroORM);
  await orm.em.getConnection().execute('create table if not exists bench_bpmn_state (id varchar(36) primary key, state jsonb not null, ended boolean not null)');
  const save = (id: string, state: unknown, ended: boolean) =>
    orm.em.fork().getConnection().execute('insert into bench_bpmn_state (id, state, ended) values (?, ?, ?) on conflict (id) do update set state = excluded.state, ended = excluded.ended', [id, JSON.stringify(state), ended]);
  const load = async (id: string) => (await orm.em.fork().getConnection().execute('select state from bench_bpmn_state where id = ?', [id]))[0].state;
  const ids = Array.from({ length: PROCESSES }, () => randomUUID());
  const seconds = await timed(() =>
    pool(ids, CONCURRENCY, async (id) => {
      let engine = new Engine({ name: id, source: BPMN });
      await engine.execute();
      await save(id, await engine.getState(), false);
      for (const step of STEPS) {
        if (recover) {
          const state = await load(id);
          engine = new Engine().recover(typeof state === 'string' ? JSON.parse(state) : state);
          await engine.resume();
        }
        const waiting = engine.execution.getPostponed().map((activity) => activity.id);
        if (!waiting.includes(step)) throw new Error(`bpmn-engine ${id}: waiting at ${waiting.join(', ')}, not ${step}`);
        engine.execution.signal({ id: step });
        await save(id, await engine.getState(), step === STEPS[STEPS.length - 1]);
      }
    }),
  );
  const [{ ended }] = await orm.em.getConnection().execute(`select count(*) as ended from bench_bpmn_state where ended and id in (${ids.map(() => '?').join(', ')})`, ids);
  if (Number(ended) !== PROCESSES) throw new Error(`${ended} of ${PROCESSES} bpmn-engine processes ended`);
  return PROCESSES / seconds;
}

/** thidua: launch → the head approves → the deputy approves → the administrator approves → end, per campaign. */
async function thidua(t: TestApp): Promise<number> {
  const em = t.app.get(MikroORM).em.fork();
  const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 }, { populate: ['headUnit', 'deputyUnit'] });
  const version = await publishedVersion(t, `bench-peer-${randomUUID().slice(0, 8)}`, {
    name: 'Ba bước duyệt',
    start: 'head-review',
    stages: {
      'head-review': { type: 'review', assignees: ['cluster-head'], on: { approved: 'deputy-review', returned: 'head-review' } },
      'deputy-review': { type: 'review', assignees: ['cluster-deputy'], on: { approved: 'admin-review', returned: 'head-review' } },
      'admin-review': { type: 'review', assignees: [{ person: 'admin' }], on: { approved: 'done', returned: 'head-review' } },
      done: { type: 'end' },
    },
  });
  const principalOf = async (username: string, roles: string[] = []) => {
    const person = await em.findOneOrFail(Person, { username });
    return { personId: person.id, username, fullName: person.fullName, roles };
  };
  const principals = t.app.get(PrincipalService);
  const admin = await principalOf('admin', ['admin']);
  const head = await principalOf('thanhhoa.vientruong');
  const deputy = await principalOf('nghean.vientruong');
  const actors = [
    { principal: head, actingFor: await principals.resolveActingFor(head.personId, cluster.headUnit!.code) },
    { principal: deputy, actingFor: await principals.resolveActingFor(deputy.personId, cluster.deputyUnit!.code) },
    { principal: admin, actingFor: undefined },
  ];
  const launches = t.app.get(CampaignLaunchService);
  const commands = t.app.get(CampaignCommandsService);
  const seconds = await timed(() =>
    pool(Array.from({ length: PROCESSES }, (_, i) => i), CONCURRENCY, async (i) => {
      const campaign = await launches.launch({ workflowVersionId: version.id, name: `peer ${i}`, year: 2020, clusterId: cluster.id }, admin);
      for (const actor of actors) {
        await commands.commandTask(await openTaskOf(t, campaign.id), { command: 'approve' }, actor.principal, actor.actingFor);
      }
    }),
  );
  const ended = await t.app.get(MikroORM).em.fork().count(Campaign, { workflowVersion: version.id, status: 'completed' });
  if (ended !== PROCESSES) throw new Error(`${ended} of ${PROCESSES} thidua campaigns ended`);
  return PROCESSES / seconds;
}

async function main(): Promise<void> {
  if (process.env.TEST_DB !== 'postgresql') throw new Error('the peer comparison runs on PostgreSQL (TEST_DB=postgresql)');
  const t = await startTestApp();
  try {
    const runs = { thidua: [] as number[], held: [] as number[], recovered: [] as number[] };
    // Alternated, and the medians reported: the machine is shared.
    for (let round = 0; round < ROUNDS; round++) {
      runs.thidua.push(await thidua(t));
      runs.held.push(await bpmnEngine(t, false));
      runs.recovered.push(await bpmnEngine(t, true));
    }
    const figures = { thidua: median(runs.thidua), held: median(runs.held), recovered: median(runs.recovered) };
    const ratio = figures.thidua / Math.max(figures.held, figures.recovered);
    const line = (name: string, perSecond: number) => `  ${name.padEnd(44)} ${perSecond.toFixed(1).padStart(8)} processes/s\n`;
    process.stdout.write(
      `[postgresql] a three-step approval, ${PROCESSES} processes at concurrency ${CONCURRENCY}, median of ${ROUNDS} rounds:\n` +
        line('thidua (launch, 3 commands, end)', figures.thidua) +
        line('bpmn-engine, held in memory, saved each step', figures.held) +
        line('bpmn-engine, recovered and saved each step', figures.recovered) +
        `  thidua ÷ the better bpmn-engine: ${ratio.toFixed(2)} (target ≥ 2)\n`,
    );
    const dir = process.env.BENCH_RESULTS_DIR ?? join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'peer-comparison.json'), `${JSON.stringify({ date: new Date().toISOString(), processes: PROCESSES, concurrency: CONCURRENCY, runs, figures, ratio }, null, 2)}\n`);
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
