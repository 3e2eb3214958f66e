import { MikroORM } from '@mikro-orm/core';
import { Clock } from '../../src/modules/calendar/clock';
import { StageDeadlinesService } from '../../src/workflows/engine/stage-deadlines.service';
import { StageRun } from '../../src/workflows/engine/entities/stage-run.entity';
import { Auth, CLUSTER_6_UNITS, clusterPactFixture, ClusterPactFixture } from '../support/cluster-pact';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';
import { midyearReport2020 } from '../support/yearend-report';

/** An instant given as Vietnam wall-clock time. */
const vietnam = (wallClock: string) => new Date(`${wallClock}+07:00`);

describe(`the built-in cluster-reporting: mid-year reports by 20 June, reviewed by the head, late units marked (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let pact: ClusterPactFixture;
  let campaignId: string;
  const officers = new Map<string, Auth>();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    t.app.get(Clock).set(vietnam('2020-06-01T08:00:00'));
    pact = await clusterPactFixture(t);
    for (const [slug, code] of CLUSTER_6_UNITS) officers.set(code, await bearerFor(t, `${slug}.canbo`));
    const definitions = (await t.http().get('/api/v1/workflow-definitions').set(pact.admin).expect(200)).body.items;
    const reporting = definitions.find((d: { key: string }) => d.key === 'cluster-reporting');
    const versionId = (await t.http().get(`/api/v1/workflow-definitions/${reporting.id}/versions`).set(pact.admin).expect(200)).body.items[0].id;
    campaignId = (await t.http().post('/api/v1/campaigns').set(pact.admin).send({ workflowVersionId: versionId, name: 'Sơ kết 6 tháng 2020', year: 2020, clusterId: pact.clusterId }).expect(201)).body.id;
  }, 180_000);
  afterAll(() => t?.close());

  const reportTask = async (code: string): Promise<string> => {
    const inbox = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(officers.get(code)!).expect(200)).body;
    return inbox.tasks.find((task: { stageKey: string }) => task.stageKey === 'midyear-report').id;
  };
  const campaign = async () => (await t.http().get(`/api/v1/campaigns/${campaignId}`).set(pact.admin).expect(200)).body;

  it('is due on 20 June 2020 for every member; the head accepts or returns each report; the reminder goes to the units still open', async () => {
    const run = (await campaign()).stages.find((stage: { key?: string; stageKey?: string }) => (stage.key ?? stage.stageKey) === 'midyear-report');
    expect(run.dueAt).toBe('2020-06-20T16:59:59.999Z');
    expect(run.progress).toMatchObject({ total: 6, done: 0 });

    // Five units report on time; the head accepts four and returns Quảng Bình's with a reason.
    const submitted = new Map<string, string>();
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QBI', 'VKS-QTR']) {
      submitted.set(code, await reportTask(code));
      await t.http().post(`/api/v1/tasks/${submitted.get(code)}/form/submit`).set(officers.get(code)!).send({ data: midyearReport2020(code) }).expect(200);
    }
    const review = (taskId: string, body: Record<string, unknown>) => t.http().post(`/api/v1/tasks/${taskId}/form/review`).set(pact.head).send(body).expect(200);
    for (const code of ['VKS-THA', 'VKS-NAN', 'VKS-HTI', 'VKS-QTR']) await review(submitted.get(code)!, { decision: 'accept' });
    await review(submitted.get('VKS-QBI')!, { decision: 'return', comment: 'Bổ sung số liệu án đã giải quyết theo từng lĩnh vực.' });
    const progress = (await campaign()).stages.find((stage: { key?: string; stageKey?: string }) => (stage.key ?? stage.stageKey) === 'midyear-report').progress;
    expect(progress).toMatchObject({ total: 6, done: 4, open: 2 });
    // Quảng Bình's report is back in its inbox, with the head's reason.
    expect(await reportTask('VKS-QBI')).toBe(submitted.get('VKS-QBI'));
    const runId = (await t.app.get(MikroORM).em.fork().findOneOrFail(StageRun, { campaign: campaignId, stageKey: 'midyear-report' })).id;
    // The reminder before the due date goes to the units whose task is open (Huế, and Quảng Bình with its returned report).
    const reminded = await t.app.get(StageDeadlinesService).onReminder(runId, 0);
    expect(reminded).toBeGreaterThan(0);
    const hue = (await t.http().get('/api/v1/notifications').set(officers.get('VKS-TTH')!).expect(200)).body;
    expect(hue.map((notice: { message: { vi: string } }) => notice.message.vi)).toEqual(['Nhắc việc: "Báo cáo sơ kết 6 tháng" (Sơ kết 6 tháng 2020) sắp đến hạn.']);
    const thanhHoa = (await t.http().get('/api/v1/notifications').set(officers.get('VKS-THA')!).expect(200)).body;
    expect(thanhHoa.filter((notice: { kind: string }) => notice.kind === 'reminder')).toEqual([]);
  });

  it('marks the units still open late once the due date has passed, and lists them in the campaign', async () => {
    t.app.get(Clock).set(vietnam('2020-06-22T08:00:00'));
    const runId = (await t.app.get(MikroORM).em.fork().findOneOrFail(StageRun, { campaign: campaignId, stageKey: 'midyear-report' })).id;
    expect(await t.app.get(StageDeadlinesService).onDue(runId)).toBe('handled');
    const run = (await campaign()).stages.find((stage: { key?: string; stageKey?: string }) => (stage.key ?? stage.stageKey) === 'midyear-report');
    expect(run.overdue).toBe(true);
    expect(run.progress.late).toBe(2);
    expect(run.progress.summary).toContain('2 trễ hạn');
    const late = (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(officers.get('VKS-TTH')!).expect(200)).body.tasks;
    expect(late.map((task: { late: boolean }) => task.late)).toEqual([true]);
    // Huế reports late: taken, and still flagged late.
    await t.http().post(`/api/v1/tasks/${await reportTask('VKS-TTH')}/form/submit`).set(officers.get('VKS-TTH')!).send({ data: midyearReport2020('VKS-TTH') }).expect(200);
  });
});
