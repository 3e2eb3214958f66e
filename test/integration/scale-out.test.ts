import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { contentHash } from '../../src/common/hashing/canonical-json';
import { loadConfig } from '../../src/config/load-config';
import { buildOrmOptions } from '../../src/database/orm-options';
import { ENTITIES } from '../../src/entities';
import { syncBuiltinForms } from '../../src/modules/forms/builtin-forms';
import { FormsService } from '../../src/modules/forms/forms.service';
import { IdempotencyRecord } from '../../src/modules/idempotency/idempotency-record.entity';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { WorkflowDocument } from '../../src/workflows/definitions/workflow-document';
import { verifyChain } from '../../src/workflows/engine/campaign-history.service';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { WorkflowDefinition } from '../../src/workflows/engine/entities/workflow-definition.entity';
import { WorkflowVersion } from '../../src/workflows/engine/entities/workflow-version.entity';
import { CLUSTER_6_UNITS } from '../support/cluster-pact';
import { checkPactCampaign, committedBy, drivePactCampaign, launchCampaign, PACT_ACTIONS, publishPactToScores, signInPactActors } from '../support/fault-pact-campaign';
import { MAIN, MainProcess, runMain } from '../support/main-process';
import { ActionKind, RetryingClient } from '../support/retrying-client';
import { dropRedisPrefix, freePort, prepareDatabase, TEST_REDIS_URL } from '../support/test-app';
import { createTestDatabase, TEST_DIALECT, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/** Rounds of launches and actions, each with the api killed (and a worker every other round); FAULT_ROUNDS=20 for the full fault run. */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 4);
/** Acknowledge campaigns per round: half acknowledged by every member, half left to their deadline. */
const CAMPAIGNS_PER_ROUND = 4;
const MEMBERS = CLUSTER_6_UNITS.length;
/** Each acknowledge campaign's deadline: soon enough for the test, late enough that the kills land before or among them. */
const DUE_SECONDS = 6;
/** What a round's clients do, by kind: every member's acknowledgement of half the campaigns, and one pact campaign's actions. */
const ACTIONS_PER_ROUND: Record<ActionKind, number> = { acknowledgement: (CAMPAIGNS_PER_ROUND / 2) * MEMBERS, ...PACT_ACTIONS } as Record<ActionKind, number>;
/** The kind of action the api dies in, in turn from round to round: the default rounds hit a ballot, a form, a signature and a sheet. */
const KILL_TARGETS: ActionKind[] = ['ballot', 'registration', 'paper-signature', 'score-sheet', 'signature-confirmation', 'acknowledgement', 'draft', 'discussion-close'];

/** acknowledge by every member (due in a few seconds, marked late when due) → end. */
const document: WorkflowDocument = {
  name: { vi: 'Xác nhận nhanh', en: 'Quick acknowledgement' },
  subject: 'cluster',
  start: 'acknowledge',
  stages: {
    acknowledge: { type: 'acknowledge', fanOut: 'each-member', due: { minutes: DUE_SECONDS / 60 }, onDeadline: 'mark-late', on: { acknowledged: 'done' } },
    done: { type: 'end' },
  },
};

/**
 * One api and two worker processes of dist/main.js on one PostgreSQL database and one Redis. Each round launches
 * acknowledge campaigns (deadlines, run by the workers) and a pact campaign taken through a draft, ballots, title
 * registrations, paper signatures and score sheets (actions, committed by the api). In every round the api is killed
 * with SIGKILL during a random action (of a ballot, a form, a signature, a sheet… in turn), and in every other round a
 * worker at a random moment among the deadlines (a worker has no part in an action: the api commits it and the stage
 * transitions in one transaction); each is replaced.
 * Then: every action the clients saw acknowledged is recorded exactly once, every stage reached its outcome once,
 * every deadline was applied once, and every campaign's history chain verifies.
 */
