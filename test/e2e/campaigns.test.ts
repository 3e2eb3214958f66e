import { MikroORM } from '@mikro-orm/core';
import { Queue } from 'bullmq';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { QUEUES } from '../../src/queue/queue-names';
import { CampaignEvent } from '../../src/workflows/engine/entities/campaign-event.entity';
import { Notification } from '../../src/workflows/engine/entities/notification.entity';
import { bearerFor, startTestApp, TEST_REDIS_URL, TestApp } from '../support/test-app';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';
import { waitFor } from '../support/wait-for';

type Auth = { Authorization: string };
const HOUR = 3600 * 1000;


describe('campaigns: launch, inbox, commands, deadlines through BullMQ, history (e2e)', () => {
  let t: TestApp;
  let admin: Auth;
  let clusterId: string;
  let timers: Queue;

  beforeAll(async () => {
    t = await startTestApp({ role: 'all' });
    admin = await bearerFor(t, 'admin');
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    timers = new Queue(QUEUES.workflowTimers, { prefix: t.config.redis.prefix, connection: { url: TEST_REDIS_URL } });
  });
  afterAll(async () => {
    await timers?.close();
    await t?.close();
  });

  const launch = async (key: string, onDeadline: 'close' | 'mark-late' | 'escalate' = 'close') => {
    const version = await publishedVersion(t, key, fourStageDocument(onDeadline));
    const response = await t.http().post('/api/v1/campaigns').set(admin).send({ workflowVersionId: version.id, name: 'Giao ước 2020', year: 2020, clusterId }).expect(201);
    return response.body as { id: string; stages: Array<{ stageKey: string; status: string; iteration: number; progress: { summary: string } }> };
  };
  const detail = async (id: string) => (await t.http().get(`/api/v1/campaigns/${id}`).set(admin).expect(200)).body;
  const inbox = async (auth: Auth, campaignId: string) => (await t.http().get(`/api/v1/inbox?campaignId=${campaignId}`).set(auth).expect(200)).body;

  it('runs a four-stage campaign for Cluster No. 6 end to end, the deadline and the timer firing through BullMQ', async () => {
    const campaign = await launch('pact-e2e');
    expect(campaign.stages).toEqual([expect.objectContaining({ stageKey: 'draft-review', status: 'active', iteration: 1 })]);

    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const nghean = await bearerFor(t, 'nghean.canbo');
    const headInbox = await inbox(head, campaign.id);
    expect(headInbox.tasks).toHaveLength(1);
    expect(headInbox.tasks[0]).toMatchObject({ stageKey: 'draft-review', stageName: 'Cụm trưởng duyệt dự thảo', unitCode: 'VKS-THA', commands: ['approve', 'return'] });
    expect((await inbox(nghean, campaign.id)).tasks).toHaveLength(0);
    const reviewTask = headInbox.tasks[0].id;

    // Another unit's officer cannot act on the head unit's task.
    const denied = await t.http().post(`/api/v1/tasks/${reviewTask}/commands`).set(nghean).send({ command: 'approve' }).expect(403);
    expect(denied.body.code).toBe('NOT_MANDATED');
    // A return needs a reason; with one, the draft goes back for a second iteration.
    expect((await t.http().post(`/api/v1/tasks/${reviewTask}/commands`).set(head).send({ command: 'return' }).expect(422)).body.code).toBe('COMMENT_REQUIRED');
    await t.http().post(`/api/v1/tasks/${reviewTask}/commands`).set(head).send({ command: 'return', comment: 'Bổ sung phong trào nông thôn mới' }).expect(200);
    const second = (await inbox(head, campaign.id)).tasks[0];
    expect(second).toMatchObject({ stageKey: 'draft-review', iteration: 2 });
    await t.http().post(`/api/v1/tasks/${second.id}/commands`).set(head).send({ command: 'approve' }).expect(200);

    // Six member units now each have an acknowledge task.
    let state = await detail(campaign.id);
    const ack = state.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge');
    expect(ack.progress).toMatchObject({ total: 6, done: 0 });
    for (const username of ['thanhhoa.canbo', 'nghean.canbo', 'hatinh.canbo', 'quangbinh.canbo', 'quangtri.canbo']) {
      const auth = await bearerFor(t, username);
      const task = (await inbox(auth, campaign.id)).tasks[0];
      await t.http().post(`/api/v1/tasks/${task.id}/commands`).set(auth).send({ command: 'acknowledge' }).expect(200);
    }
    state = await detail(campaign.id);
    expect(state.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge').progress.summary).toBe('5/6 xong');

    // The reminder 30 minutes before the deadline reaches the one unit that has not acknowledged.
    const clock = t.app.get(Clock);
    clock.advance(31 * 60 * 1000);
    const reminder = await waitFor(async () => (await timers.getJob(`reminder-${ack.id}-0`)) ?? undefined, 'the reminder job to be relayed');
    await reminder.promote();
    const hue = await bearerFor(t, 'hue.canbo');
    const notices = await waitFor(async () => {
      const body = (await t.http().get('/api/v1/notifications?unread=true').set(hue).expect(200)).body;
      return body.length ? body : undefined;
    }, 'the reminder notice');
    expect(notices).toEqual([expect.objectContaining({ kind: 'reminder', campaignId: campaign.id, message: expect.objectContaining({ vi: expect.stringContaining('Nhắc việc') }) })]);
    expect((await t.http().get('/api/v1/notifications?unread=true').set(nghean).expect(200)).body).toEqual([]);
    await t.http().post(`/api/v1/notifications/${notices[0].id}/read`).set(hue).expect(204);
    expect((await t.http().get('/api/v1/notifications?unread=true').set(hue).expect(200)).body).toEqual([]);
    await t.http().post(`/api/v1/notifications/${notices[0].id}/read`).set(nghean).expect(404);

    // The deadline: move the clock past it and let BullMQ run the delayed job now.
    clock.advance(HOUR);
    await timers.promoteJobs();
    state = await waitFor(async () => {
      const d = await detail(campaign.id);
      return d.activeStages.includes('cool-off') ? d : undefined;
    }, 'the deadline to close the acknowledge stage');
    expect(state.stages.find((s: { stageKey: string }) => s.stageKey === 'acknowledge')).toMatchObject({ status: 'completed', outcome: 'timeout' });

    // The wait stage's timer, the same way.
    clock.advance(61 * 1000);
    await waitFor(async () => ((await timers.getDelayedCount()) > 0 ? true : undefined), 'the timer job to be relayed');
    await timers.promoteJobs();
    state = await waitFor(async () => {
      const d = await detail(campaign.id);
      return d.status === 'completed' ? d : undefined;
    }, 'the campaign to complete');
    expect(state.activeStages).toEqual([]);

    const history = (await t.http().get(`/api/v1/campaigns/${campaign.id}/history`).set(admin).expect(200)).body;
    expect(history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['campaign.launched', 'task.completed', 'stage.overdue', 'campaign.completed']));
    const verdict = (await t.http().get(`/api/v1/campaigns/${campaign.id}/verify`).set(admin).expect(200)).body;
    expect(verdict).toMatchObject({ intact: true, events: history.length });
  });

  it('detects tampering with the history', async () => {
    const campaign = await launch('pact-tamper');
    const em = t.app.get(MikroORM).em.fork();
    const event = await em.findOneOrFail(CampaignEvent, { campaign: campaign.id, seq: 2 });
    await em.nativeUpdate(CampaignEvent, { id: event.id }, { data: { ...event.data, stage: 'forged' } });
    const verdict = (await t.http().get(`/api/v1/campaigns/${campaign.id}/verify`).set(admin).expect(200)).body;
    expect(verdict).toMatchObject({ intact: false, brokenAtSeq: 2, reason: 'content changed' });
  });

  it('records exactly one of many concurrent completions of a task, and replays an Idempotency-Key', async () => {
    const campaign = await launch('pact-concurrency');
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const task = (await inbox(head, campaign.id)).tasks[0];
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => t.http().post(`/api/v1/tasks/${task.id}/commands`).set(head).send({ command: 'approve' })),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    const history = (await t.http().get(`/api/v1/campaigns/${campaign.id}/history`).set(admin).expect(200)).body;
    expect(history.filter((e: { type: string }) => e.type === 'task.completed')).toHaveLength(1);

    const officer = await bearerFor(t, 'hatinh.canbo');
    const ackTask = (await inbox(officer, campaign.id)).tasks[0];
    // A command the stage does not take, said as its button says it.
    const wrong = await t.http().post(`/api/v1/tasks/${ackTask.id}/commands`).set(officer).send({ command: 'approve' }).expect(400);
    expect(wrong.body).toEqual({ code: 'UNKNOWN_COMMAND', message: 'Thao tác "Duyệt" không áp dụng cho bước này.' });
    const first = await t.http().post(`/api/v1/tasks/${ackTask.id}/commands`).set(officer).set('Idempotency-Key', 'ack-hatinh-1').send({ command: 'acknowledge' }).expect(200);
    const replay = await t.http().post(`/api/v1/tasks/${ackTask.id}/commands`).set(officer).set('Idempotency-Key', 'ack-hatinh-1').send({ command: 'acknowledge' }).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await t.http().post(`/api/v1/tasks/${ackTask.id}/commands`).set(officer).set('Idempotency-Key', 'ack-hatinh-1').send({ command: 'acknowledge', comment: 'khác' }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('marks tasks late instead of closing under the mark-late policy, and refuses commands on closed work', async () => {
    const campaign = await launch('pact-late', 'mark-late');
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const review = (await inbox(head, campaign.id)).tasks[0];
    await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const closed = await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(409);
    // The stage by its name, never its key.
    expect(closed.body).toEqual({ code: 'STAGE_CLOSED', message: 'Bước "Cụm trưởng duyệt dự thảo" đã kết thúc.' });

    t.app.get(Clock).advance(2 * HOUR);
    const sweeper = t.app.get((await import('../../src/workflows/engine/recovery-sweeper.service')).RecoverySweeper);
    const report = await sweeper.sweep();
    expect(report.overdueHandled).toBeGreaterThanOrEqual(1);
    const officer = await bearerFor(t, 'quangbinh.canbo');
    const mine = await inbox(officer, campaign.id);
    expect(mine.tasks[0]).toMatchObject({ stageKey: 'acknowledge', late: true });
    expect(mine.counts.late).toBe(1);
    // A second sweep changes nothing: the deadline was applied once.
    expect((await sweeper.sweep()).overdueHandled).toBe(0);

    const cancelled = await t.http().post(`/api/v1/campaigns/${campaign.id}/cancel`).set(admin).send({ reason: 'Thử nghiệm' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const refused = await t.http().post(`/api/v1/tasks/${mine.tasks[0].id}/commands`).set(officer).send({ command: 'acknowledge' }).expect(409);
    expect(refused.body).toEqual({ code: 'CAMPAIGN_NOT_RUNNING', message: 'Đợt thi đua “Giao ước 2020” không còn hoạt động (đã hủy).' });
    const refusedEn = await t.http().post(`/api/v1/tasks/${mine.tasks[0].id}/commands`).set(officer).set('Accept-Language', 'en').send({ command: 'acknowledge' }).expect(409);
    expect(refusedEn.body.message).toBe('Campaign “Giao ước 2020” is no longer running (cancelled).');
  });

  it('escalates an overdue stage: every late unit and the cluster head are told once, by the stage and campaign names', async () => {
    const campaign = await launch('pact-escalate', 'escalate');
    const head = await bearerFor(t, 'thanhhoa.vientruong');
    const review = (await inbox(head, campaign.id)).tasks[0];
    await t.http().post(`/api/v1/tasks/${review.id}/commands`).set(head).send({ command: 'approve' }).expect(200);
    const quangbinh = await bearerFor(t, 'quangbinh.canbo');
    const mine = (await inbox(quangbinh, campaign.id)).tasks[0];
    await t.http().post(`/api/v1/tasks/${mine.id}/commands`).set(quangbinh).send({ command: 'acknowledge' }).expect(200);

    t.app.get(Clock).advance(2 * HOUR);
    const sweeper = t.app.get((await import('../../src/workflows/engine/recovery-sweeper.service')).RecoverySweeper);
    expect((await sweeper.sweep()).overdueHandled).toBeGreaterThanOrEqual(1);
    const em = t.app.get(MikroORM).em.fork();
    const notices = await em.find(Notification, { campaign: campaign.id, kind: 'escalation' }, { populate: ['unit'] });
    const cluster = await em.findOneOrFail(Cluster, clusterId, { populate: ['headUnit'] });
    const toHead = notices.filter((notice) => notice.dedupeKey.startsWith('escalation-') && !notice.task);
    expect(toHead.map((notice) => notice.unit?.code)).toEqual([cluster.headUnit!.code]);
    expect(toHead[0].message).toEqual({
      vi: '"Các đơn vị xác nhận" (Giao ước 2020) đã quá hạn; đề nghị cụm trưởng đôn đốc.',
      en: '"Các đơn vị xác nhận" (Giao ước 2020) is overdue; the cluster head is asked to follow up.',
    });
    // The five units that have not acknowledged, not the one that did.
    const toUnits = notices.filter((notice) => notice.task);
    expect(toUnits.map((notice) => notice.unit!.code).sort()).toEqual(['VKS-HTI', 'VKS-NAN', 'VKS-QTR', 'VKS-THA', 'VKS-TTH']);
    expect(toUnits[0].message.vi).toBe('"Các đơn vị xác nhận" (Giao ước 2020) quá hạn và đã báo cụm trưởng.');
    expect((await inbox(quangbinh, campaign.id)).counts.late).toBe(0);
    // Applied once: a second sweep adds nothing.
    expect((await sweeper.sweep()).overdueHandled).toBe(0);
    expect(await em.fork().count(Notification, { campaign: campaign.id, kind: 'escalation' })).toBe(6);
  });
});
