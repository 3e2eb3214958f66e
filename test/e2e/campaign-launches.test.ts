import { MikroORM } from '@mikro-orm/core';
import { Clock } from '../../src/modules/calendar/clock';
import { Cluster } from '../../src/modules/org/entities/cluster.entity';
import { Unit } from '../../src/modules/org/entities/unit.entity';
import { Campaign } from '../../src/workflows/engine/entities/campaign.entity';
import { Task } from '../../src/workflows/engine/entities/task.entity';
import { pageSessions } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { contentHash } from '../../src/common/hashing/canonical-json';
import { WorkflowVersion } from '../../src/workflows/engine/entities/workflow-version.entity';
import { fourStageDocument, publishedVersion } from '../support/workflow-factory';

type Json = Record<string, unknown>;

describe('the launch wizard: preview, cascade launch all or none, cancel (e2e)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let officer: { Authorization: string };
  let pactVersionId: string;
  let unitVersionId: string;
  let cluster6: string;
  let cluster7: string;

  const orm = () => t.app.get(MikroORM).em.fork();
  const campaignCount = () => orm().count(Campaign, {});

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearerFor(t, 'admin');
    officer = await bearerFor(t, 'thanhhoa.canbo');
    pactVersionId = (await publishedVersion(t, 'e2e-launch-pact', fourStageDocument('close'))).id;
    unitVersionId = (await publishedVersion(t, 'e2e-launch-unit', {
      name: { vi: 'Báo cáo đơn vị', en: 'Unit report' },
      subject: 'unit',
      start: 'report',
      stages: { report: { type: 'acknowledge', name: { vi: 'Đơn vị báo cáo' }, assignees: ['cluster-member'], due: { workingDays: 2 }, on: { acknowledged: 'done' } }, done: { type: 'end' } },
    })).id;
    const em = orm();
    cluster6 = (await em.findOneOrFail(Cluster, { name: 'Cụm thi đua số 6', year: 2020 })).id;
    // A second cluster of 2020 without a head: the review stage has no one to go to.
    const members = await em.find(Unit, { code: { $in: ['VKS-NAN', 'VKS-HTI'] } });
    const headless = em.create(Cluster, { name: 'Cụm thi đua số 7', year: 2020 });
    headless.members.set(members);
    await em.flush();
    cluster7 = headless.id;
  });
  afterAll(() => t?.close());

  const preview = (body: Json, language: 'vi' | 'en' = 'vi') => t.http().post('/api/v1/campaign-launches/preview').set(admin).set('Accept-Language', language).send(body);
  const launch = (body: Json) => t.http().post('/api/v1/campaign-launches').set(admin).send(body);
  const cascade = { workflowVersionId: '', year: 2020, subjectKind: 'every-cluster', startsOn: '2020-02-13' };

  it('previews a launch by rehearsing it: first tasks by name, the stages’ dates, nothing kept', async () => {
    const before = await campaignCount();
    const plan = (await preview({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6, startsOn: '2020-02-13' }).expect(200)).body;
    expect(plan).toMatchObject({ workflow: { key: 'e2e-launch-pact', name: 'Giao ước thử nghiệm', version: 1 }, year: 2020, startsOn: '2020-02-13', launched: false });
    expect(plan.subjects).toEqual([
      expect.objectContaining({
        name: 'Cụm thi đua số 6',
        outcome: 'ready',
        campaignName: 'Giao ước thử nghiệm năm 2020 – Cụm thi đua số 6',
        campaign: null,
        problem: null,
        firstTasks: [{ stage: 'Cụm trưởng duyệt dự thảo', assignee: 'Viện kiểm sát nhân dân tỉnh Thanh Hóa', dueAt: null }],
      }),
    ]);
    // The main path, each stage starting when the previous is due; 2020-02-13 has passed, so the time counts from now.
    expect(plan.schedule.map((row: Json) => row.stageKey)).toEqual(['draft-review', 'acknowledge', 'cool-off', 'done']);
    expect(Date.parse(plan.countedFrom)).toBeGreaterThan(Date.parse('2026-01-01'));
    const acknowledge = plan.schedule[1];
    expect(Date.parse(acknowledge.dueAt) - Date.parse(acknowledge.startsAt)).toBe(3600_000);
    expect(Date.parse(acknowledge.reminders[0])).toBe(Date.parse(acknowledge.dueAt) - 1800_000);
    expect(await campaignCount()).toBe(before);
  });

  it('refuses a cascade where one cluster cannot start, naming it and why, and launches nothing', async () => {
    const before = await campaignCount();
    const plan = (await preview({ ...cascade, workflowVersionId: pactVersionId }).expect(200)).body;
    expect(plan.subjects.map((s: Json) => [s.name, s.outcome])).toEqual([['Cụm thi đua số 6', 'ready'], ['Cụm thi đua số 7', 'refused']]);
    expect(plan.subjects[1].problem).toEqual({ code: 'ASSIGNEE_NOT_FOUND', message: 'Bước "Cụm trưởng duyệt dự thảo": không xác định được người/đơn vị thực hiện (cụm trưởng).' });
    const english = (await preview({ ...cascade, workflowVersionId: pactVersionId }, 'en').expect(200)).body;
    expect(english.subjects[1].problem.message).toBe('Stage "Cụm trưởng duyệt dự thảo": no assignee found for cluster head.');

    const refused = await launch({ ...cascade, workflowVersionId: pactVersionId }).expect(422);
    expect(refused.body).toMatchObject({ code: 'LAUNCH_REFUSED', details: { subjects: [{ name: 'Cụm thi đua số 7', code: 'ASSIGNEE_NOT_FOUND' }] } });
    expect(refused.body.message).toContain('Cụm thi đua số 7');
    expect(await campaignCount()).toBe(before);
  });

  it('launches one campaign per cluster once every cluster can start, and skips them when asked again', async () => {
    const em = orm();
    const headless = await em.findOneOrFail(Cluster, cluster7);
    headless.headUnit = await em.findOneOrFail(Unit, { code: 'VKS-NAN' });
    await em.flush();

    const launched = (await launch({ ...cascade, workflowVersionId: pactVersionId, nameTemplate: 'Giao ước {year} – {subject}' }).expect(201)).body;
    expect(launched.launched).toBe(true);
    expect(launched.subjects.map((s: Json) => [s.name, s.outcome, (s.campaign as Json).name])).toEqual([
      ['Cụm thi đua số 6', 'launched', 'Giao ước 2020 – Cụm thi đua số 6'],
      ['Cụm thi đua số 7', 'launched', 'Giao ước 2020 – Cụm thi đua số 7'],
    ]);
    const ids = launched.subjects.map((s: Json) => (s.campaign as Json).id as string);
    const tasks = await orm().find(Task, { campaign: { $in: ids } }, { populate: ['assigneeUnit'] });
    expect(tasks.map((task) => task.assigneeUnit?.code).sort()).toEqual(['VKS-NAN', 'VKS-THA']);
    const detail = (await t.http().get(`/api/v1/campaigns/${ids[1]}`).set(admin).expect(200)).body;
    expect(detail).toMatchObject({ status: 'running', activeStages: ['draft-review'] });

    const again = (await launch({ ...cascade, workflowVersionId: pactVersionId }).expect(201)).body;
    expect(again.launched).toBe(false);
    expect(again.subjects.map((s: Json) => s.outcome)).toEqual(['skipped', 'skipped']);
    // One cluster named on its own is refused instead: it already runs this workflow.
    const single = (await preview({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6 }).expect(200)).body;
    expect(single.subjects[0]).toMatchObject({ outcome: 'refused', problem: { code: 'LAUNCH_ALREADY_LAUNCHED' } });
    expect(single.subjects[0].problem.message).toBe('“Cụm thi đua số 6” đã có đợt “Giao ước 2020 – Cụm thi đua số 6” của quy trình này trong năm 2020.');
  });

  it('counts due dates from a start day still ahead', async () => {
    // Monday 2 March 2026, 09:00 in Vietnam; the campaign starts Monday the 16th.
    t.app.get(Clock).set(new Date('2026-03-02T02:00:00Z'));
    const hatinh = await orm().findOneOrFail(Unit, { code: 'VKS-HTI' });
    const body = { workflowVersionId: unitVersionId, year: 2026, subjectKind: 'unit', unitId: hatinh.id, startsOn: '2026-03-16' };
    const plan = (await preview(body).expect(200)).body;
    expect(plan.countedFrom).toBe('2026-03-15T17:00:00.000Z');
    // Two working days from Monday the 16th: the end of Wednesday the 18th.
    expect(plan.schedule[0]).toMatchObject({ name: 'Đơn vị báo cáo', dueAt: '2026-03-18T16:59:59.999Z' });
    const launched = (await launch(body).expect(201)).body;
    const task = await orm().findOneOrFail(Task, { campaign: launched.subjects[0].campaign.id });
    expect(task.dueAt?.toISOString()).toBe('2026-03-18T16:59:59.999Z');
  });

  it('refuses bad requests with coded messages and changes nothing', async () => {
    const before = await campaignCount();
    const outside = await preview({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6, startsOn: '2021-01-05' }).expect(422);
    // The day as each reader writes it; the subject kinds in words, in the reader's language only.
    expect(outside.body).toMatchObject({ code: 'LAUNCH_START_OUTSIDE_YEAR', message: 'Ngày bắt đầu 05/01/2021 không thuộc năm 2020 của đợt thi đua.' });
    const outsideEn = await preview({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6, startsOn: '2021-01-05' }, 'en').expect(422);
    expect(outsideEn.body.message).toBe('The start date 2021-01-05 is not in the campaign’s year 2020.');
    expect((await preview({ workflowVersionId: unitVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6 }).expect(422)).body).toMatchObject({
      code: 'LAUNCH_SUBJECT_MISMATCH',
      message: 'Quy trình “Báo cáo đơn vị” chạy cho đơn vị; hãy chọn đối tượng phù hợp.',
    });
    expect((await preview({ workflowVersionId: unitVersionId, year: 2020, subjectKind: 'cluster', clusterId: cluster6 }, 'en').expect(422)).body.message).toBe(
      'Workflow “Unit report” runs for a unit; choose a matching subject.',
    );
    expect((await preview({ workflowVersionId: pactVersionId, year: 2021, subjectKind: 'cluster', clusterId: cluster6 }).expect(422)).body).toMatchObject({
      code: 'LAUNCH_CLUSTER_OTHER_YEAR',
      message: '“Cụm thi đua số 6” là cụm thi đua năm 2020, không phải năm 2021.',
    });
    expect((await preview({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'cluster' }).expect(422)).body).toMatchObject({
      code: 'LAUNCH_SUBJECT_REQUIRED',
      message: 'Hãy chọn cụm thi đua để phát động.',
    });
    expect((await preview({ workflowVersionId: pactVersionId, year: 2031, subjectKind: 'every-cluster' }, 'en').expect(422)).body).toMatchObject({
      code: 'LAUNCH_NO_SUBJECTS',
      message: 'There are no clusters of 2031 to launch for.',
    });
    expect((await launch({ workflowVersionId: cluster6, year: 2020, subjectKind: 'every-cluster' }).expect(404)).body.code).toBe('WORKFLOW_VERSION_NOT_FOUND');
    expect((await launch({ workflowVersionId: pactVersionId, year: 2020, subjectKind: 'everyone' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().post('/api/v1/campaign-launches').set(officer).send({ ...cascade, workflowVersionId: pactVersionId }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect(await campaignCount()).toBe(before);
  });

  it('serves the wizard to administrators: the preview, a refusal with each reason, and the cancel form', async () => {
    const pages = pageSessions(t);
    const wizard = await pages.page('admin', '/admin/campaigns/new');
    expect(wizard).toContain('Phát động đợt thi đua');
    expect(wizard).toContain('Giao ước thử nghiệm — phiên bản 1');
    await pages.get('thanhhoa.canbo', '/admin/campaigns/new', 403);

    const form = { workflowVersionId: unitVersionId, year: '2026', subjectKind: 'units-of-type', unitType: 'provincial', startsOn: '2026-03-16', clusterId: '', unitId: '', nameTemplate: '' };
    const previewed = (await pages.post('admin', '/admin/campaigns/new', { ...form, action: 'preview' }, 200)).text;
    expect(previewed).toContain('Xem trước: Báo cáo đơn vị (1), năm 2026');
    expect(previewed).toContain('Viện kiểm sát nhân dân tỉnh Nghệ An');
    // Hà Tĩnh already runs it this year (the test above): skipped, not launched twice.
    expect(previewed).toMatch(/Viện kiểm sát nhân dân tỉnh Hà Tĩnh<\/strong> — Bỏ qua: đã có đợt trong năm/);

    const refused = (await pages.post('admin', '/admin/campaigns/new', { ...form, year: '2020', startsOn: '2021-01-01', action: 'launch' }, 422)).text;
    expect(refused).toContain('Ngày bắt đầu 01/01/2021 không thuộc năm 2020 của đợt thi đua.');
    // Fields the form refuses are named by their labels, not their names in the request.
    const badDay = (await pages.post('admin', '/admin/campaigns/new', { ...form, startsOn: '16/03/2026', action: 'preview' }, 400)).text;
    expect(badDay).toContain('Dữ liệu không hợp lệ: Ngày bắt đầu.');
    const badShare = (await pages.post('admin', '/admin/campaigns/new', { ...form, lateShare: '150', action: 'simulate' }, 400, 'en')).text;
    expect(badShare).toContain('Invalid data: Share of late units (%).');

    const campaignId = (await orm().findOneOrFail(Campaign, { name: 'Giao ước 2020 – Cụm thi đua số 7' })).id;
    expect(await pages.page('admin', `/campaigns/${campaignId}`)).toContain('Hủy đợt thi đua');
    expect(await pages.page('thanhhoa.canbo', `/campaigns/${campaignId}`)).not.toContain('cancel-reason');
    const unconfirmed = await pages.post('admin', `/admin/campaigns/${campaignId}/cancel`, { reason: 'Cụm giải thể' }, 400);
    expect(unconfirmed.text).toContain('không thể hoàn tác');
    expect((await orm().findOneOrFail(Campaign, campaignId)).status).toBe('running');
    await pages.post('admin', `/admin/campaigns/${campaignId}/cancel`, { reason: 'Cụm giải thể', confirm: 'yes' }, 303);
    const cancelled = await orm().findOneOrFail(Campaign, campaignId);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Cụm giải thể' });
    expect(await orm().count(Task, { campaign: campaignId, status: 'open' })).toBe(0);
    expect(await pages.page('admin', `/campaigns/${campaignId}?flash=cancelled`)).toContain('Đợt thi đua đã được hủy.');
  });

  it('moves a running campaign to a newer version when its active stages are there, and refuses otherwise with every reason', async () => {
    const em = orm();
    const campaign = await em.findOneOrFail(Campaign, { name: 'Giao ước 2020 – Cụm thi đua số 6' }, { populate: ['workflowVersion.definition'] });
    const definition = campaign.workflowVersion.definition;
    const v2Document = fourStageDocument('close');
    v2Document.stages['draft-review'].on = { approved: 'legal', returned: 'draft-review' };
    v2Document.stages.legal = { type: 'review', name: { vi: 'Thẩm định pháp lý' }, assignees: ['cluster-deputy'], on: { approved: 'acknowledge', returned: 'draft-review' } };
    const v3Document = fourStageDocument('close');
    v3Document.stages.review = { ...v3Document.stages['draft-review'], on: { approved: 'acknowledge', returned: 'review' } };
    v3Document.start = 'review';
    delete v3Document.stages['draft-review'];
    const version = (number: number, document: typeof v2Document) => em.create(WorkflowVersion, { definition, number, document, contentHash: contentHash(document), publishedAt: new Date() });
    const v2 = version(2, v2Document);
    const v3 = version(3, v3Document);
    await em.flush();
    const openTasks = await orm().count(Task, { campaign: campaign.id, status: 'open' });

    const migrate = (versionId: string) => t.http().post(`/api/v1/campaigns/${campaign.id}/migration`).set(admin).send({ workflowVersionId: versionId });
    const moved = (await migrate(v2.id).expect(200)).body;
    expect(moved).toMatchObject({ workflowVersion: 2, activeStages: ['draft-review'], status: 'running' });
    expect(await orm().count(Task, { campaign: campaign.id, status: 'open' })).toBe(openTasks);
    const history = (await t.http().get(`/api/v1/campaigns/${campaign.id}/history`).set(admin).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ type: 'campaign.migrated', data: { fromVersion: 1, toVersion: 2 } });
    expect((await t.http().get(`/api/v1/campaigns/${campaign.id}/verify`).set(admin).expect(200)).body.intact).toBe(true);

    const refused = await migrate(v3.id).expect(422);
    expect(refused.body).toMatchObject({ code: 'CAMPAIGN_MIGRATION_REFUSED', details: { reasons: [{ vi: 'bước đang diễn ra “Cụm trưởng duyệt dự thảo” không có trong phiên bản 3' }] } });
    expect(refused.body.message).toBe('Không chuyển được “Giao ước 2020 – Cụm thi đua số 6” từ phiên bản 2 sang 3: bước đang diễn ra “Cụm trưởng duyệt dự thảo” không có trong phiên bản 3.');
    const older = await migrate(pactVersionId).expect(422);
    expect(older.body.message).toContain('phiên bản 1 không mới hơn phiên bản 2 đang dùng');
    expect((await em.fork().findOneOrFail(Campaign, campaign.id, { populate: ['workflowVersion'] })).workflowVersion.number).toBe(2);

    // The page offers the newer version; the refusal comes back as a page with its reasons.
    const pages = pageSessions(t);
    const page = await pages.page('admin', `/campaigns/${campaign.id}`);
    expect(page).toContain('Chuyển sang phiên bản mới của quy trình');
    expect(page).toContain('phiên bản 3');
    const pageRefusal = await pages.post('admin', `/admin/campaigns/${campaign.id}/migration`, { workflowVersionId: v3.id }, 422);
    expect(pageRefusal.text).toContain('không có trong phiên bản 3');
  });
});
