import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { CLUSTER_6_UNIT_NAMES } from '../support/signing-flow';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;
const PACT = 'Giao ước thi đua 2020 – Cụm 6';
const SECOND = 'Rà soát giao ước 2020 – Cụm 6';

/** A moment's day in Vietnam (UTC+7), the test's own reckoning of what the overview groups by. */
const vietnamDay = (moment: Date): string => new Date(moment.getTime() + 7 * HOUR).toISOString().slice(0, 10);

describe('the overview of a year (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let timers: Queue;
  let pactId: string;
  let launchedAt: Date;
  let secondId: string;

  beforeAll(async () => {
    t = await startTestApp({ role: 'all' });
    admin = await bearerFor(t, 'admin');
    timers = new Queue(QUEUES.workflowTimers, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
    const clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    const launch = async (key: string, name: string, onDeadline: 'close' | 'mark-late') => {
      const version = await publishedVersion(t, key, fourStageDocument(onDeadline));
      return (await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name, year: 2020, clusterId }).expect(201)).body.id as string;
    };
    const inbox = async (auth: Auth, campaignId: string) => (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body.tasks;
    const act = async (username: string, campaignId: string, command: string) => {
      const auth = await bearerFor(t, username);
      const [task] = await inbox(auth, campaignId);
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(auth).send({ command }).expect(200);
    };

    // The pact: the head approves, three units acknowledge in time; the deadline marks the other three late, and
    // Quảng Bình acknowledges after it. The second campaign waits at its first stage.
    // Three days ahead of the process's time: what the overview counts must follow the engine's clock.
    t.app.get(Clock).advance(3 * 24 * HOUR);
    launchedAt = t.app.get(Clock).now();
    pactId = await launch('overview-pact', PACT, 'mark-late');
    secondId = await launch('overview-second', SECOND, 'close');
    await act('thanhhoa.vientruong', pactId, 'approve');
    for (const slug of ['thanhhoa', 'nghean', 'hatinh']) await act(`${slug}.canbo`, pactId, 'acknowledge');
    const detail = (await t.http().get(`/api/v1/campaigns/${pactId}`).set(admin).expect(200)).body;
    const ackRun = detail.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge');
    t.app.get(Clock).advance(HOUR + 60_000);
    const deadline = await waitFor(async () => (await timers.getJob(`deadline-${ackRun.id}`)) ?? undefined, 'the deadline job to be relayed');
    await deadline.promote();
    await waitFor(async () => {
      const d = (await t.http().get(`/api/v1/campaigns/${pactId}`).set(admin).expect(200)).body;
      return d.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge').overdue ? true : undefined;
    }, 'the deadline to mark the open tasks late');
    await act('quangbinh.canbo', pactId, 'acknowledge');
  });
  afterAll(async () => {
    await timers?.close();
    await t?.close();
  });

  it('gives the campaigns of the year by cluster with their current stages, late tasks by unit worst first, and completion by day', async () => {
    const overview = (await t.http().get('/api/v1/overview?year=2020').set(admin).expect(200)).body;
    expect(overview.totals).toEqual({ campaigns: 2, running: 2, completed: 0, cancelled: 0, tasks: 8, tasksDone: 5, late: 3, overdue: 2 });
    expect(overview.groups).toEqual([
      {
        kind: 'cluster',
        id: expect.any(String),
        name: 'Cụm thi đua số 6',
        campaigns: [
          {
            id: pactId,
            name: PACT,
            workflowName: 'Giao ước thử nghiệm',
            workflowKey: 'overview-pact',
            workflowVersion: 1,
            status: 'running',
            currentStages: [
              { stageKey: 'acknowledge', name: 'Các đơn vị xác nhận', iteration: 1, dueAt: expect.any(String), overdue: true, progress: { total: 6, done: 4, awaitingReview: 0, open: 2, late: 3 } },
            ],
          },
          {
            id: secondId,
            name: SECOND,
            workflowName: 'Giao ước thử nghiệm',
            workflowKey: 'overview-second',
            workflowVersion: 1,
            status: 'running',
            currentStages: [{ stageKey: 'draft-review', name: 'Cụm trưởng duyệt dự thảo', iteration: 1, dueAt: null, overdue: false, progress: { total: 1, done: 0, awaitingReview: 0, open: 1, late: 0 } }],
          },
        ],
      },
    ]);
    const place = (late: number, overdue: number) => [{ campaignId: pactId, campaignName: PACT, stageKey: 'acknowledge', stageName: 'Các đơn vị xác nhận', late, overdue }];
    // Two units with one task still open (Quảng Trị before Thừa Thiên Huế by name), then Quảng Bình's, done late.
    expect(overview.lateByUnit).toEqual([
      { unitId: expect.any(String), unitCode: 'VKS-QTR', unitName: CLUSTER_6_UNIT_NAMES['VKS-QTR'], late: 1, overdue: 1, places: place(1, 1) },
      { unitId: expect.any(String), unitCode: 'VKS-TTH', unitName: CLUSTER_6_UNIT_NAMES['VKS-TTH'], late: 1, overdue: 1, places: place(1, 1) },
      { unitId: expect.any(String), unitCode: 'VKS-QBI', unitName: CLUSTER_6_UNIT_NAMES['VKS-QBI'], late: 1, overdue: 0, places: place(1, 0) },
    ]);

    // The series runs day by day from the first task's day to the last completion's, each day counting up to its end.
    const tasks = await t.app.get(MikroORM).em.fork().find(Task, { campaign: { $in: [pactId, secondId] } });
    const created = tasks.map((task) => vietnamDay(task.createdAt));
    const completed = tasks.filter((task) => task.completedAt).map((task) => vietnamDay(task.completedAt!));
    const days = [...created, ...completed].sort();
    const expected = [];
    for (let day = days[0]; day <= days[days.length - 1]; day = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10)) {
      expected.push({ day, assigned: created.filter((d) => d <= day).length, completed: completed.filter((d) => d <= day).length });
    }
    expect(overview.completion).toEqual(expected);
    expect(overview.completion[0].day).toBe(vietnamDay(launchedAt));
    expect(overview.completion[overview.completion.length - 1]).toMatchObject({ assigned: 8, completed: 5 });

    // Names in English when asked; another year is empty.
    const english = (await t.http().get('/api/v1/overview?year=2020&lang=en').set(admin).expect(200)).body;
    expect(english.groups[0].campaigns[0].workflowName).toBe('Test pact');
    expect((await t.http().get('/api/v1/overview?year=2019').set(admin).expect(200)).body).toEqual({
      year: 2019,
      totals: { campaigns: 0, running: 0, completed: 0, cancelled: 0, tasks: 0, tasksDone: 0, late: 0, overdue: 0 },
      groups: [],
      lateByUnit: [],
      completion: [],
    });
  });

  it('is for administrators and council members only, and refuses a bad year', async () => {
    const council = await bearerFor(t, 'tdkt.vutruong');
    expect((await t.http().get('/api/v1/overview?year=2020').set(council).expect(200)).body.totals.tasks).toBe(8);
    for (const username of ['hatinh.canbo', 'quangtri.canbo']) {
      const refused = await t.http().get('/api/v1/overview?year=2020').set(await bearerFor(t, username)).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    }
    for (const query of ['', '?year=abc', '?year=1999', '?year=2020&status=x']) {
      const bad = await t.http().get(`/api/v1/overview${query}`).set(admin).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('shows the page with the same figures, its chart data and the table beside it, in Vietnamese and English', async () => {
    const pages = pageSessions(t);
    const api = (await t.http().get('/api/v1/overview?year=2020').set(admin).expect(200)).body;
    const vi = await pages.page('admin', '/admin/overview?year=2020');
    expect(vi).toContain('<h1>Tổng quan thi đua năm 2020</h1>');
    expect(vi).toContain('2 đợt thi đua (2 đang diễn ra, 0 đã hoàn thành, 0 đã hủy); 5/8 việc đã hoàn thành; 3 việc trễ hạn của các đơn vị, 2 chưa hoàn thành.');
    expect(vi).toContain('<h3 id="overview-group-0">Cụm: Cụm thi đua số 6</h3>');
    expect(vi).toContain('<strong>Các đơn vị xác nhận</strong>: 4/6 xong, 3 trễ hạn <span class="badge badge-overdue">quá hạn</span>');
    expect(vi).toContain('<strong>Cụm trưởng duyệt dự thảo</strong>: 0/1 xong');
    // Worst first: the late table's unit cells in order.
    const lateTable = /<table id="overview-late-table">([\s\S]*?)<\/table>/.exec(vi)![1];
    expect([...lateTable.matchAll(/<tr>\s*<td>([^<]+)<\/td>\s*<td class="number">(\d+)<\/td>\s*<td class="number">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2]), Number(m[3])])).toEqual([
      [CLUSTER_6_UNIT_NAMES['VKS-QTR'], 1, 1],
      [CLUSTER_6_UNIT_NAMES['VKS-TTH'], 1, 1],
      [CLUSTER_6_UNIT_NAMES['VKS-QBI'], 0, 1],
    ]);
    // The chart's data (JSON, no inline script) and the fallback table hold the API's series.
    const data = JSON.parse(/<script type="application\/json" id="overview-chart-data">([\s\S]*?)<\/script>/.exec(vi)![1]);
    expect(data.datasets.map((set: { values: number[] }) => set.values)).toEqual([api.completion.map((p: { assigned: number }) => p.assigned), api.completion.map((p: { completed: number }) => p.completed)]);
    const figures = /<table id="overview-figures-table">([\s\S]*?)<\/table>/.exec(vi)![1];
    expect([...figures.matchAll(/<time datetime="([\d-]+)">[^<]*<\/time><\/td><td class="number">(\d+)<\/td><td class="number">(\d+)<\/td>/g)].map((m) => ({ day: m[1], assigned: Number(m[2]), completed: Number(m[3]) }))).toEqual(api.completion);
    expect(vi).not.toMatch(/<script>(?!<\/script>)/);

    const en = (await pages.get('admin', '/admin/overview?year=2020', 200, 'en')).text;
    expect(en).toContain('<h1>Overview of 2020</h1>');
    // The test workflow names its stages in Vietnamese only: English falls back to them.
    expect(en).toContain('<strong>Các đơn vị xác nhận</strong>: 4/6 done, 3 late <span class="badge badge-overdue">overdue</span>');
    expect(en).toContain('<td>Test pact</td>');
    // The council member sees it too; an officer gets the localized refusal; a bad year is refused on the page as well.
    expect(await pages.page('tdkt.vutruong', '/admin/overview')).toContain('<h1>Tổng quan thi đua năm 2020</h1>');
    await pages.get('hatinh.canbo', '/admin/overview?year=2020', 403);
    await pages.get('admin', '/admin/overview?year=abc', 400);
  });
});
