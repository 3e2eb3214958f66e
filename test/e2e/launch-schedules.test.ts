import { MikroORM } from '@mikro-orm/core';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Json = Record<string, unknown>;

describe('launch schedules API and page (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let clusterId: string;

  beforeAll(async () => {
    // Role all: "run now" needs a worker to run the flow.
    t = await startTestApp({ role: 'all' });
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'thanhhoa.canbo');
    await publishedVersion(t, 'e2e-year-end', fourStageDocument('close'));
    await publishedVersion(t, 'e2e-unit-report', { name: { vi: 'Báo cáo đơn vị' }, subject: 'unit', start: 'done', stages: { done: { type: 'end' } } });
    clusterId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
  });
  afterAll(() => t?.close());

  const create = (body: Json) => t.http().post('/api/v1/launch-schedules').set(admin).send(body);
  const valid = { workflowKey: 'e2e-year-end', year: 2020, subjectKind: 'every-active-cluster', date: '--11-15', shift: 'next-working-day', nameTemplate: 'Tổng kết, chấm điểm năm {year} — {subject}' };

  it('refuses bad schedules with coded Vietnamese and English messages at their paths', async () => {
    const unknown = await create({ ...valid, workflowKey: 'no-such-workflow' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'SCHEDULE_WORKFLOW_NOT_FOUND' });
    expect(unknown.body.message).toContain('no-such-workflow');

    const badDate = await create({ ...valid, date: '--02-30' }).expect(422);
    expect(badDate.body).toMatchObject({ code: 'SCHEDULE_DATE_RULE_INVALID', details: [{ path: 'date' }] });
    expect(badDate.body.message).toMatch(/^Ngày phát động “--02-30” không hợp lệ cho năm 2020/);
    const english = await t.http().post('/api/v1/launch-schedules').set(admin).set('Accept-Language', 'en').send({ ...valid, date: '11-15' }).expect(422);
    expect(english.body.message).toMatch(/^Launch date “11-15” is not valid for 2020/);
    await create({ ...valid, date: '--02-29', year: 2021 }).expect(422);

    const mismatch = await create({ ...valid, subjectKind: 'units-of-type', unitType: 'provincial' }).expect(422);
    expect(mismatch.body).toMatchObject({ code: 'SCHEDULE_SUBJECT_MISMATCH', details: [{ path: 'subjectKind' }] });
    // The workflow by its name and the subjects in words, never the workflow's key or the subject's.
    expect(mismatch.body.message).toBe('Quy trình “Giao ước thử nghiệm” chạy cho cụm thi đua, nhưng lịch chọn đối tượng “các đơn vị cùng loại”.');
    const unitMismatch = await create({ ...valid, workflowKey: 'e2e-unit-report' }).set('Accept-Language', 'en').expect(422);
    expect(unitMismatch.body).toMatchObject({
      code: 'SCHEDULE_SUBJECT_MISMATCH',
      message: 'Workflow “Báo cáo đơn vị” runs for a unit, but the schedule’s subject is “every active cluster”.',
    });
    expect((await create({ ...valid, workflowKey: 'e2e-unit-report', subjectKind: 'units-of-type' }).expect(422)).body.code).toBe('SCHEDULE_UNIT_TYPE_REQUIRED');
    expect((await create({ ...valid, nameTemplate: 'Năm {nam}' }).expect(422)).body).toMatchObject({ code: 'SCHEDULE_NAME_TEMPLATE_INVALID', details: [{ path: 'nameTemplate' }] });
    expect((await create({ ...valid, shift: 'sometime' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('is for administrators only', async () => {
    await t.http().get('/api/v1/launch-schedules').expect(401);
    expect((await t.http().get('/api/v1/launch-schedules').set(officer).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    await t.http().post('/api/v1/launch-schedules').set(officer).send(valid).expect(403);
  });

  it('creates, lists with the next run, runs now once per subject, reports duplicates as existed, and shows it all on the page', async () => {
    const created = await create(valid).expect(201);
    const id: string = created.body.id;
    // 15 Nov 2020 is a Sunday: the run day is Monday the 16th, from 00:00 in Vietnam.
    expect(created.body).toMatchObject({ workflowKey: 'e2e-year-end', runDate: '2020-11-16', nextRunAt: '2020-11-15T17:00:00.000Z', enabled: true, results: { subjects: 1, pending: 1 } });
    expect((await create(valid).expect(409)).body).toEqual({
      code: 'LAUNCH_SCHEDULE_EXISTS',
      message: 'Đã có lịch phát động quy trình “Giao ước thử nghiệm” cho năm 2020 với cùng đối tượng.',
    });

    const listed = await t.http().get('/api/v1/launch-schedules').set(admin).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, nextRunAt: '2020-11-15T17:00:00.000Z' })]);

    const disabled = await t.http().patch(`/api/v1/launch-schedules/${id}`).set(admin).send({ enabled: false, version: created.body.version }).expect(200);
    expect(disabled.body).toMatchObject({ enabled: false, nextRunAt: null });
    expect((await t.http().patch(`/api/v1/launch-schedules/${id}`).set(admin).send({ enabled: true, version: created.body.version }).expect(409)).body.code).toBe('LAUNCH_SCHEDULE_CHANGED');
    expect((await t.http().patch(`/api/v1/launch-schedules/${id}`).set(admin).send({ date: '--04-31' }).expect(422)).body).toMatchObject({ code: 'SCHEDULE_DATE_RULE_INVALID', details: [{ path: 'date' }] });
    await t.http().patch(`/api/v1/launch-schedules/${id}`).set(admin).send({ enabled: true }).expect(200);

    const before = await t.http().get(`/api/v1/launch-schedules/${id}/runs`).set(admin).expect(200);
    expect(before.body.items).toEqual([expect.objectContaining({ subjectKey: `cluster:${clusterId}`, subjectName: 'Cụm thi đua số 6 (2020)', status: 'pending', campaign: null })]);

    const run = await t.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send().expect(202);
    expect(run.body).toEqual({ jobId: `schedule-run-${id}-2020`, subjects: 1 });
    const launched = await waitFor(async () => {
      const runs = await t.http().get(`/api/v1/launch-schedules/${id}/runs`).set(admin).expect(200);
      return runs.body.lastRun && runs.body.items[0].status === 'launched' ? runs.body : undefined;
    }, 'the run to launch the cluster’s campaign');
    expect(launched.items[0].campaign).toEqual({ id: expect.any(String), name: 'Tổng kết, chấm điểm năm 2020 — Cụm thi đua số 6' });
    expect(launched.lastRun).toMatchObject({ year: 2020, subjects: 1, launched: 1, existed: 0, failed: 0 });

    // Run again: nothing new, the subject is reported as existed.
    await t.http().post(`/api/v1/launch-schedules/${id}/run-now`).set(admin).send().expect(202);
    const again = await waitFor(async () => {
      const body = (await t.http().get(`/api/v1/launch-schedules/${id}/runs`).set(admin).expect(200)).body;
      return body.lastRun?.existed === 1 ? body : undefined;
    }, 'the second run to finish');
    expect(again.items[0]).toMatchObject({ status: 'launched', lastOutcome: 'existed' });
    expect(await t.app.get(MikroORM).em.fork().count(Campaign, { subjectCluster: clusterId, year: 2020, workflowVersion: { definition: { key: 'e2e-year-end' } } })).toBe(1);
    const after = await t.http().get(`/api/v1/launch-schedules/${id}`).set(admin).expect(200);
    expect(after.body).toMatchObject({ nextRunAt: null, results: { subjects: 1, launched: 1, pending: 0 } });

    const pages = pageSessions(t);
    const vi = await pages.page('admin', '/admin/schedules');
    expect(vi).toContain('Lịch tự động phát động');
    expect(vi).toContain('Cụm thi đua số 6 (2020)');
    expect(vi).toContain(`<a href="/campaigns/${launched.items[0].campaign.id}">Tổng kết, chấm điểm năm 2020 — Cụm thi đua số 6</a>`);
    expect(vi).toContain('Đã phát động');
    expect(vi).toContain('Chạy ngay');
    expect(vi).toContain('<a href="/admin/schedules" aria-current="page">Lịch phát động</a>');
    expect(vi).toContain('ngày 15/11, hoặc ngày làm việc đầu tiên sau đó');
    expect(vi).not.toContain(`cluster:${clusterId}`);
    const en = (await pages.get('admin', '/admin/schedules', 200, 'en')).text;
    expect(en).toContain('Scheduled launches');
    expect(en).toContain('Run now');
    expect(en).toContain('Launched');
    expect(en).toContain('Cụm thi đua số 6 (2020)');
    const forbidden = await pages.get('thanhhoa.canbo', '/admin/schedules', 403);
    expect(forbidden.text).not.toContain('Lịch phát động');

    // The page's button: a CSRF-protected post that starts a run and comes back with a notice.
    const posted = await pages.post('admin', `/admin/schedules/${id}/run-now`, {}, 303);
    expect(posted.headers.location).toBe('/admin/schedules?flash=run-started');

    await t.http().delete(`/api/v1/launch-schedules/${id}`).set(admin).expect(204);
    await t.http().get(`/api/v1/launch-schedules/${id}`).set(admin).expect(404);
    // The campaign it launched stays.
    expect(await t.app.get(MikroORM).em.fork().count(Campaign, { id: launched.items[0].campaign.id })).toBe(1);
  });

  it('schedules a unit workflow for every provincial unit', async () => {
    const created = await create({ workflowKey: 'e2e-unit-report', year: 2020, subjectKind: 'units-of-type', unitType: 'provincial', date: '--06-30' }).expect(201);
    // The six provincial procuracies and the department, all directly under the Supreme Procuracy.
    expect(created.body.results.subjects).toBe(7);
    const runs = await t.http().get(`/api/v1/launch-schedules/${created.body.id}/runs`).set(admin).expect(200);
    expect(runs.body.items.map((i: { subjectName: string }) => i.subjectName)).toContain('Viện kiểm sát nhân dân tỉnh Thanh Hóa');
  });
});