(TEST_DIALECT === 'postgresql' ? describe : describe.skip)(`scale-out: api and workers as processes, killed mid-run (${TEST_DIALECT})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let orm: MikroORM;
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  const running: MainProcess[] = [];
  const start = (role: string, extra: Record<string, string> = {}) => {
    const started = runMain([`--role=${role}`], { ...env, ...extra });
    running.push(started);
    return started;
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does it)');
    database = await createTestDatabase();
    env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), ...database.env };
    const config = loadConfig(env);
    await prepareDatabase(config, true);
    orm = await MikroORM.init(buildOrmOptions(config.database, ENTITIES));
    // The pact's forms, as `thidua setup` stores them.
    await syncBuiltinForms(new FormsService(orm.em.fork()));
  });
  afterAll(async () => {
    for (const started of running) started.child.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exit));
    await orm?.close();
    await dropRedisPrefix(TEST_REDIS_URL, prefix);
    await database?.drop();
  });

  it('loses and repeats nothing across rounds where a worker or the api is killed -9 at a random moment', async () => {
    const began = Date.now();
    const em = orm.em.fork();
    const definition = em.create(WorkflowDefinition, { key: 'scale-out', name: 'scale-out', draft: document });
    const version = em.create(WorkflowVersion, { definition, number: 1, document, contentHash: contentHash(document), publishedAt: new Date() });
    await em.flush();
    const cluster = await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const processes = { api: start('api', { PORT: String(port) }), workers: [start('worker'), start('worker')] };
    const timers = new Queue(QUEUES.workflowTimers, { prefix, connection: { url: TEST_REDIS_URL } });
    const kills = { api: 0, worker: 0, keysLeftPending: 0 };
    /** `kind taskId` of the actions that a killed api committed but never answered. */
    const committedUnanswered = new Set<string>();
    try {
      await waitFor(async () => ((await fetch(`${base}/health`)).status === 200 ? true : undefined), 'the api', 60_000);
      await waitFor(async () => ((await timers.getWorkers()).length >= 2 ? true : undefined), 'both workers to take the timers queue', 60_000);

      const client = new RetryingClient(base);
      const actors = await signInPactActors(base);
      const pactVersionId = await publishPactToScores(client, actors.admin);
      const launch = (workflowVersionId: string, name: string) => launchCampaign(client, actors.admin, cluster.id, workflowVersionId, name);

      /**
       * Kills the api a random 0–100 ms into a random action of the round's target kind (before the request arrives, in
       * its transaction, after its commit…), and starts another. A key reserved by the dead api stays pending for its
       * lease (IDEMPOTENCY_LEASE_MS, 2 minutes), answering its retries 409 IN_PROGRESS meanwhile: it is expired here
       * instead of waited for, so that the retry takes it over and runs the action again against what the dead api
       * may have committed.
       */
      const killApi = async (round: number) => {
        const target = KILL_TARGETS[round % KILL_TARGETS.length];
        await client.whenStarted(target, round * ACTIONS_PER_ROUND[target] + randomInt(1, ACTIONS_PER_ROUND[target] + 1));
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, 100)));
        const doomed = processes.api;
        doomed.child.kill('SIGKILL');
        await doomed.exit;
        kills.api++;
        for (const action of await committedBy(orm.em.fork(), client.inFlight())) committedUnanswered.add(`${action.kind} ${action.taskId}`);
        kills.keysLeftPending += await orm.em.fork().nativeUpdate(IdempotencyRecord, { state: 'pending' }, { leaseExpiresAt: new Date(0) });
        processes.api = start('api', { PORT: String(port) });
      };
      /** Kills a worker at a random moment up to the acknowledge campaigns' deadline, and starts another. */
      const killWorker = async () => {
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, DUE_SECONDS * 1000)));
        const doomed = processes.workers.shift()!;
        doomed.child.kill('SIGKILL');
        await doomed.exit;
        kills.worker++;
        processes.workers.push(start('worker'));
      };

      const acknowledged: string[] = [];
      const leftToTheDeadline: string[] = [];
      const pacts: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const launched: string[] = [];
        for (let i = 0; i < CAMPAIGNS_PER_ROUND; i++) launched.push(await launch(version.id, `scale-out ${round}.${i}`));
        const pact = await launch(pactVersionId, `scale-out pact ${round}`);
        const faults = [killApi(round), ...(round % 2 === 1 ? [killWorker()] : [])];
        const acknowledgements = launched.slice(0, CAMPAIGNS_PER_ROUND / 2).flatMap((campaignId) =>
          [...actors.officers.values()].map(async (token) => {
            const [task] = (await client.get(`/api/v1/inbox?campaignId=${campaignId}`, token)).body.tasks as Array<{ id: string }>;
            await client.act('acknowledgement', task.id, `/api/v1/tasks/${task.id}/commands`, token, { command: 'acknowledge' });
          }),
        );
        await Promise.all([...faults, ...acknowledgements, drivePactCampaign(client, actors, pact)]);
        acknowledged.push(...launched.slice(0, CAMPAIGNS_PER_ROUND / 2));
        leftToTheDeadline.push(...launched.slice(CAMPAIGNS_PER_ROUND / 2));
        pacts.push(pact);
      }

      const overdue = () => orm.em.fork().count(CampaignEvent, { campaign: { $in: leftToTheDeadline }, type: 'stage.overdue' });
      // Recovery may wait for the dead worker's job to be found stalled, or for the sweep (every 30 s).
      await waitFor(async () => ((await overdue()) >= leftToTheDeadline.length ? true : undefined), 'every deadline to be applied', 120_000);

      const check = orm.em.fork();
      for (const campaignId of [...acknowledged, ...leftToTheDeadline]) {
        const events = await check.find(CampaignEvent, { campaign: campaignId }, { orderBy: { seq: 'asc' } });
        expect(verifyChain(campaignId, events)).toMatchObject({ intact: true });
        const tasks = await check.find(Task, { campaign: campaignId });
        const completions = events.filter((event) => event.type === 'task.completed').map((event) => event.data.taskId);
        if (acknowledged.includes(campaignId)) {
          // Every member's acknowledgement counted once, whatever was retried; the campaign ended.
          expect(tasks.map((task) => task.status)).toEqual(Array(MEMBERS).fill('done'));
          expect(completions.sort()).toEqual(tasks.map((task) => task.id).sort());
          expect(client.actions.filter((action) => action.kind === 'acknowledgement' && tasks.some((task) => task.id === action.taskId))).toHaveLength(MEMBERS);
          expect(events.filter((event) => event.type === 'campaign.completed')).toHaveLength(1);
        } else {
          // The deadline marked every open task late once and closed nothing.
          expect(events.filter((event) => event.type === 'stage.overdue')).toHaveLength(1);
          expect(tasks.map((task) => [task.status, task.late])).toEqual(Array(MEMBERS).fill(['open', true]));
        }
      }
      let replacedBallots = 0;
      for (const campaignId of pacts) replacedBallots += (await checkPactCampaign(check, campaignId, client.actions)).replacedBallots;
      expect(client.actions).toHaveLength(ROUNDS * Object.values(ACTIONS_PER_ROUND).reduce((sum, count) => sum + count, 0));
      // Only a ballot that a killed api had cast may be cast again by its retry (replacing it with the same choice).
      expect(replacedBallots).toBeLessThanOrEqual([...committedUnanswered].filter((action) => action.startsWith('ballot ')).length);

      const perKind = new Map<string, { actions: number; lostAnswers: number; committed: number; replayed: number; foundDone: number }>();
      for (const action of client.actions) {
        const figures = perKind.get(action.kind) ?? { actions: 0, lostAnswers: 0, committed: 0, replayed: 0, foundDone: 0 };
        figures.actions++;
        figures.lostAnswers += action.lostAnswers > 0 ? 1 : 0;
        figures.committed += committedUnanswered.has(`${action.kind} ${action.taskId}`) ? 1 : 0;
        figures.replayed += action.replayed ? 1 : 0;
        figures.foundDone += action.outcome === 'found-done' ? 1 : 0;
        perKind.set(action.kind, figures);
      }
      const table = [...perKind].map(([kind, f]) => `${kind} ${f.actions} (answer lost ${f.lostAnswers}, of which committed ${f.committed}; replayed ${f.replayed}, found done ${f.foundDone})`).join('; ');
      process.stderr.write(
        `scale-out: ${ROUNDS} rounds in ${((Date.now() - began) / 1000).toFixed(1)} s; killed api ${kills.api}, worker ${kills.worker}; ` +
          `keys left pending by a killed api ${kills.keysLeftPending}; ballots replaced by a retry ${replacedBallots}; actions: ${table}\n`,
      );
    } finally {
      await timers.close();
    }
  }, Math.max(600_000, ROUNDS * 60_000));
});
