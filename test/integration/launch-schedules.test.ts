import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { LaunchSchedule } from '../../src/workflows/schedules/entities/launch-schedule.entity';
import { ScheduledLaunch } from '../../src/workflows/schedules/entities/scheduled-launch.entity';
import { EvaluationSchedulesProcessor } from '../../src/workflows/schedules/evaluation-schedules.processor';
import { ensureLaunchSchedule } from '../../src/workflows/schedules/launch-schedules.service';
import { ScheduledLauncher } from '../../src/workflows/schedules/scheduled-launcher.service';
import { Person } from '../../src/modules/org/entities/person.entity';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

/** An instant given as Vietnam wall-clock time. */
const vietnam = (wallClock: string) => new Date(`${wallClock}+07:00`);

describe(`scheduled launches: exactly once per workflow, year and subject (${TEST_DIALECT})`, () => {
  let api: TestApp;
  let workers: TestApp[];
  let admin: { Authorization: string };
  let clusterIds: string[];

  const orm = () => api.app.get(MikroORM).em.fork();
  const setClocks = (instant: Date) => [api, ...workers].forEach((t) => t.app.get(Clock).set(instant));
  const launcher = (t: TestApp) => t.app.get(ScheduledLauncher);

  /** Campaigns of a workflow for 2020, counted per subject cluster. */
  async function campaignsPerCluster(workflowKey: string, year = 2020): Promise<Record<string, number>> {
    const campaigns = await orm().find(Campaign, { year, workflowVersion: { definition: { key: workflowKey } } });
    const counts: Record<string, number> = {};
    for (const c of campaigns) counts[c.subjectCluster!.id] = (counts[c.subjectCluster!.id] ?? 0) + 1;
    return counts;
  }
  const onePerCluster = () => Object.fromEntries(clusterIds.map((id) => [id, 1]));

  async function createSchedule(workflowKey: string, date: string, year = 2020): Promise<string> {
    const response = await api
      .http()
      .post('/api/v1/launch-schedules')
      .set(admin)
      .send({ workflowKey, year, subjectKind: 'every-active-cluster', date, shift: 'next-working-day', nameTemplate: `${workflowKey} {year} — {subject}` })
      .expect(201);
    return response.body.id;
  }

  /** Waits until every subject of the schedule has a row in one of `statuses` and a run summary is recorded. */
  async function settled(scheduleId: string, subjects: number, statuses: string[] = ['launched', 'existed']) {
    return waitFor(async () => {
      const em = orm();
      const rows = await em.find(ScheduledLaunch, { schedule: scheduleId });
      const schedule = await em.findOneOrFail(LaunchSchedule, scheduleId);
      return rows.length === subjects && rows.every((r) => statuses.includes(r.status)) && schedule.lastRun ? { rows, lastRun: schedule.lastRun } : undefined;
    }, `schedule ${scheduleId} to settle`, 45_000);
  }

  beforeAll(async () => {
    api = await startTestApp({ role: 'api' });
    workers = [await startTestApp({ role: 'worker', shareWith: api }), await startTestApp({ role: 'worker', shareWith: api })];
    // Before any schedule exists, so that no tick sees one at the real (later) date.
    setClocks(vietnam('2020-11-14T09:00:00'));
    admin = await bearerFor(api, 'admin');
    const em = orm();
    const units = new Map((await em.find(Unit, {})).map((u) => [u.code, u]));
    // Two more clusters of 2020 beside Cluster No. 6, each with a head (the first stage's assignee).
    for (const [name, head, other] of [['Cụm thi đua số 7', 'VKS-NAN', 'VKS-HTI'], ['Cụm thi đua số 8', 'VKS-QBI', 'VKS-QTR']] as const) {
      const cluster = em.create(Cluster, { name, year: 2020, headUnit: units.get(head)! });
      cluster.members.set([units.get(head)!, units.get(other)!]);
    }
    await em.flush();
    clusterIds = (await em.find(Cluster, { year: 2020, archivedAt: null })).map((c) => c.id);
    expect(clusterIds).toHaveLength(3);
    for (const key of ['int-year-end', 'int-after-loss', 'int-run-now', 'int-killed', 'int-catch-up']) await publishedVersion(api, key, fourStageDocument('close'));
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers ?? []) await worker.close().catch(() => undefined);
    await api?.close();
  });

  it('(a) launches on the first working day on or after the date, once per cluster, with two workers racing', async () => {
    // 14 Nov 2020 is a Saturday: the run day is Monday the 16th.
    const id = await createSchedule('int-year-end', '--11-14');
    expect((await api.http().get(`/api/v1/launch-schedules/${id}`).set(admin).expect(200)).body).toMatchObject({ runDate: '2020-11-16', nextRunAt: '2020-11-15T17:00:00.000Z' });

    for (const day of ['2020-11-14T09:00:00', '2020-11-15T23:59:00']) {
      setClocks(vietnam(day));
      const reports = await Promise.all(workers.map((w) => launcher(w).tick()));
      expect(reports).toEqual([{ due: 0, runs: 0 }, { due: 0, runs: 0 }]);
    }
    expect(await campaignsPerCluster('int-year-end')).toEqual({});
    expect(await orm().count(ScheduledLaunch, { schedule: id })).toBe(0);

    setClocks(vietnam('2020-11-16T00:05:00'));
    const subject = `cluster:${clusterIds[0]}`;
    // Both workers tick at once, and both also try one subject directly, racing the flow's own launch of it.
    const [ticks, direct] = await Promise.all([
      Promise.all(workers.map((w) => launcher(w).tick())),
      Promise.all(workers.map((w) => launcher(w).launchSubject(id, 2020, subject))),
    ]);
    expect(ticks.every((r) => r.due === 1)).toBe(true);
    expect(direct.map((r) => r.outcome)).toContain('existed');
    expect(direct.filter((r) => r.outcome === 'launched').length).toBeLessThanOrEqual(1);

    const { rows, lastRun } = await settled(id, 3);
    expect(await campaignsPerCluster('int-year-end')).toEqual(onePerCluster());
    expect(rows.every((r) => r.status === 'launched' && r.campaign !== null)).toBe(true);
    expect(rows.every((r) => r.lastAttemptAt!.toISOString() >= '2020-11-15T17:00:00.000Z')).toBe(true);
    expect(lastRun.failed).toBe(0);

    // Duplicate deliveries of every launch, from both workers at once: nothing new, each recorded as existed.
    const duplicates = await Promise.all(workers.flatMap((w) => clusterIds.map((c) => launcher(w).launchSubject(id, 2020, `cluster:${c}`))));
    expect(duplicates.every((r) => r.outcome === 'existed')).toBe(true);
    expect(await campaignsPerCluster('int-year-end')).toEqual(onePerCluster());
    expect((await orm().find(ScheduledLaunch, { schedule: id })).every((r) => r.lastOutcome === 'existed')).toBe(true);
    // Nothing left to launch: the next ticks add no run, and the schedule shows no next run.
    expect((await Promise.all(workers.map((w) => launcher(w).tick()))).map((r) => r.runs)).toEqual([0, 0]);
    expect((await api.http().get(`/api/v1/launch-schedules/${id}`).set(admin).expect(200)).body).toMatchObject({ nextRunAt: null, results: { launched: 3, failed: 0, pending: 0 } });
  });

  it('(b) after Redis lost the queue’s data, a new tick and a run still make one campaign per cluster', async () => {
    const id = await createSchedule('int-after-loss', '--11-02');
    await launcher(workers[0]).tick();
    await settled(id, 3);
    expect(await campaignsPerCluster('int-after-loss')).toEqual(onePerCluster());

    const queue = new Queue(QUEUES.evaluationSchedules, { prefix: api.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
    try {
      await queue.obliterate({ force: true });
      expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, completed: 0 });
    } finally {
      await queue.close();
    }
    await orm().nativeUpdate(LaunchSchedule, { id }, { lastRun: null });
    expect((await Promise.all(workers.map((w) => launcher(w).tick()))).every((r) => r.due >= 1)).toBe(true);
    // A forced run of every subject too: all existed.
    await api.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send().expect(202);
    const { lastRun } = await settled(id, 3);
    expect(lastRun).toMatchObject({ subjects: 3, launched: 0, existed: 3, failed: 0 });
    expect(await campaignsPerCluster('int-after-loss')).toEqual(onePerCluster());
  });

  it('(d) two concurrent "run now" calls launch one campaign per cluster', async () => {
    const id = await createSchedule('int-run-now', '--12-31');
    const [first, second] = await Promise.all([1, 2].map(() => api.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send()));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body.jobId).toBe(second.body.jobId);
    await settled(id, 3);
    expect(await campaignsPerCluster('int-run-now')).toEqual(onePerCluster());
  });

  it('records a refused launch as failed with its code, and launches it on the next run once fixed', async () => {
    const em = orm();
    const cluster = em.create(Cluster, { name: 'Cụm thi đua số 6', year: 2021 });
    await em.flush();
    const id = await createSchedule('int-year-end', '--01-05', 2021);
    await api.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send().expect(202);
    const { rows, lastRun } = await settled(id, 1, ['failed']);
    expect(rows[0]).toMatchObject({ status: 'failed', errorCode: 'ASSIGNEE_NOT_FOUND', campaign: null, attempts: 1 });
    expect(lastRun).toMatchObject({ failed: 1, launched: 0 });
    const runs = await api.http().get(`/api/v1/launch-schedules/${id}/runs`).set(admin).expect(200);
    expect(runs.body.items[0]).toMatchObject({ subjectName: 'Cụm thi đua số 6 (2021)', status: 'failed', errorCode: 'ASSIGNEE_NOT_FOUND' });
    // The stage by its name and the assignee in words, kept in both languages with the recorded refusal.
    expect(runs.body.items[0].errorMessage).toBe('Bước "Cụm trưởng duyệt dự thảo": không xác định được người/đơn vị thực hiện (cụm trưởng).');
    const english = await api.http().get(`/api/v1/launch-schedules/${id}/runs`).set(admin).set('Accept-Language', 'en').expect(200);
    expect(english.body.items[0].errorMessage).toBe('Stage "Cụm trưởng duyệt dự thảo": no assignee found for cluster head.');

    await em.nativeUpdate(Cluster, { id: cluster.id }, { headUnit: (await em.findOneOrFail(Unit, { code: 'VKS-THA' })).id });
    await em.nativeUpdate(LaunchSchedule, { id }, { lastRun: null });
    setClocks(vietnam('2021-01-05T08:00:00'));
    expect(await launcher(workers[1]).tick()).toMatchObject({ runs: 1 });
    const retried = await settled(id, 1);
    expect(retried.rows[0]).toMatchObject({ status: 'launched', errorCode: null, attempts: 2 });
    expect(await campaignsPerCluster('int-year-end', 2021)).toEqual({ [cluster.id]: 1 });
  });

  it('(c) a worker closed abruptly in the middle of a run: the other worker completes it, one campaign per cluster', async () => {
    const [doomed, survivor] = workers;
    const survivorWorker = survivor.app.get(EvaluationSchedulesProcessor).worker;
    await survivorWorker.pause();
    const id = await createSchedule('int-killed', '--12-30');
    await api.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send().expect(202);
    // The doomed worker alone takes the children; once the first launch is committed, it stops without finishing its jobs.
    await waitFor(async () => ((await orm().count(ScheduledLaunch, { schedule: id })) >= 1 ? true : undefined), 'the first launch');
    await doomed.app.get(EvaluationSchedulesProcessor).worker.close(true);
    const closing = doomed.close();
    survivorWorker.resume();
    const { rows } = await settled(id, 3);
    await closing.catch(() => undefined);
    workers = [survivor];
    expect(rows.every((r) => r.status === 'launched')).toBe(true);
    expect(await campaignsPerCluster('int-killed')).toEqual(onePerCluster());
  }, 120_000);

  it('(e) catches up a run missed while no worker ran: a worker that starts ticks at once', async () => {
    // Made by the demo seeder's function (idempotent), with ticks stopped: the surviving worker is closed first.
    for (const worker of workers) await worker.close();
    workers = [];
    const em = orm();
    const input = { workflowKey: 'int-catch-up', year: 2020, subjectKind: 'every-active-cluster' as const, date: '--11-20', shift: 'next-working-day' as const, createdBy: await em.findOneOrFail(Person, { username: 'admin' }) };
    const schedule = await ensureLaunchSchedule(em, input);
    expect((await ensureLaunchSchedule(orm(), input)).id).toBe(schedule.id);
    expect(await orm().count(LaunchSchedule, { workflow: { key: 'int-catch-up' } })).toBe(1);
    expect(await campaignsPerCluster('int-catch-up')).toEqual({});

    // A new worker's clock is the real one, long past 20 Nov 2020: its start tick launches the missed run.
    workers = [await startTestApp({ role: 'worker', shareWith: api })];
    const { lastRun } = await settled(schedule.id, 3);
    expect(lastRun).toMatchObject({ launched: 3, failed: 0 });
    expect(await campaignsPerCluster('int-catch-up')).toEqual(onePerCluster());
    // And the tick's job scheduler is in place for the next runs.
    const queue = new Queue(QUEUES.evaluationSchedules, { prefix: api.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
    try {
      const schedulers = await waitFor(async () => {
        const found = await queue.getJobSchedulers();
        return found.length ? found : undefined;
      }, 'the tick scheduler');
      expect(schedulers).toEqual([expect.objectContaining({ key: 'schedule.tick', every: 300_000 })]);
    } finally {
      await queue.close();
    }
  }, 120_000);
});
